#pragma once
// The scenario a use case runs: a scenario file (with or without a [sweep]) and the changes a
// person asked for on top of it, resolved and validated in one place for every front end.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "io/experiment_file.hpp"
#include "model/scenario.hpp"

namespace partnersim::app {

struct ScenarioRequest {
    std::filesystem::path file;
    std::vector<std::string> overrides;      // key=value, applied in order (--set)
    std::optional<std::uint64_t> seed;       // overrides run.seed (--seed)
    std::optional<std::int64_t> replicates;  // overrides run.replicates (--replicates)
    // --uncertainty: uncertainty.model_constants = "plausible", after the --set overrides.
    bool uncertainty = false;
};

// The scenario file, with its sweep if it has one, every override applied and checked; throws
// ScenarioError (an InputError).
ExperimentFile resolve_experiment(const ScenarioRequest& request);
// The base scenario of the same (without the sweep).
Scenario resolve_scenario(const ScenarioRequest& request);

}  // namespace partnersim::app
