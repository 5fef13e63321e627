#include "model/learning.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "support/world_builder.hpp"

namespace partnersim {
namespace {

const double kCleanStory = LearningConstants{}.clean_story;  // the default model's

// Root mean square error of the funder's beliefs against the truth.
double belief_error(const World& world) {
    double sum = 0.0;
    for (std::size_t i = 0; i < world.partners.count; ++i) {
        const double e = world.funder.belief[i] - world.partners.true_effectiveness(i);
        sum += e * e;
    }
    return std::sqrt(sum / static_cast<double>(world.partners.count));
}

double self_error(const World& world) {
    double sum = 0.0;
    for (std::size_t i = 0; i < world.partners.count; ++i) {
        const double e = world.partners.self_estimate[i] - world.partners.true_effectiveness(i);
        sum += e * e;
    }
    return std::sqrt(sum / static_cast<double>(world.partners.count));
}

// Many partners with spread truth, no drift or shocks, so what is learned is the truth as it
// stands; partners present and engaged.
World learning_world(int partners = 200) {
    Scenario s = test::small_scenario(partners);
    s.partners.effectiveness_drift = 0.0;
    s.partners.shock_rate = 0.0;
    World world = test::make_world(s);
    test::set_presence(world, true, 0.8);
    return world;
}

TEST(PartnerReport, IsNeverBelowWhatThePartnerKnows) {
    for (double estimate = -3.0; estimate <= 3.0; estimate += 0.25) {
        for (double candour = -0.5; candour <= 1.5; candour += 0.1) {
            EXPECT_GE(partner_report(estimate, candour, kCleanStory), estimate)
                << "estimate " << estimate << " candour " << candour;
        }
    }
}

TEST(PartnerReport, FullCandourReportsExactlyWhatThePartnerKnows) {
    for (double estimate = -3.0; estimate <= 3.0; estimate += 0.25) {
        EXPECT_DOUBLE_EQ(partner_report(estimate, 1.0, kCleanStory), estimate);
    }
}

TEST(PartnerReport, LessCandourTellsACleanerStory) {
    for (const double estimate : {-2.0, -0.5, 0.0}) {
        double previous = partner_report(estimate, 1.0, kCleanStory);
        for (const double candour : {0.75, 0.5, 0.25, 0.0}) {
            const double now = partner_report(estimate, candour, kCleanStory);
            EXPECT_GT(now, previous) << "estimate " << estimate << " candour " << candour;
            previous = now;
        }
    }
}

TEST(PartnerReport, APartnerDoingVeryWellHasNothingToGloss) {
    for (const double candour : {0.0, 0.5, 1.0}) {
        EXPECT_DOUBLE_EQ(partner_report(3.0, candour, kCleanStory), 3.0);
    }
}

TEST(PartnerReport, SilentPartnersBelowTheCleanStoryAllTellTheSameStory) {
    // However bad the truth, a silent partner's report lands at one story, not above a partner
    // who knows it is doing well.
    EXPECT_DOUBLE_EQ(partner_report(-2.0, 0.0, kCleanStory),
                     partner_report(-0.5, 0.0, kCleanStory));
}

TEST(LearnOwnEffectiveness, PartnersGrowMoreSureOfTheirOwnEffectivenessEachMonth) {
    World world = learning_world(20);
    RandomStream random(test::model_test_seed);
    std::vector<double> previous = world.partners.self_precision;
    for (int month = 0; month < 12; ++month) {
        learn_and_report(world, random);
        for (std::size_t i = 0; i < world.partners.count; ++i) {
            EXPECT_GT(world.partners.self_precision[i], previous[i]);
        }
        previous = world.partners.self_precision;
    }
}

TEST(LearnOwnEffectiveness, MoreCapablePartnersKnowTheirEffectivenessBetter) {
    World low = learning_world();
    World high = low;
    for (auto& c : low.partners.capacity) c = 0.05;
    for (auto& c : high.partners.capacity) c = 0.9;
    RandomStream a(test::model_test_seed), b(test::model_test_seed);
    for (int month = 0; month < 3; ++month) {
        learn_and_report(low, a);
        learn_and_report(high, b);
    }
    EXPECT_LT(self_error(high), self_error(low));
}

TEST(LearnOwnEffectiveness, SelfKnowledgeImprovesWithTime) {
    World world = learning_world();
    RandomStream random(test::model_test_seed);
    learn_and_report(world, random);
    const double early = self_error(world);
    for (int month = 0; month < 24; ++month) learn_and_report(world, random);
    EXPECT_LT(self_error(world), 0.7 * early);
}

TEST(LearnOwnEffectiveness, PartnersExpectingMoreShocksHoldTheirEstimatesLessSurely) {
    // A Kalman filter loses precision as fast as the truth can move: partner-level and
    // regional shocks both move it.
    World calm = learning_world(10);
    World shaky = calm;
    World regional = calm;
    shaky.scenario.partners.shock_rate = 0.5;
    shaky.scenario.partners.shock_size = 1.0;
    regional.scenario.partners.regional_shock_rate = 0.5;
    regional.scenario.partners.shock_size = 1.0;
    RandomStream a(test::model_test_seed), b(test::model_test_seed), c(test::model_test_seed);
    for (int month = 0; month < 6; ++month) {
        learn_and_report(calm, a);
        learn_and_report(shaky, b);
        learn_and_report(regional, c);
    }
    EXPECT_LT(shaky.partners.self_precision[0], calm.partners.self_precision[0]);
    EXPECT_LT(regional.partners.self_precision[0], calm.partners.self_precision[0]);
}

TEST(LearnAndReport, ReportsCarryTheSelfEstimateThroughCandour) {
    World world = learning_world(20);
    RandomStream random(test::model_test_seed);
    learn_and_report(world, random);
    for (std::size_t i = 0; i < world.partners.count; ++i) {
        const auto& p = world.partners;
        EXPECT_DOUBLE_EQ(p.report[i],
                         partner_report(p.self_estimate[i], p.candour[i], kCleanStory));
    }
}

TEST(LearnAndReport, FundersBeliefErrorFallsFasterWithAFacilitatorMakingSense) {
    World with_facilitator = learning_world();
    World without = with_facilitator;
    // The facilitator's month: a strong synthesis reaching decisions. Without one, the funder
    // has only its own reading of reports.
    with_facilitator.facilitator.synthesis = 0.6;
    with_facilitator.funder.decision_reach = 0.6;
    without.facilitator.active = false;
    without.facilitator.synthesis = 0.0;
    RandomStream a(test::model_test_seed), b(test::model_test_seed);
    const double start = belief_error(with_facilitator);
    for (int month = 0; month < 24; ++month) {
        learn_and_report(with_facilitator, a);
        learn_and_report(without, b);
    }
    EXPECT_LT(belief_error(with_facilitator), 0.7 * start);
    EXPECT_LT(belief_error(with_facilitator), belief_error(without));
}

TEST(LearnAndReport, FundersBeliefErrorFallsOverTimeEvenFromReportsAlone) {
    World world = learning_world();
    world.facilitator.active = false;
    world.facilitator.synthesis = 0.0;
    for (auto& c : world.partners.candour) c = 1.0;
    RandomStream random(test::model_test_seed);
    const double start = belief_error(world);
    for (int month = 0; month < 36; ++month) learn_and_report(world, random);
    EXPECT_LT(belief_error(world), start);
}

TEST(LearnAndReport, ARosyGlossMakesTheFunderOverestimatePartners) {
    World honest = learning_world();
    honest.facilitator.synthesis = 0.0;  // the funder reads reports only
    World guarded = honest;
    for (auto& c : honest.partners.candour) c = 1.0;
    for (auto& c : guarded.partners.candour) c = 0.0;
    RandomStream a(test::model_test_seed), b(test::model_test_seed);
    for (int month = 0; month < 36; ++month) {
        learn_and_report(honest, a);
        learn_and_report(guarded, b);
    }
    double honest_bias = 0.0, guarded_bias = 0.0;
    for (std::size_t i = 0; i < honest.partners.count; ++i) {
        honest_bias += honest.funder.belief[i] - honest.partners.true_effectiveness(i);
        guarded_bias += guarded.funder.belief[i] - guarded.partners.true_effectiveness(i);
    }
    EXPECT_GT(guarded_bias, honest_bias + 0.1 * static_cast<double>(honest.partners.count));
    EXPECT_GT(belief_error(guarded), belief_error(honest));
}

TEST(LearnAndReport, FunderWithoutStaffTimeOrSynthesisStillReadsALittle) {
    World world = learning_world(20);
    world.scenario.funder.staff_time = 0.0;
    world.facilitator.synthesis = 0.0;
    RandomStream random(test::model_test_seed);
    const auto before = world.funder.belief;
    learn_and_report(world, random);
    int moved = 0;
    for (std::size_t i = 0; i < world.partners.count; ++i) {
        moved += world.funder.belief[i] != before[i];
    }
    EXPECT_EQ(moved, static_cast<int>(world.partners.count));
}

TEST(LearnAndReport, DrawsTheSameRandomNumbersWhateverTheFacilitatorDoes) {
    // Common random numbers across designs: the synthesis draws happen with or without one.
    World with_facilitator = learning_world(20);
    World without = with_facilitator;
    with_facilitator.facilitator.synthesis = 0.6;
    with_facilitator.funder.decision_reach = 0.6;
    without.facilitator.active = false;
    without.facilitator.synthesis = 0.0;
    without.scenario.setup.evidence = Evidence::partner_led;
    RandomStream a(3), b(3);
    learn_and_report(with_facilitator, a);
    learn_and_report(without, b);
    EXPECT_EQ(a.uniform(), b.uniform());
    // The partners' own learning does not depend on the facilitator's month either.
    EXPECT_EQ(with_facilitator.partners.self_estimate, without.partners.self_estimate);
}

}  // namespace
}  // namespace partnersim
