#include "docgen/model_doc_tables.hpp"

#include <cmath>
#include <sstream>

#include "model/measures.hpp"
#include "model/parameters.hpp"

namespace partnersim::docgen {
namespace {

// A table cell: a pipe would end the cell early.
std::string cell(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '|') out += '\\';
        out += c;
    }
    return out;
}

std::string number(double v) {
    std::ostringstream out;
    if (std::floor(v) == v && std::abs(v) < 1e12) {
        out << static_cast<long long>(v);
    } else {
        out.precision(6);
        out << v;
    }
    return out.str();
}

std::string default_of(const ParameterSpec& spec, const Scenario& defaults) {
    const ParameterValue value = spec.get(defaults);
    if (const auto* choice = std::get_if<std::string>(&value)) return "`" + *choice + "`";
    return format_value(value);
}

std::string range_of(const ParameterSpec& spec) {
    switch (spec.kind) {
        case ParameterKind::choice: {
            std::string names;
            for (const auto& c : spec.choices) names += (names.empty() ? "`" : ", `") + c + "`";
            return names;
        }
        case ParameterKind::boolean:
            return "true, false";
        default:
            return number(spec.min) + " – " + number(spec.max);
    }
}

std::string name_of(const ParameterSpec& spec) {
    return "`" + spec.name + "`" + (spec.kind == ParameterKind::integer ? " (int)" : "");
}

std::string settings_block() {
    const Scenario defaults;
    std::ostringstream out;
    std::string_view section;
    std::size_t count = 0;
    std::vector<std::string> counts;
    std::size_t in_section = 0;
    for (const auto& spec : parameter_registry()) {
        if (spec.is_model_constant()) continue;
        if (spec.section() != section) {
            if (!section.empty())
                counts.push_back(std::to_string(in_section) + " " + std::string(section));
            section = spec.section();
            in_section = 0;
            out << "\n### [" << section << "]\n\n"
                << "| Name | Default | Range | Unit | Meaning |\n|---|---|---|---|---|\n";
        }
        ++count;
        ++in_section;
        out << "| " << name_of(spec) << " | " << default_of(spec, defaults) << " | "
            << range_of(spec) << " | " << cell(spec.unit.empty() ? "—" : spec.unit) << " | "
            << cell(spec.meaning) << " |\n";
    }
    counts.push_back(std::to_string(in_section) + " " + std::string(section));
    out << "\nThat is " << count << " settings:";
    for (std::size_t i = 0; i < counts.size(); ++i) out << (i == 0 ? " " : ", ") << counts[i];
    out << ".\n";
    return out.str();
}

std::string constants_block() {
    const Scenario defaults;
    std::ostringstream out;
    std::string_view section;
    std::size_t count = 0;
    for (const auto& spec : parameter_registry()) count += spec.is_model_constant() ? 1 : 0;
    out << "\n" << count << " model constants, by process.\n";
    for (const auto& spec : parameter_registry()) {
        if (!spec.is_model_constant()) continue;
        if (spec.section() != section) {
            section = spec.section();
            out << "\n#### [" << section << "]\n\n"
                << "| Name | Default | Plausible | Range | Unit | Meaning | Source |\n"
                << "|---|---|---|---|---|---|---|\n";
        }
        out << "| " << name_of(spec) << " | " << default_of(spec, defaults) << " | "
            << number(spec.plausible_min) << " – " << number(spec.plausible_max) << " | "
            << range_of(spec) << " | " << cell(spec.unit) << " | " << cell(spec.meaning) << " | "
            << cell(spec.source) << " |\n";
    }
    return out.str();
}

std::string measures_block() {
    std::ostringstream out;
    out << "\n| Measure | Description | Computed as | Unit | Which way is good |\n"
           "|---|---|---|---|---|\n";
    for (const auto& m : measure_table()) {
        out << "| `" << m.name << "` | " << cell(m.description) << " | " << cell(m.computation)
            << " | " << cell(m.units) << " | " << better_words(m.better) << " |\n";
    }
    return out.str();
}

std::string measure_limits_block() {
    std::ostringstream out;
    out << "\n| Measure | Rewards | Cannot see |\n|---|---|---|\n";
    for (const auto& m : measure_table()) {
        out << "| `" << m.name << "` | " << cell(m.rewards) << " | " << cell(m.cannot_see)
            << " |\n";
    }
    return out.str();
}

}  // namespace

std::vector<GeneratedBlock> model_doc_blocks() {
    return {{"settings", settings_block()},
            {"model_constants", constants_block()},
            {"measures", measures_block()},
            {"measure_limits", measure_limits_block()}};
}

std::string begin_marker(std::string_view name) {
    return "<!-- generated: " + std::string(name) +
           " (partnersim_doc_tables; edit the registry, not this) -->";
}

std::string end_marker(std::string_view name) {
    return "<!-- end generated: " + std::string(name) + " -->";
}

SpliceResult splice(std::string_view document, const std::vector<GeneratedBlock>& blocks) {
    SpliceResult result{std::string(document), {}, {}};
    for (const auto& block : blocks) {
        const std::string begin = begin_marker(block.name) + "\n";
        const std::string end = end_marker(block.name);
        const auto at = result.document.find(begin);
        const auto stop = at == std::string::npos ? at : result.document.find(end, at);
        if (stop == std::string::npos) {
            result.missing.push_back(block.name);
            continue;
        }
        const auto from = at + begin.size();
        if (result.document.compare(from, stop - from, block.content) != 0) {
            result.changed.push_back(block.name);
            result.document.replace(from, stop - from, block.content);
        }
    }
    return result;
}

}  // namespace partnersim::docgen
