#pragma once
// One partnership's story: the monthly state of every partner in one traced run (the engine's
// --trace data, /agents in the results file) and the events of that run that the page marks on
// its timeline: the facilitator joining, the contract ending, partners leaving, and the month the
// run was judged struggling or collapsed.
//
// The trace records each partner's trust, capacity, candour and attendance, not the tie weights
// between partners; the page draws ties from shared attendance (partners at the same activities
// in recent months) and says so.

#include <cstdint>
#include <filesystem>
#include <optional>

#include <nlohmann/json.hpp>

namespace partnersim::workshop {

struct StoryRequest {
    std::filesystem::path results;
    std::uint64_t run = 0;            // a traced run (run_index < the file's traced runs)
    std::optional<int> join_month;    // setup.join_month, when the facilitator joins later
    std::optional<int> contract_end;  // setup.end_month of a time-bound partnership
};

// {"run", "months", "partners", "trust": [month][partner], "capacity", "candour", "present",
//  "events": [{"month", "kind", "label"}], "outcome": "thriving"|...}; values missing (a
// partner not yet or no longer there) are null. Throws RequestError for a run not traced.
nlohmann::json partnership_story(const StoryRequest& request);

}  // namespace partnersim::workshop
