#include "model/sense_making.hpp"

#include <gtest/gtest.h>

#include "support/world_builder.hpp"

namespace partnersim {
namespace {

class SenseMakingTest : public ::testing::Test {
protected:
    void SetUp() override {
        world = test::make_world(test::small_scenario(4));
        world.facilitator.hours = EffortSplit{0.0, 0.0, 40.0, 0.0};
        world.facilitator.embeddedness = 0.4;
        test::clear_experiences(world);
    }
    // Synthesis of a copy of the world changed by `change`.
    template <class Change>
    double synthesis_with(Change change) const {
        World w = world;
        change(w);
        make_sense_with_funder(w);
        return w.facilitator.synthesis;
    }
    template <class Change>
    double reach_with(Change change) const {
        World w = world;
        change(w);
        return decision_reach(w);
    }
    World world;
};

TEST_F(SenseMakingTest, InactiveFacilitatorMakesNoSynthesis) {
    world.facilitator.active = false;
    world.facilitator.synthesis = 0.7;  // last month's
    make_sense_with_funder(world);
    EXPECT_EQ(world.facilitator.synthesis, 0.0);
    // Nor is the funder disappointed by a facilitator who is not there.
    EXPECT_EQ(world.experiences.funder_facilitator_bad, 0.0);
    EXPECT_EQ(world.experiences.funder_facilitator_good, 0.0);
    // The reach of learning into decisions is still a property of the funder.
    EXPECT_GT(world.funder.decision_reach, 0.0);
}

TEST_F(SenseMakingTest, SynthesisRisesWithSenseMakingHours) {
    double previous = synthesis_with([](World& w) { w.facilitator.hours.sense_making = 0.0; });
    EXPECT_EQ(previous, 0.0);
    for (const double hours : {5.0, 20.0, 60.0, 200.0}) {
        const double now =
            synthesis_with([hours](World& w) { w.facilitator.hours.sense_making = hours; });
        EXPECT_GT(now, previous) << hours << " hours";
        previous = now;
    }
}

TEST_F(SenseMakingTest, SynthesisRisesWithStrategicLearningSkill) {
    auto with_skill = [this](double skill) {
        return synthesis_with([skill](World& w) {
            w.facilitator.profile.skills[static_cast<std::size_t>(Skill::strategic_learning)] =
                skill;
        });
    };
    EXPECT_LT(with_skill(0.0), with_skill(0.5));
    EXPECT_LT(with_skill(0.5), with_skill(1.0));
    EXPECT_GT(with_skill(0.0), 0.0);  // hours alone still yield something
}

TEST_F(SenseMakingTest, SynthesisRisesWithFunderStaffTime) {
    EXPECT_LT(synthesis_with([](World& w) { w.scenario.funder.staff_time = 0.1; }),
              synthesis_with([](World& w) { w.scenario.funder.staff_time = 0.9; }));
}

TEST_F(SenseMakingTest, UnderstandingTheFunderHelpsButTooMuchEmbeddednessCostsObjectivity) {
    auto embedded = [this](double e) {
        return synthesis_with([e](World& w) { w.facilitator.embeddedness = e; });
    };
    EXPECT_LT(embedded(0.0), embedded(0.5));  // understanding how decisions are made
    EXPECT_GT(embedded(0.7), embedded(1.0));  // "so integrated they risk losing objectivity"
    EXPECT_GT(embedded(0.7), embedded(0.95));
}

TEST_F(SenseMakingTest, SynthesisStaysWithinZeroAndOneAtTheExtremes) {
    const double best = synthesis_with([](World& w) {
        w.facilitator.hours.sense_making = 1e6;
        w.facilitator.profile.skills.fill(1.0);
        w.scenario.funder.staff_time = 1.0;
        w.facilitator.embeddedness = 0.7;
    });
    EXPECT_GT(best, 0.75);
    EXPECT_LE(best, 1.0);
    const double worst = synthesis_with([](World& w) {
        w.facilitator.profile.skills.fill(0.0);
        w.scenario.funder.staff_time = 0.0;
        w.facilitator.embeddedness = 1.0;
    });
    EXPECT_GE(worst, 0.0);
}

TEST_F(SenseMakingTest, UsefulSynthesisBuildsTheFundersTrustAndNoSynthesisIsNoExperience) {
    World useful = world;
    make_sense_with_funder(useful);
    EXPECT_GT(useful.experiences.funder_facilitator_good, 0.0);
    EXPECT_EQ(useful.experiences.funder_facilitator_bad, 0.0);

    // A month without synthesis (a network builder gives 5% of its hours to it) is no
    // experience for the funder, neither good nor bad: whether the partnership is "seen as
    // dispensable" is judged at decision windows (outcome.cpp), not charged every month.
    World idle = world;
    idle.facilitator.hours.sense_making = 0.0;
    make_sense_with_funder(idle);
    EXPECT_EQ(idle.experiences.funder_facilitator_good, 0.0);
    EXPECT_EQ(idle.experiences.funder_facilitator_bad, 0.0);
}

TEST_F(SenseMakingTest, SetsTheFundersDecisionReach) {
    world.funder.decision_reach = -1.0;
    make_sense_with_funder(world);
    EXPECT_DOUBLE_EQ(world.funder.decision_reach, decision_reach(world));
}

TEST_F(SenseMakingTest, MoreFocalPointsCarryLearningFurtherIntoDecisions) {
    auto with_focal_points = [this](int n) {
        return reach_with([n](World& w) {
            w.funder.focal_points.assign(static_cast<std::size_t>(n), FocalPoint{0.5, -1});
        });
    };
    EXPECT_LT(with_focal_points(1), with_focal_points(2));
    EXPECT_LT(with_focal_points(2), with_focal_points(4));
    // Without a broker learning still reaches a little.
    EXPECT_GT(with_focal_points(0), 0.0);
    EXPECT_LT(with_focal_points(0), with_focal_points(1));
}

TEST_F(SenseMakingTest, FocalPointsWithMorePoliticalCapitalCarryLearningFurther) {
    auto with_capital = [this](double capital) {
        return reach_with([capital](World& w) {
            for (auto& f : w.funder.focal_points) f.capital = capital;
        });
    };
    ASSERT_FALSE(world.funder.focal_points.empty());
    EXPECT_LT(with_capital(0.3), with_capital(0.6));
    EXPECT_LT(with_capital(0.6), with_capital(0.9));
}

TEST_F(SenseMakingTest, AVacantFocalPointCarriesNothing) {
    world.funder.focal_points.assign(2, FocalPoint{0.6, -1});
    const double both = decision_reach(world);
    world.funder.focal_points[1].vacant_until = 10;
    const double one = decision_reach(world);
    world.funder.focal_points[0].vacant_until = 10;
    const double none = decision_reach(world);
    EXPECT_LT(one, both);
    EXPECT_LT(none, one);
    EXPECT_GT(none, 0.0);
}

TEST_F(SenseMakingTest, SeniorBuyInCarriesLearningFurther) {
    EXPECT_LT(reach_with([](World& w) { w.scenario.funder.senior_buy_in = 0.1; }),
              reach_with([](World& w) { w.scenario.funder.senior_buy_in = 0.9; }));
}

TEST_F(SenseMakingTest, LearningReachesFurtherAtTheLevelWhereDecisionsAreMade) {
    auto reach = [this](Level level, double centralised) {
        return reach_with([level, centralised](World& w) {
            w.scenario.setup.level = level;
            w.scenario.funder.centralised_decisions = centralised;
        });
    };
    // Central decisions: portfolio-level learning fits; decentralised: programme-level.
    EXPECT_GT(reach(Level::portfolio, 0.9), reach(Level::programme, 0.9));
    EXPECT_GT(reach(Level::programme, 0.1), reach(Level::portfolio, 0.1));
    EXPECT_GT(reach(Level::portfolio, 0.9), reach(Level::portfolio, 0.1));
    EXPECT_GT(reach(Level::programme, 0.1), reach(Level::programme, 0.9));
}

TEST_F(SenseMakingTest, GoalsNoLongerSharedLimitTheReachOfLearning) {
    EXPECT_LT(reach_with([](World& w) { w.goal_alignment = 0.3; }),
              reach_with([](World& w) { w.goal_alignment = 0.9; }));
}

TEST_F(SenseMakingTest, DecisionReachStaysWithinZeroAndOne) {
    const double most = reach_with([](World& w) {
        w.funder.focal_points.assign(10, FocalPoint{1.0, -1});
        w.scenario.funder.senior_buy_in = 1.0;
        w.scenario.setup.level = Level::portfolio;
        w.scenario.funder.centralised_decisions = 1.0;
        w.goal_alignment = 1.0;
    });
    EXPECT_LE(most, 1.0);
    EXPECT_GT(most, 0.9);
    const double least = reach_with([](World& w) {
        w.funder.focal_points.clear();
        w.scenario.funder.senior_buy_in = 0.0;
        w.goal_alignment = 0.0;
    });
    EXPECT_GE(least, 0.0);
}

}  // namespace
}  // namespace partnersim
