#include "workshop/controls.hpp"

#include <algorithm>
#include <stdexcept>

#include "workshop/limits.hpp"

namespace partnersim::workshop {

std::span<const Control> facilitator_controls() {
    // Questions and explanations follow Itad/Porticus 2025 (sections 2 and 6) as the model
    // reads them (docs/model.md); the explanation says what the model does with the choice.
    static const std::vector<Control> controls{
        {"facilitator.kind",
         "Who facilitates?",
         "Internal staff of the funder, an external organisation, or the partners themselves. "
         "An external voice sits further from the funder's power, so partners tend to be more "
         "candid with it.",
         {{"internal", "Funder's own staff"},
          {"external", "An external organisation"},
          {"self_managed", "The partners themselves"}},
         {},
         ""},
        {"setup.duration",
         "Time-bound or open-ended?",
         "A time-bound partnership has a contract that ends; an open-ended one goes on. Trust "
         "takes time to build, and what happens after the contract ends is part of the story.",
         {{"time_bound", "Time-bound contract"}, {"open_ended", "Open-ended"}},
         {},
         ""},
        {"setup.end_month",
         "When does the contract end?",
         "The last month of a time-bound partnership. The charts mark it with a dashed line.",
         {},
         {},
         "setup.duration=time_bound"},
        {"setup.participation",
         "Optional or mandatory participation?",
         "Optional: partners come when they see value. Mandatory: attendance is written into "
         "grant agreements, which raises attendance but can turn it into box-ticking.",
         {{"optional", "Optional"}, {"mandatory", "Mandatory (in the grant agreement)"}},
         {},
         ""},
        {"setup.join_month",
         "When does the facilitator join?",
         "The month the facilitator comes in (0 = from the start). A facilitator who joins late "
         "meets partners whose habits and trust are already set.",
         {},
         {},
         ""},
        {"setup.budget_hours",
         "Learning budget (facilitator hours a month)",
         "How many facilitator hours a month the learning budget pays for. Too few, and "
         "activities are thin; partners' own time is a cost too.",
         {},
         2000.0,
         ""},
        {"funder.focal_points",
         "Focal points at the funder",
         "People at the funder who carry learning into its decisions. With none, what partners "
         "learn has no way into the funder's strategy; when one leaves, the link weakens.",
         {},
         {},
         ""},
        {"funder.accountability_focus",
         "Accountability focus of the funder (0-1)",
         "How much the funder's relationship with partners is about reporting and compliance. "
         "A strong accountability focus makes candour about failure risky for partners.",
         {},
         {},
         ""},
        {"partners.count",
         "Number of partners",
         "How many partner organisations take part. Big programmes are harder to hold "
         "together as one learning community.",
         {},
         static_cast<double>(max_partners),
         ""},
        {"partners.diversity",
         "Diversity of partners (0-1)",
         "How different the partners are from one another in context and ways of working. "
         "Diversity brings more to learn from, and more to bridge.",
         {},
         {},
         ""},
        {"run.months",
         "Months to follow",
         "How long each run is followed, in months, including any time after the contract.",
         {},
         static_cast<double>(max_months),
         ""},
    };
    return controls;
}

const Control* find_control(std::string_view parameter) {
    const auto controls = facilitator_controls();
    const auto found = std::ranges::find(controls, parameter, &Control::parameter);
    return found == controls.end() ? nullptr : &*found;
}

const ParameterSpec& spec_of(const Control& control) {
    const ParameterSpec* spec = find_parameter(control.parameter);
    if (spec == nullptr) {
        throw std::logic_error("workshop control without a parameter: " +
                               std::string(control.parameter));
    }
    return *spec;
}

double control_min(const Control& control) {
    return spec_of(control).min;
}

double control_max(const Control& control) {
    const double registry = spec_of(control).max;
    return control.max ? std::min(registry, *control.max) : registry;
}

}  // namespace partnersim::workshop
