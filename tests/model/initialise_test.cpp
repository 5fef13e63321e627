#include "model/initialise.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "model/trust.hpp"
#include "support/world_builder.hpp"

namespace partnersim {
namespace {

World created(const Scenario& s, std::uint64_t seed = test::model_test_seed) {
    RandomStream random(seed);
    return create_world(s, random);
}

double correlation(const std::vector<double>& a, const std::vector<double>& b) {
    const double n = static_cast<double>(a.size());
    const double ma = std::accumulate(a.begin(), a.end(), 0.0) / n;
    const double mb = std::accumulate(b.begin(), b.end(), 0.0) / n;
    double cov = 0.0, va = 0.0, vb = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        cov += (a[i] - ma) * (b[i] - mb);
        va += (a[i] - ma) * (a[i] - ma);
        vb += (b[i] - mb) * (b[i] - mb);
    }
    return cov / std::sqrt(va * vb);
}

double mean(const std::vector<double>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

TEST(ContextCount, GrowsWithDiversityFromOneToEight) {
    EXPECT_EQ(context_count(0.0, PopulationConstants{}), 1);
    EXPECT_EQ(context_count(1.0, PopulationConstants{}), 8);
    int previous = context_count(0.0, PopulationConstants{});
    for (double d = 0.05; d <= 1.0; d += 0.05) {
        EXPECT_GE(context_count(d, PopulationConstants{}), previous) << d;
        previous = context_count(d, PopulationConstants{});
    }
}

TEST(CreateWorld, SizesEveryPartnerStateToThePartnerCount) {
    const World world = created(test::small_scenario(7));
    const auto& p = world.partners;
    ASSERT_EQ(p.count, 7u);
    for (const auto* v : {&p.resources,
                          &p.dependence,
                          &p.unified_identity,
                          &p.indicator_bias,
                          &p.contextual_match,
                          &p.baseline_effectiveness,
                          &p.practice_gain,
                          &p.capacity,
                          &p.initial_capacity,
                          &p.power_asymmetry,
                          &p.perceived_value,
                          &p.candour,
                          &p.funding_security,
                          &p.engagement,
                          &p.burden_hours,
                          &p.one_to_one_hours,
                          &p.benefit,
                          &p.strain,
                          &p.self_estimate,
                          &p.self_precision,
                          &p.report,
                          &p.support,
                          &world.funder.belief,
                          &world.experiences.partner_facilitator_good,
                          &world.experiences.partner_funder_bad}) {
        EXPECT_EQ(v->size(), 7u);
    }
    EXPECT_EQ(p.context.size(), 7u);
    EXPECT_EQ(p.stress_months.size(), 7u);
    EXPECT_EQ(p.present.size(), 7u);
    EXPECT_EQ(p.trust_facilitator.good.size(), 7u);
    EXPECT_EQ(p.trust_funder.bad.size(), 7u);
    EXPECT_EQ(p.ties.partners(), 7u);
    EXPECT_EQ(p.ties.pairs(), 21u);
    EXPECT_EQ(world.funder.trust_facilitator.good.size(), 1u);
}

TEST(CreateWorld, DrawsTraitsWithinTheirRanges) {
    Scenario s = test::small_scenario(300);
    s.partners.diversity = 1.0;  // widest spread
    const World world = created(s);
    const auto& p = world.partners;
    for (std::size_t i = 0; i < p.count; ++i) {
        EXPECT_GT(p.resources[i], 0.0);
        EXPECT_LE(p.resources[i], 1.0);
        EXPECT_GT(p.capacity[i], 0.0);
        EXPECT_LT(p.capacity[i], 1.0);
        EXPECT_TRUE(test::in_unit_interval(p.dependence[i]));
        EXPECT_TRUE(test::in_unit_interval(p.unified_identity[i]));
        EXPECT_TRUE(test::in_unit_interval(p.contextual_match[i]));
        EXPECT_TRUE(test::in_unit_interval(p.funding_security[i]));
        EXPECT_TRUE(test::in_unit_interval(p.perceived_value[i]));
        EXPECT_TRUE(test::in_unit_interval(p.candour[i]));
        EXPECT_GE(p.context[i], 0);
        EXPECT_LT(p.context[i], world.contexts);
    }
}

TEST(CreateWorld, PartnersAreHeterogeneousAndDiversitySpreadsThemFurther) {
    auto resource_spread = [](double diversity) {
        Scenario s = test::small_scenario(400);
        s.partners.diversity = diversity;
        const World world = created(s);
        const auto& r = world.partners.resources;
        const double m = mean(r);
        double ss = 0.0;
        for (const double v : r) ss += (v - m) * (v - m);
        return std::sqrt(ss / static_cast<double>(r.size()));
    };
    EXPECT_GT(resource_spread(0.0), 0.0);
    EXPECT_GT(resource_spread(1.0), 1.5 * resource_spread(0.0));
}

TEST(CreateWorld, OneContextWithoutDiversityAndManyWithIt) {
    Scenario s = test::small_scenario(100);
    s.partners.diversity = 0.0;
    for (const int c : created(s).partners.context) EXPECT_EQ(c, 0);
    s.partners.diversity = 1.0;
    const World diverse = created(s);
    std::vector<int> seen(static_cast<std::size_t>(diverse.contexts), 0);
    for (const int c : diverse.partners.context) seen[static_cast<std::size_t>(c)] = 1;
    EXPECT_EQ(std::accumulate(seen.begin(), seen.end(), 0), diverse.contexts);
}

TEST(CreateWorld, BetterResourcedPartnersHaveMoreCapacityAndDependLessOnTheFunder) {
    const World world = created(test::small_scenario(500));
    const auto& p = world.partners;
    EXPECT_GT(correlation(p.resources, p.capacity), 0.2);
    EXPECT_LT(correlation(p.resources, p.dependence), -0.2);
}

TEST(CreateWorld, MeanTraitsFollowTheScenario) {
    Scenario s = test::small_scenario(500);
    s.partners.capacity_mean = 0.2;
    const double low = mean(created(s).partners.capacity);
    s.partners.capacity_mean = 0.6;
    const double high = mean(created(s).partners.capacity);
    EXPECT_NEAR(low, 0.2, 0.05);
    EXPECT_NEAR(high, 0.6, 0.05);
    s.partners.dependence_mean = 0.9;
    EXPECT_GT(mean(created(s).partners.dependence), 0.8);
}

TEST(CreateWorld, StartsStatesWhereTheScenarioSays) {
    Scenario s = test::small_scenario(5);
    s.partners.initial_trust_funder = 0.3;
    s.partners.initial_trust_facilitator = 0.7;
    s.trust.prior_strength = 6.0;
    const World world = created(s);
    const auto& p = world.partners;
    for (std::size_t i = 0; i < p.count; ++i) {
        EXPECT_NEAR(trust_of(p.trust_funder, i), 0.3, 1e-12);
        EXPECT_NEAR(trust_of(p.trust_facilitator, i), 0.7, 1e-12);
        EXPECT_NEAR(p.trust_funder.good[i] + p.trust_funder.bad[i], 6.0, 1e-12);
        EXPECT_DOUBLE_EQ(p.initial_capacity[i], p.capacity[i]);
        EXPECT_DOUBLE_EQ(p.support[i], 0.2);
        EXPECT_EQ(p.practice_gain[i], 0.0);
        EXPECT_EQ(p.stress_months[i], 0);
        EXPECT_EQ(world.funder.belief[i], 0.0);  // the funder knows nothing yet
    }
    for (const float w : p.ties.weights()) EXPECT_EQ(w, 0.0f);
    EXPECT_EQ(world.month, 0);
}

TEST(CreateWorld, PartnersStartTrustingInternalStaffAsTheyTrustTheFunder) {
    // "conflation of 'learner' and 'facilitator' role".
    Scenario s = test::small_scenario(5);
    s.partners.initial_trust_funder = 0.3;
    s.partners.initial_trust_facilitator = 0.7;
    s.facilitator.kind = FacilitatorKind::internal;
    const World world = created(s);
    EXPECT_NEAR(mean_trust(world.partners.trust_facilitator), 0.3, 1e-12);
}

TEST(CreateWorld, FundersFocalPointsAndTrustComeFromTheScenarioAndFacilitatorKind) {
    Scenario s = test::small_scenario(5);
    s.funder.focal_points = 3;
    s.funder.focal_point_capital = 0.4;
    const World external = created(s);
    ASSERT_EQ(external.funder.focal_points.size(), 3u);
    for (const auto& f : external.funder.focal_points) {
        EXPECT_DOUBLE_EQ(f.capital, 0.4);
        EXPECT_EQ(f.vacant_until, -1);
    }
    EXPECT_NEAR(trust_of(external.funder.trust_facilitator, 0),
                external.facilitator.profile.funder_prior_trust, 1e-12);
    s.facilitator.kind = FacilitatorKind::internal;
    const World internal = created(s);
    EXPECT_GT(trust_of(internal.funder.trust_facilitator, 0),
              trust_of(external.funder.trust_facilitator, 0));
    EXPECT_GT(internal.facilitator.embeddedness, external.facilitator.embeddedness);
}

TEST(CreateWorld, FacilitatorHasNotJoinedYet) {
    // Joining is the lifecycle's (and start_world's) business.
    const World world = created(test::small_scenario(5));
    EXPECT_FALSE(world.facilitator.active);
    EXPECT_FALSE(world.facilitator.has_joined);
    EXPECT_EQ(world.facilitator.months_active, 0);
}

TEST(CreateWorld, ClearerPurposeStartsWithMoreSharedGoalsAndValue) {
    Scenario s = test::small_scenario(5);
    s.setup.clarity_of_purpose = 0.1;
    const World vague = created(s);
    s.setup.clarity_of_purpose = 0.9;
    const World clear = created(s);
    EXPECT_GT(clear.goal_alignment, vague.goal_alignment);
    EXPECT_GT(mean(clear.partners.perceived_value), mean(vague.partners.perceived_value));
    EXPECT_LE(clear.goal_alignment, 1.0);
}

TEST(CreateWorld, FundingUncertaintyStartsPartnersLessSecure) {
    Scenario s = test::small_scenario(20);
    s.funder.funding_uncertainty = 0.0;
    const World certain = created(s);
    s.funder.funding_uncertainty = 0.9;
    const World uncertain = created(s);
    EXPECT_LT(mean(uncertain.partners.funding_security), mean(certain.partners.funding_security));
}

TEST(CreateWorld, ContextualMatchIsFullWhereTheFacilitatorCoversTheContextAndPartialElsewhere) {
    Scenario s = test::small_scenario(100);
    s.partners.diversity = 1.0;
    s.facilitator.local_coverage = 1.0;
    const World full = created(s);
    const double contextual = full.facilitator.profile.skill(Skill::contextual);
    for (const double m : full.partners.contextual_match) EXPECT_DOUBLE_EQ(m, contextual);
    s.facilitator.local_coverage = 0.0;
    const World none = created(s);
    for (const double m : none.partners.contextual_match) {
        EXPECT_LT(m, contextual);
        EXPECT_GT(m, 0.0);  // remote support still knows something of the context
    }
    s.facilitator.local_coverage = 0.5;
    const World half = created(s);
    int matched = 0;
    for (const double m : half.partners.contextual_match) matched += m == contextual;
    EXPECT_GT(matched, 20);
    EXPECT_LT(matched, 80);
}

TEST(CreateWorld, SameSeedGivesTheSameWorldAndAnotherSeedAnother) {
    const Scenario s = test::small_scenario(30);
    const World a = created(s, 11);
    const World b = created(s, 11);
    const World c = created(s, 12);
    EXPECT_EQ(a.partners.resources, b.partners.resources);
    EXPECT_EQ(a.partners.capacity, b.partners.capacity);
    EXPECT_EQ(a.partners.baseline_effectiveness, b.partners.baseline_effectiveness);
    EXPECT_EQ(a.partners.context, b.partners.context);
    EXPECT_NE(a.partners.resources, c.partners.resources);
    EXPECT_NE(a.partners.baseline_effectiveness, c.partners.baseline_effectiveness);
}

TEST(CreateWorld, FacilitatorChoicesDoNotChangeThePartnersDrawn) {
    // Common random numbers: the same partners meet whichever facilitator a design chooses.
    Scenario s = test::small_scenario(30);
    const World a = created(s);
    s.facilitator.kind = FacilitatorKind::self_managed;
    s.setup.archetype = Archetype::sense_maker;
    s.setup.budget_hours = 0.0;
    const World b = created(s);
    EXPECT_EQ(a.partners.resources, b.partners.resources);
    EXPECT_EQ(a.partners.baseline_effectiveness, b.partners.baseline_effectiveness);
    EXPECT_EQ(a.partners.indicator_bias, b.partners.indicator_bias);
}

}  // namespace
}  // namespace partnersim
