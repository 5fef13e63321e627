#pragma once
// The set-up choices a facilitator changes on the page, in the study's words ("Who
// facilitates?"), each tied to one registry parameter and explained in a sentence shown on hover
// or tap. The registry (model/parameters.hpp) gives kind, range and unit; the workshop narrows
// the ranges that decide how long a run takes (partners, months), so one request stays bounded.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/parameters.hpp"

namespace partnersim::workshop {

struct ChoiceLabel {
    std::string_view value;  // the registry's name: "self_managed"
    std::string_view label;  // what the page shows: "The partners themselves"
};

struct Control {
    std::string_view parameter;  // dotted registry name
    std::string_view question;   // "Who facilitates?"
    std::string_view explanation;
    std::vector<ChoiceLabel> choices;  // for a choice parameter, in the registry's order
    std::optional<double> max;         // a tighter upper bound than the registry's
    std::string_view shown_when;       // "setup.duration=time_bound": only then (or empty)
};

// In page order.
std::span<const Control> facilitator_controls();
// The control of `parameter`, or nullptr.
const Control* find_control(std::string_view parameter);
// The registry entry behind a control (always present: a test checks every control).
const ParameterSpec& spec_of(const Control& control);
// The range a value must lie in on the page: the registry's, narrowed by the control.
double control_min(const Control& control);
double control_max(const Control& control);

}  // namespace partnersim::workshop
