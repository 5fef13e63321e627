#include "model/convenings.hpp"

#include <gtest/gtest.h>

#include "support/world_builder.hpp"

namespace partnersim {
namespace {

class ConveningsTest : public ::testing::Test {
protected:
    void SetUp() override {
        world = test::make_world(test::small_scenario(4));
        test::make_partners_alike(world);
        world.facilitator.convening_intensity = 0.6;
    }
    float tie(std::size_t i, std::size_t j) const { return world.partners.ties.weight(i, j); }
    World world;
};

TEST_F(ConveningsTest, TiesFormOnlyBetweenPartnersPresentTogether) {
    world.partners.present = {1, 1, 0, 0};
    world.partners.engagement = {0.8, 0.8, 0.0, 0.0};
    hold_convenings(world);
    EXPECT_GT(tie(0, 1), 0.0f);
    EXPECT_EQ(tie(0, 2), 0.0f);
    EXPECT_EQ(tie(1, 3), 0.0f);
    EXPECT_EQ(tie(2, 3), 0.0f);
}

TEST_F(ConveningsTest, RepeatedConveningsStrengthenTiesTowardOneButNeverPast) {
    test::set_presence(world, true, 1.0);
    world.facilitator.convening_intensity = 1.0;
    world.facilitator.profile.skills.fill(1.0);
    float previous = 0.0f;
    for (int month = 0; month < 300; ++month) {
        hold_convenings(world);
        if (month < 12) {
            EXPECT_GT(tie(0, 1), previous) << "month " << month;
        }
        EXPECT_LE(tie(0, 1), 1.0f);
        previous = tie(0, 1);
    }
    EXPECT_GT(previous, 0.5f);
}

TEST_F(ConveningsTest, TiesFormMoreReadilyWithinAContext) {
    world.partners.context = {0, 0, 1, 2};
    for (auto& u : world.partners.unified_identity) u = 0.0;
    test::set_presence(world, true, 0.8);
    hold_convenings(world);
    EXPECT_GT(tie(0, 1), tie(0, 2));
}

TEST_F(ConveningsTest, SharedProgrammeIdentityHelpsTiesAcrossContexts) {
    world.partners.context = {0, 1, 2, 3};
    world.partners.unified_identity = {1.0, 1.0, 0.0, 0.0};
    test::set_presence(world, true, 0.8);
    hold_convenings(world);
    EXPECT_GT(tie(0, 1), tie(2, 3));
}

TEST_F(ConveningsTest, TiesDecayWithoutConveningAndDecaySlowerWithABackbone) {
    for (auto& w : world.partners.ties.weights()) w = 0.8f;
    World backbone = world;
    world.facilitator.convening_intensity = 0.0;
    backbone.facilitator.convening_intensity = 0.9;
    // Nobody present: only decay acts.
    test::set_presence(world, false);
    test::set_presence(backbone, false);
    float previous = 0.8f;
    for (int month = 0; month < 24; ++month) {
        hold_convenings(world);
        hold_convenings(backbone);
        EXPECT_LT(tie(0, 1), previous) << "month " << month;
        EXPECT_GE(tie(0, 1), 0.0f);
        previous = tie(0, 1);
    }
    EXPECT_LT(tie(0, 1), 0.4f);  // roughly a year's half-life: two years more than halves it
    EXPECT_GT(backbone.partners.ties.weight(0, 1), tie(0, 1));
}

TEST_F(ConveningsTest, CapacitySpillsFromMoreToLessCapablePartnersAlongTiesNeverTheReverse) {
    world.partners.capacity = {0.2, 0.8, 0.2, 0.8};
    world.partners.initial_capacity = world.partners.capacity;
    test::set_tie(world, 0, 1, 0.9f);  // a weak partner tied to a strong one
    test::set_presence(world, true, 0.8);
    world.facilitator.convening_intensity = 0.0;  // no new ties this month
    hold_convenings(world);
    const auto& c = world.partners.capacity;
    EXPECT_GT(c[0], 0.2);         // learns from its strong neighbour
    EXPECT_DOUBLE_EQ(c[1], 0.8);  // the strong partner loses nothing
    EXPECT_DOUBLE_EQ(c[2], 0.2);  // no tie, no spillover
    EXPECT_DOUBLE_EQ(c[3], 0.8);
    EXPECT_LT(c[0], 0.8);  // and does not overtake its source
}

TEST_F(ConveningsTest, StrongerTiesCarryMoreSpillover) {
    world.partners.capacity = {0.2, 0.8, 0.2, 0.8};
    test::set_tie(world, 0, 1, 0.9f);
    test::set_tie(world, 2, 3, 0.2f);
    test::set_presence(world, true, 0.8);
    world.facilitator.convening_intensity = 0.0;
    hold_convenings(world);
    EXPECT_GT(world.partners.capacity[0], world.partners.capacity[2]);
    EXPECT_GT(world.partners.capacity[2], 0.2);
}

TEST_F(ConveningsTest, AbsentPartnersStillLearnALittleAlongTheirTiesButLessThanPresentOnes) {
    world.partners.capacity = {0.2, 0.8, 0.2, 0.8};
    test::set_tie(world, 0, 1, 0.9f);
    test::set_tie(world, 2, 3, 0.9f);
    world.partners.present = {1, 1, 0, 1};
    world.partners.engagement = {0.8, 0.8, 0.0, 0.8};
    world.facilitator.convening_intensity = 0.0;
    hold_convenings(world);
    EXPECT_GT(world.partners.capacity[2], 0.2);
    EXPECT_GT(world.partners.capacity[0], world.partners.capacity[2]);
}

TEST_F(ConveningsTest, AttendingIsWorthMoreAmongPeersFromTheSameContext) {
    world.partners.context = {0, 0, 0, 1};
    for (auto& u : world.partners.unified_identity) u = 0.0;
    test::set_presence(world, true, 0.8);
    hold_convenings(world);
    EXPECT_GT(world.partners.benefit[0], world.partners.benefit[3]);
    EXPECT_GT(world.partners.benefit[3], -1e-12);
}

TEST_F(ConveningsTest, AbsentPartnersGetNothingFromAConvening) {
    world.partners.present = {1, 1, 1, 0};
    world.partners.engagement = {0.8, 0.8, 0.8, 0.0};
    hold_convenings(world);
    EXPECT_GT(world.partners.benefit[0], 0.0);
    EXPECT_EQ(world.partners.benefit[3], 0.0);
    EXPECT_GT(world.experiences.partner_facilitator_good[0], 0.0);
    EXPECT_EQ(world.experiences.partner_facilitator_good[3], 0.0);
}

TEST_F(ConveningsTest, TiesToPartnersWhoStayedAwayAddNothingToAConvening) {
    // Relationships make a meeting worth more only with those who are in the room.
    world.partners.present = {1, 1, 0, 0};
    world.partners.engagement = {0.8, 0.8, 0.0, 0.0};
    World untied = world;
    World tied_to_absent = world;
    World tied_to_present = world;
    test::set_tie(tied_to_absent, 0, 2, 0.9f);
    test::set_tie(tied_to_present, 0, 1, 0.9f);
    for (World* w : {&untied, &tied_to_absent, &tied_to_present}) hold_convenings(*w);
    EXPECT_DOUBLE_EQ(tied_to_absent.partners.benefit[0], untied.partners.benefit[0]);
    EXPECT_GT(tied_to_present.partners.benefit[0], untied.partners.benefit[0]);
}

TEST_F(ConveningsTest, ALoneAttendeeHasNobodyToLearnFrom) {
    world.partners.present = {1, 0, 0, 0};
    world.partners.engagement = {0.8, 0.0, 0.0, 0.0};
    hold_convenings(world);
    EXPECT_EQ(world.partners.benefit[0], 0.0);
}

TEST_F(ConveningsTest, NetworkMeetingWithoutAFacilitatorBuildsNoTrustInOne) {
    world.facilitator.active = false;
    world.facilitator.convening_intensity = 0.3;  // self-organised
    test::set_presence(world, true, 0.8);
    hold_convenings(world);
    EXPECT_GT(world.partners.benefit[0], 0.0);  // the meeting is still worth something
    for (std::size_t i = 0; i < world.partners.count; ++i) {
        EXPECT_EQ(world.experiences.partner_facilitator_good[i], 0.0);
    }
}

TEST_F(ConveningsTest, StrongerBackboneMakesAttendingWorthMore) {
    test::set_presence(world, true, 0.8);
    World strong = world;
    strong.facilitator.convening_intensity = 0.9;
    world.facilitator.convening_intensity = 0.2;
    hold_convenings(world);
    hold_convenings(strong);
    EXPECT_GT(strong.partners.benefit[0], world.partners.benefit[0]);
    EXPECT_GT(strong.partners.ties.weight(0, 1), world.partners.ties.weight(0, 1));
}

}  // namespace
}  // namespace partnersim
