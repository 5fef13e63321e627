#include "model/adaptation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "model/trust.hpp"
#include "support/world_builder.hpp"

namespace partnersim {
namespace {

double total(const std::vector<double>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0);
}

class AdaptationTest : public ::testing::Test {
protected:
    void SetUp() override {
        world = test::make_world(test::small_scenario(4));
        test::make_partners_alike(world);
        test::set_presence(world, true, 0.8);
        world.scenario.funder.decision_cycle_months = 12;
    }
    // The month that closes the first decision window, and one that closes none.
    void at_decision_month(World& w) const {
        w.month = w.scenario.funder.decision_cycle_months - 1;
    }
    void between_decisions(World& w) const { w.month = 0; }
    World world;
};

TEST_F(AdaptationTest, DecisionWindowsComeEveryCycleStartingAtTheEndOfTheFirst) {
    for (const int cycle : {1, 3, 12, 24}) {
        world.scenario.funder.decision_cycle_months = cycle;
        int count = 0, last = -1;
        for (int month = 0; month < 48; ++month) {
            world.month = month;
            if (!is_decision_month(world)) continue;
            ++count;
            // The first window closes the first full cycle; the rest follow at its interval.
            EXPECT_EQ(month - last, cycle) << "cycle " << cycle << " month " << month;
            last = month;
        }
        EXPECT_EQ(count, 48 / cycle) << "cycle " << cycle;
    }
}

TEST_F(AdaptationTest, LearningPartnersImprovePractice) {
    between_decisions(world);
    adapt(world);
    for (std::size_t i = 0; i < world.partners.count; ++i) {
        EXPECT_GT(world.partners.practice_gain[i], 0.0);
    }
}

TEST_F(AdaptationTest, PracticeImprovesOnlyWithLearningAndFadesWithout) {
    between_decisions(world);
    for (auto& g : world.partners.practice_gain) g = 0.2;
    world.partners.capacity[0] = 0.0;  // cannot learn from anything it sees
    adapt(world);
    EXPECT_LT(world.partners.practice_gain[0], 0.2);
    EXPECT_GT(world.partners.practice_gain[0], 0.19);  // unused improvements fade slowly
    EXPECT_GT(world.partners.practice_gain[1], 0.2);
}

TEST_F(AdaptationTest, PracticeImprovesMoreWithCapacityEngagementAndSelfKnowledge) {
    between_decisions(world);
    world.partners.capacity[1] = 0.8;      // vs 0.3 for partner 0
    world.partners.engagement[2] = 0.3;    // vs 0.8
    world.partners.self_precision[3] = 9;  // vs 1: knows itself better
    adapt(world);
    const auto& g = world.partners.practice_gain;
    EXPECT_GT(g[1], g[0]);
    EXPECT_LT(g[2], g[0]);
    EXPECT_GT(g[3], g[0]);
}

TEST_F(AdaptationTest, PartnersInSurvivalModeImproveLess) {
    between_decisions(world);
    world.partners.stress_months[1] = 3;
    adapt(world);
    EXPECT_LT(world.partners.practice_gain[1], world.partners.practice_gain[0]);
    EXPECT_GT(world.partners.practice_gain[1], 0.0);
}

TEST_F(AdaptationTest, AbsentPartnersImproveLessThanPresentOnes) {
    between_decisions(world);
    world.partners.present[1] = 0;
    world.partners.engagement[1] = 0.0;
    adapt(world);
    EXPECT_LT(world.partners.practice_gain[1], world.partners.practice_gain[0]);
}

TEST_F(AdaptationTest, SupportFollowsTheFundersBeliefsAtDecisionWindowsOnly) {
    world.funder.belief = {1.0, 0.0, 0.0, -1.0};
    World between = world;
    between_decisions(between);
    adapt(between);
    for (const double s : between.partners.support) EXPECT_DOUBLE_EQ(s, 0.25);

    at_decision_month(world);
    adapt(world);
    const auto& s = world.partners.support;
    EXPECT_GT(s[0], s[1]);
    EXPECT_DOUBLE_EQ(s[1], s[2]);
    EXPECT_GT(s[2], s[3]);
    EXPECT_NEAR(total(s), 1.0, 1e-12);
}

TEST_F(AdaptationTest, FlexibleFunderMovesMoreSupportAtADecision) {
    world.funder.belief = {1.0, 0.0, 0.0, -1.0};
    at_decision_month(world);
    World flexible = world;
    world.scenario.funder.flexibility = 0.0;
    flexible.scenario.funder.flexibility = 1.0;
    adapt(world);
    adapt(flexible);
    EXPECT_GT(flexible.partners.support[0], world.partners.support[0]);
    EXPECT_LT(flexible.partners.support[3], world.partners.support[3]);
}

TEST_F(AdaptationTest, SupportStaysPositiveAndSumsToOneThroughManyExtremeDecisions) {
    world.scenario.funder.decision_cycle_months = 1;
    world.scenario.funder.flexibility = 1.0;
    world.scenario.funder.disclosure_risk = 1.0;
    world.funder.belief = {30.0, -30.0, 5.0, -5.0};
    world.partners.report = {-3.0, -3.0, 0.0, -3.0};  // three admit failure every month
    for (int month = 0; month < 120; ++month) {
        world.month = month;
        adapt(world);
        for (const double s : world.partners.support) ASSERT_GT(s, 0.0) << "month " << month;
        ASSERT_NEAR(total(world.partners.support), 1.0, 1e-9) << "month " << month;
    }
}

TEST_F(AdaptationTest, PunishingDisclosureCutsTheDisclosingPartnerAndLowersTrustInTheFunder) {
    at_decision_month(world);
    world.partners.report = {-1.0, 0.5, 0.5, 0.5};  // partner 0 admits a failure
    World safe = world;
    safe.scenario.funder.disclosure_risk = 0.0;
    world.scenario.funder.disclosure_risk = 0.8;
    adapt(world);
    adapt(safe);
    EXPECT_LT(world.partners.support[0], safe.partners.support[0]);
    EXPECT_LT(world.partners.funding_security[0], safe.partners.funding_security[0]);
    EXPECT_NEAR(total(world.partners.support), 1.0, 1e-12);
    update_trust(world);
    update_trust(safe);
    EXPECT_LT(trust_of(world.partners.trust_funder, 0), trust_of(safe.partners.trust_funder, 0));
    // Every partner sees that candour is punished, the discloser most.
    EXPECT_LT(trust_of(world.partners.trust_funder, 1), trust_of(safe.partners.trust_funder, 1));
    EXPECT_LT(trust_of(world.partners.trust_funder, 0), trust_of(world.partners.trust_funder, 1));
}

TEST_F(AdaptationTest, NobodyIsPunishedWhenNobodyDisclosesFailure) {
    at_decision_month(world);
    world.scenario.funder.disclosure_risk = 1.0;
    world.partners.report = {0.5, 0.2, 0.0, 0.5};
    World safe = world;
    safe.scenario.funder.disclosure_risk = 0.0;
    adapt(world);
    adapt(safe);
    for (std::size_t i = 0; i < world.partners.count; ++i) {
        EXPECT_DOUBLE_EQ(world.experiences.partner_funder_bad[i], 0.0);
        EXPECT_DOUBLE_EQ(world.partners.support[i], safe.partners.support[i]);
    }
}

TEST_F(AdaptationTest, PartnersFeelHeardWhenLearningReachesDecisions) {
    at_decision_month(world);
    World far = world;
    world.funder.decision_reach = 0.1;
    far.funder.decision_reach = 0.8;
    far.facilitator.synthesis = 0.5;
    adapt(world);
    adapt(far);
    EXPECT_GT(world.experiences.partner_funder_good[0], 0.0);
    EXPECT_GT(far.experiences.partner_funder_good[0], world.experiences.partner_funder_good[0]);

    World between = far;
    test::clear_experiences(between);
    between_decisions(between);
    adapt(between);
    EXPECT_EQ(between.experiences.partner_funder_good[0], 0.0);  // no decision, nothing heard
}

TEST_F(AdaptationTest, SupportSharesFollowValuesAndSumToOne) {
    std::vector<double> shares;
    support_shares({-1.0, 0.0, 1.0, 2.0}, 1.0, shares);
    EXPECT_NEAR(total(shares), 1.0, 1e-12);
    for (std::size_t i = 1; i < shares.size(); ++i) EXPECT_GT(shares[i], shares[i - 1]);
    // exp(sharpness * value): one unit of value more is e times the share (sharpness 1).
    EXPECT_NEAR(shares[3] / shares[2], std::exp(1.0), 1e-12);
    // Equal values, equal shares; huge values do not overflow; the output may be the input.
    std::vector<double> same{800.0, 800.0};
    support_shares(same, 1.0, same);
    EXPECT_NEAR(same[0], 0.5, 1e-12);
    EXPECT_NEAR(same[1], 0.5, 1e-12);
}

TEST_F(AdaptationTest, WhatLearningAddedFadesWithoutUse) {
    world.partners.practice_gain.assign(4, 0.4);
    world.partners.initial_capacity.assign(4, 0.2);
    world.partners.capacity.assign(4, 0.6);
    world.partners.self_precision.assign(4, 1e-9);  // knows nothing, so learns nothing new
    world.partners.present = {1, 1, 0, 0};
    world.partners.engagement = {1.0, 0.5, 0.0, 0.0};
    between_decisions(world);
    adapt(world);
    const auto& gain = world.partners.practice_gain;
    const auto& capacity = world.partners.capacity;
    // Fully engaged: only the slow atrophy of gains in use; capacity kept.
    EXPECT_NEAR(gain[0], 0.4 * (1 - 0.002), 1e-6);
    EXPECT_NEAR(capacity[0], 0.6, 1e-12);
    // Half engaged fades half as fast as absent; absent loses 3% of its gain and 1.5% of its
    // capacity gained a month (half-lives of about 23 and 46 months).
    EXPECT_NEAR(gain[2], 0.4 * (1 - 0.03) * (1 - 0.002), 1e-6);
    EXPECT_NEAR(capacity[2], 0.6 - 0.015 * 0.4, 1e-12);
    EXPECT_NEAR(capacity[1], 0.6 - 0.5 * 0.015 * 0.4, 1e-12);
    EXPECT_LT(gain[2], gain[1]);
    EXPECT_LT(gain[1], gain[0]);
    // Capacity never fades below where the partner started.
    world.partners.capacity.assign(4, 0.1);
    adapt(world);
    EXPECT_EQ(world.partners.capacity[3], 0.1);
}

TEST_F(AdaptationTest, HalfOfAnUnusedGainIsGoneInAboutTwoYears) {
    world.partners.practice_gain.assign(4, 1.0);
    world.partners.self_precision.assign(4, 1e-9);
    test::set_presence(world, false);
    between_decisions(world);
    for (int month = 0; month < 23; ++month) adapt(world);
    EXPECT_NEAR(world.partners.practice_gain[0], 0.5, 0.03);
}

TEST_F(AdaptationTest, FeelingHeardGrowsWithTheMonthsADecisionCovers) {
    world.funder.decision_reach = 0.5;
    world.facilitator.synthesis = 0.5;
    World yearly = world, quarterly = world;
    yearly.scenario.funder.decision_cycle_months = 12;
    quarterly.scenario.funder.decision_cycle_months = 3;
    for (World* w : {&yearly, &quarterly}) {
        test::clear_experiences(*w);
        at_decision_month(*w);
        adapt(*w);
    }
    // Four quarterly windows hear partners as much as one yearly window.
    EXPECT_NEAR(yearly.experiences.partner_funder_good[0],
                4.0 * quarterly.experiences.partner_funder_good[0], 1e-12);
    EXPECT_NEAR(yearly.experiences.partner_funder_good[0], 0.4 * 12 * 0.5 * (0.3 + 0.35), 1e-12);
}

}  // namespace
}  // namespace partnersim
