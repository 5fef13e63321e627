#include "model/enrolment.hpp"

#include "model/candour.hpp"
#include "model/initialise.hpp"
#include "model/math.hpp"

namespace partnersim {

double enrolled_tie_density(const PartnerPopulation& p, float threshold) {
    std::size_t strong = 0;
    const std::size_t pairs =
        for_each_enrolled_pair(p, [&](float weight) { strong += weight >= threshold ? 1 : 0; });
    return pairs > 0 ? static_cast<double>(strong) / static_cast<double>(pairs) : 0.0;
}

bool admit_newcomer(World& world) {
    auto& p = world.partners;
    const std::size_t slot = p.founders + p.joined;
    if (slot >= p.count) return false;
    ++p.joined;
    start_partner(world, slot);
    p.enrolled[slot] = 1;
    p.present[slot] = 0;
    p.engagement[slot] = 0.0;
    for (std::size_t j = 0; j < p.count; ++j) {
        if (j == slot) continue;
        auto& weights = p.ties.weights();
        weights[j < slot ? p.ties.pair_index(j, slot) : p.ties.pair_index(slot, j)] = 0.0f;
    }
    world.funder.belief[slot] = 0.0;
    const double share = 1.0 / static_cast<double>(p.enrolled_count());
    for (std::size_t i = 0; i < p.count; ++i) p.support[i] *= 1.0 - share;
    p.support[slot] = share;
    refresh_power_asymmetry(world);
    p.candour[slot] = candour_target(world, slot);
    return true;
}

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
    normalise_shares(p.support);
}

void let_disengaged_partners_go(World& world) {
    auto& p = world.partners;
    // Only while the facilitator runs activities: after a time-bound end, staying away is the
    // partnership's planned close, not a partner turning its back on it.
    if (!world.facilitator.active) return;
    const auto& c = world.scenario.constants.enrolment;
    for (std::size_t i = 0; i < p.count; ++i) {
        if (!p.enrolled[i]) continue;
        p.absent_months[i] = p.present[i] ? 0 : p.absent_months[i] + 1;
        if (p.absent_months[i] >= c.months_away_before_leaving &&
            p.perceived_value[i] < c.value_below_which_partners_leave) {
            withdraw_partner(world, i);
        }
    }
}

}  // namespace partnersim
