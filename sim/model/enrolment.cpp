#include "model/enrolment.hpp"

namespace partnersim {

void withdraw_partner(World& world, std::size_t partner) {
    auto& p = world.partners;
    if (!p.enrolled[partner]) return;
    p.enrolled[partner] = 0;
    p.present[partner] = 0;
    p.engagement[partner] = 0.0;
    p.burden_hours[partner] = 0.0;
    p.report_hours[partner] = 0.0;
    p.strain[partner] = 0.0;
    p.support[partner] = 0.0;
    double total = 0.0;
    for (const double s : p.support) total += s;
    if (total <= 0.0) return;
    for (auto& s : p.support) s /= total;
}

void let_disengaged_partners_go(World& world) {
    auto& p = world.partners;
    // Only while the facilitator runs activities: after a time-bound end, staying away is the
    // partnership's planned close, not a partner turning its back on it.
    if (!world.facilitator.active) return;
    for (std::size_t i = 0; i < p.count; ++i) {
        if (!p.enrolled[i]) continue;
        p.absent_months[i] = p.present[i] ? 0 : p.absent_months[i] + 1;
        if (p.absent_months[i] >= months_away_before_leaving &&
            p.perceived_value[i] < value_below_which_partners_leave) {
            withdraw_partner(world, i);
        }
    }
}

}  // namespace partnersim
