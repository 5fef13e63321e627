#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "io/scenario_file.hpp"

namespace partnersim {

int check_command(const ScenarioChoice& choice, std::ostream& out, std::ostream& err) {
    try {
        const ExperimentFile experiment = resolve_experiment(choice);
        out << "# " << choice.file.string() << ": valid. The resolved scenario:\n"
            << scenario_to_toml(experiment.base);
        if (experiment.sweep) {
            out << "\n# The sweep over it (`partnersim plan` shows the design points):\n";
            std::istringstream description(design_of(experiment).describe());
            for (std::string line; std::getline(description, line);) out << "#   " << line << '\n';
        }
        return exit_ok;
    } catch (const ScenarioError& error) {
        err << "error: " << error.what() << '\n';
        return exit_bad_input;
    }
}

}  // namespace partnersim
