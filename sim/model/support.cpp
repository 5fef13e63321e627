#include "model/support.hpp"

#include <algorithm>

#include "model/math.hpp"

namespace partnersim {
namespace {

constexpr double support_half_hours = 6.0;  // monthly hours giving half the effect
constexpr double relationship_half_hours = 2.0;
constexpr double capacity_learning_rate = 0.06;  // monthly capacity gain at full effect
constexpr double neglect_threshold = 0.05;       // contact below this feels like absence
constexpr double neglect_severity = 0.2;

// A programme navigator with very different partners takes "a triaged approach to capacity
// strengthening": more hours to those with least capacity. Others split evenly.
const std::vector<double>& support_weights(World& world) {
    const auto& p = world.partners;
    const bool triage = world.scenario.setup.archetype == Archetype::programme_navigator;
    auto& weights = Scratch::fresh(world.scratch.support_weight, p.count, 0.0);
    for (std::size_t i = 0; i < p.count; ++i) {
        if (p.present[i]) weights[i] = triage ? 1.0 + (1.0 - p.capacity[i]) : 1.0;
    }
    return weights;
}

}  // namespace

double support_quality(const World& world, std::size_t i) {
    const auto& profile = world.facilitator.profile;
    const double technical = 0.45 * profile.skill(Skill::mel) +
                             0.35 * world.partners.contextual_match[i] +
                             0.20 * profile.skill(Skill::sectoral);
    return technical * (0.7 + 0.3 * world.scenario.facilitator.accompaniment);
}

void provide_support(World& world) {
    auto& p = world.partners;
    auto& lived = world.experiences;
    const auto& facilitator = world.facilitator;
    const double soft = facilitator.profile.skill(Skill::soft);

    const auto& weights = support_weights(world);
    double total_weight = 0.0;
    for (const double w : weights) total_weight += w;
    const double relationship_each =
        facilitator.hours.relationship /
        static_cast<double>(std::max<std::size_t>(1, p.enrolled_count()));

    for (std::size_t i = 0; i < p.count; ++i) {
        p.benefit[i] = 0.0;
        p.one_to_one_hours[i] =
            total_weight > 0.0 ? facilitator.hours.one_to_one * weights[i] / total_weight : 0.0;
        if (!facilitator.active || !p.enrolled[i]) continue;

        const double quality = support_quality(world, i);
        const double effect = saturating(p.one_to_one_hours[i], support_half_hours);
        // "Hands on, flexible, pragmatic support is highly valued by partners and builds trust,
        // confidence and buy-in." Capacity grows with diminishing returns toward 1.
        p.capacity[i] +=
            capacity_learning_rate * effect * quality * p.engagement[i] * (1.0 - p.capacity[i]);
        p.benefit[i] += effect * quality * p.engagement[i];
        lived.partner_facilitator_good[i] += effect * quality * (0.5 + 0.5 * soft);

        const double contact = saturating(relationship_each, relationship_half_hours);
        lived.partner_facilitator_good[i] +=
            0.5 * contact * soft * (0.5 + 0.5 * p.contextual_match[i]);

        // "A common challenge is insufficient budget for the facilitator to invest in
        // one-to-one relationships with partners which is essential to establishing trust."
        if (p.present[i] && effect + contact < neglect_threshold) {
            lived.partner_facilitator_bad[i] += neglect_severity;
        }
    }
}

}  // namespace partnersim
