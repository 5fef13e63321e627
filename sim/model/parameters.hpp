#pragma once
// The parameter registry: every scenario key by its dotted name ("setup.duration"), with its
// kind, range, unit and meaning, and how to read and write it in a Scenario. Scenario files,
// `--set`, `partnersim params` and sweeps all go through it, so a key exists in one place.

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/scenario.hpp"

namespace partnersim {

enum class ParameterKind { real, integer, boolean, choice };

// A setting describes the partnership a user wants to study; a model constant is a hand-set
// number inside a process (model_constants.hpp), a statement of what the model assumes.
enum class ParameterGroup { setting, model_constant };

// A value as a user writes it: a number, an integer, a truth value or a choice's name.
using ParameterValue = std::variant<double, std::int64_t, bool, std::string>;

struct ParameterSpec {
    std::string name;  // dotted: section.key
    ParameterKind kind;
    double min = 0;  // inclusive range, for real and integer kinds
    double max = 0;
    std::vector<std::string> choices;  // for the choice kind
    std::string unit;
    std::string meaning;
    ParameterGroup group = ParameterGroup::setting;
    // Model constants only: the values we find plausible (inside [min, max]), what an
    // uncertainty draw ranges over, and the seed passage or literature the number rests on, or
    // "assumption".
    double plausible_min = 0;
    double plausible_max = 0;
    std::string source;
    std::function<ParameterValue(const Scenario&)> get;
    std::function<void(Scenario&, const ParameterValue&)> set;  // value already validated
    // Model constants only: the constant's storage, written without holding it (set() holds
    // it, since whatever sets a constant through the registry sets it explicitly); for the
    // uncertainty draw (model_uncertainty.hpp).
    std::function<double*(Scenario&)> constant_field;

    std::string_view section() const;  // the part before the dot
    std::string_view key() const;      // the part after the dot
    bool is_model_constant() const { return group == ParameterGroup::model_constant; }
};

// All parameters, in documentation order: the settings, then the model constants. Immutable
// after first use.
std::span<const ParameterSpec> parameter_registry();

// The model constants' entries (model_constants.cpp), as parameter_registry() lists them.
std::vector<ParameterSpec> model_constant_specs();

const ParameterSpec* find_parameter(std::string_view dotted_name);

// The known name closest to an unknown one (for "did you mean ...?"), if any is close.
std::optional<std::string> nearest_parameter_name(std::string_view unknown);
// The same among the choices of one parameter.
std::optional<std::string> nearest_choice(const ParameterSpec& spec, std::string_view unknown);

// Check a value against a parameter's kind and range. Returns an error message or nothing.
// Integers are accepted where a real is expected and converted.
std::optional<std::string> check_value(const ParameterSpec& spec, ParameterValue& value);

// Parse a value written as text (from `--set key=value`) for this parameter.
std::optional<ParameterValue> parse_value_text(const ParameterSpec& spec, std::string_view text);

std::string format_value(const ParameterValue& value);
std::string_view kind_name(ParameterKind kind);

// Rules that tie several parameters together; returns an error message or nothing.
std::optional<std::string> check_consistency(const Scenario& scenario);

}  // namespace partnersim
