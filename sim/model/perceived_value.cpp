#include "model/perceived_value.hpp"

#include <algorithm>

#include "model/math.hpp"

namespace partnersim {
namespace {

constexpr double value_adjustment = 0.2;  // monthly share of the gap closed
constexpr int quick_win_window = 6;       // months after set-up in which quick wins show

}  // namespace

void update_perceived_value(World& world) {
    auto& p = world.partners;
    const auto& setup = world.scenario.setup;
    const auto& facilitator = world.facilitator;
    // "Balancing set-up time with the need to generate immediate, tangible benefits to
    // participants so they see the value"; "if you don't quickly show how it can be used ...
    // [partners] lose interest quickly".
    const bool early =
        facilitator.active && facilitator.months_active < setup.setup_months + quick_win_window;
    const double quick_win = early ? 0.3 * setup.quick_wins : 0.0;
    const double purpose = world.goal_alignment * (0.5 + 0.5 * setup.clarity_of_purpose);
    for (std::size_t i = 0; i < p.count; ++i) {
        const double target =
            clamp01(0.05 + 0.8 * std::min(1.0, p.benefit[i]) + 0.25 * purpose + quick_win -
                    0.3 * std::max(0.0, p.strain[i] - 0.5) - 0.2 * (1.0 - p.funding_security[i]));
        p.perceived_value[i] += value_adjustment * (target - p.perceived_value[i]);
    }
}

}  // namespace partnersim
