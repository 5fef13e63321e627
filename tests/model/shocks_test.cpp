#include "model/shocks.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "support/world_builder.hpp"

namespace partnersim {
namespace {

// A world where nothing happens by chance unless a test turns it on.
Scenario calm_scenario(int partners = 8) {
    Scenario s = test::small_scenario(partners);
    s.partners.shock_rate = 0.0;
    s.partners.regional_shock_rate = 0.0;
    s.partners.effectiveness_drift = 0.0;
    s.funder.focal_point_turnover = 0.0;
    return s;
}

TEST(ApplyShocks, WithoutDriftOrShocksTrueEffectivenessStaysPut) {
    World world = test::make_world(calm_scenario());
    const auto before = world.partners.baseline_effectiveness;
    RandomStream random(test::model_test_seed);
    for (int month = 0; month < 24; ++month) apply_shocks(world, random);
    EXPECT_EQ(world.partners.baseline_effectiveness, before);
    for (const int stress : world.partners.stress_months) EXPECT_EQ(stress, 0);
}

TEST(ApplyShocks, DriftMovesTrueEffectivenessAroundItsStart) {
    Scenario s = calm_scenario(200);
    s.partners.effectiveness_drift = 0.1;
    World world = test::make_world(s);
    const auto before = world.partners.baseline_effectiveness;
    RandomStream random(test::model_test_seed);
    for (int month = 0; month < 25; ++month) apply_shocks(world, random);
    double sum = 0.0, sum_sq = 0.0;
    for (std::size_t i = 0; i < world.partners.count; ++i) {
        const double change = world.partners.baseline_effectiveness[i] - before[i];
        sum += change;
        sum_sq += change * change;
    }
    const double n = static_cast<double>(world.partners.count);
    const double sd = std::sqrt(sum_sq / n - (sum / n) * (sum / n));
    // A random walk: 25 monthly steps of s.d. 0.1 spread partners by about 0.5, unbiased.
    EXPECT_GT(sd, 0.35);
    EXPECT_LT(sd, 0.65);
    EXPECT_LT(std::abs(sum / n), 0.15);
    // Drift alone is not a shock: nobody turns to survival.
    for (const int stress : world.partners.stress_months) EXPECT_EQ(stress, 0);
}

TEST(ApplyShocks, AShockedPartnerTurnsToSurvivalForSomeMonthsThenRecovers) {
    Scenario s = calm_scenario();
    s.partners.shock_rate = 1.0;
    World world = test::make_world(s);
    RandomStream random(test::model_test_seed);
    apply_shocks(world, random);
    for (const int stress : world.partners.stress_months) {
        EXPECT_GE(stress, 3);  // "survival mode after a shock lasts 3 to 6 months"
        EXPECT_LE(stress, 6);
    }
    world.scenario.partners.shock_rate = 0.0;
    const auto stressed = world.partners.stress_months;
    apply_shocks(world, random);
    for (std::size_t i = 0; i < world.partners.count; ++i) {
        EXPECT_EQ(world.partners.stress_months[i], stressed[i] - 1);
    }
    for (int month = 0; month < 6; ++month) apply_shocks(world, random);
    for (const int stress : world.partners.stress_months) EXPECT_EQ(stress, 0);
}

TEST(ApplyShocks, LargerShocksMoveTrueEffectivenessFurther) {
    auto spread_after_shock = [](double size) {
        Scenario s = calm_scenario(200);
        s.partners.shock_rate = 1.0;
        s.partners.shock_size = size;
        World world = test::make_world(s);
        const auto before = world.partners.baseline_effectiveness;
        RandomStream random(test::model_test_seed);
        apply_shocks(world, random);
        double sum_sq = 0.0;
        for (std::size_t i = 0; i < world.partners.count; ++i) {
            const double change = world.partners.baseline_effectiveness[i] - before[i];
            sum_sq += change * change;
        }
        return std::sqrt(sum_sq / static_cast<double>(world.partners.count));
    };
    EXPECT_GT(spread_after_shock(1.0), 2.0 * spread_after_shock(0.2));
}

TEST(ApplyShocks, ARegionalShockHitsEveryPartnerInTheContextAlike) {
    Scenario s = calm_scenario(40);
    s.partners.diversity = 0.5;  // several contexts
    s.partners.regional_shock_rate = 1.0;
    s.partners.shock_size = 1.0;
    World world = test::make_world(s);
    ASSERT_GT(world.contexts, 1);
    const auto before = world.partners.baseline_effectiveness;
    RandomStream random(test::model_test_seed);
    apply_shocks(world, random);
    const auto& p = world.partners;
    std::vector<double> change_in_context(static_cast<std::size_t>(world.contexts), NAN);
    int distinct_contexts_seen = 0;
    for (std::size_t i = 0; i < p.count; ++i) {
        EXPECT_GT(p.stress_months[i], 0);
        const double change = p.baseline_effectiveness[i] - before[i];
        double& seen = change_in_context[static_cast<std::size_t>(p.context[i])];
        if (std::isnan(seen)) {
            seen = change;
            ++distinct_contexts_seen;
        } else {
            EXPECT_NEAR(change, seen, 1e-12) << "partner " << i;
        }
    }
    // And different contexts are hit differently.
    ASSERT_GT(distinct_contexts_seen, 1);
    double first = NAN;
    bool differ = false;
    for (const double c : change_in_context) {
        if (std::isnan(c)) continue;
        if (std::isnan(first))
            first = c;
        else
            differ = differ || std::abs(c - first) > 1e-9;
    }
    EXPECT_TRUE(differ);
}

TEST(ApplyShocks, AFocalPointWhoLeavesLeavesAVacancyAndShakesTrust) {
    Scenario s = calm_scenario(4);
    s.funder.focal_points = 2;
    s.funder.focal_point_turnover = 1.0;
    s.funder.focal_point_vacancy_months = 4;
    World world = test::make_world(s);
    test::clear_experiences(world);
    RandomStream random(test::model_test_seed);
    apply_shocks(world, random);
    for (const auto& focal : world.funder.focal_points) {
        EXPECT_EQ(focal.capital, 0.0);
        EXPECT_EQ(focal.vacant_until, world.month + 4);
    }
    // The successor does not know the facilitator; partners lose a contact at the funder.
    EXPECT_GT(world.experiences.funder_facilitator_bad, 0.0);
    for (const double bad : world.experiences.partner_funder_bad) EXPECT_GT(bad, 0.0);
    // A partner is shaken less than the funder, who loses the broker itself.
    EXPECT_LT(world.experiences.partner_funder_bad[0], world.experiences.funder_facilitator_bad);
}

TEST(ApplyShocks, LosingTheLastBrokerInPostHurtsMoreThanLosingOneOfATeamThatStays) {
    // "Ideally any single focal point will be supported by a wider team".
    Scenario s = calm_scenario(4);
    s.funder.focal_point_turnover = 1.0;
    s.funder.focal_points = 1;
    World alone = test::make_world(s);
    s.funder.focal_points = 2;
    World team = test::make_world(s);
    // The first of the team returns to post this month (and does not roll for leaving), so
    // when the second leaves a colleague is in post.
    team.funder.focal_points[0].vacant_until = team.month;
    for (World* w : {&alone, &team}) {
        test::clear_experiences(*w);
        RandomStream random(test::model_test_seed);
        apply_shocks(*w, random);
    }
    ASSERT_EQ(team.funder.focal_points[0].vacant_until, -1);
    ASSERT_GE(team.funder.focal_points[1].vacant_until, 0);
    EXPECT_GT(team.experiences.funder_facilitator_bad, 0.0);
    EXPECT_LT(team.experiences.funder_facilitator_bad, alone.experiences.funder_facilitator_bad);
    EXPECT_LT(team.experiences.partner_funder_bad[0], alone.experiences.partner_funder_bad[0]);
}

TEST(ApplyShocks, ASuccessorArrivesAfterTheVacancyWithLessCapitalAndBuildsIt) {
    Scenario s = calm_scenario(4);
    s.funder.focal_points = 1;
    s.funder.focal_point_turnover = 1.0;
    s.funder.focal_point_vacancy_months = 3;
    s.funder.focal_point_capital = 0.8;
    World world = test::make_world(s);
    RandomStream random(test::model_test_seed);
    apply_shocks(world, random);  // month 0: leaves
    world.scenario.funder.focal_point_turnover = 0.0;
    const auto& focal = world.funder.focal_points[0];
    for (int month = 1; month < 3; ++month) {
        world.month = month;
        apply_shocks(world, random);
        EXPECT_GE(focal.vacant_until, 0) << "month " << month;
        EXPECT_EQ(focal.capital, 0.0);
    }
    world.month = 3;
    apply_shocks(world, random);
    EXPECT_EQ(focal.vacant_until, -1);
    EXPECT_GT(focal.capital, 0.0);
    EXPECT_LT(focal.capital, 0.8);
    double previous = focal.capital;
    for (int month = 4; month < 40; ++month) {
        world.month = month;
        apply_shocks(world, random);
        EXPECT_GT(focal.capital, previous);
        EXPECT_LT(focal.capital, 0.8);
        previous = focal.capital;
    }
    EXPECT_GT(focal.capital, 0.7);
}

TEST(ApplyShocks, FundingSecurityReturnsGraduallyTowardItsBaseline) {
    World world = test::make_world(calm_scenario(4));
    world.partners.funding_security[0] = 0.0;
    world.partners.funding_security[1] = 1.0;
    RandomStream random(test::model_test_seed);
    apply_shocks(world, random);
    const double baseline0 = baseline_funding_security(world, 0);
    const double baseline1 = baseline_funding_security(world, 1);
    EXPECT_GT(world.partners.funding_security[0], 0.0);
    EXPECT_LT(world.partners.funding_security[0], baseline0);
    EXPECT_LT(world.partners.funding_security[1], 1.0);
    EXPECT_GT(world.partners.funding_security[1], baseline1);
    for (int month = 0; month < 120; ++month) apply_shocks(world, random);
    EXPECT_NEAR(world.partners.funding_security[0], baseline0, 1e-3);
    EXPECT_NEAR(world.partners.funding_security[1], baseline1, 1e-3);
}

TEST(BaselineFundingSecurity, FallsWithUncertaintyDependenceAndEndPressureAndStaysAShare) {
    World world = test::make_world(calm_scenario(4));
    world.partners.dependence = {0.1, 0.9, 0.5, 1.0};
    EXPECT_GT(baseline_funding_security(world, 0), baseline_funding_security(world, 1));
    const double before = baseline_funding_security(world, 2);
    world.scenario.funder.funding_uncertainty = 0.8;
    EXPECT_LT(baseline_funding_security(world, 2), before);
    const double uncertain = baseline_funding_security(world, 2);
    world.end_pressure = 1.0;
    EXPECT_LT(baseline_funding_security(world, 2), uncertain);
    world.scenario.funder.funding_uncertainty = 1.0;
    EXPECT_GE(baseline_funding_security(world, 3), 0.0);
    world.scenario.funder.funding_uncertainty = 0.0;
    world.end_pressure = 0.0;
    EXPECT_LE(baseline_funding_security(world, 3), 1.0);
    EXPECT_DOUBLE_EQ(baseline_funding_security(world, 3), 1.0);  // nothing to fear
}

}  // namespace
}  // namespace partnersim
