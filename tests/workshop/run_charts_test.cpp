#include "workshop/run_charts.hpp"

#include <gtest/gtest.h>

#include "workshop/design_comparison.hpp"

namespace partnersim::workshop {
namespace {

TEST(RunCharts, AFanIsEachMonthsQuantilesOverRuns) {
    // 5 runs x 2 months: month 1 holds 0..4, month 2 holds 10, 20, 30, 40, 50 (out of order).
    const std::vector<float> values{0, 30, 1, 10, 2, 50, 3, 20, 4, 40};
    const Fan fan = fan_of(values, 5, 2);
    ASSERT_EQ(fan.p50.size(), 2u);
    EXPECT_DOUBLE_EQ(fan.p50[0], 2.0);
    EXPECT_DOUBLE_EQ(fan.p50[1], 30.0);
    // Type 7: the 25th percentile of 0..4 is at position 1, the 5th at 0.2.
    EXPECT_DOUBLE_EQ(fan.p25[0], 1.0);
    EXPECT_NEAR(fan.p05[0], 0.2, 1e-12);
    EXPECT_NEAR(fan.p95[1], 48.0, 1e-12);
    EXPECT_DOUBLE_EQ(fan.p75[1], 40.0);
}

TEST(RunCharts, TheKeyMeasuresAreTheFourTheWorkshopShows) {
    std::vector<std::string> names;
    for (const KeyMeasure& m : key_measures()) names.emplace_back(m.name);
    EXPECT_EQ(names, (std::vector<std::string>{"trust_partner_facilitator", "capacity", "candour",
                                               "participation"}));
}

TEST(DesignComparison, ASentenceSaysWhichIsHigherOnlyWhenTheIntervalExcludesZero) {
    EXPECT_EQ(difference_sentence("Candour", 60, {0.052, 0.031, 0.073}),
              "Candour at month 60: B is higher than A by 0.052 (95% interval +0.031 to "
              "+0.073).");
    EXPECT_EQ(difference_sentence("Candour", 36, {-0.1, -0.2, -0.01}),
              "Candour at month 36: B is lower than A by 0.100 (95% interval -0.200 to -0.010).");
    EXPECT_EQ(difference_sentence("Candour", 60, {0.01, -0.02, 0.04}),
              "Candour at month 60: A and B cannot be told apart; the difference B - A is +0.010 "
              "(95% interval -0.020 to +0.040).");
    // Participation after a contract has ended, zero in every run of both.
    EXPECT_EQ(difference_sentence("Participation", 60, {0.0, 0.0, 0.0}),
              "Participation at month 60: A and B are the same in every paired run.");
}

TEST(DesignComparison, TheFailureSentenceIsInPercentagePoints) {
    EXPECT_EQ(failure_sentence(0.30, 0.12, {-0.18, -0.27, -0.09}),
              "Runs ending struggling or collapsed: 12% of runs under B against 30% under A, 18 "
              "points fewer under B (95% interval -27 to -9 points).");
    EXPECT_EQ(failure_sentence(0.30, 0.28, {-0.02, -0.12, 0.08}),
              "Runs ending struggling or collapsed: 28% of runs under B against 30% under A; A "
              "and B cannot be told apart (95% interval -12 to +8 points).");
    EXPECT_EQ(failure_sentence(0.30, 0.33, {0.03, -0.004, 0.07}),
              "Runs ending struggling or collapsed: 33% of runs under B against 30% under A; A "
              "and B cannot be told apart (95% interval 0 to +7 points).");
}

}  // namespace
}  // namespace partnersim::workshop
