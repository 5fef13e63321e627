#include "workshop/design_request.hpp"

#include <cmath>
#include <string_view>

#include "model/parameters.hpp"
#include "workshop/bundled_scenarios.hpp"
#include "workshop/controls.hpp"
#include "workshop/limits.hpp"

namespace partnersim::workshop {
namespace {

using nlohmann::json;

// 200 rather than 200.0 for a whole number, as the page shows it.
std::string number_text(double value) {
    if (value == std::floor(value) && std::abs(value) < 1e15) {
        return std::to_string(static_cast<std::int64_t>(value));
    }
    return format_value(ParameterValue{value});
}

// A JSON value as the registry's value of `spec`'s kind, or a RequestError naming `field`.
ParameterValue value_of(const ParameterSpec& spec, const std::string& field, const json& value) {
    switch (spec.kind) {
        case ParameterKind::choice:
            if (!value.is_string()) throw RequestError(field, "choose one of the options");
            return value.get<std::string>();
        case ParameterKind::boolean:
            if (!value.is_boolean()) throw RequestError(field, "must be yes or no");
            return value.get<bool>();
        case ParameterKind::integer: {
            if (!value.is_number()) throw RequestError(field, "must be a whole number");
            const double number = value.get<double>();
            if (!std::isfinite(number) || number != std::floor(number)) {
                throw RequestError(field, "must be a whole number");
            }
            return static_cast<std::int64_t>(number);
        }
        case ParameterKind::real: {
            if (!value.is_number()) throw RequestError(field, "must be a number");
            const double number = value.get<double>();
            if (!std::isfinite(number)) throw RequestError(field, "must be a number");
            return number;
        }
    }
    throw RequestError(field, "unsupported setting");
}

std::string checked_override(const Control& control, const json& value) {
    const ParameterSpec& spec = spec_of(control);
    const std::string field(control.parameter);
    ParameterValue parsed = value_of(spec, field, value);
    if (spec.kind == ParameterKind::real || spec.kind == ParameterKind::integer) {
        const double number = std::holds_alternative<double>(parsed)
                                  ? std::get<double>(parsed)
                                  : static_cast<double>(std::get<std::int64_t>(parsed));
        if (number < control_min(control) || number > control_max(control)) {
            throw RequestError(field, std::string(control.question) + ": " + number_text(number) +
                                          " is outside " + number_text(control_min(control)) +
                                          " to " + number_text(control_max(control)));
        }
    }
    if (const auto problem = check_value(spec, parsed)) {
        throw RequestError(field, std::string(control.question) + ": " + *problem);
    }
    // As --set takes it: a choice by its bare name.
    const auto* choice = std::get_if<std::string>(&parsed);
    return field + "=" + (choice ? *choice : format_value(parsed));
}

std::int64_t replicates_of(const json& body) {
    if (!body.contains("replicates")) return default_replicates;
    const json& value = body["replicates"];
    if (!value.is_number_integer() || value.get<std::int64_t>() < 2 ||
        value.get<std::int64_t>() > max_replicates) {
        throw RequestError("replicates",
                           "Runs: a whole number from 2 to " + std::to_string(max_replicates));
    }
    return value.get<std::int64_t>();
}

std::uint64_t seed_of(const json& body) {
    if (!body.contains("seed")) return 1;
    const json& value = body["seed"];
    // The registry's run.seed range (up to 9e15), as a whole number.
    if (!value.is_number_integer() || value.get<std::int64_t>() < 0 ||
        value.get<double>() > 9.0e15) {
        throw RequestError("seed", "Seed: a whole number from 0 to 9000000000000000");
    }
    return value.get<std::uint64_t>();
}

}  // namespace

DesignRequest parse_design(const json& body) {
    if (!body.is_object()) throw RequestError("", "the request is not a design");
    DesignRequest design;
    if (!body.contains("scenario") || !body["scenario"].is_string() ||
        find_scenario(body["scenario"].get<std::string>()) == nullptr) {
        throw RequestError("scenario", "choose one of the bundled scenarios");
    }
    design.scenario = body["scenario"].get<std::string>();
    if (body.contains("settings")) {
        const json& settings = body["settings"];
        if (!settings.is_object()) throw RequestError("settings", "settings must be an object");
        for (auto it = settings.begin(); it != settings.end(); ++it) {
            if (find_control(it.key()) == nullptr) {
                throw RequestError(it.key(), "'" + it.key() + "' is not a setting of the page");
            }
        }
        for (const Control& control : facilitator_controls()) {
            const std::string key(control.parameter);
            if (settings.contains(key)) {
                design.overrides.push_back(checked_override(control, settings[key]));
            }
        }
    }
    design.replicates = replicates_of(body);
    design.seed = seed_of(body);
    return design;
}

json settings_json(const DesignRequest& design) {
    json settings = json::object();
    for (const std::string& line : design.overrides) {
        const auto equals = line.find('=');
        const std::string key = line.substr(0, equals);
        const std::string text = line.substr(equals + 1);
        const ParameterSpec* spec = find_parameter(key);
        const auto value = spec ? parse_value_text(*spec, text) : std::nullopt;
        if (!value) {
            settings[key] = text;
        } else if (const auto* number = std::get_if<double>(&*value)) {
            settings[key] = *number;
        } else if (const auto* whole = std::get_if<std::int64_t>(&*value)) {
            settings[key] = *whole;
        } else if (const auto* truth = std::get_if<bool>(&*value)) {
            settings[key] = *truth;
        } else {
            settings[key] = std::get<std::string>(*value);
        }
    }
    return settings;
}

}  // namespace partnersim::workshop
