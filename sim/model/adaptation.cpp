#include "model/adaptation.hpp"

#include <algorithm>
#include <cmath>

#include "model/math.hpp"

namespace partnersim {
namespace {

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
    const auto& belief = world.funder.belief;
    const auto& c = world.scenario.constants.adaptation;
    // At most all of it: a drawn or swept model may put base + flexibility's share above 1.
    const double adoption = std::min(
        1.0, c.adoption_base + c.adoption_per_flexibility * world.scenario.funder.flexibility);
    const double support_sharpness = c.support_sharpness;
    double total = 0.0;
    auto& target = Scratch::fresh(world.scratch.support_target, p.count, 0.0);
    // Shifted by the largest belief so exp() cannot overflow, whatever beliefs become.
    const double highest = *std::max_element(belief.begin(), belief.end());
    for (std::size_t i = 0; i < p.count; ++i) {
        if (!p.enrolled[i]) continue;  // a partner that left gets nothing
        target[i] = std::exp(support_sharpness * (belief[i] - highest));
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
    double total = 0.0;
    for (const double s : p.support) total += s;
    if (total <= 0.0) return;
    for (auto& s : p.support) s /= total;
}

// Partners who see their learning shape decisions feel heard: "the funder's understanding of
// the grantee and transparency are the strongest predictors of relationship strength" (CEP).
void hear_partners(World& world) {
    auto& p = world.partners;
    const auto& c = world.scenario.constants.adaptation;
    const double heard =
        c.heard_weight * world.funder.decision_reach *
        (c.synthesis_floor + (1.0 - c.synthesis_floor) * world.facilitator.synthesis);
    for (std::size_t i = 0; i < p.count; ++i) world.experiences.partner_funder_good[i] += heard;
}

}  // namespace

bool is_decision_month(const World& world) {
    const int cycle = world.scenario.funder.decision_cycle_months;
    return (world.month + 1) % cycle == 0;
}

double support_truth_correlation(const World& world) {
    const auto& p = world.partners;
    const double n = static_cast<double>(p.enrolled_count());
    if (n < 2) return 0.0;
    double mean_s = 0.0, mean_t = 0.0;
    for (std::size_t i = 0; i < p.count; ++i) {
        if (!p.enrolled[i]) continue;
        mean_s += p.support[i];
        mean_t += p.true_effectiveness(i);
    }
    mean_s /= n;
    mean_t /= n;
    double cov = 0.0, var_s = 0.0, var_t = 0.0;
    for (std::size_t i = 0; i < p.count; ++i) {
        if (!p.enrolled[i]) continue;
        const double ds = p.support[i] - mean_s;
        const double dt = p.true_effectiveness(i) - mean_t;
        cov += ds * dt;
        var_s += ds * ds;
        var_t += dt * dt;
    }
    if (var_s <= 1e-18 || var_t <= 1e-18) return 0.0;
    return cov / std::sqrt(var_s * var_t);
}

void adapt(World& world) {
    improve_practice(world);
    if (is_decision_month(world)) {
        reallocate_support(world);
        punish_disclosure(world);
        hear_partners(world);
    }
    world.funder.decision_quality = support_truth_correlation(world);
}

}  // namespace partnersim
