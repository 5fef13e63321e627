#include "app/check_scenario.hpp"

#include "io/scenario_file.hpp"

namespace partnersim::app {

CheckedScenario check_scenario(const ScenarioRequest& request) {
    const ExperimentFile experiment = resolve_experiment(request);
    CheckedScenario checked{scenario_to_toml(experiment.base), std::nullopt};
    if (experiment.sweep) checked.sweep = design_of(experiment).describe();
    return checked;
}

}  // namespace partnersim::app
