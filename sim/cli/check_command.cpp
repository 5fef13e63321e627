#include <sstream>

#include "app/check_scenario.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"

namespace partnersim {

int check_command(const ScenarioChoice& choice, std::ostream& out, std::ostream& err) {
    return guarded(err, [&] {
        const app::CheckedScenario checked = app::check_scenario(choice);
        out << "# " << choice.file.string() << ": valid. The resolved scenario:\n"
            << checked.scenario_toml;
        if (checked.sweep) {
            out << "\n# The sweep over it (`partnersim plan` shows the design points):\n";
            std::istringstream description(*checked.sweep);
            for (std::string line; std::getline(description, line);) out << "#   " << line << '\n';
        }
        return exit_ok;
    });
}

}  // namespace partnersim
