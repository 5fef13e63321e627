#include "io/calibration_targets.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>
#include <toml.hpp>
#include <vector>

#include "io/toml_document.hpp"
#include "io/toml_values.hpp"
#include "model/edit_distance.hpp"

namespace partnersim {
namespace {

constexpr std::array<std::string_view, 10> target_keys{"name",      "measure", "scenario", "set",
                                                       "months",    "month",   "value",    "range",
                                                       "tolerance", "source"};
constexpr std::string_view quote_key = "quote";

// A target's months must stay within what a scenario can run (run.months is at most this).
constexpr std::int64_t max_target_month = 100000;

struct Reader {
    const std::string& file;
    int index;  // 1-based position of the [[target]]
    int line;

    std::string key(std::string_view name) const {
        return "target." + std::to_string(index) + "." + std::string(name);
    }
    [[noreturn]] void fail(const toml::value& at, std::string_view name,
                           const std::string& message) const {
        const int where = line_of(at);
        throw ScenarioError(file, where > 0 ? where : line, key(name), message);
    }
    [[noreturn]] void fail(std::string_view name, const std::string& message) const {
        throw ScenarioError(file, line, key(name), message);
    }
};

double number(const Reader& r, const toml::value& v, std::string_view name) {
    if (v.is_floating()) return v.as_floating();
    if (v.is_integer()) return static_cast<double>(v.as_integer());
    r.fail(v, name, "expected a number, found " + describe(v));
}

std::string text(const Reader& r, const toml::value& v, std::string_view name) {
    if (!v.is_string()) r.fail(v, name, "expected a string, found " + describe(v));
    return v.as_string();
}

int month(const Reader& r, const toml::value& v, std::string_view name) {
    if (!v.is_integer()) r.fail(v, name, "expected a month (an integer), found " + describe(v));
    const auto m = v.as_integer();
    if (m < 1 || m > max_target_month) {
        r.fail(v, name,
               "months count from 1 (the first month) to " + std::to_string(max_target_month) +
                   "; found " + std::to_string(m));
    }
    return static_cast<int>(m);
}

bool is_name(const std::string& name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
    });
}

Measure measure_named(const Reader& r, const toml::value& v) {
    const std::string name = text(r, v, "measure");
    for (const MeasureSpec& spec : measure_table()) {
        if (spec.name == name) return spec.id;
    }
    std::vector<std::string_view> names;
    for (const MeasureSpec& spec : measure_table()) names.push_back(spec.name);
    const std::string best(closest_name(name, names, 3).value_or(""));
    r.fail(v, "measure",
           "unknown measure '" + name + "'" +
               (best.empty() ? "; `partnersim params --measures` lists them"
                             : "; did you mean '" + best + "'?"));
}

CalibrationTarget read_target(const Reader& r, const toml::value& table,
                              const std::filesystem::path& folder) {
    if (!table.is_table()) r.fail(table, "", "a [[target]] must be a table");
    for (const TomlEntry* entry : in_file_order(table.as_table())) {
        const bool known =
            std::find(target_keys.begin(), target_keys.end(), entry->first) != target_keys.end() ||
            entry->first == quote_key;
        if (!known) r.fail(entry->second, entry->first, "unknown key '" + entry->first + "'");
    }
    const auto& t = table.as_table();
    auto required = [&](std::string_view name) -> const toml::value& {
        const auto it = t.find(std::string(name));
        if (it == t.end()) r.fail(name, "missing; every target needs " + std::string(name));
        return it->second;
    };
    CalibrationTarget target;
    target.line = r.line;
    target.name = text(r, required("name"), "name");
    if (!is_name(target.name)) {
        r.fail(required("name"), "name", "a target's name is letters, digits and _ only");
    }
    target.measure = measure_named(r, required("measure"));
    target.scenario = folder / text(r, required("scenario"), "scenario");
    if (const auto it = t.find("set"); it != t.end()) {
        if (!it->second.is_array()) {
            r.fail(it->second, "set", "expected a list of \"key=value\" strings");
        }
        for (const auto& item : it->second.as_array())
            target.overrides.push_back(text(r, item, "set"));
    }
    const bool has_months = t.count("months") > 0, has_month = t.count("month") > 0;
    if (has_months && has_month) r.fail(t.at("month"), "month", "give months or month, not both");
    if (has_months) {
        const auto& v = t.at("months");
        if (!v.is_array() || v.as_array().size() != 2) {
            r.fail(v, "months", "expected [first, last], found " + describe(v));
        }
        target.first_month = month(r, v.as_array()[0], "months");
        target.last_month = month(r, v.as_array()[1], "months");
        if (target.first_month > target.last_month) {
            r.fail(v, "months", "the first month is after the last");
        }
    } else if (has_month) {
        target.first_month = target.last_month = month(r, t.at("month"), "month");
    }
    const bool has_value = t.count("value") > 0, has_range = t.count("range") > 0;
    if (has_value == has_range) r.fail("value", "give either value or range = [low, high]");
    if (has_value) {
        target.low = target.high = number(r, t.at("value"), "value");
    } else {
        const auto& v = t.at("range");
        if (!v.is_array() || v.as_array().size() != 2) {
            r.fail(v, "range", "expected [low, high], found " + describe(v));
        }
        target.low = number(r, v.as_array()[0], "range");
        target.high = number(r, v.as_array()[1], "range");
        if (!(target.low <= target.high)) r.fail(v, "range", "low is above high");
    }
    if (!std::isfinite(target.low) || !std::isfinite(target.high)) {
        r.fail(has_value ? "value" : "range", "must be finite");
    }
    const auto& tolerance = required("tolerance");
    target.tolerance = number(r, tolerance, "tolerance");
    if (!(target.tolerance > 0.0) || !std::isfinite(target.tolerance)) {
        r.fail(tolerance, "tolerance", "must be a positive number");
    }
    target.source = text(r, required("source"), "source");
    if (const auto it = t.find(std::string(quote_key)); it != t.end()) {
        target.quote = text(r, it->second, quote_key);
    }
    return target;
}

toml::value parse_document(const std::string& text, const std::string& file) {
    return parse_toml_document(text, file);
}

}  // namespace

CalibrationTargets parse_calibration_targets(const std::string& text, const std::string& file_name,
                                             const std::filesystem::path& folder) {
    const toml::value document = parse_document(text, file_name);
    CalibrationTargets result;
    result.file = file_name;
    for (const TomlEntry* entry : in_file_order(document.as_table())) {
        if (entry->first != "target") {
            throw ScenarioError(file_name, line_of(entry->second), entry->first,
                                "unknown section; a targets file holds [[target]] tables");
        }
    }
    const auto it = document.as_table().find("target");
    if (it == document.as_table().end() || !it->second.is_array() ||
        it->second.as_array().empty()) {
        const int line = it == document.as_table().end() ? 0 : line_of(it->second);
        throw ScenarioError(file_name, line, "target", "no [[target]] tables: nothing to fit");
    }
    int index = 0;
    for (const auto& table : it->second.as_array()) {
        ++index;
        const Reader reader{file_name, index, line_of(table)};
        CalibrationTarget target = read_target(reader, table, folder);
        for (const auto& other : result.targets) {
            if (other.name == target.name) {
                reader.fail(table.as_table().at("name"), "name",
                            "the name '" + target.name + "' is already used by another target");
            }
        }
        result.targets.push_back(std::move(target));
    }
    return result;
}

CalibrationTargets load_calibration_targets(const std::filesystem::path& path) {
    const std::string text = read_scenario_text(path);
    return parse_calibration_targets(text, path.string(), path.parent_path());
}

}  // namespace partnersim
