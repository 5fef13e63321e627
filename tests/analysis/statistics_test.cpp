#include "analysis/statistics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace partnersim::analysis {
namespace {

TEST(Statistics, MeanAndSampleStandardDeviation) {
    const std::vector<double> values{2, 4, 4, 4, 5, 5, 7, 9};
    EXPECT_DOUBLE_EQ(mean_of(values), 5.0);
    // Sum of squares 32 over n - 1 = 7.
    EXPECT_DOUBLE_EQ(standard_deviation(values), std::sqrt(32.0 / 7.0));
    EXPECT_DOUBLE_EQ(standard_deviation(std::vector<double>{3.0}), 0.0);
    EXPECT_TRUE(std::isnan(mean_of(std::vector<double>{})));
}

TEST(Statistics, QuantileInterpolatesLikeNumpy) {
    // numpy.quantile([1, 3, 2, 10], [0, 0.25, 0.5, 1]) = 1, 1.75, 2.5, 10
    const std::vector<double> values{1, 3, 2, 10};
    EXPECT_DOUBLE_EQ(quantile(values, 0.0), 1.0);
    EXPECT_DOUBLE_EQ(quantile(values, 0.25), 1.75);
    EXPECT_DOUBLE_EQ(quantile(values, 0.5), 2.5);
    EXPECT_DOUBLE_EQ(quantile(values, 1.0), 10.0);
}

TEST(Statistics, TQuantileMatchesTables) {
    // Published two-sided 95% critical values.
    EXPECT_NEAR(t_quantile(0.95, 9), 2.262, 5e-4);
    EXPECT_NEAR(t_quantile(0.95, 99), 1.984, 5e-4);
    EXPECT_NEAR(t_quantile(0.90, 4), 2.132, 5e-4);
}

TEST(Statistics, MeanIntervalUsesStudentT) {
    const std::vector<double> values{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    const Interval interval = mean_interval(values);
    const double half = 2.2621571628 * standard_deviation(values) / std::sqrt(10.0);
    EXPECT_DOUBLE_EQ(interval.estimate, 5.5);
    EXPECT_NEAR(interval.low, 5.5 - half, 1e-9);
    EXPECT_NEAR(interval.high, 5.5 + half, 1e-9);
    EXPECT_TRUE(interval.excludes_zero());
    EXPECT_FALSE(mean_interval(std::vector<double>{-1, 1, -1, 1}).excludes_zero());
    EXPECT_TRUE(std::isinf(mean_interval(std::vector<double>{4.0}).high));
}

}  // namespace
}  // namespace partnersim::analysis
