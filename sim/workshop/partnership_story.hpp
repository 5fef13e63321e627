#pragma once
// One partnership's story: the monthly state of every partner in one traced run (the engine's
// --trace data, /agents in the results file) and the events of that run that the page marks on
// its timeline: the facilitator joining, the contract ending, partners leaving, the
// partnership's events (a focal point or the facilitator's lead leaving, a change of leadership
// at the funder, a budget cut, a crisis in the field, a breach of trust, a partner joining) and
// the month the run was judged struggling or collapsed.
//
// The network is the model's own: each partner's two strongest ties, as the trace records them.

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
//  "ties": [month][[i, j, weight]], "events": [{"month", "kind", "label"}] in month order,
//  "outcome": "thriving"|...}; values missing (a
// partner not yet or no longer there) are null. Throws RequestError for a run not traced.
nlohmann::json partnership_story(const StoryRequest& request);

}  // namespace partnersim::workshop
