#include <string>

#include "cli/commands.hpp"
#include "io/scenario_file.hpp"

namespace partnersim {

Scenario resolve_scenario(const ScenarioChoice& choice) {
    Scenario scenario = load_scenario(choice.file);
    for (const auto& assignment : choice.overrides) apply_override(scenario, assignment);
    // The dedicated flags go through the same validation as --set.
    if (choice.seed) apply_override(scenario, "run.seed=" + std::to_string(*choice.seed));
    if (choice.replicates) {
        apply_override(scenario, "run.replicates=" + std::to_string(*choice.replicates));
    }
    require_consistent(scenario, choice.file.string());
    return scenario;
}

}  // namespace partnersim
