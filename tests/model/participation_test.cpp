#include "model/participation.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "model/burden.hpp"
#include "support/world_builder.hpp"

namespace partnersim {
namespace {

class ParticipationTest : public ::testing::Test {
protected:
    void SetUp() override {
        world = test::make_world(test::small_scenario(6));
        test::make_partners_alike(world);
    }
    double propensity(std::size_t i) const { return participation_propensity(world, i); }
    World world;
};

TEST_F(ParticipationTest, PropensityIsAProbability) {
    for (const double v : {0.0, 1.0}) {
        test::PartnerShape shape;
        shape.perceived_value = v;
        shape.funding_security = v;
        shape.unified_identity = v;
        shape.trust_facilitator = v == 0.0 ? 0.01 : 0.99;
        test::make_partners_alike(world, shape);
        for (auto& strain : world.partners.strain) strain = 1.0 - v;
        const double p = propensity(0);
        EXPECT_GT(p, 0.0);
        EXPECT_LT(p, 1.0);
    }
}

TEST_F(ParticipationTest, PartnersWhoValueThePartnershipMoreWantToTakePartMore) {
    world.partners.perceived_value[1] = 0.9;
    world.partners.perceived_value[0] = 0.2;
    EXPECT_GT(propensity(1), propensity(0));
}

TEST_F(ParticipationTest, PartnersWhoTrustTheFacilitatorMoreWantToTakePartMore) {
    test::set_trust(world.partners.trust_facilitator, 1, 0.9);
    test::set_trust(world.partners.trust_facilitator, 0, 0.2);
    EXPECT_GT(propensity(1), propensity(0));
}

TEST_F(ParticipationTest, StressedPartnersInSurvivalModeWantToTakePartLess) {
    world.partners.stress_months[1] = 4;
    EXPECT_LT(propensity(1), propensity(0));
}

TEST_F(ParticipationTest, StrainedPartnersWantToTakePartLess) {
    world.partners.strain[1] = 0.9;
    world.partners.strain[0] = 0.1;
    EXPECT_LT(propensity(1), propensity(0));
}

TEST_F(ParticipationTest, InsecureFundingLowersTheWishToTakePart) {
    world.partners.funding_security[1] = 0.2;
    EXPECT_LT(propensity(1), propensity(0));
}

TEST_F(ParticipationTest, OptionalParticipationFavoursBetterResourcedPartners) {
    // Resources act through slack: the same hours strain a small organisation more.
    world.partners.resources[0] = 0.1;
    world.partners.resources[1] = 0.9;
    test::set_presence(world, true, 0.6);
    account_burden(world);
    ASSERT_GT(world.partners.strain[0], world.partners.strain[1]);
    EXPECT_GT(propensity(1), propensity(0));
}

TEST_F(ParticipationTest, MandatoryParticipationBringsEveryoneWhileTheFacilitatorIsActive) {
    world.scenario.setup.participation = Participation::mandatory;
    ASSERT_TRUE(world.facilitator.active);
    // Make everyone unwilling: no value, no trust, no slack, insecure.
    test::PartnerShape unwilling;
    unwilling.perceived_value = 0.0;
    unwilling.trust_facilitator = 0.05;
    unwilling.funding_security = 0.1;
    unwilling.unified_identity = 0.0;
    test::make_partners_alike(world, unwilling);
    for (auto& s : world.partners.strain) s = 1.0;
    RandomStream random(test::model_test_seed);
    decide_participation(world, random);
    for (std::size_t i = 0; i < world.partners.count; ++i) {
        EXPECT_EQ(world.partners.present[i], 1) << "partner " << i;
        // Present but unwilling: tokenistic attendance.
        EXPECT_LT(world.partners.engagement[i], tokenism_threshold) << "partner " << i;
        EXPECT_GT(world.partners.engagement[i], 0.0);
    }
}

TEST_F(ParticipationTest, UnwillingPartnersMostlyStayAwayWhenParticipationIsOptional) {
    World big = test::make_world(test::small_scenario(200));
    test::PartnerShape unwilling;
    unwilling.perceived_value = 0.0;
    unwilling.trust_facilitator = 0.05;
    unwilling.funding_security = 0.1;
    unwilling.unified_identity = 0.0;
    test::make_partners_alike(big, unwilling);
    for (auto& s : big.partners.strain) s = 1.0;
    RandomStream random(test::model_test_seed);
    decide_participation(big, random);
    int present = 0;
    for (const auto p : big.partners.present) present += p;
    EXPECT_LT(present, 20);  // propensity is far below 1/10
}

TEST_F(ParticipationTest, MandatoryParticipationNoLongerBindsOnceTheFacilitatorHasGone) {
    World big = test::make_world(test::small_scenario(200));
    big.scenario.setup.participation = Participation::mandatory;
    test::PartnerShape unwilling;
    unwilling.perceived_value = 0.0;
    unwilling.trust_facilitator = 0.05;
    unwilling.funding_security = 0.1;
    test::make_partners_alike(big, unwilling);
    for (auto& s : big.partners.strain) s = 1.0;
    big.facilitator.active = false;
    big.facilitator.convening_intensity = 0.5;  // a network still meeting by itself
    RandomStream random(test::model_test_seed);
    decide_participation(big, random);
    int present = 0;
    for (const auto p : big.partners.present) present += p;
    EXPECT_LT(present, 20);
}

TEST_F(ParticipationTest, NobodyTakesPartWhenNothingIsOnOffer) {
    world.facilitator.active = false;
    world.facilitator.convening_intensity = 0.0;
    world.scenario.setup.participation = Participation::mandatory;
    test::PartnerShape keen;
    keen.perceived_value = 1.0;
    keen.trust_facilitator = 0.95;
    test::make_partners_alike(world, keen);
    RandomStream random(test::model_test_seed);
    decide_participation(world, random);
    for (std::size_t i = 0; i < world.partners.count; ++i) {
        EXPECT_EQ(world.partners.present[i], 0);
        EXPECT_EQ(world.partners.engagement[i], 0.0);
    }
}

TEST_F(ParticipationTest, EngagementOfThosePresentIsTheirPropensityAndAbsentHaveNone) {
    World big = test::make_world(test::small_scenario(40));
    RandomStream random(test::model_test_seed);
    // The propensity the choice is made from: deciding then moves each partner's habit (7.3),
    // so it is read before.
    std::vector<double> propensity(big.partners.count);
    for (std::size_t i = 0; i < big.partners.count; ++i) {
        propensity[i] = participation_propensity(big, i);
    }
    decide_participation(big, random);
    int present = 0;
    for (std::size_t i = 0; i < big.partners.count; ++i) {
        if (big.partners.present[i]) {
            ++present;
            EXPECT_DOUBLE_EQ(big.partners.engagement[i], propensity[i]);
        } else {
            EXPECT_EQ(big.partners.engagement[i], 0.0);
        }
    }
    // At the defaults some partners choose each way.
    EXPECT_GT(present, 0);
    EXPECT_LT(present, 40);
}

TEST_F(ParticipationTest, DrawsTheSameRandomNumbersWhateverTheParticipationRule) {
    // Common random numbers: designs compared with one seed must consume the stream alike.
    World optional = world;
    World mandatory = world;
    mandatory.scenario.setup.participation = Participation::mandatory;
    World nothing_on_offer = world;
    nothing_on_offer.facilitator.active = false;
    nothing_on_offer.facilitator.convening_intensity = 0.0;
    RandomStream a(7), b(7), c(7);
    decide_participation(optional, a);
    decide_participation(mandatory, b);
    decide_participation(nothing_on_offer, c);
    const double next = a.uniform();
    EXPECT_EQ(next, b.uniform());
    EXPECT_EQ(next, c.uniform());
}

// The habit of taking part (docs/model.md 7.3): a partner's own attendance feeds back into its
// propensity, so that partners alike in everything else sort into regulars and occasional
// participants. Exact: the habit moves by the rate toward this month's own choice.
TEST_F(ParticipationTest, AttendingBuildsTheHabitAndTheHabitRaisesThePropensity) {
    auto& p = world.partners;
    world.facilitator.active = true;
    p.participation_habit[0] = 0.9;
    p.participation_habit[1] = 0.1;
    EXPECT_GT(participation_propensity(world, 0), participation_propensity(world, 2));
    EXPECT_LT(participation_propensity(world, 1), participation_propensity(world, 2));
    const std::vector<double> before = p.participation_habit;
    const double rate = world.scenario.constants.participation.habit_rate;
    RandomStream random(11);
    decide_participation(world, random);
    for (std::size_t i = 0; i < p.count; ++i) {
        const double chose = p.present[i] ? 1.0 : 0.0;  // optional: present means chose
        // A slot nobody has taken builds no habit.
        const double expected = p.enrolled[i] ? before[i] + rate * (chose - before[i]) : before[i];
        EXPECT_DOUBLE_EQ(p.participation_habit[i], expected) << i;
    }
}

}  // namespace
}  // namespace partnersim
