// Partnership traits, events, enrolment and outcome (docs/model.md 7.14-7.16).

#include <gtest/gtest.h>

#include "engine/run.hpp"
#include "model/enrolment.hpp"
#include "model/measures.hpp"
#include "model/outcome.hpp"
#include "model/parameters.hpp"
#include "model/partnership_events.hpp"
#include "model/partnership_traits.hpp"
#include "support/world_builder.hpp"

namespace partnersim {
namespace {

// Common random numbers: two designs with one seed get the same trait draws, and the design
// moves the realised values only where it sets them.
TEST(PartnershipTraits, DrawsDoNotDependOnTheDesign) {
    Scenario a;
    Scenario b;
    b.setup.budget_hours = 30;
    b.partners.count = 80;
    b.funder.senior_buy_in = 0.9;
    RandomStream run_a(42), run_b(42);
    RandomStream sa = run_a.substream(traits_substream), sb = run_b.substream(traits_substream);
    const auto ta = draw_partnership_traits(a, sa);
    const auto tb = draw_partnership_traits(b, sb);
    EXPECT_EQ(ta.fit, tb.fit);
    EXPECT_EQ(ta.volatility, tb.volatility);
    EXPECT_EQ(ta.flexibility, tb.flexibility);
    // Same deviation from a different stated buy-in (neither clamped here).
    EXPECT_NEAR(tb.buy_in - b.funder.senior_buy_in, ta.buy_in - a.funder.senior_buy_in, 1e-12);
}

TEST(PartnershipTraits, SubstreamsLeaveTheMainStreamUntouched) {
    RandomStream main_stream(7), untouched(7);
    RandomStream traits = main_stream.substream(traits_substream);
    for (int k = 0; k < 10; ++k) traits.normal();
    EXPECT_EQ(main_stream.uniform(), untouched.uniform());
}

TEST(PartnershipTraits, WithoutSpreadTheRealisedScenarioIsTheStatedOne) {
    const Scenario stated = test::without_partnership_variation(Scenario{});
    RandomStream traits(3);
    const auto t = draw_partnership_traits(stated, traits);
    const Scenario realised = realise_traits(stated, t);
    EXPECT_EQ(realised.funder.senior_buy_in, stated.funder.senior_buy_in);
    EXPECT_EQ(realised.facilitator.soft_skills, stated.facilitator.soft_skills);
    EXPECT_DOUBLE_EQ(realised.partners.shock_rate, stated.partners.shock_rate);
}

TEST(PartnershipTraits, RealisedValuesSpreadAroundTheStated) {
    Scenario stated;
    double sum = 0, squares = 0;
    const int n = 2000;
    for (int r = 0; r < n; ++r) {
        RandomStream traits(static_cast<std::uint64_t>(r) + 1);
        const double b = draw_partnership_traits(stated, traits).buy_in;
        sum += b;
        squares += b * b;
    }
    const double mean = sum / n, sd = std::sqrt(squares / n - mean * mean);
    // s.e. of the mean is 0.15 / sqrt(2000) = 0.0034; clamping at 0 and 1 barely bites at 0.6.
    EXPECT_NEAR(mean, stated.funder.senior_buy_in, 0.015);
    EXPECT_NEAR(sd, stated.partnership.buy_in_spread, 0.015);
}

TEST(Enrolment, APartnerThatLeavesIsNoLongerMeasured) {
    World world = test::make_world(test::small_scenario(4));
    for (std::size_t i = 0; i < 4; ++i) world.partners.capacity[i] = 0.2;
    world.partners.capacity[3] = 0.9;
    const double before = measure_world(world)[static_cast<std::size_t>(Measure::capacity)];
    withdraw_partner(world, 3);
    const double after = measure_world(world)[static_cast<std::size_t>(Measure::capacity)];
    EXPECT_NEAR(before, (0.6 + 0.9) / 4, 1e-12);
    EXPECT_NEAR(after, 0.2, 1e-12);
    EXPECT_EQ(world.partners.support[3], 0.0);
    double total = 0;
    for (const double s : world.partners.support) total += s;
    EXPECT_NEAR(total, 1.0, 1e-12);
}

TEST(Enrolment, PartnersAwayForMonthsWhoSeeLittleValueLeave) {
    World world = test::make_world(test::small_scenario(3));
    auto& p = world.partners;
    for (std::size_t i = 0; i < 3; ++i) p.present[i] = 0;
    p.perceived_value = {0.1, 0.1, 0.6};
    const int months_away =
        static_cast<int>(world.scenario.constants.enrolment.months_away_before_leaving);
    for (int m = 0; m < months_away - 1; ++m) let_disengaged_partners_go(world);
    EXPECT_EQ(p.enrolled_count(), 3u);
    let_disengaged_partners_go(world);
    EXPECT_EQ(p.enrolled[0], 0);
    EXPECT_EQ(p.enrolled[1], 0);
    EXPECT_EQ(p.enrolled[2], 1);  // away as long, but still sees value in it
}

TEST(PartnershipEvents, LosingTheLeadHalvesWhatPartnersHadLearnedOfTheFacilitator) {
    World world = test::make_world(test::small_scenario(2));
    test::set_trust(world.partners.trust_facilitator, 0, 0.5, 4.0);
    world.partners.trust_facilitator.good[0] += 6.0;  // trust 8/12 over a 2/2 prior
    test::set_trust(world.funder.trust_facilitator, 0, 0.9, 10.0);
    lose_lead_facilitator(world, 0.0);
    EXPECT_NEAR(world.partners.trust_facilitator.good[0], 2.0 + 3.0, 1e-12);
    EXPECT_TRUE(world.facilitator.active);  // standing (about 0.7) is enough to stay
}

TEST(PartnershipEvents, AFacilitatorWithLowStandingWithdrawsWhenItLosesItsLead) {
    World world = test::make_world(test::small_scenario(2));
    for (std::size_t i = 0; i < 2; ++i) test::set_trust(world.partners.trust_facilitator, i, 0.3);
    test::set_trust(world.funder.trust_facilitator, 0, 0.3);
    lose_lead_facilitator(world, 0.0);
    EXPECT_FALSE(world.facilitator.active);
    EXPECT_EQ(world.outcome.kind, OutcomeClass::collapsed);
    EXPECT_EQ(world.outcome.cause, OutcomeCause::facilitator_withdrew);
}

TEST(PartnershipEvents, EveryMonthDrawsTheSameNumbersWhateverTheDesign) {
    Scenario quiet = test::small_scenario(5);
    Scenario busy = quiet;
    busy.partnership.field_crisis_rate = 12;
    busy.partnership.partner_exit_rate = 12;
    World a = test::make_world(quiet), b = test::make_world(busy);
    for (int m = 0; m < 12; ++m) {
        apply_partnership_events(a);
        apply_partnership_events(b);
    }
    EXPECT_EQ(a.event_stream.uniform(), b.event_stream.uniform());
    EXPECT_LT(b.partners.enrolled_count(), 5u);
}

// A newcomer (7.15) takes the next slot set aside for it and starts behind the incumbents: the
// prior trust, the capacity it brought, no ties, a funder that knows nothing of it yet.
TEST(Newcomers, JoinIntoSetAsideSlotsAndStartBehindTheIncumbents) {
    Scenario s = test::small_scenario(4);
    s.partnership.newcomer_slots = 2;
    World world = test::make_world(s);
    auto& p = world.partners;
    ASSERT_EQ(p.count, 6u);
    ASSERT_EQ(p.founders, 4u);
    EXPECT_EQ(p.enrolled_count(), 4u);
    EXPECT_EQ(p.support[4], 0.0);
    RandomStream random(5);
    for (int m = 0; m < 24; ++m) step_month(world, random);
    // What the slot went through while waiting (trust drifting with every partner's experiences,
    // the funder reading it) must not carry into the programme.
    world.funder.belief[4] = 2.0;
    p.trust_facilitator.good[4] += 10.0;
    const double incumbent_trust = trust_of(p.trust_facilitator, 0);
    ASSERT_TRUE(admit_newcomer(world));
    EXPECT_EQ(p.enrolled[4], 1);
    EXPECT_EQ(p.enrolled_count(), 5u);
    EXPECT_NEAR(trust_of(p.trust_facilitator, 4), s.partners.initial_trust_facilitator, 1e-12);
    EXPECT_GT(incumbent_trust, trust_of(p.trust_facilitator, 4));
    EXPECT_EQ(p.initial_capacity[4], p.capacity[4]);
    EXPECT_EQ(p.practice_gain[4], 0.0);
    EXPECT_EQ(world.funder.belief[4], 0.0);
    for (std::size_t j = 0; j < p.count; ++j) EXPECT_EQ(p.ties.weight(4, j), 0.0f);
    EXPECT_NEAR(p.support[4], 1.0 / 5.0, 1e-12);
    double total = 0;
    for (const double share : p.support) total += share;
    EXPECT_NEAR(total, 1.0, 1e-12);
    ASSERT_TRUE(admit_newcomer(world));
    EXPECT_EQ(p.enrolled[5], 1);
    EXPECT_FALSE(admit_newcomer(world));  // no slot left: at most newcomer_slots join
    EXPECT_EQ(p.joined, 2u);
}

// Common random numbers: who joins never changes what the run's main stream draws, since every
// per-partner draw is made for every slot; the event stream draws alike too.
TEST(Newcomers, JoiningDoesNotChangeWhatTheStreamsDraw) {
    Scenario none = test::small_scenario(5);
    none.partnership.newcomer_slots = 3;
    Scenario many = none;
    many.partnership.newcomer_rate = 12;
    RandomStream ra(11), rb(11);
    World a = start_world(none, ra), b = start_world(many, rb);
    for (int m = 0; m < 12; ++m) {
        step_month(a, ra);
        step_month(b, rb);
    }
    EXPECT_EQ(a.partners.joined, 0u);
    EXPECT_EQ(b.partners.joined, 3u);
    EXPECT_EQ(ra.uniform(), rb.uniform());
    EXPECT_EQ(a.event_stream.uniform(), b.event_stream.uniform());
}

// The founding partners' traits do not depend on how many slots are set aside.
TEST(Newcomers, SetAsideSlotsLeaveTheFoundingPartnersAsTheyWere) {
    Scenario without = test::small_scenario(5);
    Scenario with = without;
    with.partnership.newcomer_slots = 7;
    const World a = test::make_world(without), b = test::make_world(with);
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(a.partners.capacity[i], b.partners.capacity[i]);
        EXPECT_EQ(a.partners.baseline_effectiveness[i], b.partners.baseline_effectiveness[i]);
    }
    EXPECT_EQ(b.partners.count, 12u);
}

TEST(Newcomers, TooManySlotsAreRefused) {
    Scenario s;
    s.partners.count = 4990;
    s.partnership.newcomer_slots = 20;
    const auto problem = check_consistency(s);
    ASSERT_TRUE(problem.has_value());
    EXPECT_NE(problem->find("partnership.newcomer_slots"), std::string::npos) << *problem;
    s.partnership.newcomer_slots = 10;
    EXPECT_FALSE(check_consistency(s).has_value());
}

TEST(Outcome, TheFunderEndsAPartnershipItSeesAsDispensable) {
    Scenario s = test::small_scenario(4);
    World world = test::make_world(s);
    world.facilitator.months_active = 20;
    world.month = s.funder.decision_cycle_months - 1;  // a decision window closes this month
    test::set_trust(world.funder.trust_facilitator, 0, 0.2, 50.0);
    world.outcome.funder_worth = 0.1;
    judge_partnership(world);
    EXPECT_EQ(world.outcome.kind, OutcomeClass::collapsed);
    EXPECT_EQ(world.outcome.cause, OutcomeCause::funder_ended);
    EXPECT_EQ(world.outcome.month, world.month);
    EXPECT_FALSE(world.facilitator.active);
}

// The start-up review (docs/model.md 7.16): at set-up plus the review months, leaders whose
// realised buy-in is below the floor withdraw; above it, or in any other month, nothing ends.
TEST(Outcome, LeadersWithoutBuyInWithdrawAtTheStartupReview) {
    Scenario s = test::small_scenario(4);
    World world = test::make_world(s);
    const auto& c = world.scenario.constants.outcome;
    const int review =
        world.scenario.setup.setup_months + static_cast<int>(c.months_to_startup_review);
    world.facilitator.months_active = review;
    world.month = review;
    World committed = world;
    World later = world;
    world.scenario.funder.senior_buy_in = c.startup_buy_in_floor - 0.05;
    committed.scenario.funder.senior_buy_in = c.startup_buy_in_floor + 0.05;
    later.scenario.funder.senior_buy_in = c.startup_buy_in_floor - 0.05;
    later.facilitator.months_active = review + 1;
    judge_partnership(world);
    judge_partnership(committed);
    judge_partnership(later);
    EXPECT_EQ(world.outcome.kind, OutcomeClass::collapsed);
    EXPECT_EQ(world.outcome.cause, OutcomeCause::no_buy_in_at_startup);
    EXPECT_FALSE(world.facilitator.active);
    EXPECT_FALSE(committed.outcome.decided);
    EXPECT_FALSE(later.outcome.decided);
}

TEST(Outcome, NotBetweenDecisionWindows) {
    Scenario s = test::small_scenario(4);
    World world = test::make_world(s);
    world.facilitator.months_active = 20;
    world.month = s.funder.decision_cycle_months;  // the month after a window
    test::set_trust(world.funder.trust_facilitator, 0, 0.2, 50.0);
    world.outcome.funder_worth = 0.1;
    judge_partnership(world);
    EXPECT_FALSE(world.outcome.decided);
    EXPECT_TRUE(world.facilitator.active);
}

TEST(Outcome, ACompletedPartnershipIsJudgedFromItsReadings) {
    World world = test::make_world(test::small_scenario(4));
    world.outcome.recent_participation = 0.2;
    world.outcome.funder_worth = 0.9;
    judge_completed(world, 35);
    EXPECT_EQ(world.outcome.kind, OutcomeClass::struggling);
    EXPECT_EQ(world.outcome.cause, OutcomeCause::weak_engagement);
    World healthy = test::make_world(test::small_scenario(4));
    healthy.outcome.recent_participation = 0.8;
    healthy.outcome.funder_worth = 0.9;
    judge_completed(healthy, 35);
    EXPECT_EQ(healthy.outcome.kind, OutcomeClass::thriving);
    EXPECT_EQ(healthy.outcome.month, 35);
}

TEST(Outcome, EveryRunEndsJudged) {
    Scenario s;
    s.setup.duration = Duration::open_ended;
    s.run.months = 30;
    const RunResult run = run_partnership(s, make_run_id(1, 0, 0, 1));
    EXPECT_GE(run.outcome_month, 0);
    EXPECT_LT(run.outcome_month, 30);
}

}  // namespace
}  // namespace partnersim
