#pragma once
// Checking a scenario file without running it: the resolved scenario as TOML (every key, with
// its meaning and range) and, for a sweep, the design in words.

#include <optional>
#include <string>

#include "app/scenario_request.hpp"

namespace partnersim::app {

struct CheckedScenario {
    std::string scenario_toml;
    std::optional<std::string> sweep;  // the design described, when the file has a [sweep]
};

// Throws ScenarioError (an InputError) for any mistake in the file or the overrides.
CheckedScenario check_scenario(const ScenarioRequest& request);

}  // namespace partnersim::app
