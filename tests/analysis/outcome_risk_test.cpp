// The risk of failure: Wilson intervals of shares, Newcombe's paired interval, shares per class
// and cause, the median month of failure, and the label of the interval's kind.

#include "analysis/outcome_risk.hpp"
#include "model/partnership_state.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace partnersim::analysis {
namespace {

// Newcombe (1998, "Two-sided confidence intervals for the single proportion", Table I, method
// 3): 81/263 -> 0.2553 to 0.3662, 15/148 -> 0.0624 to 0.1605, 0/20 -> 0 to 0.1611,
// 1/29 -> 0.0061 to 0.1718.
TEST(OutcomeRisk, WilsonIntervalsMatchPublishedValues) {
    const Interval a = wilson_interval(81, 263);
    EXPECT_NEAR(a.estimate, 81.0 / 263.0, 1e-12);
    EXPECT_NEAR(a.low, 0.2553, 5e-5);
    EXPECT_NEAR(a.high, 0.3662, 5e-5);
    const Interval b = wilson_interval(15, 148);
    EXPECT_NEAR(b.low, 0.0624, 5e-5);
    EXPECT_NEAR(b.high, 0.1605, 5e-5);
    const Interval none = wilson_interval(0, 20);
    EXPECT_EQ(none.low, 0.0);
    EXPECT_NEAR(none.high, 0.1611, 5e-5) << "no failure in 20 runs is not a zero risk";
    const Interval one = wilson_interval(1, 29);
    EXPECT_NEAR(one.low, 0.0061, 5e-5);
    EXPECT_NEAR(one.high, 0.1718, 5e-5);
}

std::vector<double> events(int ones, int zeros) {
    std::vector<double> v(static_cast<std::size_t>(ones), 1.0);
    v.resize(static_cast<std::size_t>(ones + zeros), 0.0);
    return v;
}

// Pairs: 36 fail in both, 12 in the variant only, 2 in the baseline only, none in neither.
// Method 10 from the two Wilson intervals (48/50 and 38/50) and phi = -24 / sqrt(48*2*38*12):
// 0.2 [0.0569, 0.3404] (the formula evaluated by hand, in Python).
TEST(OutcomeRisk, PairedDifferenceIsNewcombesMethodTen) {
    std::vector<double> baseline, variant;
    const auto add = [&](int n, double b, double v) {
        for (int i = 0; i < n; ++i) {
            baseline.push_back(b);
            variant.push_back(v);
        }
    };
    add(36, 1, 1);
    add(12, 0, 1);
    add(2, 1, 0);
    const Interval d = paired_share_difference(baseline, variant);
    EXPECT_NEAR(d.estimate, 0.2, 1e-12);
    EXPECT_NEAR(d.low, 0.0569, 5e-5);
    EXPECT_NEAR(d.high, 0.3404, 5e-5);
    EXPECT_TRUE(d.excludes_zero());
    // Identical pairs: no difference, and an interval that says the risk cannot differ much.
    const Interval same = paired_share_difference(events(5, 45), events(5, 45));
    EXPECT_EQ(same.estimate, 0.0);
    EXPECT_LT(same.low, 0.0);
    EXPECT_GT(same.high, 0.0);
    EXPECT_THROW(paired_share_difference(events(1, 1), events(1, 2)), std::invalid_argument);
}

TEST(OutcomeRisk, SharesPerClassAndCauseAndTheMedianMonthOfFailure) {
    // 6 runs: 3 thriving, 2 struggling (weak engagement, months 35, 35), 1 collapsed (funder
    // ended it, month 11); outcome months are 0-based, the median is reported from 1.
    const std::vector<double> outcome{0, 0, 0, 1, 1, 2};
    const std::vector<double> cause{0, 0, 0, 4, 4, 1};
    const std::vector<double> month{35, 35, 35, 35, 35, 11};
    const OutcomeRisk risk = outcome_risk(outcome, cause, month);
    EXPECT_EQ(risk.runs, 6u);
    ASSERT_EQ(risk.classes.size(), 3u);
    EXPECT_EQ(risk.classes[0].name, "thriving");
    EXPECT_DOUBLE_EQ(risk.classes[0].share.estimate, 0.5);
    EXPECT_DOUBLE_EQ(risk.classes[1].share.estimate, 2.0 / 6.0);
    EXPECT_DOUBLE_EQ(risk.classes[2].share.estimate, 1.0 / 6.0);
    EXPECT_EQ(risk.failed_runs, 3u);
    EXPECT_DOUBLE_EQ(risk.failure.share.estimate, 0.5);
    EXPECT_NEAR(risk.failure.share.low, wilson_interval(3, 6).low, 1e-15);
    EXPECT_DOUBLE_EQ(risk.median_failure_month, 36.0) << "months 36, 36, 12";
    ASSERT_EQ(risk.causes.size(), outcome_cause_count);
    EXPECT_EQ(risk.causes.back().name, "no_buy_in_at_startup");
    EXPECT_EQ(risk.causes[1].name, "funder_ended");
    EXPECT_EQ(risk.causes[1].runs, 1u);
    EXPECT_EQ(risk.causes[4].name, "weak_engagement");
    EXPECT_EQ(risk.causes[4].runs, 2u);
    const OutcomeRisk thriving = outcome_risk(std::vector<double>{0, 0}, std::vector<double>{0, 0},
                                              std::vector<double>{35, 35});
    EXPECT_TRUE(std::isnan(thriving.median_failure_month));
}

TEST(OutcomeRisk, TheIntervalKindSaysWhatTheIntervalIs) {
    EXPECT_EQ(interval_kind(false, 0),
              "Monte Carlo interval: the precision of the estimate with the model's constants "
              "fixed at their defaults; it is not what is known");
    EXPECT_EQ(interval_kind(true, 200), "interval over 200 plausible models and runs");
}

}  // namespace
}  // namespace partnersim::analysis
