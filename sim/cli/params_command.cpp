#include <iomanip>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "model/parameters.hpp"

namespace partnersim {
namespace {

std::string describe_range(const ParameterSpec& spec) {
    switch (spec.kind) {
        case ParameterKind::choice: {
            std::string names;
            for (const auto& c : spec.choices) names += (names.empty() ? "" : " | ") + c;
            return names;
        }
        case ParameterKind::boolean:
            return "true | false";
        default: {
            std::ostringstream range;
            range << spec.min << " .. " << spec.max;
            return range.str();
        }
    }
}

}  // namespace

int params_command(std::ostream& out) {
    const Scenario defaults;
    std::string_view section;
    for (const auto& spec : parameter_registry()) {
        if (spec.section() != section) {
            section = spec.section();
            out << "\n[" << section << "]\n";
        }
        out << "  " << std::left << std::setw(28) << spec.key() << " default " << std::setw(22)
            << format_value(spec.get(defaults)) << " range " << describe_range(spec);
        if (spec.kind != ParameterKind::choice && spec.kind != ParameterKind::boolean &&
            !spec.unit.empty()) {
            out << " " << spec.unit;
        }
        out << "\n      " << spec.meaning << '\n';
    }
    return exit_ok;
}

}  // namespace partnersim
