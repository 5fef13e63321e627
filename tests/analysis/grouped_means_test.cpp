#include "analysis/grouped_means.hpp"

#include <gtest/gtest.h>

#include "support/synthetic_results.hpp"

namespace partnersim::analysis {
namespace {

TEST(GroupedMeans, ResamplesReplicatesWhenThereAreManyAndPointsOtherwise) {
    auto constant = [](const std::vector<int>&, RandomStream&) { return 0.0; };
    EXPECT_EQ(resampling_unit(test::synthetic_grid({{"a", {}, {0, 1}}}, 10, constant)),
              ResamplingUnit::replicate);
    EXPECT_EQ(resampling_unit(test::synthetic_grid({{"a", {}, {0, 1}}}, 9, constant)),
              ResamplingUnit::design_point);
}

TEST(GroupedMeans, MeansPerGroupAndAContrast) {
    // Group 0 = level 0 (outcome 2 + noise), group 1 = level 1 (outcome 5 + noise); point
    // noise is shared by replicate, so the contrast is exactly 3 on every resample.
    const ResultsTable table = test::synthetic_grid(
        {{"a", {}, {0, 1}}}, 40, [](const std::vector<int>& level, RandomStream& noise) {
            return (level[0] ? 5.0 : 2.0) + noise.normal();
        });
    const GroupedMeans means = grouped_means(table, 0, {0, 1}, 2, {{-1.0, 1.0}});
    EXPECT_NEAR(means.means[1].estimate - means.means[0].estimate, 3.0, 1e-12);
    EXPECT_NEAR(means.contrasts[0].low, 3.0, 1e-9);
    EXPECT_NEAR(means.contrasts[0].high, 3.0, 1e-9);
    // Each mean still has the replicate noise: s.d. 1 over 40 runs, half-width ~0.31.
    EXPECT_NEAR(means.means[0].high - means.means[0].low, 0.62, 0.15);
    EXPECT_EQ(means.runs, (std::vector<std::size_t>{40, 40}));
}

TEST(GroupedMeans, LeftOutPointsAndEmptyGroups) {
    const ResultsTable table = test::synthetic_grid(
        {{"a", {}, {0, 1, 2}}}, 12,
        [](const std::vector<int>& level, RandomStream&) { return double(level[0]); });
    // Point 2 left out; group 2 has no points.
    const GroupedMeans means = grouped_means(table, 0, {0, 1, -1}, 3, {});
    EXPECT_DOUBLE_EQ(means.means[1].estimate, 1.0);
    EXPECT_EQ(means.runs[2], 0u);
    EXPECT_TRUE(std::isnan(means.means[2].estimate));
    EXPECT_THROW(grouped_means(table, 0, {0, 1}, 2, {}), std::invalid_argument);
}

}  // namespace
}  // namespace partnersim::analysis
