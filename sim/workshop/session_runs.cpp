#include "workshop/session_runs.hpp"

#include <unistd.h>

#include <chrono>
#include <fstream>
#include <stdexcept>

#include "app/check_scenario.hpp"
#include "app/export_results.hpp"
#include "app/run_experiment.hpp"
#include "app/scenario_request.hpp"
#include "model/parameters.hpp"
#include "workshop/bundled_scenarios.hpp"
#include "workshop/controls.hpp"
#include "workshop/limits.hpp"

namespace partnersim::workshop {

using nlohmann::json;

namespace {

std::filesystem::path make_folder(const std::filesystem::path& parent) {
    std::string pattern = (parent / "partnersim-workshop-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("cannot make a session folder under " + parent.string());
    }
    return pattern;
}

app::ScenarioRequest scenario_request(const std::filesystem::path& file,
                                      const DesignRequest& design) {
    app::ScenarioRequest request{file, design.overrides, std::nullopt, std::nullopt, false};
    if (design.replicates > 0) {  // a design to run, not only a scenario to show
        request.seed = design.seed;
        request.replicates = design.replicates;
    }
    return request;
}

json value_json(const ParameterValue& value) {
    return std::visit([](const auto& v) { return json(v); }, value);
}

}  // namespace

SessionRuns::SessionRuns(const std::filesystem::path& parent) : folder_(make_folder(parent)) {
    std::filesystem::create_directories(folder_ / "scenarios");
    std::filesystem::create_directories(folder_ / "runs");
    for (const BundledScenario& scenario : bundled_scenarios()) {
        std::ofstream(scenario_file(scenario.id), std::ios::binary) << scenario.text;
    }
}

SessionRuns::~SessionRuns() {
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
}

std::filesystem::path SessionRuns::scenario_file(const std::string& scenario) const {
    std::string name = scenario;
    for (char& c : name) c = c == '/' ? '-' : c;
    return folder_ / "scenarios" / (name + ".toml");
}

SessionRun SessionRuns::run(const DesignRequest& design) {
    const auto request = scenario_request(scenario_file(design.scenario), design);
    if (app::resolve_experiment(request).sweep) {
        throw RequestError("scenario", "the workshop runs one design at a time, not a sweep");
    }
    const Scenario scenario = app::resolve_scenario(request);
    SessionRun run;
    run.design = design;
    {
        std::lock_guard lock(mutex_);
        run.id = next_id_++;
    }
    run.results = folder_ / "runs" / ("run-" + std::to_string(run.id) + ".h5");
    const auto value = [&](std::string_view key) { return find_parameter(key)->get(scenario); };
    if (std::get<std::string>(value("setup.duration")) == "time_bound") {
        run.contract_end = static_cast<int>(std::get<std::int64_t>(value("setup.end_month")));
    }
    run.join_month = static_cast<int>(std::get<std::int64_t>(value("setup.join_month")));

    app::RunRequest run_request;
    run_request.scenario = request;
    run_request.output = run.results;
    run_request.trace_runs = story_runs;
    run_request.command_line = "partnersim workshop";
    const auto start = std::chrono::steady_clock::now();
    app::run_experiment(run_request);
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::lock_guard lock(mutex_);
    runs_[run.id] = run;
    // A long session keeps its latest runs; the page asks again for an older one.
    while (runs_.size() > kept_runs) {
        std::error_code ignored;
        std::filesystem::remove(runs_.begin()->second.results, ignored);
        runs_.erase(runs_.begin());
    }
    return run;
}

SessionRun SessionRuns::find(std::uint64_t id) const {
    std::lock_guard lock(mutex_);
    const auto found = runs_.find(id);
    if (found == runs_.end()) {
        throw RequestError("run", "run " + std::to_string(id) +
                                      " is not (or no longer) kept; "
                                      "press Run again");
    }
    return found->second;
}

std::string SessionRuns::scenario_toml(const DesignRequest& design) const {
    return app::check_scenario(scenario_request(scenario_file(design.scenario), design))
        .scenario_toml;
}

std::filesystem::path SessionRuns::csv_of(const SessionRun& run) {
    const std::filesystem::path folder =
        folder_ / "runs" / ("run-" + std::to_string(run.id) + "-csv");
    const auto written = app::export_results({run.results, folder, false, true});
    // runs.csv: one row per run, its final value of every measure (analysis/csv_export.hpp).
    for (const auto& file : written) {
        if (file.filename() == "runs.csv") return file;
    }
    throw std::runtime_error("the export wrote no runs.csv");
}

json SessionRuns::control_values(const std::string& scenario) const {
    DesignRequest design;
    design.scenario = scenario;
    const Scenario resolved =
        app::resolve_scenario(scenario_request(scenario_file(scenario), design));
    json values = json::object();
    for (const Control& control : facilitator_controls()) {
        values[std::string(control.parameter)] = value_json(spec_of(control).get(resolved));
    }
    return values;
}

}  // namespace partnersim::workshop
