#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "io/scenario_file.hpp"

namespace partnersim {

int check_command(const ScenarioChoice& choice, std::ostream& out, std::ostream& err) {
    try {
        const Scenario scenario = resolve_scenario(choice);
        out << "# " << choice.file.string() << ": valid. The resolved scenario:\n"
            << scenario_to_toml(scenario);
        return exit_ok;
    } catch (const ScenarioError& error) {
        err << "error: " << error.what() << '\n';
        return exit_bad_input;
    }
}

}  // namespace partnersim
