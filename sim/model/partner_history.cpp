#include "model/partner_history.hpp"

#include "model/participation.hpp"

namespace partnersim {

void note_partner_history(World& world) {
    auto& p = world.partners;
    const bool on_offer = activities_on_offer(world);
    // Only the founders: the measures built on this history (core_share, active_ring_share,
    // obstacle_share) are over the partners enrolled at month 0.
    for (std::size_t i = 0; i < p.founders; ++i) {
        if (!p.enrolled[i]) continue;
        if (p.stress_months[i] > 0) p.met_obstacle[i] = 1;
        if (!on_offer) continue;
        ++p.months_on_offer[i];
        p.months_present[i] += p.present[i];
    }
}

}  // namespace partnersim
