#include "model/partner_history.hpp"

#include "model/participation.hpp"

namespace partnersim {

void note_partner_history(World& world) {
    auto& p = world.partners;
    const bool on_offer = activities_on_offer(world);
    for (std::size_t i = 0; i < p.count; ++i) {
        if (!p.enrolled[i]) continue;
        if (p.stress_months[i] > 0) p.met_obstacle[i] = 1;
        if (!on_offer) continue;
        ++p.months_on_offer[i];
        p.months_present[i] += p.present[i];
    }
}

}  // namespace partnersim
