#include "analysis/bootstrap.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "model/random_stream.hpp"

namespace partnersim::analysis {
namespace {

double mean_of_drawn(const std::vector<double>& values, std::span<const std::size_t> units) {
    double sum = 0;
    for (const auto u : units) sum += values[u];
    return sum / static_cast<double>(units.size());
}

TEST(Bootstrap, MeanIntervalAgreesWithTheoryOnNormalData) {
    // 400 draws from N(3, 2): the bootstrap percentile interval of the mean should be close to
    // mean +- 1.96 * 2 / 20 = +-0.196. Percentile bootstrap intervals are a few percent narrower
    // than the t interval at this n; 0.03 allows that plus resampling noise at 2000 resamples.
    RandomStream stream(5);
    std::vector<double> values(400);
    for (auto& v : values) v = stream.normal(3.0, 2.0);
    const Interval t = mean_interval(values);
    const Interval boot = bootstrap_interval(
        values.size(), [&](std::span<const std::size_t> u) { return mean_of_drawn(values, u); },
        {.resamples = 2000, .confidence = 0.95, .seed = 11});
    EXPECT_DOUBLE_EQ(boot.estimate, mean_of(values));
    EXPECT_NEAR(boot.low, t.low, 0.03);
    EXPECT_NEAR(boot.high, t.high, 0.03);
}

TEST(Bootstrap, SameSeedSameInterval) {
    // Continuous values, so two different resample sets almost surely give different quantiles.
    RandomStream stream(8);
    std::vector<double> values(50);
    for (auto& v : values) v = stream.uniform();
    auto statistic = [&](std::span<const std::size_t> u) { return mean_of_drawn(values, u); };
    const Interval a = bootstrap_interval(values.size(), statistic, {.seed = 3});
    const Interval b = bootstrap_interval(values.size(), statistic, {.seed = 3});
    const Interval c = bootstrap_interval(values.size(), statistic, {.seed = 4});
    EXPECT_EQ(a.low, b.low);
    EXPECT_EQ(a.high, b.high);
    EXPECT_NE(a.low, c.low);
}

TEST(Bootstrap, SeveralStatisticsShareResamples) {
    // Statistic 1 is statistic 0 plus 10 on every resample, so its interval is shifted exactly.
    const std::vector<double> values{1, 5, 2, 8, 3, 9, 4, 6};
    const auto intervals = bootstrap_intervals(
        values.size(), 2, [&](std::span<const std::size_t> u, std::span<double> out) {
            out[0] = mean_of_drawn(values, u);
            out[1] = out[0] + 10.0;
        });
    ASSERT_EQ(intervals.size(), 2u);
    EXPECT_NEAR(intervals[1].low - intervals[0].low, 10.0, 1e-12);
    EXPECT_NEAR(intervals[1].high - intervals[0].high, 10.0, 1e-12);
    EXPECT_LT(intervals[0].low, intervals[0].estimate);
    EXPECT_GT(intervals[0].high, intervals[0].estimate);
}

TEST(Bootstrap, RejectsNoUnits) {
    EXPECT_THROW(bootstrap_interval(0, [](auto) { return 0.0; }), std::invalid_argument);
}

}  // namespace
}  // namespace partnersim::analysis
