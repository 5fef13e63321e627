#include "model/participation.hpp"

#include "model/math.hpp"
#include "model/trust.hpp"

namespace partnersim {

bool activities_on_offer(const World& world) {
    return world.facilitator.active ||
           world.facilitator.convening_intensity >
               world.scenario.constants.participation.self_organised_threshold;
}

double participation_propensity(const World& world, std::size_t i) {
    const auto& p = world.partners;
    const auto& c = world.scenario.constants.participation;
    // "Where there is uncertainty around funding this is likely to close down partner
    // motivation to learn as the focus is on survival" (practice partner, key enablers).
    const double survival = p.stress_months[i] > 0 ? c.survival_factor : 1.0;
    const double slack = clamp01(1.0 - p.strain[i]);
    const double drive =
        c.weight_value * p.perceived_value[i] + c.weight_trust * trust_of(p.trust_facilitator, i) +
        c.weight_slack * slack + c.weight_security * p.funding_security[i] * survival +
        c.weight_identity * p.unified_identity[i] +
        c.weight_habit * (p.participation_habit[i] - c.initial_habit);
    return logistic(c.decisiveness * (drive - c.drive_threshold));
}

void decide_participation(World& world, RandomStream& random) {
    auto& p = world.partners;
    const auto& c = world.scenario.constants.participation;
    const bool on_offer = activities_on_offer(world);
    // Mandatory participation binds only while the programme's agreements run.
    const bool mandatory =
        world.scenario.setup.participation == Participation::mandatory && world.facilitator.active;
    for (std::size_t i = 0; i < p.count; ++i) {
        // Drawn for every partner slot whatever the set-up, so that designs compared with the
        // same seed consume the stream alike (common random numbers); the propensity is worked
        // out only where it is used (a chance is one uniform draw below it).
        const double draw = random.uniform();
        if (!on_offer || !p.enrolled[i]) {
            p.present[i] = 0;
            p.engagement[i] = 0.0;
            continue;
        }
        const double propensity = participation_propensity(world, i);
        const bool chooses = draw < propensity;
        p.present[i] = (mandatory || chooses) ? 1 : 0;
        p.engagement[i] = p.present[i] ? propensity : 0.0;
        // Attending reinforces a partner's own habit of taking part, missing weakens it
        // (legitimate peripheral participation: the periphery is a stable place, Wenger et al.
        // 2002), so partners sort into regulars and occasional participants over the months.
        // Only its own choice counts: attendance a mandate forces builds no habit.
        p.participation_habit[i] +=
            c.habit_rate * ((chooses ? 1.0 : 0.0) - p.participation_habit[i]);
    }
}

}  // namespace partnersim
