#include "model/convenings.hpp"

#include "model/math.hpp"

namespace partnersim {
namespace {

constexpr double tie_formation_rate = 0.2;
constexpr double tie_decay_without_backbone = 0.05;  // half-life about a year
constexpr double tie_decay_floor = 0.005;
constexpr double spillover_rate = 0.03;

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
    const double intensity = world.facilitator.convening_intensity;
    const double skill = 0.5 + 0.5 * world.facilitator.profile.skill(Skill::facilitation);
    const auto keep = static_cast<float>(
        1.0 - (tie_decay_without_backbone * (1.0 - intensity) + tie_decay_floor));
    std::size_t pair = 0;
    for (std::size_t i = 0; i < p.count; ++i) {
        for (std::size_t j = i + 1; j < p.count; ++j, ++pair) {
            float w = weights[pair] * keep;
            const bool both_present = p.present[i] && p.present[j];
            if (both_present) {
                const double affinity =
                    p.context[i] == p.context[j]
                        ? 1.0
                        : 0.3 + 0.35 * (p.unified_identity[i] + p.unified_identity[j]);
                w += static_cast<float>(tie_formation_rate * intensity * skill *
                                        p.engagement[i] * p.engagement[j] * affinity *
                                        (1.0 - w));
            }
            weights[pair] = w;
            if (w <= 0.0f) continue;
            // Learning spills over from the more capable to the less, in proportion to the tie.
            const double gap = p.capacity[j] - p.capacity[i];
            if (gap > 0) {
                inflow[i] += w * gap;
            } else {
                inflow[j] -= w * gap;
            }
            strength[i] += w;
            strength[j] += w;
            if (both_present) {
                present_strength[i] += w;
                present_strength[j] += w;
            }
        }
    }
}

void spill_over_capacity(World& world) {
    auto& p = world.partners;
    const auto& inflow = world.scratch.capacity_inflow;
    const auto& strength = world.scratch.tie_strength;
    for (std::size_t i = 0; i < p.count; ++i) {
        const double openness = p.present[i] ? p.engagement[i] : 0.2;
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
    auto& present_in_context = Scratch::fresh(
        world.scratch.present_in_context, static_cast<std::size_t>(world.contexts), 0.0);
    double present_total = 0.0;
    for (std::size_t i = 0; i < p.count; ++i) {
        if (!p.present[i]) continue;
        present_in_context[static_cast<std::size_t>(p.context[i])] += 1.0;
        present_total += 1.0;
    }
    const auto& present_strength = world.scratch.present_tie_strength;
    const double facilitation = world.facilitator.profile.skill(Skill::facilitation);
    for (std::size_t i = 0; i < p.count; ++i) {
        if (!p.present[i] || present_total <= 1.0) continue;
        const double others = present_total - 1.0;
        const double peers =
            (present_in_context[static_cast<std::size_t>(p.context[i])] - 1.0) / others;
        const double ties = present_strength[i] / others;
        const double relevance = 0.35 * peers + 0.3 * p.unified_identity[i] + 0.35 * ties;
        p.benefit[i] += intensity * relevance * p.engagement[i];
        // "running activities that bring people together (in person where possible)" builds
        // trust in whoever convenes.
        if (world.facilitator.active) {
            world.experiences.partner_facilitator_good[i] +=
                0.5 * intensity * facilitation * p.engagement[i];
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
