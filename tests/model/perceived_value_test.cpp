#include "model/perceived_value.hpp"

#include <gtest/gtest.h>

#include "support/world_builder.hpp"

namespace partnersim {
namespace {

class PerceivedValueTest : public ::testing::Test {
protected:
    void SetUp() override {
        world = test::make_world(test::small_scenario(4));
        test::PartnerShape shape;
        shape.perceived_value = 0.5;
        test::make_partners_alike(world, shape);
        // Past the quick-win window, so quick wins do not colour the comparisons.
        world.facilitator.months_active = 60;
    }
    // Perceived value of partner 0 after one update in a copy changed by `change`.
    template <class Change>
    double value_after(Change change) const {
        World w = world;
        change(w);
        update_perceived_value(w);
        return w.partners.perceived_value[0];
    }
    World world;
};

TEST_F(PerceivedValueTest, TangibleBenefitRaisesValue) {
    EXPECT_GT(value_after([](World& w) { w.partners.benefit[0] = 0.8; }),
              value_after([](World& w) { w.partners.benefit[0] = 0.1; }));
}

TEST_F(PerceivedValueTest, HeavyStrainLowersValue) {
    EXPECT_LT(value_after([](World& w) { w.partners.strain[0] = 2.0; }),
              value_after([](World& w) { w.partners.strain[0] = 0.2; }));
}

TEST_F(PerceivedValueTest, InsecureFundingLowersValue) {
    EXPECT_LT(value_after([](World& w) { w.partners.funding_security[0] = 0.2; }),
              value_after([](World& w) { w.partners.funding_security[0] = 1.0; }));
}

TEST_F(PerceivedValueTest, SharedPurposeRaisesValue) {
    EXPECT_GT(value_after([](World& w) { w.goal_alignment = 1.0; }),
              value_after([](World& w) { w.goal_alignment = 0.2; }));
    EXPECT_GT(value_after([](World& w) { w.scenario.setup.clarity_of_purpose = 1.0; }),
              value_after([](World& w) { w.scenario.setup.clarity_of_purpose = 0.0; }));
}

TEST_F(PerceivedValueTest, QuickWinsRaiseValueEarlyButNotLater) {
    auto with = [this](int months_active, double quick_wins) {
        return value_after([months_active, quick_wins](World& w) {
            w.facilitator.months_active = months_active;
            w.scenario.setup.quick_wins = quick_wins;
        });
    };
    EXPECT_GT(with(1, 1.0), with(1, 0.0));
    EXPECT_DOUBLE_EQ(with(48, 1.0), with(48, 0.0));
}

TEST_F(PerceivedValueTest, NoQuickWinsWithoutAnActiveFacilitator) {
    auto with = [this](double quick_wins) {
        return value_after([quick_wins](World& w) {
            w.facilitator.active = false;
            w.facilitator.months_active = 0;
            w.scenario.setup.quick_wins = quick_wins;
        });
    };
    EXPECT_DOUBLE_EQ(with(1.0), with(0.0));
}

TEST_F(PerceivedValueTest, MovesPartWayTowardWhatTheMonthGaveNotAllTheWay) {
    // From 0.5, a very good month raises value, a very bad one lowers it, neither jumps to the
    // end: a sense of worth builds and erodes over months.
    const double good = value_after([](World& w) { w.partners.benefit[0] = 1.0; });
    const double bad = value_after([](World& w) {
        w.partners.strain[0] = 5.0;
        w.partners.funding_security[0] = 0.0;
        w.goal_alignment = 0.0;
    });
    EXPECT_GT(good, 0.5);
    EXPECT_LT(good, 0.8);
    EXPECT_LT(bad, 0.5);
    EXPECT_GT(bad, 0.2);
}

TEST_F(PerceivedValueTest, RepeatedGoodMonthsKeepRaisingValueAndBadMonthsKeepLoweringIt) {
    World good = world;
    World bad = world;
    double good_previous = 0.5, bad_previous = 0.5;
    for (int month = 0; month < 10; ++month) {
        for (auto& b : good.partners.benefit) b = 1.0;
        for (auto& s : bad.partners.strain) s = 3.0;
        update_perceived_value(good);
        update_perceived_value(bad);
        EXPECT_GT(good.partners.perceived_value[0], good_previous);
        EXPECT_LT(bad.partners.perceived_value[0], bad_previous);
        good_previous = good.partners.perceived_value[0];
        bad_previous = bad.partners.perceived_value[0];
    }
}

TEST_F(PerceivedValueTest, StaysWithinZeroAndOneUnderExtremeMonths) {
    for (int month = 0; month < 120; ++month) {
        for (std::size_t i = 0; i < world.partners.count; ++i) {
            const bool feast = (month / 10) % 2 == 0;
            world.partners.benefit[i] = feast ? 50.0 : 0.0;
            world.partners.strain[i] = feast ? 0.0 : 1e6;
            world.partners.funding_security[i] = feast ? 1.0 : 0.0;
        }
        world.facilitator.months_active = month;  // quick wins in the first months too
        update_perceived_value(world);
        for (const double v : world.partners.perceived_value) {
            ASSERT_GE(v, 0.0) << "month " << month;
            ASSERT_LE(v, 1.0) << "month " << month;
        }
    }
}

}  // namespace
}  // namespace partnersim
