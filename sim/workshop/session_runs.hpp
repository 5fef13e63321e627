#pragma once
// The workshop session's runs: a temporary folder of its own (removed when the session ends)
// that holds the bundled scenarios as files and one results file per run, each run known to
// the page by a number. Nothing a client sends becomes a path: it names a bundled scenario by
// id and a run by number, and the server makes every path inside this folder.

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "workshop/design_request.hpp"

namespace partnersim::workshop {

struct SessionRun {
    std::uint64_t id = 0;
    DesignRequest design;
    std::filesystem::path results;
    std::optional<int> contract_end;  // setup.end_month of a time-bound design
    std::optional<int> join_month;    // setup.join_month
    double seconds = 0;               // wall time of the run
};

class SessionRuns {
public:
    // Makes a fresh folder under `parent` (the system's temporary folder by default).
    explicit SessionRuns(
        const std::filesystem::path& parent = std::filesystem::temp_directory_path());
    ~SessionRuns();
    SessionRuns(const SessionRuns&) = delete;
    SessionRuns& operator=(const SessionRuns&) = delete;

    const std::filesystem::path& folder() const { return folder_; }
    // The bundled scenario's file in the folder.
    std::filesystem::path scenario_file(const std::string& scenario) const;

    // Runs the design's replicates (all cores, TBB) into a new results file. Throws InputError
    // for a design the model rejects (e.g. a join month after the horizon), RequestError for a
    // sweep scenario.
    SessionRun run(const DesignRequest& design);
    // Throws RequestError for a run that does not exist (or was removed).
    SessionRun find(std::uint64_t id) const;
    // The design's scenario, every override applied, as TOML (app/check_scenario.hpp).
    std::string scenario_toml(const DesignRequest& design) const;
    // The run's final values per run as CSV (app/export_results.hpp); its path.
    std::filesystem::path csv_of(const SessionRun& run);
    // The controls' values in a scenario, for the page: {"key": value}.
    nlohmann::json control_values(const std::string& scenario) const;

private:
    std::filesystem::path folder_;
    mutable std::mutex mutex_;
    std::map<std::uint64_t, SessionRun> runs_;
    std::uint64_t next_id_ = 1;
};

}  // namespace partnersim::workshop
