#include "io/scenario_file.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <iterator>
#include <optional>
#include <toml.hpp>
#include <utility>
#include <vector>

#include "io/toml_document.hpp"
#include "io/toml_values.hpp"
#include "model/parameters.hpp"

namespace partnersim {
namespace {

std::string format_error(const std::string& file, int line, const std::string& key,
                         const std::string& message) {
    // Appended piece by piece: g++ 12 gives a false -Wrestrict on ":" + std::to_string(...).
    std::string text = file;
    if (line > 0) {
        text += ':';
        text += std::to_string(line);
    }
    text += ": ";
    if (!key.empty()) {
        text += "key '";
        text += key;
        text += "': ";
    }
    text += message;
    return text;
}

// ---------------------------------------------------------------------------------------------
// Values.

std::string format_bound(double bound) {
    if (std::floor(bound) == bound && std::abs(bound) < 1e16) {
        return std::to_string(static_cast<std::int64_t>(bound));
    }
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, bound);
    return std::string(buffer, result.ptr);
}

std::string expectation(const ParameterSpec& spec) {
    switch (spec.kind) {
        case ParameterKind::boolean:
            return "true or false";
        case ParameterKind::choice:
            return "one of the choices (" + join(spec.choices, ", ") + ") as a quoted string";
        default:
            return kind_noun(spec.kind);
    }
}

bool kind_accepts(ParameterKind kind, const toml::value& value) {
    switch (kind) {
        case ParameterKind::real:
            return value.is_floating() || value.is_integer();
        case ParameterKind::integer:
            return value.is_integer();
        case ParameterKind::boolean:
            return value.is_boolean();
        case ParameterKind::choice:
            return value.is_string();
    }
    return false;
}

std::string type_error_message(const ParameterSpec& spec, const toml::value& value) {
    std::string message = "expected " + expectation(spec) + ", got " + describe(value);
    if (spec.kind == ParameterKind::integer && value.is_floating() &&
        std::floor(value.as_floating()) == value.as_floating()) {
        message += "; write it without a decimal point";
    }
    return message;
}

// ---------------------------------------------------------------------------------------------
// Names.

// Built once: the registry never changes, and every unknown key's message asks for them.
const std::vector<std::string>& section_names() {
    static const std::vector<std::string> sections = [] {
        std::vector<std::string> all;
        for (const auto& spec : parameter_registry()) {
            const std::string section(spec.section());
            if (std::find(all.begin(), all.end(), section) == all.end()) all.push_back(section);
        }
        return all;
    }();
    return sections;
}

bool is_section(std::string_view name) {
    const auto& sections = section_names();
    return std::find(sections.begin(), sections.end(), name) != sections.end();
}

std::vector<std::string> keys_of_section(std::string_view section) {
    std::vector<std::string> keys;
    for (const auto& spec : parameter_registry()) {
        if (spec.section() == section) keys.emplace_back(spec.key());
    }
    return keys;
}

}  // namespace

std::string unknown_key_message(const std::string& dotted) {
    std::string message = "unknown key '" + dotted + "'";
    const auto nearest = nearest_parameter_name(dotted);
    const auto dot = dotted.find('.');
    if (nearest) return message + "; did you mean '" + *nearest + "'?";
    const std::string section = dotted.substr(0, dot);
    if (dot != std::string::npos && is_section(section)) {
        return message + "; the keys of [" + section +
               "] are: " + join(keys_of_section(section), ", ");
    }
    return message + "; the sections are: " + join(section_names(), ", ");
}

namespace {

std::string unknown_section_message(const std::string& section, const toml::value& table) {
    std::string message = "unknown section '" + section + "'";
    // The keys inside usually give away which section was meant ("[setpu] budget_hours").
    for (const auto* entry : in_file_order(table.as_table())) {
        if (const auto nearest = nearest_parameter_name(section + "." + entry->first)) {
            const auto* spec = find_parameter(*nearest);
            message += "; did you mean '" + std::string(spec->section()) + "'?";
            break;
        }
    }
    return message + " (the sections are: " + join(section_names(), ", ") + ")";
}

std::string not_a_table_message(const std::string& name) {
    std::string message = "top-level key '" + name + "' is not a section (a table such as [" +
                          section_names().front() + "])";
    if (const auto nearest = nearest_parameter_name(name)) {
        message += "; did you mean '" + *nearest + "' under [" +
                   std::string(find_parameter(*nearest)->section()) + "]?";
    }
    return message;
}

// ---------------------------------------------------------------------------------------------
// Reading.

void apply_value(Scenario& scenario, const ParameterSpec& spec, const toml::value& value,
                 const std::string& file) {
    if (!kind_accepts(spec.kind, value)) {
        throw ScenarioError(file, line_of(value), spec.name, type_error_message(spec, value));
    }
    ParameterValue parameter = *parameter_value_of(value);  // kind_accepts passed
    if (const auto problem = check_value(spec, parameter)) {
        throw ScenarioError(file, line_of(value), spec.name, *problem);
    }
    spec.set(scenario, parameter);
}

void apply_section(Scenario& scenario, const std::string& section, const toml::value& table,
                   const std::string& file) {
    for (const auto* entry : in_file_order(table.as_table())) {
        const std::string dotted = section + "." + entry->first;
        const ParameterSpec* spec = find_parameter(dotted);
        if (spec == nullptr) {
            throw ScenarioError(file, line_of(entry->second), dotted, unknown_key_message(dotted));
        }
        apply_value(scenario, *spec, entry->second, file);
    }
}

bool is_extra(const std::string& name, std::span<const std::string> extra_sections) {
    return std::find(extra_sections.begin(), extra_sections.end(), name) != extra_sections.end();
}

// ---------------------------------------------------------------------------------------------
// Writing.

std::string toml_literal(const ParameterValue& value) {
    return std::visit(
        [](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool>) {
                return v ? "true" : "false";
            } else if constexpr (std::is_same_v<T, std::string>) {
                std::string quoted = "\"";
                for (const char c : v) {
                    if (c == '"' || c == '\\') quoted += '\\';
                    quoted += c;
                }
                return quoted + "\"";
            } else if constexpr (std::is_same_v<T, double>) {
                return format_real(v);
            } else {
                return std::to_string(v);
            }
        },
        value);
}

