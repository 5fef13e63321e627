#include "model/support.hpp"

#include <gtest/gtest.h>

#include "model/trust.hpp"
#include "support/world_builder.hpp"

namespace partnersim {
namespace {

class SupportTest : public ::testing::Test {
protected:
    void SetUp() override {
        Scenario s = test::small_scenario(4);
        s.setup.archetype = Archetype::practice_partner;  // no triage: hours split evenly
        world = test::make_world(s);
        test::make_partners_alike(world);
        test::set_presence(world, true, 0.8);
        world.facilitator.hours = EffortSplit{40.0, 0.0, 0.0, 20.0};
    }
    // Capacity gained by partner 0 when it alone is present and gets `hours` of one-to-one.
    double capacity_gain_with(double hours) {
        World w = world;
        test::set_presence(w, false);
        w.partners.present[0] = 1;
        w.partners.engagement[0] = 0.8;
        w.facilitator.hours.one_to_one = hours;
        const double before = w.partners.capacity[0];
        provide_support(w);
        return w.partners.capacity[0] - before;
    }
    World world;
};

TEST_F(SupportTest, OneToOneSupportGrowsCapacityAndTrustInTheFacilitator) {
    const double before = world.partners.capacity[0];
    provide_support(world);
    EXPECT_GT(world.partners.capacity[0], before);
    EXPECT_GT(world.experiences.partner_facilitator_good[0], 0.0);
    EXPECT_GT(world.partners.benefit[0], 0.0);
    EXPECT_EQ(world.experiences.partner_facilitator_bad[0], 0.0);
}

TEST_F(SupportTest, MoreOneToOneHoursGiveMoreCapacityWithDiminishingReturns) {
    double previous_gain = 0.0;
    double previous_step = 1e300;
    for (const double hours : {4.0, 8.0, 12.0, 16.0, 20.0}) {
        const double gain = capacity_gain_with(hours);
        EXPECT_GT(gain, previous_gain) << hours << " hours";
        const double step = gain - previous_gain;  // the same 4 extra hours each time
        EXPECT_LT(step, previous_step) << hours << " hours";
        previous_gain = gain;
        previous_step = step;
    }
    EXPECT_EQ(capacity_gain_with(0.0), 0.0);
}

TEST_F(SupportTest, InactiveFacilitatorBuildsNoCapacityAndEarnsNoTrust) {
    // Not yet joined, or a time-bound partnership already ended: hours may linger in the
    // split, but nobody is there to give them.
    world.facilitator.active = false;
    const auto before = world.partners.capacity;
    provide_support(world);
    for (std::size_t i = 0; i < world.partners.count; ++i) {
        EXPECT_EQ(world.partners.capacity[i], before[i]);
        EXPECT_EQ(world.partners.benefit[i], 0.0);
        EXPECT_EQ(world.experiences.partner_facilitator_good[i], 0.0);
        EXPECT_EQ(world.experiences.partner_facilitator_bad[i], 0.0);
    }
}

TEST(SupportOverMonths, NoOneToOneHoursOrTrustFromAFacilitatorNotYetJoinedOrAlreadyGone) {
    Scenario s = test::small_scenario(6);
    s.setup.join_month = 6;
    s.setup.end_month = 12;
    World world = test::make_world(s);
    RandomStream random(test::model_test_seed);
    for (int month = 0; month < 24; ++month) {
        const bool there = world.month >= 6 && world.month < 12;
        step_month(world, random);
        double hours = 0.0;
        for (const double h : world.partners.one_to_one_hours) hours += h;
        if (there) {
            EXPECT_GT(hours, 0.0) << "month " << month;
        } else {
            EXPECT_EQ(hours, 0.0) << "month " << month;
        }
        if (month < 6) {
            // Nobody to meet yet: trust in the facilitator stays at its prior.
            EXPECT_DOUBLE_EQ(mean_trust(world.partners.trust_facilitator),
                             s.partners.initial_trust_facilitator)
                << "month " << month;
        }
    }
}

TEST_F(SupportTest, AbsentPartnersGetNoOneToOneHoursAndNoCapacity) {
    world.partners.present[2] = 0;
    world.partners.engagement[2] = 0.0;
    const double before = world.partners.capacity[2];
    provide_support(world);
    EXPECT_EQ(world.partners.one_to_one_hours[2], 0.0);
    EXPECT_EQ(world.partners.capacity[2], before);
    double given = 0.0;
    for (const double h : world.partners.one_to_one_hours) given += h;
    EXPECT_NEAR(given, world.facilitator.hours.one_to_one, 1e-9);  // all hours go to the present
}

TEST_F(SupportTest, CapacityNeverPassesOneHoweverMuchSupport) {
    for (auto& c : world.partners.capacity) c = 0.999;
    world.facilitator.hours.one_to_one = 1e6;
    world.scenario.facilitator.accompaniment = 1.0;
    world.facilitator.profile.skills.fill(1.0);
    for (auto& m : world.partners.contextual_match) m = 1.0;
    for (int month = 0; month < 200; ++month) provide_support(world);
    for (const double c : world.partners.capacity) EXPECT_LE(c, 1.0);
}

TEST_F(SupportTest, ProgrammeNavigatorTriagesMoreHoursToPartnersWithLeastCapacity) {
    world.partners.capacity[0] = 0.1;
    world.partners.capacity[1] = 0.8;
    World navigator = world;
    navigator.scenario.setup.archetype = Archetype::programme_navigator;
    provide_support(world);
    provide_support(navigator);
    EXPECT_DOUBLE_EQ(world.partners.one_to_one_hours[0], world.partners.one_to_one_hours[1]);
    EXPECT_GT(navigator.partners.one_to_one_hours[0], navigator.partners.one_to_one_hours[1]);
}

TEST_F(SupportTest, PresentPartnerWithoutContactFeelsNeglected) {
    // "insufficient budget for the facilitator to invest in one-to-one relationships".
    World thin = world;
    thin.facilitator.hours = EffortSplit{};
    provide_support(thin);
    provide_support(world);
    EXPECT_GT(thin.experiences.partner_facilitator_bad[0], 0.0);
    EXPECT_EQ(world.experiences.partner_facilitator_bad[0], 0.0);
    // An absent partner does not miss what it did not come for.
    World thin_absent = thin;
    test::clear_experiences(thin_absent);
    test::set_presence(thin_absent, false);
    provide_support(thin_absent);
    EXPECT_EQ(thin_absent.experiences.partner_facilitator_bad[0], 0.0);
}

TEST_F(SupportTest, RelationshipHoursBuildTrustEvenWithoutOneToOneSupport) {
    world.facilitator.hours = EffortSplit{0.0, 0.0, 0.0, 40.0};
    test::set_presence(world, false);
    provide_support(world);
    EXPECT_GT(world.experiences.partner_facilitator_good[0], 0.0);
}

TEST_F(SupportTest, SupportQualityRisesWithMelSkillContextualMatchAndAccompaniment) {
    const double base = support_quality(world, 0);
    World more_mel = world;
    more_mel.facilitator.profile.skills[static_cast<std::size_t>(Skill::mel)] = 1.0;
    World matched = world;
    matched.partners.contextual_match[0] = 1.0;
    World accompanied = world;
    accompanied.scenario.facilitator.accompaniment = 1.0;
    EXPECT_GT(support_quality(more_mel, 0), base);
    EXPECT_GT(support_quality(matched, 0), base);
    EXPECT_GT(support_quality(accompanied, 0), base);
    // And the better quality shows as more capacity for the same hours.
    const double before = world.partners.capacity[0];
    World plain = world;
    provide_support(plain);
    provide_support(matched);
    EXPECT_GT(matched.partners.capacity[0] - before, plain.partners.capacity[0] - before);
}

TEST_F(SupportTest, SupportQualityStaysWithinZeroAndOne) {
    for (const double v : {0.0, 1.0}) {
        world.facilitator.profile.skills.fill(v);
        world.partners.contextual_match[0] = v;
        world.scenario.facilitator.accompaniment = v;
        const double q = support_quality(world, 0);
        EXPECT_GE(q, 0.0);
        EXPECT_LE(q, 1.0);
    }
}

TEST_F(SupportTest, MoreEngagedPartnersLearnMoreFromTheSameHours) {
    world.partners.engagement[0] = 0.9;
    world.partners.engagement[1] = 0.3;
    const double before = world.partners.capacity[0];
    provide_support(world);
    ASSERT_DOUBLE_EQ(world.partners.one_to_one_hours[0], world.partners.one_to_one_hours[1]);
    EXPECT_GT(world.partners.capacity[0] - before, world.partners.capacity[1] - before);
}

}  // namespace
}  // namespace partnersim
