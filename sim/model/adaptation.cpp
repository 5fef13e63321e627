#include "model/adaptation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "model/math.hpp"

namespace partnersim {
namespace {

// Use it or lose it: what learning added fades where it is not used. A partner uses it as far as
// it engages in learning this month (engagement when present, none when absent), so gains fade
// after a partnership ends unless the partners keep meeting. Capacity outlasts practice ("Helps
// strengthen and sustain partner organisations beyond the lifetime of the grant").
void fade_unused_gains(World& world) {
    auto& p = world.partners;
    const auto& c = world.scenario.constants.adaptation;
    const double practice_fade = c.practice_fade_without_use;
    const double capacity_fade = c.capacity_fade_without_use;
    for (std::size_t i = 0; i < p.count; ++i) {
        const double disuse = 1.0 - (p.present[i] ? p.engagement[i] : 0.0);
        p.practice_gain[i] *= 1.0 - practice_fade * disuse;
        const double gained = p.capacity[i] - p.initial_capacity[i];
        if (gained > 0.0) p.capacity[i] -= capacity_fade * disuse * gained;
    }
}

void improve_practice(World& world) {
    auto& p = world.partners;
    const auto& c = world.scenario.constants.adaptation;
    const double absent_engagement = c.absent_engagement;
    const double survival_factor = c.survival_factor;
    const double practice_atrophy = c.practice_atrophy;
    const double practice_learning_rate = c.practice_learning_rate;
    for (std::size_t i = 0; i < p.count; ++i) {
        const double engagement = p.present[i] ? p.engagement[i] : absent_engagement;
        const double knowledge = 1.0 - 1.0 / (1.0 + p.self_precision[i]);
        const double survival = p.stress_months[i] > 0 ? survival_factor : 1.0;
        p.practice_gain[i] =
            p.practice_gain[i] * (1.0 - practice_atrophy) +
            practice_learning_rate * p.capacity[i] * engagement * knowledge * survival;
    }
}

// The funder moves part of its support toward partners it believes effective; a flexible
// funder moves more ("Learning partnerships are well suited to flexible grant-making").
void reallocate_support(World& world) {
    auto& p = world.partners;
    const auto& c = world.scenario.constants.adaptation;
    // At most all of it: a drawn or swept model may put base + flexibility's share above 1.
    const double adoption = std::min(
        1.0, c.adoption_base + c.adoption_per_flexibility * world.scenario.funder.flexibility);
    auto& target = Scratch::fresh(world.scratch.support_target, p.count, 0.0);
    // support_shares over the enrolled partners only, shifted by their highest belief: a belief
    // about a partner that left or a slot no newcomer has taken must not set the shift, or the
    // enrolled partners' exponentials can underflow to a share of exactly 0.
    double highest = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < p.count; ++i) {
        if (p.enrolled[i]) highest = std::max(highest, world.funder.belief[i]);
    }
    double total = 0.0;
    for (std::size_t i = 0; i < p.count; ++i) {
        // a partner that left gets nothing
        target[i] = p.enrolled[i]
                        ? std::exp(c.support_sharpness * (world.funder.belief[i] - highest))
                        : 0.0;
        total += target[i];
    }
    if (total <= 0.0) return;  // every partner has left
    for (std::size_t i = 0; i < p.count; ++i) {
        p.support[i] = (1.0 - adoption) * p.support[i] + adoption * target[i] / total;
    }
}

// Where "funding decisions hinge on the outcomes of learning discussions", a partner that
// disclosed failure may be cut, and every partner sees that candour is punished.
void punish_disclosure(World& world) {
    auto& p = world.partners;
    auto& lived = world.experiences;
    const double risk = world.scenario.funder.disclosure_risk;
    if (risk <= 0.0) return;
    const auto& c = world.scenario.constants.adaptation;
    const double disclosed_failure = c.disclosed_failure;
    const double support_kept = 1.0 - c.support_cut * risk;
    const double security_lost = c.security_cut * risk;
    const double punishment = c.punishment_severity * risk;
    double cut_count = 0.0;
    for (std::size_t i = 0; i < p.count; ++i) {
        if (!p.enrolled[i] || p.report[i] > disclosed_failure) continue;
        // Expected values rather than draws keep the random stream independent of set-up.
        p.support[i] *= support_kept;
        p.funding_security[i] = clamp01(p.funding_security[i] - security_lost);
        lived.partner_funder_bad[i] += punishment;
        cut_count += 1.0;
    }
    if (cut_count == 0.0) return;
    const double witnessed = c.witnessed_punishment * risk;
    for (std::size_t i = 0; i < p.count; ++i) lived.partner_funder_bad[i] += witnessed;
    normalise_shares(p.support);
}

// Partners who see their learning shape decisions feel heard: "the funder's understanding of
// the grantee and transparency are the strongest predictors of relationship strength" (CEP).
void hear_partners(World& world) {
    auto& p = world.partners;
    const auto& c = world.scenario.constants.adaptation;
    // Sized per month the decision covers: one yearly window hears partners as four quarterly.
    const double months = world.scenario.funder.decision_cycle_months;
    const double heard =
        c.heard_weight * months * world.funder.decision_reach *
        (c.synthesis_floor + (1.0 - c.synthesis_floor) * world.facilitator.synthesis);
    for (std::size_t i = 0; i < p.count; ++i) world.experiences.partner_funder_good[i] += heard;
}

}  // namespace

bool is_decision_month(const World& world) {
    const int cycle = world.scenario.funder.decision_cycle_months;
    return (world.month + 1) % cycle == 0;
}

void support_shares(const std::vector<double>& values, double sharpness,
                    std::vector<double>& shares) {
    shares.resize(values.size());
    if (values.empty()) return;
    // Shifted by the largest value so exp() cannot overflow, whatever beliefs become.
    const double highest = *std::max_element(values.begin(), values.end());
    double total = 0.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        shares[i] = std::exp(sharpness * (values[i] - highest));
        total += shares[i];
    }
    for (auto& share : shares) share /= total;
}

void adapt(World& world) {
    fade_unused_gains(world);
    improve_practice(world);
    if (is_decision_month(world)) {
        reallocate_support(world);
        punish_disclosure(world);
        hear_partners(world);
    }
}

}  // namespace partnersim
