#include "model/support.hpp"

#include <algorithm>

#include "model/math.hpp"

namespace partnersim {
namespace {

// A programme navigator with very different partners takes "a triaged approach to capacity
// strengthening": more hours to those with least capacity. Others split evenly.
const std::vector<double>& support_weights(World& world) {
    const auto& p = world.partners;
    const bool triage = world.scenario.setup.archetype == Archetype::programme_navigator;
    const double triage_strength = world.scenario.constants.support.triage_strength;
    auto& weights = Scratch::fresh(world.scratch.support_weight, p.count, 0.0);
    for (std::size_t i = 0; i < p.count; ++i) {
        if (p.present[i]) weights[i] = triage ? 1.0 + triage_strength * (1.0 - p.capacity[i]) : 1.0;
    }
    return weights;
}

}  // namespace

double support_quality(const World& world, std::size_t i) {
    const auto& profile = world.facilitator.profile;
    const auto& c = world.scenario.constants.support;
    const double technical = c.quality_mel * profile.skill(Skill::mel) +
                             c.quality_contextual * world.partners.contextual_match[i] +
                             c.quality_sectoral * profile.skill(Skill::sectoral);
    return technical * (c.quality_without_accompaniment +
                        c.quality_per_accompaniment * world.scenario.facilitator.accompaniment);
}

void provide_support(World& world) {
    auto& p = world.partners;
    auto& lived = world.experiences;
    const auto& facilitator = world.facilitator;
    const double soft = facilitator.profile.skill(Skill::soft);
    const auto& c = world.scenario.constants.support;
    const double support_half_hours = c.support_half_hours;
    const double relationship_half_hours = c.relationship_half_hours;
    const double capacity_learning_rate = c.capacity_learning_rate;
    const double neglect_threshold = c.neglect_threshold;
    const double neglect_severity = c.neglect_severity;
    const double soft_trust = c.soft_skill_floor + (1.0 - c.soft_skill_floor) * soft;
    const double contact_trust_weight = c.contact_trust_weight;
    const double contextual_floor = c.contextual_floor;

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
        // Support earns trust as far as the facilitator is credible in the partner's field.
        lived.partner_facilitator_good[i] +=
            effect * quality * soft_trust * facilitator.profile.credibility;

        const double contact = saturating(relationship_each, relationship_half_hours);
        lived.partner_facilitator_good[i] +=
            contact_trust_weight * contact * soft *
            (contextual_floor + (1.0 - contextual_floor) * p.contextual_match[i]);

        // "A common challenge is insufficient budget for the facilitator to invest in
        // one-to-one relationships with partners which is essential to establishing trust."
        if (p.present[i] && effect + contact < neglect_threshold) {
            lived.partner_facilitator_bad[i] += neglect_severity;
        }
    }
}

}  // namespace partnersim
