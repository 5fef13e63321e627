#pragma once
// Small worlds for the model's unit tests: built the way a run builds them (start_world with a
// fixed seed), then shaped by hand so that a test controls exactly the states a process reads.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/decision_quality.hpp"
#include "model/random_stream.hpp"
#include "model/scenario.hpp"
#include "model/step.hpp"
#include "model/trust.hpp"
#include "model/world.hpp"

namespace partnersim::test {

// The seed of every model test that does not say otherwise: fixed, so a failure reproduces.
inline constexpr std::uint64_t model_test_seed = 20250917;

// The documented defaults with few partners: small enough to reason about one by one, large
// enough for pairs, contexts and a spread of traits.
// Without the partnership-level traits and events (docs/model.md 7.14-7.15), so that a unit
// test of one process sees exactly the stated values it set and no event it did not ask for.
inline Scenario without_partnership_variation(Scenario s) {
    auto& n = s.partnership;
    n.buy_in_spread = n.flexibility_spread = n.fit_spread = n.volatility_spread = 0.0;
    n.absorption_spread = n.staff_time_spread = 0.0;
    n.facilitator_turnover_rate = n.leadership_change_rate = n.budget_cut_rate = 0.0;
    n.field_crisis_rate = n.funder_breach_rate = n.partner_exit_rate = n.newcomer_rate = 0.0;
    n.newcomer_slots = 0;  // no slot set aside: a unit test's partners are those it asked for
    return s;
}

inline Scenario small_scenario(int partners = 6) {
    Scenario scenario;
    scenario.partners.count = partners;
    return without_partnership_variation(scenario);
}

// A world at month 0, made as a run makes it (facilitator in place when it joins at month 0).
inline World make_world(const Scenario& scenario, std::uint64_t seed = model_test_seed) {
    RandomStream random(seed);
    return start_world(scenario, random);
}

inline void run_months(World& world, RandomStream& random, int months) {
    for (int m = 0; m < months; ++m) step_month(world, random);
}

// One partner's traits and states, for worlds whose partners are made identical.
struct PartnerShape {
    double resources = 0.5;
    double dependence = 0.6;
    double unified_identity = 0.5;
    int context = 0;
    double contextual_match = 0.5;
    double capacity = 0.3;
    double perceived_value = 0.5;
    double funding_security = 0.9;
    double candour = 0.7;
    double trust_facilitator = 0.5;
    double trust_funder = 0.5;
    double trust_strength = 4.0;  // pseudo-experiences behind both trusts
};

// Sets trust `value` held with `strength` experiences, as both current evidence and the prior
// that forgetting returns to.
inline void set_trust(TrustLedger& ledger, std::size_t i, double value, double strength = 4.0) {
    ledger.good[i] = ledger.prior_good[i] = value * strength;
    ledger.bad[i] = ledger.prior_bad[i] = (1.0 - value) * strength;
}

inline void clear_experiences(World& world) {
    auto& e = world.experiences;
    for (auto* v : {&e.partner_facilitator_good, &e.partner_facilitator_bad, &e.partner_funder_good,
                    &e.partner_funder_bad}) {
        v->assign(world.partners.count, 0.0);
    }
    e.funder_facilitator_good = 0.0;
    e.funder_facilitator_bad = 0.0;
}

// Every partner made alike (traits and states), no ties, no stress, nothing felt this month,
// so a test can change one thing and see only that change.
inline void make_partners_alike(World& world, const PartnerShape& shape = {}) {
    auto& p = world.partners;
    for (std::size_t i = 0; i < p.count; ++i) {
        p.resources[i] = shape.resources;
        p.dependence[i] = shape.dependence;
        p.unified_identity[i] = shape.unified_identity;
        p.context[i] = shape.context;
        p.contextual_match[i] = shape.contextual_match;
        p.indicator_bias[i] = 0.0;
        p.baseline_effectiveness[i] = 0.0;
        p.practice_gain[i] = 0.0;
        p.capacity[i] = shape.capacity;
        p.initial_capacity[i] = shape.capacity;
        p.perceived_value[i] = shape.perceived_value;
        p.funding_security[i] = shape.funding_security;
        p.candour[i] = shape.candour;
        p.stress_months[i] = 0;
        p.present[i] = 0;
        p.engagement[i] = 0.0;
        p.burden_hours[i] = 0.0;
        p.one_to_one_hours[i] = 0.0;
        p.benefit[i] = 0.0;
        p.strain[i] = 0.0;
        p.self_estimate[i] = 0.0;
        p.self_precision[i] = 1.0;
        p.report[i] = 0.0;
        p.support[i] = 1.0 / static_cast<double>(p.count);
        set_trust(p.trust_facilitator, i, shape.trust_facilitator, shape.trust_strength);
        set_trust(p.trust_funder, i, shape.trust_funder, shape.trust_strength);
    }
    for (auto& w : p.ties.weights()) w = 0.0f;
    clear_experiences(world);
}

// Every partner present with the same engagement (or all absent).
inline void set_presence(World& world, bool present, double engagement = 0.8) {
    auto& p = world.partners;
    for (std::size_t i = 0; i < p.count; ++i) {
        p.present[i] = present ? 1 : 0;
        p.engagement[i] = present ? engagement : 0.0;
    }
}

// Sets the tie between partners i and j.
inline void set_tie(World& world, std::size_t i, std::size_t j, float weight) {
    auto& ties = world.partners.ties;
    ties.weights()[i < j ? ties.pair_index(i, j) : ties.pair_index(j, i)] = weight;
}

inline bool in_unit_interval(double v) {
    return v >= 0.0 && v <= 1.0;
}

// The first bounded state of the world outside its documented range, described; empty when
// all are in range. (A description rather than assertions, so a loop over months can stop at
// the first breach instead of flooding the log.)
inline std::string first_state_out_of_range(const World& world) {
    const auto& p = world.partners;
    auto fails = [](const char* name, double v, std::size_t i) {
        return std::string(name) + " of partner " + std::to_string(i) + " is " + std::to_string(v);
    };
    double support_total = 0.0;
    for (std::size_t i = 0; i < p.count; ++i) {
        const double tf = trust_of(p.trust_facilitator, i);
        const double tu = trust_of(p.trust_funder, i);
        if (!in_unit_interval(tf)) return fails("trust in facilitator", tf, i);
        if (!in_unit_interval(tu)) return fails("trust in funder", tu, i);
        if (!in_unit_interval(p.capacity[i])) return fails("capacity", p.capacity[i], i);
        if (!in_unit_interval(p.candour[i])) return fails("candour", p.candour[i], i);
        if (!in_unit_interval(p.perceived_value[i])) {
            return fails("perceived value", p.perceived_value[i], i);
        }
        if (!in_unit_interval(p.engagement[i])) return fails("engagement", p.engagement[i], i);
        if (!in_unit_interval(p.funding_security[i])) {
            return fails("funding security", p.funding_security[i], i);
        }
        if (p.present[i] > 1) return fails("present", p.present[i], i);
        if (!(std::isfinite(p.burden_hours[i]) && p.burden_hours[i] >= 0.0)) {
            return fails("burden hours", p.burden_hours[i], i);
        }
        if (!std::isfinite(p.true_effectiveness(i))) {
            return fails("true effectiveness", p.true_effectiveness(i), i);
        }
        if (!std::isfinite(world.funder.belief[i])) {
            return fails("funder belief", world.funder.belief[i], i);
        }
        // A partner that left has no support; every enrolled one has some.
        if (p.enrolled[i] ? !(p.support[i] > 0.0) : p.support[i] != 0.0) {
            return fails("support share", p.support[i], i);
        }
        if (!p.enrolled[i] && p.present[i]) return fails("present after leaving", 1.0, i);
        support_total += p.support[i];
    }
    if (p.enrolled_count() > 0 && std::abs(support_total - 1.0) > 1e-9) {
        return "support shares sum to " + std::to_string(support_total);
    }
    for (const float w : p.ties.weights()) {
        if (!(w >= 0.0f && w <= 1.0f)) return "a tie weighs " + std::to_string(w);
    }
    auto world_fails = [](const char* name, double v) {
        return std::string(name) + " is " + std::to_string(v);
    };
    const double funder_trust = trust_of(world.funder.trust_facilitator, 0);
    if (!in_unit_interval(funder_trust)) return world_fails("funder trust", funder_trust);
    if (!in_unit_interval(world.goal_alignment)) {
        return world_fails("goal alignment", world.goal_alignment);
    }
    if (!in_unit_interval(world.end_pressure)) {
        return world_fails("end pressure", world.end_pressure);
    }
    const auto& f = world.facilitator;
    if (!in_unit_interval(f.embeddedness)) return world_fails("embeddedness", f.embeddedness);
    if (!in_unit_interval(f.synthesis)) return world_fails("synthesis", f.synthesis);
    if (!in_unit_interval(f.convening_intensity)) {
        return world_fails("convening intensity", f.convening_intensity);
    }
    if (!in_unit_interval(world.funder.decision_reach)) {
        return world_fails("decision reach", world.funder.decision_reach);
    }
    const double quality = decision_quality(world.partners, world.funder.belief,
                                            world.scenario.constants.adaptation.support_sharpness);
    if (!(std::isfinite(quality) && quality <= 1.0 + 1e-12)) {
        return world_fails("decision quality", quality);
    }
    if (!(f.hours.total() >= 0.0)) return world_fails("facilitator hours", f.hours.total());
    return {};
}

}  // namespace partnersim::test
