#include "model/effort.hpp"

#include <gtest/gtest.h>

#include <array>

#include "support/world_builder.hpp"

namespace partnersim {
namespace {

constexpr std::array<Archetype, 4> all_archetypes{
    Archetype::practice_partner, Archetype::sense_maker, Archetype::network_builder,
    Archetype::programme_navigator};

const EffortConstants kEffort{};  // the default model's constants

// A world past its set-up months, with no end in sight, so only the choice under test shapes
// the facilitator's hours.
World settled_world(Archetype archetype) {
    Scenario s = test::small_scenario(6);
    s.setup.archetype = archetype;
    s.setup.duration = Duration::open_ended;
    World world = test::make_world(s);
    world.facilitator.months_active = s.setup.setup_months;
    return world;
}

TEST(ArchetypeShares, SumToOneAndAreNeverNegativeForEveryArchetypeAndPhase) {
    for (const Archetype a : all_archetypes) {
        for (const double phase : {-0.5, 0.0, 0.3, 0.7, 1.0, 2.0}) {
            const EffortSplit s = archetype_shares(a, phase, kEffort);
            EXPECT_NEAR(s.total(), 1.0, 1e-12) << choice_name(a) << " phase " << phase;
            EXPECT_GE(s.one_to_one, 0.0);
            EXPECT_GE(s.convening, 0.0);
            EXPECT_GE(s.sense_making, 0.0);
            EXPECT_GE(s.relationship, 0.0);
        }
    }
}

TEST(ArchetypeShares, SenseMakerGivesMoreToSenseMakingAndPracticePartnerMoreToOneToOne) {
    const EffortSplit sense = archetype_shares(Archetype::sense_maker, 0.0, kEffort);
    const EffortSplit practice = archetype_shares(Archetype::practice_partner, 0.0, kEffort);
    EXPECT_GT(sense.sense_making, practice.sense_making);
    EXPECT_GT(practice.one_to_one, sense.one_to_one);
    // Each archetype's signature activity is its largest share.
    EXPECT_GT(sense.sense_making, sense.one_to_one);
    EXPECT_GT(practice.one_to_one, practice.sense_making);
}

TEST(ArchetypeShares, NetworkBuilderConvenesMoreThanAnyOtherArchetype) {
    const double builder = archetype_shares(Archetype::network_builder, 0.0, kEffort).convening;
    for (const Archetype a : all_archetypes) {
        if (a == Archetype::network_builder) continue;
        for (const double phase : {0.0, 1.0}) {
            EXPECT_GT(builder, archetype_shares(a, phase, kEffort).convening) << choice_name(a);
        }
    }
}

TEST(ArchetypeShares, NavigatorStartsAsPracticePartnerAndMovesTowardCrossProgrammeLearning) {
    const EffortSplit start = archetype_shares(Archetype::programme_navigator, 0.0, kEffort);
    const EffortSplit practice = archetype_shares(Archetype::practice_partner, 0.0, kEffort);
    EXPECT_DOUBLE_EQ(start.one_to_one, practice.one_to_one);
    EXPECT_DOUBLE_EQ(start.sense_making, practice.sense_making);
    EffortSplit previous = start;
    for (int step = 1; step <= 10; ++step) {
        const double phase = 0.1 * step;
        const EffortSplit now = archetype_shares(Archetype::programme_navigator, phase, kEffort);
        EXPECT_LT(now.one_to_one, previous.one_to_one) << "phase " << phase;
        EXPECT_GT(now.convening, previous.convening) << "phase " << phase;
        EXPECT_GT(now.sense_making, previous.sense_making) << "phase " << phase;
        previous = now;
    }
    // The phase is a share of the way: beyond the end the split stays where it arrived.
    const EffortSplit beyond = archetype_shares(Archetype::programme_navigator, 3.0, kEffort);
    EXPECT_DOUBLE_EQ(beyond.one_to_one, previous.one_to_one);
    EXPECT_DOUBLE_EQ(beyond.convening, previous.convening);
}

TEST(ConveningIntensity, IsZeroWithoutHoursAndRisesWithThemWithoutReachingOne) {
    EXPECT_EQ(convening_intensity(0.0, 20, kEffort), 0.0);
    double previous = 0.0;
    for (const double hours : {5.0, 20.0, 80.0, 320.0, 5000.0}) {
        const double now = convening_intensity(hours, 20, kEffort);
        EXPECT_GT(now, previous) << hours << " hours";
        EXPECT_LT(now, 1.0);
        previous = now;
    }
}

TEST(ConveningIntensity, SameHoursBuyLessBackboneForALargerNetwork) {
    // "More partners means less time each: spread too thin."
    EXPECT_GT(convening_intensity(40.0, 5, kEffort), convening_intensity(40.0, 20, kEffort));
    EXPECT_GT(convening_intensity(40.0, 20, kEffort), convening_intensity(40.0, 200, kEffort));
}

TEST(AllocateEffort, SplitsTheWholeBudgetForAFullyAvailableExternalFacilitator) {
    World world = settled_world(Archetype::practice_partner);
    allocate_effort(world);
    // An established external firm has full availability and no consortium overhead, so the
    // shares must add up to the budget: no hour lost or invented.
    EXPECT_NEAR(world.facilitator.hours.total(), world.scenario.setup.budget_hours, 1e-9);
    EXPECT_GT(world.facilitator.convening_intensity, 0.0);
}

TEST(AllocateEffort, ZeroBudgetGivesNoFacilitatorHours) {
    World world = settled_world(Archetype::network_builder);
    world.scenario.setup.budget_hours = 0.0;
    allocate_effort(world);
    EXPECT_EQ(world.facilitator.hours.total(), 0.0);
    EXPECT_EQ(world.facilitator.convening_intensity, 0.0);
}

TEST(AllocateEffort, MoreBudgetGivesMoreHoursInEveryActivity) {
    World small = settled_world(Archetype::programme_navigator);
    World large = small;
    large.scenario.setup.budget_hours = 2.0 * small.scenario.setup.budget_hours;
    allocate_effort(small);
    allocate_effort(large);
    EXPECT_GT(large.facilitator.hours.one_to_one, small.facilitator.hours.one_to_one);
    EXPECT_GT(large.facilitator.hours.convening, small.facilitator.hours.convening);
    EXPECT_GT(large.facilitator.hours.sense_making, small.facilitator.hours.sense_making);
    EXPECT_GT(large.facilitator.hours.relationship, small.facilitator.hours.relationship);
    EXPECT_GT(large.facilitator.convening_intensity, small.facilitator.convening_intensity);
}

TEST(AllocateEffort, InternalStaffAndConsortiumOverheadLeaveFewerHoursOfTheSameBudget) {
    World external = settled_world(Archetype::practice_partner);
    Scenario internal_s = external.scenario;
    internal_s.facilitator.kind = FacilitatorKind::internal;
    World internal = test::make_world(internal_s);
    internal.facilitator.months_active = external.facilitator.months_active;
    Scenario consortium_s = external.scenario;
    consortium_s.facilitator.external_kind = ExternalKind::consortium;
    consortium_s.facilitator.consortium_members = 5;
    World consortium = test::make_world(consortium_s);
    consortium.facilitator.months_active = external.facilitator.months_active;
    allocate_effort(external);
    allocate_effort(internal);
    allocate_effort(consortium);
    EXPECT_LT(internal.facilitator.hours.total(), external.facilitator.hours.total());
    EXPECT_LT(consortium.facilitator.hours.total(), external.facilitator.hours.total());
}

TEST(AllocateEffort, InactiveFacilitatorWorksNoHours) {
    World world = settled_world(Archetype::practice_partner);
    world.facilitator.active = false;
    world.facilitator.hours = EffortSplit{10.0, 10.0, 10.0, 10.0};  // last month's, stale
    allocate_effort(world);
    EXPECT_EQ(world.facilitator.hours.total(), 0.0);
}

TEST(AllocateEffort, PortfolioLevelMovesHoursFromOneToOneToSenseMaking) {
    for (const Archetype a : all_archetypes) {
        World programme = settled_world(a);
        World portfolio = programme;
        portfolio.scenario.setup.level = Level::portfolio;
        allocate_effort(programme);
        allocate_effort(portfolio);
        const auto& pr = programme.facilitator.hours;
        const auto& po = portfolio.facilitator.hours;
        SCOPED_TRACE(std::string(choice_name(a)));
        EXPECT_LT(po.one_to_one, pr.one_to_one);
        EXPECT_GT(po.sense_making, pr.sense_making);
        EXPECT_NEAR(po.total(), pr.total(), 1e-9);  // moved, not lost
        EXPECT_DOUBLE_EQ(po.convening, pr.convening);
        EXPECT_DOUBLE_EQ(po.relationship, pr.relationship);
    }
}

TEST(AllocateEffort, SetUpMonthsGoToRelationshipsBeforeSubstance) {
    World settling = settled_world(Archetype::practice_partner);
    World settled = settling;
    settling.facilitator.months_active = 0;
    allocate_effort(settling);
    allocate_effort(settled);
    EXPECT_GT(settling.facilitator.hours.relationship, settled.facilitator.hours.relationship);
    EXPECT_LT(settling.facilitator.hours.one_to_one, settled.facilitator.hours.one_to_one);
    EXPECT_NEAR(settling.facilitator.hours.total(), settled.facilitator.hours.total(), 1e-9);
}

TEST(AllocateEffort, PressureNearATimeBoundEndPullsHoursFromPartnersIntoReportingUpward) {
    World calm = settled_world(Archetype::practice_partner);
    World pressed = calm;
    pressed.end_pressure = 1.0;
    allocate_effort(calm);
    allocate_effort(pressed);
    EXPECT_LT(pressed.facilitator.hours.one_to_one, calm.facilitator.hours.one_to_one);
    EXPECT_LT(pressed.facilitator.hours.relationship, calm.facilitator.hours.relationship);
    EXPECT_GT(pressed.facilitator.hours.sense_making, calm.facilitator.hours.sense_making);
    EXPECT_NEAR(pressed.facilitator.hours.total(), calm.facilitator.hours.total(), 1e-9);
}

TEST(AllocateEffort, NavigatorShiftsHoursAwayFromOneToOneAsItsMonthsGoBy) {
    Scenario s = test::small_scenario(6);  // a time-bound programme navigator by default
    ASSERT_EQ(s.setup.archetype, Archetype::programme_navigator);
    ASSERT_EQ(s.setup.duration, Duration::time_bound);
    World world = test::make_world(s);
    double previous_one_to_one = 1e300;
    double previous_sense_making = 0.0;
    for (int months = s.setup.setup_months; months <= s.setup.end_month / 2; months += 3) {
        world.facilitator.months_active = months;
        allocate_effort(world);
        EXPECT_LT(world.facilitator.hours.one_to_one, previous_one_to_one) << months;
        EXPECT_GT(world.facilitator.hours.sense_making, previous_sense_making) << months;
        previous_one_to_one = world.facilitator.hours.one_to_one;
        previous_sense_making = world.facilitator.hours.sense_making;
    }
}

TEST(AllocateEffort, WithoutFacilitatorANetworkWithStrongTiesAndSharedIdentityMeetsWeakly) {
    World world = settled_world(Archetype::network_builder);
    test::make_partners_alike(world);
    world.facilitator.active = false;
    allocate_effort(world);
    EXPECT_EQ(world.facilitator.convening_intensity, 0.0);  // no ties: nobody to meet

    for (auto& w : world.partners.ties.weights()) w = 1.0f;
    allocate_effort(world);
    const double weak_identity = world.facilitator.convening_intensity;
    EXPECT_GT(weak_identity, 0.0);
    EXPECT_LT(weak_identity, 1.0);

    for (auto& u : world.partners.unified_identity) u = 1.0;
    allocate_effort(world);
    EXPECT_GT(world.facilitator.convening_intensity, weak_identity);
    EXPECT_EQ(world.facilitator.hours.total(), 0.0);  // the meeting costs no facilitator hours
}

}  // namespace
}  // namespace partnersim
