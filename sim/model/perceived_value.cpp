#include "model/perceived_value.hpp"

#include <algorithm>

#include "model/math.hpp"

namespace partnersim {
void update_perceived_value(World& world) {
    auto& p = world.partners;
    const auto& setup = world.scenario.setup;
    const auto& facilitator = world.facilitator;
    const auto& c = world.scenario.constants.perceived_value;
    // "Balancing set-up time with the need to generate immediate, tangible benefits to
    // participants so they see the value"; "if you don't quickly show how it can be used ...
    // [partners] lose interest quickly". Quick wins are "immediate": they show in the
    // facilitator's first months whatever the set-up's length (issue 11: a longer set-up used to
    // lengthen them and so brought perceived value earlier).
    const bool early =
        facilitator.active && facilitator.months_active < static_cast<int>(c.quick_win_months);
    const double quick_win = early ? c.quick_win_boost * setup.quick_wins : 0.0;
    const double purpose = world.goal_alignment *
                           (c.clarity_floor + (1.0 - c.clarity_floor) * setup.clarity_of_purpose);
    // Locals, so the loop does not reload them after every store to the partners' arrays.
    const double base = c.base;
    const double per_benefit = c.per_benefit;
    const double from_purpose = c.per_purpose * purpose;
    const double strain_threshold = c.strain_threshold;
    const double per_strain = c.per_strain;
    const double per_insecurity = c.per_insecurity;
    const double adjustment = c.adjustment;
    for (std::size_t i = 0; i < p.count; ++i) {
        const double target =
            clamp01(base + per_benefit * std::min(1.0, p.benefit[i]) + from_purpose + quick_win -
                    per_strain * std::max(0.0, p.strain[i] - strain_threshold) -
                    per_insecurity * (1.0 - p.funding_security[i]));
        p.perceived_value[i] += adjustment * (target - p.perceived_value[i]);
    }
}

}  // namespace partnersim
