#include "analysis/abc_rejection.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "engine/sampling.hpp"

namespace partnersim::analysis {
namespace {

TEST(TargetDeviation, IsZeroInsideARangeAndCountsTolerancesOutside) {
    const TargetBand band{0.10, 0.15, 0.05};
    EXPECT_EQ(target_deviation(0.12, band), 0.0);
    EXPECT_EQ(target_deviation(0.10, band), 0.0);
    EXPECT_DOUBLE_EQ(target_deviation(0.25, band), 2.0);
    EXPECT_DOUBLE_EQ(target_deviation(0.0, band), 2.0);
    EXPECT_EQ(target_deviation(std::nan(""), band), std::numeric_limits<double>::infinity());
}

TEST(AbcDistance, IsTheRootMeanSquareOfTheDeviations) {
    const std::vector<TargetBand> bands{{20, 20, 5}, {0.1, 0.15, 0.05}};
    const std::vector<double> simulated{30, 0.3};  // deviations 2 and 3
    EXPECT_DOUBLE_EQ(abc_distance(simulated, bands), std::sqrt((4.0 + 9.0) / 2.0));
    EXPECT_THROW(abc_distance(std::vector<double>{1.0}, bands), std::invalid_argument);
}

TEST(AcceptNearest, KeepsTheNearestFractionInIndexOrderWithTiesToTheLowerIndex) {
    const std::vector<double> distances{0.5, 0.1, 0.3, 0.1, 0.9, 0.2, 0.1, 0.7, 0.8, 0.6};
    EXPECT_EQ(accept_nearest(distances, 0.2), (std::vector<std::size_t>{1, 3}));
    EXPECT_EQ(accept_nearest(distances, 0.3), (std::vector<std::size_t>{1, 3, 6}));
    EXPECT_EQ(accept_nearest(distances, 0.01), (std::vector<std::size_t>{1})) << "at least one";
    EXPECT_EQ(accept_nearest(distances, 1.0).size(), distances.size());
    EXPECT_DOUBLE_EQ(acceptance_threshold(distances, accept_nearest(distances, 0.4)), 0.2);
    EXPECT_THROW(accept_nearest(distances, 0.0), std::invalid_argument);
    EXPECT_THROW(accept_nearest(distances, 1.5), std::invalid_argument);
    EXPECT_THROW(accept_nearest(std::vector<double>{}, 0.5), std::invalid_argument);
}

// Values spread evenly over the prior give a ratio near 1; values from a tenth of it near 0.1.
TEST(PosteriorRange, RatioIsNearOneForThePriorItselfAndSmallForANarrowSample) {
    const SampleMatrix u = latin_hypercube(400, 1, 3);
    std::vector<double> prior, narrow;
    for (const auto& row : u) {
        prior.push_back(2.0 + 4.0 * row[0]);
        narrow.push_back(3.0 + 0.4 * row[0]);
    }
    const PosteriorRange all = posterior_range(prior, 2.0, 6.0);
    EXPECT_NEAR(all.width_ratio, 1.0, 0.02);  // a Latin hypercube fills every stratum
    EXPECT_NEAR(all.median, 4.0, 0.05);
    EXPECT_GE(all.min, 2.0);
    EXPECT_LE(all.max, 6.0);
    const PosteriorRange pinned = posterior_range(narrow, 2.0, 6.0);
    EXPECT_NEAR(pinned.width_ratio, 0.1, 0.01);
    EXPECT_NEAR(pinned.low, 3.02, 0.01);
    EXPECT_NEAR(pinned.high, 3.38, 0.01);
}

// Rejection ABC on a model with a known answer: y = 2 theta + noise, target y = 1.2 (theta
// 0.6) on a prior U(0, 1). The accepted thetas must bracket 0.6 and be much narrower than the
// prior; a second parameter the statistic ignores must stay about as wide as its prior.
TEST(AbcRejection, RecoversTheParameterOfALinearModelAndLeavesAnIrrelevantOneWide) {
    const SampleMatrix u = latin_hypercube(2000, 2, 17);
    const std::vector<TargetBand> target{{1.2, 1.2, 0.05}};
    std::vector<double> distances;
    for (std::size_t i = 0; i < u.size(); ++i) {
        const double noise = 0.02 * std::sin(37.0 * static_cast<double>(i));  // bounded, fixed
        const std::vector<double> y{2.0 * u[i][0] + noise};
        distances.push_back(abc_distance(y, target));
    }
    const auto kept = accept_nearest(distances, 0.05);
    std::vector<double> theta, other;
    for (const auto i : kept) {
        theta.push_back(u[i][0]);
        other.push_back(u[i][1]);
    }
    const PosteriorRange t = posterior_range(theta, 0.0, 1.0);
    EXPECT_LT(t.low, 0.6);
    EXPECT_GT(t.high, 0.6);
    EXPECT_LT(t.width_ratio, 0.1);  // |y - 1.2| small enough for 5% of samples: theta +- 0.025
    EXPECT_GT(posterior_range(other, 0.0, 1.0).width_ratio, 0.8);
}

}  // namespace
}  // namespace partnersim::analysis
