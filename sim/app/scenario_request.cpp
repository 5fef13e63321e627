#include <limits>
#include <string>

#include "app/scenario_request.hpp"
#include "io/experiment_file.hpp"
#include "io/scenario_file.hpp"
#include "model/parameters.hpp"

namespace partnersim::app {
namespace {

// A dedicated flag (--seed, --replicates) is checked against its parameter's range and
// reported under its own name, then applied like --set, after the --set overrides.
std::string flag_override(const std::string& flag, const std::string& parameter,
                          std::int64_t value) {
    const ParameterSpec& spec = *find_parameter(parameter);
    ParameterValue checked = value;
    if (const auto problem = check_value(spec, checked)) {
        throw ScenarioError(flag, 0, parameter, *problem);
    }
    return parameter + "=" + std::to_string(value);
}

std::int64_t as_signed(std::uint64_t value, const std::string& flag, const std::string& key) {
    if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        throw ScenarioError(flag, 0, key, "value " + std::to_string(value) + " is too large");
    }
    return static_cast<std::int64_t>(value);
}

// What --uncertainty stands for.
const std::string uncertainty_override = "uncertainty.model_constants=plausible";

}  // namespace

ExperimentFile resolve_experiment(const ScenarioRequest& choice) {
    std::vector<std::string> overrides = choice.overrides;
    if (choice.seed) {
        overrides.push_back(
            flag_override("--seed", "run.seed", as_signed(*choice.seed, "--seed", "run.seed")));
    }
    if (choice.replicates) {
        overrides.push_back(flag_override("--replicates", "run.replicates", *choice.replicates));
    }
    if (choice.uncertainty) overrides.push_back(uncertainty_override);
    return load_experiment(choice.file, overrides);
}

Scenario resolve_scenario(const ScenarioRequest& choice) {
    return resolve_experiment(choice).base;
}

}  // namespace partnersim::app
