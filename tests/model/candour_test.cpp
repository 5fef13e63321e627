#include "model/candour.hpp"

#include <gtest/gtest.h>

#include "model/trust.hpp"
#include "support/world_builder.hpp"

namespace partnersim {
namespace {

// A world with alike partners whose trust in facilitator and funder is the same whatever the
// facilitator's kind, so a comparison of kinds differs only in the kind.
World candour_world(FacilitatorKind kind) {
    Scenario s = test::small_scenario(4);
    s.facilitator.kind = kind;
    World world = test::make_world(s);
    test::make_partners_alike(world);
    refresh_power_asymmetry(world);
    return world;
}

template <class Change>
double target_with(World world, Change change) {
    change(world);
    refresh_power_asymmetry(world);
    return candour_target(world, 0);
}

TEST(PowerAsymmetry, RisesWithDependenceAndWithTheFundersAccountabilityFocus) {
    World world = candour_world(FacilitatorKind::external);
    world.partners.dependence[0] = 0.2;
    world.partners.dependence[1] = 0.9;
    refresh_power_asymmetry(world);
    EXPECT_LT(world.partners.power_asymmetry[0], world.partners.power_asymmetry[1]);
    const double before = world.partners.power_asymmetry[1];
    world.scenario.funder.accountability_focus = 1.0;
    refresh_power_asymmetry(world);
    EXPECT_GT(world.partners.power_asymmetry[1], before);
    // An organisation that does not depend on the funder feels no power over it.
    world.partners.dependence[2] = 0.0;
    refresh_power_asymmetry(world);
    EXPECT_EQ(world.partners.power_asymmetry[2], 0.0);
}

TEST(CandourTarget, FallsWithPowerAsymmetry) {
    const World world = candour_world(FacilitatorKind::external);
    EXPECT_GT(target_with(world, [](World& w) { w.partners.dependence[0] = 0.1; }),
              target_with(world, [](World& w) { w.partners.dependence[0] = 0.9; }));
}

TEST(CandourTarget, FallsWithAccountabilityFocus) {
    const World world = candour_world(FacilitatorKind::external);
    EXPECT_GT(target_with(world, [](World& w) { w.scenario.funder.accountability_focus = 0.0; }),
              target_with(world, [](World& w) { w.scenario.funder.accountability_focus = 1.0; }));
}

TEST(CandourTarget, FallsWhenFundingDecisionsHingeOnDisclosure) {
    const World world = candour_world(FacilitatorKind::external);
    EXPECT_GT(target_with(world, [](World& w) { w.scenario.funder.disclosure_risk = 0.0; }),
              target_with(world, [](World& w) { w.scenario.funder.disclosure_risk = 1.0; }));
}

TEST(CandourTarget, FallsUnderPressureToShowResultsBeforeTheEnd) {
    const World world = candour_world(FacilitatorKind::external);
    EXPECT_GT(target_with(world, [](World& w) { w.end_pressure = 0.0; }),
              target_with(world, [](World& w) { w.end_pressure = 1.0; }));
}

TEST(CandourTarget, RisesWithTrustInTheFunderAndSeniorBuyIn) {
    const World world = candour_world(FacilitatorKind::external);
    EXPECT_LT(
        target_with(world, [](World& w) { test::set_trust(w.partners.trust_funder, 0, 0.2); }),
        target_with(world, [](World& w) { test::set_trust(w.partners.trust_funder, 0, 0.8); }));
    EXPECT_LT(target_with(world, [](World& w) { w.scenario.funder.senior_buy_in = 0.0; }),
              target_with(world, [](World& w) { w.scenario.funder.senior_buy_in = 1.0; }));
}

TEST(CandourTarget, IsAShareBetweenZeroAndOneAtTheExtremes) {
    const World world = candour_world(FacilitatorKind::external);
    const double safest = target_with(world, [](World& w) {
        w.partners.dependence[0] = 0.0;
        test::set_trust(w.partners.trust_funder, 0, 0.99);
        w.scenario.funder.senior_buy_in = 1.0;
    });
    const double most_threatened = target_with(world, [](World& w) {
        w.partners.dependence[0] = 1.0;
        w.scenario.funder.accountability_focus = 1.0;
        w.scenario.funder.disclosure_risk = 1.0;
        w.end_pressure = 1.0;
        test::set_trust(w.partners.trust_funder, 0, 0.01);
        w.scenario.funder.senior_buy_in = 0.0;
        w.facilitator.active = false;
    });
    EXPECT_GT(safest, most_threatened);
    EXPECT_GT(most_threatened, 0.0);
    EXPECT_LT(safest, 1.0);
}

TEST(FacilitatorBuffer, IsZeroWithoutAnActiveFacilitator) {
    World world = candour_world(FacilitatorKind::external);
    EXPECT_GT(facilitator_buffer(world, 0), 0.0);
    world.facilitator.active = false;
    EXPECT_EQ(facilitator_buffer(world, 0), 0.0);
}

TEST(FacilitatorBuffer, GrowsWithTrustInTheFacilitatorAndWithEvidenceRoutedThroughIt) {
    World world = candour_world(FacilitatorKind::external);
    test::set_trust(world.partners.trust_facilitator, 1, 0.9);
    EXPECT_GT(facilitator_buffer(world, 1), facilitator_buffer(world, 0));
    auto with = [&world](Evidence e) {
        World w = world;
        w.scenario.setup.evidence = e;
        return facilitator_buffer(w, 0);
    };
    EXPECT_LT(with(Evidence::funder_reporting), with(Evidence::shared_questions));
    EXPECT_LT(with(Evidence::shared_questions), with(Evidence::partner_led));
    EXPECT_LE(with(Evidence::partner_led), 1.0);
}

TEST(FacilitatorBuffer, ExternalFacilitatorShieldsMoreThanInternalStaff) {
    EXPECT_GT(facilitator_buffer(candour_world(FacilitatorKind::external), 0),
              facilitator_buffer(candour_world(FacilitatorKind::internal), 0));
}

TEST(CandourTarget, ExternalFacilitatorBuffersTheFallUnderAccountabilityMoreThanInternalStaff) {
    // Pattern: "An external facilitator weakens the damage that power asymmetry does to
    // candour." Same partners, same trust: only the kind differs.
    auto fall = [](FacilitatorKind kind) {
        const World world = candour_world(kind);
        const double low =
            target_with(world, [](World& w) { w.scenario.funder.accountability_focus = 0.0; });
        const double high =
            target_with(world, [](World& w) { w.scenario.funder.accountability_focus = 1.0; });
        return low - high;
    };
    const double external = fall(FacilitatorKind::external);
    const double internal = fall(FacilitatorKind::internal);
    EXPECT_GT(external, 0.0);
    EXPECT_GT(internal, external);
}

TEST(CandourTarget, LosingTheFacilitatorExposesPartnersToTheFullThreat) {
    const World world = candour_world(FacilitatorKind::external);
    EXPECT_GT(target_with(world, [](World&) {}),
              target_with(world, [](World& w) { w.facilitator.active = false; }));
}

TEST(UpdateCandour, MovesCandourPartWayTowardItsTarget) {
    World world = candour_world(FacilitatorKind::external);
    world.partners.candour = {0.0, 1.0, 0.0, 1.0};
    const double target = candour_target(world, 0);
    ASSERT_GT(target, 0.05);
    ASSERT_LT(target, 0.95);
    update_candour(world);
    EXPECT_GT(world.partners.candour[0], 0.0);
    EXPECT_LT(world.partners.candour[0], target);
    EXPECT_LT(world.partners.candour[1], 1.0);
    EXPECT_GT(world.partners.candour[1], target);
    for (int month = 0; month < 200; ++month) update_candour(world);
    EXPECT_NEAR(world.partners.candour[0], target, 1e-6);
    EXPECT_NEAR(world.partners.candour[1], target, 1e-6);
}

TEST(UpdateCandour, RefreshesPowerAsymmetryFromTheCurrentAccountabilityFocus) {
    World world = candour_world(FacilitatorKind::external);
    const double before = world.partners.power_asymmetry[0];
    world.scenario.funder.accountability_focus = 1.0;
    update_candour(world);
    EXPECT_GT(world.partners.power_asymmetry[0], before);
}

}  // namespace
}  // namespace partnersim
