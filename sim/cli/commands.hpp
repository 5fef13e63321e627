#pragma once
// The sub-commands, as functions of their options and output streams, so tests can call them
// without a process. Each returns an exit code (cli/app.hpp).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "io/experiment_file.hpp"
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
    bool resume = false;            // finish the runs missing from OUTPUT.partial
    std::string shard;              // "K/N": run only the K-th of N slices of the runs
    std::string command_line;
};

struct MergeCommandOptions {
    std::filesystem::path output;
    std::vector<std::filesystem::path> inputs;  // shard files, in any order
    bool force = false;
    std::string command_line;
};

// The scenario file, with its sweep if it has one, every override applied and checked; throws
// ScenarioError.
ExperimentFile resolve_experiment(const ScenarioChoice& choice);
// The base scenario of the same (without the sweep).
Scenario resolve_scenario(const ScenarioChoice& choice);

int run_command(const RunCommandOptions& options, std::ostream& out, std::ostream& err);
int check_command(const ScenarioChoice& choice, std::ostream& out, std::ostream& err);
// The design a scenario file (with or without [sweep]) asks for, its first points and an upper
// bound on the results' size, without running anything.
int plan_command(const ScenarioChoice& choice, std::ostream& out, std::ostream& err);
int params_command(std::ostream& out);
int summary_command(const std::filesystem::path& results, std::ostream& out, std::ostream& err);
// Joins shard files into one results file (io/merge.hpp): 0 merged, 2 bad input (not shards of
// one experiment, gap, overlap, unfinished shard, existing output), 1 failure.
int merge_command(const MergeCommandOptions& options, std::ostream& out, std::ostream& err);

}  // namespace partnersim
