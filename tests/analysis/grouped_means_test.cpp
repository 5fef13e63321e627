#include "analysis/grouped_means.hpp"

#include <gtest/gtest.h>

#include "support/synthetic_results.hpp"

namespace partnersim::analysis {
namespace {

TEST(GroupedMeans, ResamplesReplicatesOfAGridAndPointsOfASampledDesign) {
    auto constant = [](const std::vector<int>&, RandomStream&) { return 0.0; };
    // A grid: its points are fixed choices, so replicates are resampled, however few.
    EXPECT_EQ(resampling_unit(test::synthetic_grid({{"a", {}, {0, 1}}}, 2, constant)),
              ResamplingUnit::replicate);
    // One run per point leaves nothing to resample but the points.
    EXPECT_EQ(resampling_unit(test::synthetic_grid({{"a", {}, {0, 1}}}, 1, constant)),
              ResamplingUnit::design_point);
    // A sampled parameter (it has a range) makes the points a sample of the space.
    ResultsTable sampled = test::synthetic_grid({{"a", {}, {0, 1}}}, 20, constant);
    sampled.factors[0].range_index = 1;
    EXPECT_EQ(resampling_unit(sampled), ResamplingUnit::design_point);
}

TEST(GroupedMeans, AFewReplicatesOfAGridStillGiveIntervalsThatAreNotZeroWidth) {
    // The reviewer's case: 9 replicates per point used to switch to resampling points, which
    // made a one-point cell's interval collapse onto its value. With independent noise per
    // run the cell mean's interval must have width.
    std::uint64_t call = 0;
    const ResultsTable table = test::synthetic_grid({{"a", {}, {0, 1}}, {"b", {"x", "y"}, {}}}, 9,
                                                    [&](const std::vector<int>&, RandomStream&) {
                                                        RandomStream own(++call);
                                                        return own.normal();
                                                    });
    const GroupedMeans means = grouped_means(table, 0, {0, 1, 2, 3}, 4, {{-1, 1, 1, -1}});
    for (const auto& m : means.means) EXPECT_GT(m.high - m.low, 0.1);
    EXPECT_GT(means.contrasts[0].high - means.contrasts[0].low, 0.1);
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