std::string range_text(const ParameterSpec& spec) {
    switch (spec.kind) {
        case ParameterKind::real:
        case ParameterKind::integer: {
            std::string text = "[";  // piece by piece: see format_error
            text += format_bound(spec.min);
            text += ", ";
            text += format_bound(spec.max);
            text += ']';
            if (!spec.unit.empty()) {
                text += ' ';
                text += spec.unit;
            }
            return text;
        }
        case ParameterKind::boolean:
            return "[true, false]";
        case ParameterKind::choice: {
            std::string text = "[";
            text += join(spec.choices, " | ");
            text += ']';
            return text;
        }
    }
    return {};
}

std::string key_line(const ParameterSpec& spec, const Scenario& scenario) {
    constexpr std::size_t comment_column = 36;
    std::string line = std::string(spec.key()) + " = " + toml_literal(spec.get(scenario));
    line.resize(std::max(comment_column, line.size() + 1), ' ');
    return line + "# " + spec.meaning + " " + range_text(spec);
}

}  // namespace

ScenarioError::ScenarioError(const std::string& file, int line, const std::string& key,
                             std::string message)
    : InputError(format_error(file, line, key, message), file, line, key),
      message_(std::move(message)) {}

std::string read_scenario_text(const std::filesystem::path& path) {
    const std::string name = path.string();
    std::error_code ignored;
    if (!std::filesystem::exists(path, ignored)) {
        throw ScenarioError(name, 0, "", "no such scenario file");
    }
    if (std::filesystem::is_directory(path, ignored)) {
        throw ScenarioError(name, 0, "", "is a directory, not a scenario file");
    }
    // Bounded before reading, so a huge file (or /dev/zero's like) is refused, not swallowed.
    if (const auto size = std::filesystem::file_size(path, ignored); !ignored) {
        if (const auto problem = toml_size_problem(size))
            throw ScenarioError(name, 0, "", *problem);
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ScenarioError(name, 0, "", "cannot open the scenario file for reading");
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw ScenarioError(name, 0, "", "cannot read the scenario file");
    return text;
}

Scenario load_scenario(const std::filesystem::path& path,
                       std::span<const std::string> extra_sections) {
    return parse_scenario(read_scenario_text(path), path.string(), extra_sections);
}

Scenario parse_scenario(std::string_view toml_text, const std::string& file_name,
                        std::span<const std::string> extra_sections) {
    const toml::value document = parse_toml_document(toml_text, file_name);
    Scenario scenario;
    for (const auto* entry : in_file_order(document.as_table())) {
        const std::string& name = entry->first;
        const toml::value& value = entry->second;
        if (is_extra(name, extra_sections)) continue;
        if (!value.is_table()) {
            throw ScenarioError(file_name, line_of(value), name, not_a_table_message(name));
        }
        if (!is_section(name)) {
            throw ScenarioError(file_name, line_of(value), name,
                                unknown_section_message(name, value));
        }
        apply_section(scenario, name, value, file_name);
    }
    require_consistent(scenario, file_name);
    return scenario;
}

void apply_override(Scenario& scenario, std::string_view assignment) {
    const std::string file = "--set";
    const auto equals = assignment.find('=');
    if (equals == std::string_view::npos) {
        throw ScenarioError(file, 0, "",
                            "expected section.key=value, got '" + std::string(assignment) + "'");
    }
    const std::string name = trim(assignment.substr(0, equals));
    const std::string text = trim(assignment.substr(equals + 1));
    if (name.empty()) {
        throw ScenarioError(file, 0, "",
                            "missing key before '=' in '" + std::string(assignment) + "'");
    }
    const ParameterSpec* spec = find_parameter(name);
    if (spec == nullptr) throw ScenarioError(file, 0, name, unknown_key_message(name));
    auto value = parse_value_text(*spec, text);
    if (!value) {
        throw ScenarioError(file, 0, name, "cannot read '" + text + "' as " + expectation(*spec));
    }
    if (const auto problem = check_value(*spec, *value)) {
        throw ScenarioError(file, 0, name, *problem);
    }
    spec->set(scenario, *value);
}

void require_consistent(const Scenario& scenario, const std::string& file) {
    if (const auto problem = check_consistency(scenario)) {
        throw ScenarioError(file, 0, "", *problem);
    }
}

std::string scenario_to_toml(const Scenario& scenario) {
    std::string text =
        "# partnersim scenario, fully resolved: every key, defaults included.\n"
        "# After each key: its meaning, [range] and unit.\n";
    std::string_view section;
    for (const auto& spec : parameter_registry()) {
        if (spec.section() != section) {
            section = spec.section();
            text += "\n[" + std::string(section) + "]\n";
        }
        // A constant an uncertainty draw chooses is written as a comment, so that reading the
        // text back leaves it drawn rather than set explicitly.
        const bool drawn = spec.is_model_constant() &&
                           scenario.uncertainty.model_constants == ModelUncertainty::plausible &&
                           !is_held(scenario.uncertainty, spec.name);
        text += (drawn ? "# drawn per replicate: " : "") + key_line(spec, scenario) + "\n";
    }
    return text;
}

}  // namespace partnersim
