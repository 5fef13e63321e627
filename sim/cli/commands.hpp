#pragma once
// The sub-commands, as functions of their options and output streams, so tests can call them
// without a process. Each returns an exit code (cli/app.hpp).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "model/scenario.hpp"

namespace partnersim {

struct ScenarioChoice {
    std::filesystem::path file;
    std::vector<std::string> overrides;  // --set key=value, applied in order
    std::optional<std::uint64_t> seed;   // --seed
    std::optional<std::int64_t> replicates;  // --replicates
};

struct RunCommandOptions {
    ScenarioChoice scenario;
    std::filesystem::path output;
    int threads = 0;
    bool force = false;
    bool quiet = false;
    std::uint64_t trace_runs = 0;
    std::string command_line;
};

// The scenario file with every override applied and checked; throws ScenarioError.
Scenario resolve_scenario(const ScenarioChoice& choice);

int run_command(const RunCommandOptions& options, std::ostream& out, std::ostream& err);
int check_command(const ScenarioChoice& choice, std::ostream& out, std::ostream& err);
int params_command(std::ostream& out);
int summary_command(const std::filesystem::path& results, std::ostream& out, std::ostream& err);

}  // namespace partnersim
