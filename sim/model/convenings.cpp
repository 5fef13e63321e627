#include "model/convenings.hpp"

#include <algorithm>

#include "model/math.hpp"

namespace partnersim {
namespace {

// One pass over all pairs: ties form between co-attendees, more readily within a context or a
// shared programme identity (Guimera et al. 2005: repeat collaboration; networks connect past a
// threshold), and all ties decay unless someone plays "a 'backbone role', handling
// facilitation, logistics and knowledge management". The same pass gathers, with the new
// weights, what spillover and the value of attending need, so the triangle is read once.
void update_ties(World& world) {
    auto& p = world.partners;
    auto& weights = p.ties.weights();
    auto& inflow = Scratch::fresh(world.scratch.capacity_inflow, p.count, 0.0);
    auto& strength = Scratch::fresh(world.scratch.tie_strength, p.count, 0.0);
    auto& present_strength = Scratch::fresh(world.scratch.present_tie_strength, p.count, 0.0);
    const auto& c = world.scenario.constants.convenings;
    const double intensity = world.facilitator.convening_intensity;
    const double skill =
        c.facilitation_floor +
        (1.0 - c.facilitation_floor) * world.facilitator.profile.skill(Skill::facilitation);
    const auto keep = static_cast<float>(
        1.0 - (c.tie_decay_without_backbone * (1.0 - intensity) + c.tie_decay_floor));
    const double cross_context_affinity = c.cross_context_affinity;
    const double identity_affinity = c.identity_affinity;
    // Raw pointers and per-row locals: `present` is a byte array, which may alias anything, so
    // through vectors the compiler would reload every array's address at each pair.
    const std::uint8_t* const present = p.present.data();
    const int* const context = p.context.data();
    const double* const identity = p.unified_identity.data();
    const double* const engagement = p.engagement.data();
    const double* const capacity = p.capacity.data();
    float* const weight = weights.data();
    double* const inflow_of = inflow.data();
    double* const strength_of = strength.data();
    double* const present_strength_of = present_strength.data();
    const double formation = c.tie_formation_rate * intensity * skill;
    std::size_t pair = 0;
    // Slots set aside for newcomers and not yet taken have no ties and are never present:
    // their pairs stay 0 and are skipped (results are the same; the loop is the month's
    // costliest).
    const std::size_t filled = p.founders + p.joined;
    for (std::size_t i = 0; i < filled; ++i) {
        const bool present_i = present[i] != 0;
        const int context_i = context[i];
        const double identity_i = identity[i];
        const double engagement_i = engagement[i];
        const double capacity_i = capacity[i];
        // Row i's sums continue from what earlier rows added, in the same order as before.
        double inflow_i = inflow_of[i];
        double strength_i = strength_of[i];
        double present_strength_i = present_strength_of[i];
        for (std::size_t j = i + 1; j < filled; ++j, ++pair) {
            float w = weight[pair] * keep;
            const bool both_present = present_i && present[j] != 0;
            if (both_present) {
                // At most the affinity within a context (1), whatever constants a sweep or a draw
                // sets.
                const double affinity =
                    context_i == context[j]
                        ? 1.0
                        : std::min(1.0, cross_context_affinity +
                                            identity_affinity * (identity_i + identity[j]));
                w += static_cast<float>(formation * engagement_i * engagement[j] * affinity *
                                        (1.0 - w));
            }
            weight[pair] = w;
            if (w <= 0.0f) continue;
            // Learning spills over from the more capable to the less, in proportion to the tie.
            const double gap = capacity[j] - capacity_i;
            if (gap > 0) {
                inflow_i += w * gap;
            } else {
                inflow_of[j] -= w * gap;
            }
            strength_i += w;
            strength_of[j] += w;
            if (both_present) {
                present_strength_i += w;
                present_strength_of[j] += w;
            }
        }
        inflow_of[i] = inflow_i;
        strength_of[i] = strength_i;
        present_strength_of[i] = present_strength_i;
        pair += p.count - filled;  // pairs with slots no newcomer has taken: all 0
    }
}

void spill_over_capacity(World& world) {
    auto& p = world.partners;
    const auto& inflow = world.scratch.capacity_inflow;
    const auto& strength = world.scratch.tie_strength;
    const double absent_openness = world.scenario.constants.convenings.absent_openness;
    const double spillover_rate = world.scenario.constants.convenings.spillover_rate;
    for (std::size_t i = 0; i < p.count; ++i) {
        const double openness = p.present[i] ? p.engagement[i] : absent_openness;
        p.capacity[i] += spillover_rate * openness * inflow[i] / (1.0 + strength[i]);
        p.capacity[i] = clamp01(p.capacity[i]);
    }
}

// "It is important that participants see the relevance to their practice": a convening is
// worth more to a partner when many attendees share its context or its programme identity, and
// when it has ties to them: relationships are much of what a network is worth ("forging
// connections that may lay the foundations for collaboration").
void value_attendance(World& world) {
    auto& p = world.partners;
    const double intensity = world.facilitator.convening_intensity;
    auto& present_in_context = Scratch::fresh(world.scratch.present_in_context,
                                              static_cast<std::size_t>(world.contexts), 0.0);
    double present_total = 0.0;
    for (std::size_t i = 0; i < p.count; ++i) {
        if (!p.present[i]) continue;
        present_in_context[static_cast<std::size_t>(p.context[i])] += 1.0;
        present_total += 1.0;
    }
    const auto& present_strength = world.scratch.present_tie_strength;
    // "credibility and convening power" (network builder): facilitation skill times the
    // credibility that sector knowledge gives.
    const double convening_power = world.facilitator.profile.skill(Skill::facilitation) *
                                   world.facilitator.profile.credibility;
    const auto& c = world.scenario.constants.convenings;
    const double relevance_peers = c.relevance_peers;
    const double relevance_identity = c.relevance_identity;
    const double relevance_ties = c.relevance_ties;
    const double convening_trust_weight = c.convening_trust_weight;
    for (std::size_t i = 0; i < p.count; ++i) {
        if (!p.present[i] || present_total <= 1.0) continue;
        const double others = present_total - 1.0;
        const double peers =
            (present_in_context[static_cast<std::size_t>(p.context[i])] - 1.0) / others;
        const double ties = present_strength[i] / others;
        const double relevance = relevance_peers * peers +
                                 relevance_identity * p.unified_identity[i] + relevance_ties * ties;
        p.benefit[i] += intensity * relevance * p.engagement[i];
        // "running activities that bring people together (in person where possible)" builds
        // trust in whoever convenes.
        if (world.facilitator.active) {
            world.experiences.partner_facilitator_good[i] +=
                convening_trust_weight * intensity * convening_power * p.engagement[i];
        }
    }
}

}  // namespace

void hold_convenings(World& world) {
    update_ties(world);
    spill_over_capacity(world);
    value_attendance(world);
}

}  // namespace partnersim
