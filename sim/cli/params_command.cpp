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

void list(std::ostream& out, ParameterGroup group) {
    const Scenario defaults;
    std::string_view section;
    for (const auto& spec : parameter_registry()) {
        if (spec.group != group) continue;
        if (spec.section() != section) {
            section = spec.section();
            out << "\n[" << section << "]\n";
        }
        out << "  " << std::left << std::setw(28) << spec.key() << " default " << std::setw(22)
            << format_value(spec.get(defaults));
        if (spec.is_model_constant()) {
            out << " plausible " << spec.plausible_min << " .. " << spec.plausible_max;
        }
        out << " range " << describe_range(spec);
        if (spec.kind != ParameterKind::choice && spec.kind != ParameterKind::boolean &&
            !spec.unit.empty()) {
            out << " " << spec.unit;
        }
        out << "\n      " << spec.meaning << '\n';
        if (spec.is_model_constant()) out << "      source: " << spec.source << '\n';
    }
}

std::size_t model_constant_count() {
    std::size_t count = 0;
    for (const auto& spec : parameter_registry()) count += spec.is_model_constant() ? 1 : 0;
    return count;
}

}  // namespace

int params_command(ParamsListing listing, std::ostream& out) {
    if (listing != ParamsListing::constants) list(out, ParameterGroup::setting);
    if (listing == ParamsListing::settings) {
        out << "\n"
            << model_constant_count()
            << " model constants (the hand-set numbers inside the processes) are not listed:"
               " `partnersim params --constants` lists them.\n";
        return exit_ok;
    }
    out << "\nModel constants: the hand-set numbers inside the processes. Set or sweep them like"
           " any parameter;\n`--uncertainty` draws each from its plausible range.\n";
    list(out, ParameterGroup::model_constant);
    return exit_ok;
}

}  // namespace partnersim
