#include "model/adaptation.hpp"

#include <algorithm>
#include <cmath>

#include "model/math.hpp"

namespace partnersim {
namespace {

constexpr double practice_learning_rate = 0.015;  // monthly effectiveness gain at full learning
constexpr double practice_atrophy = 0.002;        // monthly loss of improvements even in use
// Monthly loss of what learning added, for a partner that does not use it (not taking part):
// half of an unused practice gain is gone in about two years, half of unused MEL capacity
// gained in about four ("Helps strengthen and sustain partner organisations beyond the lifetime
// of the grant": capacity outlasts practice).
constexpr double practice_fade_without_use = 0.03;
constexpr double capacity_fade_without_use = 0.015;
constexpr double support_sharpness = 1.0;   // how strongly support follows beliefs
constexpr double disclosed_failure = -0.5;  // a report this low admits a failure
// Bad experience of the funder for a partner whose disclosed failure is penalised, and for every
// partner when any is (all see that candour is punished), per unit of disclosure risk.
constexpr double penalty_felt_by_discloser = 2.0;
constexpr double penalty_seen_by_all = 1.0;
// Good experience of being heard, per month of the decision cycle, where learning reaches the
// decision fully and with full synthesis.
constexpr double heard_per_month_of_cycle = 0.4;

// Use it or lose it: what learning added fades where it is not used. A partner uses it as far as
// it engages in learning this month (engagement when present, none when absent), so gains fade
// after a partnership ends unless the partners keep meeting.
void fade_unused_gains(World& world) {
    auto& p = world.partners;
    for (std::size_t i = 0; i < p.count; ++i) {
        const double disuse = 1.0 - (p.present[i] ? p.engagement[i] : 0.0);
        p.practice_gain[i] *= 1.0 - practice_fade_without_use * disuse;
        const double gained = p.capacity[i] - p.initial_capacity[i];
        if (gained > 0.0) p.capacity[i] -= capacity_fade_without_use * disuse * gained;
    }
}

void improve_practice(World& world) {
    auto& p = world.partners;
    for (std::size_t i = 0; i < p.count; ++i) {
        const double engagement = p.present[i] ? p.engagement[i] : 0.1;
        const double knowledge = 1.0 - 1.0 / (1.0 + p.self_precision[i]);
        const double survival = p.stress_months[i] > 0 ? 0.5 : 1.0;
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
    const double adoption = 0.3 + 0.5 * world.scenario.funder.flexibility;
    auto& target = Scratch::fresh(world.scratch.support_target, p.count, 0.0);
    support_shares(belief, target);
    for (std::size_t i = 0; i < p.count; ++i) {
        p.support[i] = (1.0 - adoption) * p.support[i] + adoption * target[i];
    }
}

// Where "funding decisions hinge on the outcomes of learning discussions", a partner that
// disclosed failure may be cut, and every partner sees that candour is punished.
void punish_disclosure(World& world) {
    auto& p = world.partners;
    auto& lived = world.experiences;
    const double risk = world.scenario.funder.disclosure_risk;
    if (risk <= 0.0) return;
    double cut_count = 0.0;
    for (std::size_t i = 0; i < p.count; ++i) {
        if (p.report[i] > disclosed_failure) continue;
        // Expected values rather than draws keep the random stream independent of set-up.
        p.support[i] *= 1.0 - 0.5 * risk;
        p.funding_security[i] = clamp01(p.funding_security[i] - 0.4 * risk);
        lived.partner_funder_bad[i] += penalty_felt_by_discloser * risk;
        cut_count += 1.0;
    }
    if (cut_count == 0.0) return;
    for (std::size_t i = 0; i < p.count; ++i)
        lived.partner_funder_bad[i] += penalty_seen_by_all * risk;
    double total = 0.0;
    for (const double s : p.support) total += s;
    for (auto& s : p.support) s /= total;
}

// Partners who see their learning shape decisions feel heard: "the funder's understanding of
// the grantee and transparency are the strongest predictors of relationship strength" (CEP).
void hear_partners(World& world) {
    auto& p = world.partners;
    const double months = world.scenario.funder.decision_cycle_months;
    const double heard = heard_per_month_of_cycle * months * world.funder.decision_reach *
                         (0.3 + 0.7 * world.facilitator.synthesis);
    for (std::size_t i = 0; i < p.count; ++i) world.experiences.partner_funder_good[i] += heard;
}

}  // namespace

bool is_decision_month(const World& world) {
    const int cycle = world.scenario.funder.decision_cycle_months;
    return (world.month + 1) % cycle == 0;
}

void support_shares(const std::vector<double>& values, std::vector<double>& shares) {
    shares.resize(values.size());
    if (values.empty()) return;
    // Shifted by the largest value so exp() cannot overflow, whatever beliefs become.
    const double highest = *std::max_element(values.begin(), values.end());
    double total = 0.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        shares[i] = std::exp(support_sharpness * (values[i] - highest));
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
