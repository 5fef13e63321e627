#include "io/toml_values.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <tuple>

namespace partnersim {

int line_of(const toml::value& value) {
    return static_cast<int>(value.location().line());
}

std::vector<const TomlEntry*> in_file_order(const toml::table& table) {
    // toml11 finds a value's line by counting the line ends before it, so each line is looked up
    // once, not at every comparison of the sort: a resolved scenario's table of 200 model
    // constants made that quadratic in the file's length (most of a summary's time under ASan).
    std::vector<std::pair<int, const TomlEntry*>> lines;
    lines.reserve(table.size());
    for (const auto& entry : table) lines.emplace_back(line_of(entry.second), &entry);
    std::sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) {
        return std::tie(a.first, a.second->first) < std::tie(b.first, b.second->first);
    });
    std::vector<const TomlEntry*> entries;
    entries.reserve(lines.size());
    for (const auto& [line, entry] : lines) entries.push_back(entry);
    return entries;
}

std::string format_real(double value) {
    // Integral values read better as "20000.0" than as to_chars' shortest "2e+04".
    if (std::isfinite(value) && std::floor(value) == value && std::abs(value) < 1e15) {
        return std::to_string(static_cast<std::int64_t>(value)) + ".0";
    }
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string value_text(const toml::value& value) {
    switch (value.type()) {
        case toml::value_t::boolean:
            return value.as_boolean() ? "true" : "false";
        case toml::value_t::integer:
            return std::to_string(value.as_integer());
        case toml::value_t::floating:
            return format_real(value.as_floating());
        case toml::value_t::string:
            return "\"" + value.as_string().str + "\"";
        case toml::value_t::array:
            return "an array";
        case toml::value_t::table:
            return "a table";
        case toml::value_t::empty:
            return "nothing";
        default:
            return "a date or time";
    }
}

std::string describe(const toml::value& value) {
    switch (value.type()) {
        case toml::value_t::boolean:
            return "the boolean " + value_text(value);
        case toml::value_t::integer:
            return "the integer " + value_text(value);
        case toml::value_t::floating:
            return "the float " + value_text(value);
        case toml::value_t::string:
            return "the string " + value_text(value);
        default:
            return value_text(value);
    }
}

std::string kind_noun(ParameterKind kind) {
    switch (kind) {
        case ParameterKind::real:
            return "a number";
        case ParameterKind::integer:
            return "an integer";
        case ParameterKind::boolean:
            return "a boolean";
        case ParameterKind::choice:
            return "a choice";
    }
    return "a value";
}

std::optional<ParameterValue> parameter_value_of(const toml::value& value) {
    if (value.is_integer()) return static_cast<std::int64_t>(value.as_integer());
    if (value.is_floating()) return value.as_floating();
    if (value.is_boolean()) return value.as_boolean();
    if (value.is_string()) return value.as_string().str;
    return std::nullopt;
}

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string text;
    for (const auto& item : items) {
        if (!text.empty()) text += separator;
        text += item;
    }
    return text;
}

}  // namespace partnersim
