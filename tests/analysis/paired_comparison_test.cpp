#include "analysis/paired_comparison.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "model/measures.hpp"

namespace partnersim::analysis {
namespace {

// Student-t quantiles (scipy.stats.t.ppf, 16 digits).
constexpr double t_975_3 = 3.182446305284263;   // two-sided 95%, 3 degrees of freedom
constexpr double t_950_3 = 2.3533634348018264;  // two-sided 90%, 3 degrees of freedom
constexpr double t_950_2 = 2.919985580355516;   // two-sided 90%, 2 degrees of freedom

// Every value below is a sum of a few terms of at most ~10 significant digits, so the
// computed means and intervals agree with the hand-written formulas to a few ulps; 1e-12
// leaves room for that and nothing else.
constexpr double tolerance = 1e-12;

// baseline 1 2 3 4, variant 2 4 5 5: differences 1 2 2 1, mean 1.5, s.d. sqrt(1/3).
const std::vector<double> baseline{1, 2, 3, 4};
const std::vector<double> variant{2, 4, 5, 5};

TEST(PairedEffect, MeanDifferenceAndTIntervalByHand) {
    const PairedEffect effect = paired_effect(baseline, variant);
    EXPECT_NEAR(effect.baseline_mean, 2.5, tolerance);
    EXPECT_NEAR(effect.variant_mean, 4.0, tolerance);
    EXPECT_NEAR(effect.difference.estimate, 1.5, tolerance);
    const double half_width = t_975_3 * std::sqrt(1.0 / 3.0) / std::sqrt(4.0);
    EXPECT_NEAR(effect.difference.low, 1.5 - half_width, tolerance);
    EXPECT_NEAR(effect.difference.high, 1.5 + half_width, tolerance);

    const PairedEffect narrower = paired_effect(baseline, variant, 0.90);
    const double half_90 = t_950_3 * std::sqrt(1.0 / 3.0) / 2.0;
    EXPECT_NEAR(narrower.difference.low, 1.5 - half_90, tolerance);
    EXPECT_NEAR(narrower.difference.high, 1.5 + half_90, tolerance);
}

TEST(PairedEffect, StandardisedIsTheDifferenceOverThePooledSd) {
    // Variances 5/3 (baseline) and 2 (variant): pooled s.d. sqrt((5/3 + 2) / 2) = sqrt(11/6).
    // Not the s.d. of the differences (sqrt(1/3)), which would give 2.6 instead of 1.108.
    const PairedEffect effect = paired_effect(baseline, variant);
    EXPECT_NEAR(effect.standardised, 1.5 / std::sqrt(11.0 / 6.0), tolerance);
    // Swapping the designs swaps the sign, nothing else.
    const PairedEffect swapped = paired_effect(variant, baseline);
    EXPECT_NEAR(swapped.standardised, -effect.standardised, tolerance);
    EXPECT_NEAR(swapped.difference.low, -effect.difference.high, tolerance);
}

TEST(PairedEffect, NoStandardisedEffectWhenTheMeasureDoesNotVary) {
    const PairedEffect constant =
        paired_effect(std::vector<double>{2, 2, 2}, std::vector<double>{3, 3, 3});
    EXPECT_TRUE(std::isnan(constant.standardised));
    EXPECT_EQ(constant.difference.estimate, 1.0);
    EXPECT_EQ(constant.difference.low, 1.0);  // no spread: the interval is the point
    EXPECT_EQ(constant.difference.high, 1.0);

    // Constant up to rounding at a large value: still no scale to divide by.
    const PairedEffect rounded = paired_effect(std::vector<double>{1000.0, 1000.0 + 1e-10, 1000.0},
                                               std::vector<double>{1001.0, 1001.0, 1001.0});
    EXPECT_TRUE(std::isnan(rounded.standardised)) << rounded.standardised;

    // A small but real spread is a scale.
    const PairedEffect small =
        paired_effect(std::vector<double>{0.0, 0.001}, std::vector<double>{0.001, 0.002});
    EXPECT_NEAR(small.standardised, 0.001 / std::sqrt(0.0000005), 1e-9);
}

TEST(PairedEffect, SharesOfPairsInWhichTheVariantEndsHigherAndLower) {
    // Differences 1, -1, 1, 1, 0: higher in 3 of 5 pairs, lower in 1, a tie in 1 (neither).
    // Wilson 95% intervals for 3/5 and 1/5 (published tables: 0.231-0.882, 0.036-0.624).
    const PairedEffect effect =
        paired_effect(std::vector<double>{1, 2, 3, 4, 5}, std::vector<double>{2, 1, 4, 5, 5});
    EXPECT_NEAR(effect.higher.estimate, 0.6, tolerance);
    EXPECT_NEAR(effect.higher.low, 0.2307242812760128, 1e-12);
    EXPECT_NEAR(effect.higher.high, 0.882379225767352, 1e-12);
    EXPECT_NEAR(effect.lower.estimate, 0.2, tolerance);
    EXPECT_NEAR(effect.lower.low, 0.036224108632430085, 1e-12);
    EXPECT_NEAR(effect.lower.high, 0.6244653702374747, 1e-12);
}

TEST(PairedEffect, RefusesUnpairedOrTooFewReplicates) {
    EXPECT_THROW(paired_effect(std::vector<double>{1, 2, 3}, std::vector<double>{1, 2}),
                 std::invalid_argument);
    EXPECT_THROW(paired_effect(std::vector<double>{1}, std::vector<double>{2}),
                 std::invalid_argument);
    EXPECT_THROW(paired_effect(std::vector<double>{}, std::vector<double>{}),
                 std::invalid_argument);
}

// Replicate r of three, `months` months. Values are multiples of 1/8 below 2^20, so exact in
// float, as are the variant's below: m + t/4 + r/2 at month t;
// the final values (100 + m + r) differ from every monthly value, so reading the last month
// instead of the final value shows.
RunResult baseline_run(std::uint64_t r, int months) {
    RunResult run;
    run.id.replicate = r;
    run.months = months;
    for (std::size_t m = 0; m < measure_count; ++m) {
        for (int t = 0; t < months; ++t)
            run.timeseries.push_back(static_cast<float>(double(m) + 0.25 * t + 0.5 * double(r)));
        run.final_values[m] = 100.0 + double(m) + double(r);
    }
    return run;
}

// The variant adds (m + 1) (t + 1) / 8 at month t, plus 1/4 in replicate 1 only (so the
// differences vary); at the final month, 2m + r/2.
RunResult variant_run(std::uint64_t r, int months) {
    RunResult run = baseline_run(r, months);
    for (std::size_t m = 0; m < measure_count; ++m) {
        for (int t = 0; t < months; ++t) {
            run.timeseries[m * static_cast<std::size_t>(months) + static_cast<std::size_t>(t)] +=
                static_cast<float>((double(m) + 1.0) * (t + 1) / 8.0 + (r == 1 ? 0.25 : 0.0));
        }
        run.final_values[m] += 2.0 * double(m) + 0.5 * double(r);
    }
    return run;
}

TEST(CompareRuns, ComparesEveryMeasureMonthByMonthAndAtTheEnd) {
    constexpr int months = 3;
    std::vector<RunResult> before;
    std::vector<RunResult> after;
    for (std::uint64_t r = 0; r < 3; ++r) {
        before.push_back(baseline_run(r, months));
        after.push_back(variant_run(r, months));
    }
    const ScenarioComparison comparison = compare_runs(before, after, 0.9);
    EXPECT_EQ(comparison.months, months);
    EXPECT_EQ(comparison.replicates, 3u);
    EXPECT_EQ(comparison.confidence, 0.9);
    // Class codes and months have no mean difference: only continuous measures are compared.
    std::vector<std::size_t> continuous;
    for (std::size_t m = 0; m < measure_count; ++m) {
        if (measure_table()[m].kind == MeasureKind::continuous) continuous.push_back(m);
    }
    ASSERT_EQ(comparison.measures.size(), continuous.size());
    ASSERT_LT(continuous.size(), measure_count) << "outcome, outcome_cause, outcome_month";
    for (std::size_t i = 0; i < continuous.size(); ++i) {
        const std::size_t m = continuous[i];
        const MeasureComparison& c = comparison.measures[i];
        EXPECT_EQ(c.measure, measure_catalogue()[m].name);
        ASSERT_EQ(c.by_month.size(), static_cast<std::size_t>(months));
        for (int t = 0; t < months; ++t) {
            const PairedEffect& e = c.by_month[static_cast<std::size_t>(t)];
            // Means over r = 0, 1, 2 of r/2 and of the 1/4 in replicate 1: 1/2 and 1/12.
            EXPECT_NEAR(e.baseline_mean, double(m) + 0.25 * t + 0.5, tolerance) << m << ", " << t;
            EXPECT_NEAR(e.difference.estimate, (double(m) + 1.0) * (t + 1) / 8.0 + 0.25 / 3.0,
                        tolerance)
                << m << ", " << t;
            // Differences c, c + 1/4, c: s.d. sqrt(1/48), a 90% t interval with 2 d.f.
            const double half = t_950_2 * std::sqrt(1.0 / 48.0) / std::sqrt(3.0);
            EXPECT_NEAR(e.difference.high - e.difference.low, 2 * half, tolerance)
                << m << ", " << t;
        }
        EXPECT_NEAR(c.final.baseline_mean, 101.0 + double(m), tolerance) << m;
        EXPECT_NEAR(c.final.variant_mean, 101.0 + 3.0 * double(m) + 0.5, tolerance) << m;
        EXPECT_NEAR(c.final.difference.estimate, 2.0 * double(m) + 0.5, tolerance) << m;
    }
}

TEST(CompareRuns, RefusesSetsThatCannotBePaired) {
    const std::vector<RunResult> three{baseline_run(0, 3), baseline_run(1, 3), baseline_run(2, 3)};
    const std::vector<RunResult> two{baseline_run(0, 3), baseline_run(1, 3)};
    const std::vector<RunResult> one{baseline_run(0, 3)};
    const std::vector<RunResult> longer{baseline_run(0, 4), baseline_run(1, 4)};
    EXPECT_THROW(compare_runs(three, two), std::invalid_argument);
    EXPECT_THROW(compare_runs(one, one), std::invalid_argument);
    EXPECT_THROW(compare_runs(two, longer), std::invalid_argument);
    EXPECT_NO_THROW(compare_runs(two, two));
}

}  // namespace
}  // namespace partnersim::analysis
