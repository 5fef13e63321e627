#pragma once
// Scenario files that may hold a [sweep] section: the base scenario, read as any scenario file
// (io/scenario_file.hpp), and the sweep, validated against the parameter registry with the same
// located errors (ScenarioError: file, line, key such as 'sweep.grid.setup.duration').
//
//   [sweep]
//   method = "sobol"             # "grid" (default, [sweep.grid] only) | "latin_hypercube"
//                                # | "sobol" | "morris"
//   samples = 64                 # required for latin_hypercube (points per grid cell), sobol
//                                # (base sample size N; N(k + 2) points per grid cell) and
//                                # morris (trajectories r; r(k + 1) points per grid cell)
//   levels = 4                   # morris only: the levels p of its grid, even (default 4)
//   common_random_numbers = true # default true: replicate r draws the same stream everywhere
//   [sweep.grid]                 # full factorial over listed levels, first factor slowest
//   "setup.duration" = ["time_bound", "open_ended"]
//   [sweep.ranges]               # real or integer parameters sampled over [low, high]
//   "setup.budget_hours" = [40.0, 200.0]
//
// Names may also be nested tables: [sweep.grid.setup] with duration = [...]. Factors keep the
// order they have in the file. run.* (months, replicates, seed) cannot be varied.

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "engine/experiment_design.hpp"
#include "io/scenario_file.hpp"
#include "model/scenario.hpp"

namespace partnersim {

struct ExperimentFile {
    Scenario base;
    std::optional<SweepSpec> sweep;  // nullopt: the file has no [sweep]
};

// Read and validate a scenario file with an optional [sweep]. `overrides` are `--set`
// assignments ("section.key=value") applied to the base scenario in order, before the checks
// that involve both the base and the sweep (consistency of every design point's extremes, the
// limit of max_design_runs runs). Overriding a parameter the sweep varies is an error, since it
// would have no effect. Every mistake is a ScenarioError.
ExperimentFile load_experiment(const std::filesystem::path& path,
                               std::span<const std::string> overrides = {});

// As load_experiment without overrides, from text; `file_name` is used in error messages only.
ExperimentFile parse_experiment(std::string_view toml_text, const std::string& file_name);

// The design of an experiment file: make_design over its sweep, or single_point_design.
ExperimentDesign design_of(const ExperimentFile& experiment);

}  // namespace partnersim
