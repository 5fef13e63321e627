#include "model/trust.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "support/world_builder.hpp"

namespace partnersim {
namespace {

TrustParameters rates(double gain, double loss, double memory = 24.0) {
    TrustParameters r;
    r.gain_rate = gain;
    r.loss_rate = loss;
    r.memory_months = memory;
    return r;
}

// Trust of a fresh single-truster ledger after one month with this experience.
double trust_after(const TrustLedger& start, double good, double bad, const TrustParameters& r) {
    TrustLedger ledger = start;
    record_experience(ledger, 0, good, bad, r);
    return trust_of(ledger, 0);
}

TEST(TrustLedger, StartsEveryTrusterAtTheInitialTrustWithThePriorAsEvidence) {
    const TrustLedger ledger = make_trust_ledger(3, 0.7, 4.0);
    ASSERT_EQ(ledger.good.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_NEAR(trust_of(ledger, i), 0.7, 1e-12);
        // The prior is what forgetting returns to, so it must be the starting evidence.
        EXPECT_DOUBLE_EQ(ledger.good[i], ledger.prior_good[i]);
        EXPECT_DOUBLE_EQ(ledger.bad[i], ledger.prior_bad[i]);
        EXPECT_NEAR(ledger.good[i] + ledger.bad[i], 4.0, 1e-12);
    }
}

TEST(TrustLedger, TrustIsGoodEvidenceOverAllEvidence) {
    // Beta reputation (Josang and Ismail 2002): trust = good / (good + bad).
    TrustLedger ledger = make_trust_ledger(2, 0.5, 1.0);
    ledger.good = {3.0, 1.0};
    ledger.bad = {1.0, 9.0};
    EXPECT_DOUBLE_EQ(trust_of(ledger, 0), 0.75);
    EXPECT_DOUBLE_EQ(trust_of(ledger, 1), 0.1);
    EXPECT_DOUBLE_EQ(mean_trust(ledger), 0.425);
}

TEST(TrustLedger, MeanTrustOfNoTrustersIsZeroRatherThanUndefined) {
    EXPECT_EQ(mean_trust(TrustLedger{}), 0.0);
}

TEST(TrustUpdate, GoodExperienceRaisesTrustAndBadLowersIt) {
    const TrustLedger start = make_trust_ledger(1, 0.5, 4.0);
    const auto r = rates(1.0, 3.0);
    EXPECT_GT(trust_after(start, 1.0, 0.0, r), 0.5);
    EXPECT_LT(trust_after(start, 0.0, 1.0, r), 0.5);
    // A month with nothing lived leaves trust where it is when it is at its prior.
    EXPECT_NEAR(trust_after(start, 0.0, 0.0, r), 0.5, 1e-12);
}

TEST(TrustUpdate, BadExperienceCostsMoreThanTheSameGoodExperienceGainsWhenLossOutweighsGain) {
    // Slovic's asymmetry principle, with loss_rate > gain_rate.
    const TrustLedger start = make_trust_ledger(1, 0.5, 4.0);
    const auto r = rates(1.0, 3.0);
    const double rise = trust_after(start, 1.0, 0.0, r) - 0.5;
    const double fall = 0.5 - trust_after(start, 0.0, 1.0, r);
    EXPECT_GT(fall, 1.5 * rise);
}

TEST(TrustUpdate, GoodAndBadExperiencesOfTheSameSizeMoveTrustEquallyWhenRatesAreEqual) {
    const TrustLedger start = make_trust_ledger(1, 0.5, 4.0);
    for (const double rate : {0.5, 1.0, 5.0}) {
        const auto r = rates(rate, rate);
        const double rise = trust_after(start, 1.0, 0.0, r) - 0.5;
        const double fall = 0.5 - trust_after(start, 0.0, 1.0, r);
        EXPECT_GT(rise, 0.0);
        EXPECT_NEAR(rise, fall, 1e-12) << "rate " << rate;
    }
}

TEST(TrustUpdate, LargerLossRateMakesTheSameBreachCostMore) {
    const TrustLedger start = make_trust_ledger(1, 0.6, 4.0);
    double previous = trust_after(start, 0.0, 1.0, rates(1.0, 1.0));
    for (const double loss : {2.0, 4.0, 8.0}) {
        const double now = trust_after(start, 0.0, 1.0, rates(1.0, loss));
        EXPECT_LT(now, previous) << "loss rate " << loss;
        previous = now;
    }
}

TEST(TrustUpdate, NegativeExperienceCountsAsNone) {
    // A negative "good" must not act as a bad experience (nor a negative bad as a good one).
    const TrustLedger start = make_trust_ledger(1, 0.5, 4.0);
    const auto r = rates(1.0, 3.0);
    EXPECT_NEAR(trust_after(start, -2.0, 0.0, r), 0.5, 1e-12);
    EXPECT_NEAR(trust_after(start, 0.0, -2.0, r), 0.5, 1e-12);
}

TEST(TrustUpdate, ForgettingReturnsTrustTowardItsPrior) {
    const auto r = rates(1.0, 3.0, 12.0);
    for (const double experience : {+1.0, -1.0}) {
        TrustLedger ledger = make_trust_ledger(1, 0.6, 4.0);
        // Six months of strong experience one way move trust far from its prior of 0.6.
        for (int m = 0; m < 6; ++m) {
            record_experience(ledger, 0, std::max(0.0, experience) * 2.0,
                              std::max(0.0, -experience) * 2.0, r);
        }
        double distance = std::abs(trust_of(ledger, 0) - 0.6);
        const double moved = distance;
        ASSERT_GT(moved, 0.1);
        // Then nothing: every month brings trust closer to the prior.
        for (int m = 0; m < 60; ++m) {
            record_experience(ledger, 0, 0.0, 0.0, r);
            const double now = std::abs(trust_of(ledger, 0) - 0.6);
            EXPECT_LT(now, distance) << "month " << m;
            distance = now;
        }
        EXPECT_LT(distance, 0.05 * moved);
    }
}

TEST(TrustUpdate, ShorterMemoryForgetsFaster) {
    TrustLedger short_memory = make_trust_ledger(1, 0.5, 4.0);
    TrustLedger long_memory = short_memory;
    record_experience(short_memory, 0, 0.0, 2.0, rates(1.0, 3.0, 6.0));
    record_experience(long_memory, 0, 0.0, 2.0, rates(1.0, 3.0, 48.0));
    for (int m = 0; m < 6; ++m) {
        record_experience(short_memory, 0, 0.0, 0.0, rates(1.0, 3.0, 6.0));
        record_experience(long_memory, 0, 0.0, 0.0, rates(1.0, 3.0, 48.0));
    }
    EXPECT_GT(trust_of(short_memory, 0), trust_of(long_memory, 0));
}

TEST(TrustUpdate, EarlyBreachMovesTrustMoreThanTheSameBreachAfterLongGoodHistory) {
    // Lount et al. (2008): a breach before a relationship has history does more damage.
    const auto r = rates(1.0, 3.0);
    const TrustLedger fresh = make_trust_ledger(1, 0.5, 4.0);
    TrustLedger seasoned = fresh;
    for (int m = 0; m < 24; ++m) record_experience(seasoned, 0, 1.0, 0.0, r);
    const double fresh_before = trust_of(fresh, 0);
    const double seasoned_before = trust_of(seasoned, 0);
    const double fresh_drop = fresh_before - trust_after(fresh, 0.0, 1.0, r);
    const double seasoned_drop = seasoned_before - trust_after(seasoned, 0.0, 1.0, r);
    EXPECT_GT(fresh_drop, 0.0);
    EXPECT_GT(seasoned_drop, 0.0);
    EXPECT_GT(fresh_drop, 1.2 * seasoned_drop);
}

TEST(TrustUpdate, StaysWithinZeroAndOneUnderExtremeRatesAndExperiences) {
    for (const double gain : {0.0, 1.0, 20.0}) {
        for (const double loss : {0.0, 3.0, 20.0}) {
            for (const double memory : {1.0, 24.0, 600.0}) {
                TrustLedger ledger = make_trust_ledger(1, 0.5, 0.5);
                for (int m = 0; m < 120; ++m) {
                    const double good = (m % 3 == 0) ? 50.0 : 0.0;
                    const double bad = (m % 5 == 0) ? 50.0 : 0.0;
                    record_experience(ledger, 0, good, bad, rates(gain, loss, memory));
                    const double t = trust_of(ledger, 0);
                    ASSERT_TRUE(t >= 0.0 && t <= 1.0)
                        << "gain " << gain << " loss " << loss << " memory " << memory << " month "
                        << m << ": " << t;
                }
            }
        }
    }
}

class UpdateTrustTest : public ::testing::Test {
protected:
    void SetUp() override {
        world = test::make_world(test::small_scenario(3));
        test::make_partners_alike(world);
        test::set_trust(world.funder.trust_facilitator, 0, 0.5);
    }
    World world;
};

TEST_F(UpdateTrustTest, RoutesEachDirectionOfExperienceToItsOwnLedger) {
    world.experiences.partner_facilitator_good[0] = 2.0;  // partner 0 likes the facilitator
    world.experiences.partner_funder_bad[1] = 2.0;        // partner 1 is let down by the funder
    world.experiences.funder_facilitator_good = 2.0;
    update_trust(world);
    const auto& p = world.partners;
    EXPECT_GT(trust_of(p.trust_facilitator, 0), 0.5);
    EXPECT_NEAR(trust_of(p.trust_funder, 0), 0.5, 1e-12);
    EXPECT_LT(trust_of(p.trust_funder, 1), 0.5);
    EXPECT_NEAR(trust_of(p.trust_facilitator, 1), 0.5, 1e-12);
    EXPECT_NEAR(trust_of(p.trust_facilitator, 2), 0.5, 1e-12);
    EXPECT_NEAR(trust_of(p.trust_funder, 2), 0.5, 1e-12);
    EXPECT_GT(trust_of(world.funder.trust_facilitator, 0), 0.5);
}

TEST_F(UpdateTrustTest, ClearsTheMonthsExperiencesSoTheyCountOnce) {
    world.experiences.partner_facilitator_good[0] = 2.0;
    world.experiences.partner_facilitator_bad[1] = 1.0;
    world.experiences.partner_funder_good[2] = 1.0;
    world.experiences.partner_funder_bad[0] = 1.0;
    world.experiences.funder_facilitator_good = 1.0;
    world.experiences.funder_facilitator_bad = 1.0;
    update_trust(world);
    const auto& e = world.experiences;
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(e.partner_facilitator_good[i], 0.0);
        EXPECT_EQ(e.partner_facilitator_bad[i], 0.0);
        EXPECT_EQ(e.partner_funder_good[i], 0.0);
        EXPECT_EQ(e.partner_funder_bad[i], 0.0);
    }
    EXPECT_EQ(e.funder_facilitator_good, 0.0);
    EXPECT_EQ(e.funder_facilitator_bad, 0.0);
    // Counted twice, the good experience would raise trust again; cleared, the second month
    // only forgets a little of it.
    const double after_first = trust_of(world.partners.trust_facilitator, 0);
    update_trust(world);
    EXPECT_LT(trust_of(world.partners.trust_facilitator, 0), after_first);
    EXPECT_GT(trust_of(world.partners.trust_facilitator, 0), 0.5);
}

TEST_F(UpdateTrustTest, UsesTheScenariosRates) {
    World symmetric = world;
    symmetric.scenario.trust.loss_rate = symmetric.scenario.trust.gain_rate;
    world.scenario.trust.loss_rate = 4.0 * world.scenario.trust.gain_rate;
    world.experiences.partner_funder_bad[0] = 1.0;
    symmetric.experiences.partner_funder_bad[0] = 1.0;
    update_trust(world);
    update_trust(symmetric);
    EXPECT_LT(trust_of(world.partners.trust_funder, 0),
              trust_of(symmetric.partners.trust_funder, 0));
}

}  // namespace
}  // namespace partnersim
