#include "engine/sampling.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <set>
#include <stdexcept>
#include <vector>

namespace partnersim {
namespace {

// Which of `strata` equal strata of [0, 1) a value falls in.
std::size_t stratum(double u, std::size_t strata) {
    return static_cast<std::size_t>(std::floor(u * static_cast<double>(strata)));
}

TEST(SweepSampling, LatinHypercubePutsOnePointInEveryStratumOfEveryDimension) {
    for (const std::size_t n : {1u, 2u, 7u, 37u, 200u}) {
        const SampleMatrix points = latin_hypercube(n, 5, 99);
        ASSERT_EQ(points.size(), n);
        for (std::size_t d = 0; d < 5; ++d) {
            std::vector<int> count(n, 0);
            for (const auto& point : points) {
                ASSERT_EQ(point.size(), 5u);
                ASSERT_LT(stratum(point[d], n), n);
                ++count[stratum(point[d], n)];
            }
            for (std::size_t s = 0; s < n; ++s) {
                EXPECT_EQ(count[s], 1) << "n = " << n << ", dimension " << d << ", stratum " << s;
            }
        }
    }
}

TEST(SweepSampling, LatinHypercubeValuesLieInTheHalfOpenUnitInterval) {
    for (const auto& point : latin_hypercube(500, 4, 7)) {
        for (const double u : point) {
            EXPECT_GE(u, 0.0);
            EXPECT_LT(u, 1.0);
        }
    }
}

TEST(SweepSampling, LatinHypercubeJittersWithinStrata) {
    // Stratum midpoints or lower edges would pass the stratum test; a jitter does not sit at
    // the same offset in every stratum.
    const SampleMatrix points = latin_hypercube(50, 1, 3);
    std::vector<double> offsets;
    for (const auto& point : points) offsets.push_back(point[0] * 50.0 - stratum(point[0], 50));
    double low = 1.0;
    double high = 0.0;
    for (const double o : offsets) {
        low = std::min(low, o);
        high = std::max(high, o);
    }
    EXPECT_GT(high - low, 0.5);
}

TEST(SweepSampling, LatinHypercubePermutesEachDimensionIndependently) {
    const SampleMatrix points = latin_hypercube(40, 3, 11);
    for (std::size_t d = 1; d < 3; ++d) {
        int same = 0;
        for (const auto& point : points) same += stratum(point[d], 40) == stratum(point[0], 40);
        EXPECT_LT(same, 40) << "dimension " << d << " copies dimension 0's strata";
    }
    int in_order = 0;
    for (std::size_t i = 0; i < points.size(); ++i) in_order += stratum(points[i][0], 40) == i;
    EXPECT_LT(in_order, 40) << "the strata are not permuted";
}

TEST(SweepSampling, LatinHypercubeIsAFunctionOfItsSeed) {
    EXPECT_EQ(latin_hypercube(20, 3, 42), latin_hypercube(20, 3, 42));
    EXPECT_NE(latin_hypercube(20, 3, 42), latin_hypercube(20, 3, 43));
}

TEST(SweepSampling, LatinHypercubeOfNothingIsEmpty) {
    EXPECT_TRUE(latin_hypercube(0, 3, 1).empty());
    const SampleMatrix no_dimensions = latin_hypercube(4, 0, 1);
    ASSERT_EQ(no_dimensions.size(), 4u);
    EXPECT_TRUE(no_dimensions[0].empty());
}

TEST(SweepSampling, BoostsSobolSequenceStartsAfterTheAllZeroPoint) {
    const SampleMatrix points = sobol_points(16, 3);
    ASSERT_EQ(points.size(), 16u);
    EXPECT_EQ(points[0], (std::vector<double>{0.5, 0.5, 0.5}));
    for (const auto& point : points) {
        EXPECT_FALSE(point[0] == 0.0 && point[1] == 0.0 && point[2] == 0.0);
    }
}

// What Boost's sequence guarantees: Sobol' points 0 .. 2^m - 1 form a (0, m, 2)-net in the
// first two dimensions, so every box of a 2^(m/2) x 2^(m/2) grid holds exactly one of them.
// Boost leaves out point 0, which lies in the box at the origin: its first 2^m - 1 points hold
// exactly one point in every other box and none in the origin's.
TEST(SweepSampling, SobolPointsFillEveryBoxOfAGridButTheOrigins) {
    for (const std::size_t side : {8u, 32u}) {
        const std::size_t n = side * side;
        const SampleMatrix points = sobol_points(n - 1, 2);
        std::vector<int> count(n, 0);
        for (const auto& point : points) {
            ++count[stratum(point[0], side) * side + stratum(point[1], side)];
        }
        EXPECT_EQ(count[0], 0);
        for (std::size_t box = 1; box < n; ++box) {
            EXPECT_EQ(count[box], 1) << side << "x" << side << " grid, box " << box;
        }
    }
}

TEST(SweepSampling, SobolPointsStratifyEveryCoordinate) {
    // Every one-dimensional projection of points 0 .. 2^m - 1 is a (0, m, 1)-net.
    const SampleMatrix points = sobol_points(63, 6);
    for (std::size_t d = 0; d < 6; ++d) {
        std::vector<int> count(64, 0);
        for (const auto& point : points) ++count[stratum(point[d], 64)];
        EXPECT_EQ(count[0], 0);
        for (std::size_t s = 1; s < 64; ++s) EXPECT_EQ(count[s], 1) << "dimension " << d;
    }
}

TEST(SweepSampling, SaltelliMatricesHaveNRowsOfKColumnsInTheUnitCube) {
    const SaltelliMatrices m = saltelli(16, 3);
    ASSERT_EQ(m.a.size(), 16u);
    ASSERT_EQ(m.b.size(), 16u);
    for (std::size_t j = 0; j < 16; ++j) {
        ASSERT_EQ(m.a[j].size(), 3u);
        ASSERT_EQ(m.b[j].size(), 3u);
        for (std::size_t i = 0; i < 3; ++i) {
            EXPECT_GE(m.a[j][i], 0.0);
            EXPECT_LT(m.a[j][i], 1.0);
            EXPECT_GE(m.b[j][i], 0.0);
            EXPECT_LT(m.b[j][i], 1.0);
        }
    }
}

TEST(SweepSampling, SaltelliTakesAFromTheFirstAndBFromTheLastKSobolCoordinates) {
    // N = 8 starts at sequence index 8 (SALib's 2^m >= N), i.e. Boost's point 7, which skips
    // the origin already; Boost's first point (0.5, 0.5, ...) is thus not used.
    const SaltelliMatrices m = saltelli(8, 2);
    const SampleMatrix sobol = sobol_points(15, 4);
    for (std::size_t j = 0; j < 8; ++j) {
        EXPECT_EQ(m.a[j], (std::vector<double>{sobol[7 + j][0], sobol[7 + j][1]}));
        EXPECT_EQ(m.b[j], (std::vector<double>{sobol[7 + j][2], sobol[7 + j][3]}));
    }
    for (std::size_t j = 0; j < 8; ++j) EXPECT_NE(m.a[j], m.b[j]) << "a degenerate sample";
    EXPECT_NE(m.a, m.b);
    EXPECT_EQ(saltelli(8, 2).a, m.a);  // deterministic
}

TEST(SweepSampling, SaltelliPointsAreAThenABiThenBForEverySample) {
    const std::size_t n = 16;
    const std::size_t k = 3;
    const SaltelliMatrices m = saltelli(n, k);
    const SampleMatrix points = saltelli_points(m);
    ASSERT_EQ(points.size(), n * (k + 2));
    for (std::size_t j = 0; j < n; ++j) {
        const std::size_t first = j * (k + 2);
        EXPECT_EQ(points[first], m.a[j]);
        EXPECT_EQ(saltelli_role_of(first, k), 0);
        for (std::size_t i = 0; i < k; ++i) {
            const auto& ab = points[first + 1 + i];
            EXPECT_EQ(saltelli_role_of(first + 1 + i, k), static_cast<int>(i + 1));
            for (std::size_t c = 0; c < k; ++c) {
                EXPECT_EQ(ab[c], c == i ? m.b[j][c] : m.a[j][c])
                    << "sample " << j << ", AB_" << i + 1 << ", column " << c;
            }
        }
        EXPECT_EQ(points[first + k + 1], m.b[j]);
        EXPECT_EQ(saltelli_role_of(first + k + 1, k), static_cast<int>(k + 1));
    }
}

// Grid index of a Morris coordinate on p levels, or -1 if it is not (the nearest double to) a
// grid level.
int grid_level(double u, int levels) {
    const double scaled = u * (levels - 1);
    const double nearest = std::round(scaled);
    if (nearest < 0 || nearest > levels - 1) return -1;
    return nearest / (levels - 1) == u ? static_cast<int>(nearest) : -1;
}

TEST(SweepSampling, MorrisTrajectoriesMoveEveryFactorOnceByDelta) {
    for (const int p : {2, 4, 6, 8}) {
        const std::size_t r = 30;
        const std::size_t k = 5;
        const SampleMatrix points = morris_trajectories(r, k, p, 2024);
        ASSERT_EQ(points.size(), r * (k + 1));
        const double delta = static_cast<double>(p) / (2.0 * (p - 1));
        EXPECT_DOUBLE_EQ(morris_delta(p), delta);
        for (std::size_t t = 0; t < r; ++t) {
            std::vector<int> moves(k, 0);
            for (std::size_t s = 1; s <= k; ++s) {
                const auto& before = points[t * (k + 1) + s - 1];
                const auto& after = points[t * (k + 1) + s];
                ASSERT_EQ(after.size(), k);
                std::size_t changed = 0;
                for (std::size_t i = 0; i < k; ++i) {
                    if (after[i] == before[i]) continue;
                    ++changed;
                    ++moves[i];
                    EXPECT_DOUBLE_EQ(std::abs(after[i] - before[i]), delta)
                        << "p = " << p << ", trajectory " << t << ", step " << s;
                    // Exactly p/2 grid intervals.
                    EXPECT_EQ(std::abs(grid_level(after[i], p) - grid_level(before[i], p)), p / 2);
                }
                EXPECT_EQ(changed, 1u) << "p = " << p << ", trajectory " << t << ", step " << s;
            }
            for (std::size_t i = 0; i < k; ++i) {
                EXPECT_EQ(moves[i], 1) << "p = " << p << ", trajectory " << t << ", factor " << i;
            }
        }
    }
}

TEST(SweepSampling, MorrisValuesLieOnTheGridAndVisitEveryLevelAlike) {
    const int p = 4;
    const SampleMatrix points = morris_trajectories(2000, 3, p, 5);
    std::vector<int> count(p, 0);
    for (const auto& point : points) {
        for (const double u : point) {
            const int level = grid_level(u, p);
            ASSERT_GE(level, 0) << u << " is not on the " << p << "-level grid";
            ++count[static_cast<std::size_t>(level)];
        }
    }
    EXPECT_EQ(grid_level(0.0, p), 0);
    EXPECT_EQ(grid_level(1.0, p), p - 1);
    // 2000 trajectories x 4 points x 3 factors = 24,000 values, 6,000 per level expected; a
    // binomial s.d. of about 67.
    for (int level = 0; level < p; ++level) {
        EXPECT_NEAR(count[static_cast<std::size_t>(level)], 6000, 400) << "level " << level;
    }
}

TEST(SweepSampling, MorrisStartsAndOrdersVary) {
    const std::size_t k = 4;
    const SampleMatrix points = morris_trajectories(50, k, 4, 8);
    const std::vector<int> moved = morris_moved_factors(points, k);
    std::set<std::vector<int>> orders;
    std::set<std::vector<double>> starts;
    int upward = 0;
    int downward = 0;
    for (std::size_t t = 0; t < 50; ++t) {
        starts.insert(points[t * (k + 1)]);
        const auto first = moved.begin() + static_cast<std::ptrdiff_t>(t * (k + 1));
        orders.insert(std::vector<int>(first, first + static_cast<std::ptrdiff_t>(k + 1)));
        for (std::size_t s = 1; s <= k; ++s) {
            const auto i = static_cast<std::size_t>(moved[t * (k + 1) + s] - 1);
            if (points[t * (k + 1) + s][i] > points[t * (k + 1) + s - 1][i]) {
                ++upward;
            } else {
                ++downward;
            }
        }
    }
    EXPECT_GT(starts.size(), 30u);
    EXPECT_GT(orders.size(), 15u);  // of 24 orders
    EXPECT_GT(upward, 60);
    EXPECT_GT(downward, 60);
}

TEST(SweepSampling, MorrisMovedFactorsNameTheColumnThatChanged) {
    const std::size_t k = 3;
    const SampleMatrix points = morris_trajectories(10, k, 6, 1);
    const std::vector<int> moved = morris_moved_factors(points, k);
    ASSERT_EQ(moved.size(), points.size());
    for (std::size_t row = 0; row < points.size(); ++row) {
        if (row % (k + 1) == 0) {
            EXPECT_EQ(moved[row], 0);
            continue;
        }
        ASSERT_GE(moved[row], 1);
        ASSERT_LE(moved[row], 3);
        for (std::size_t i = 0; i < k; ++i) {
            EXPECT_EQ(points[row][i] != points[row - 1][i], i + 1 == std::size_t(moved[row]));
        }
    }
    SampleMatrix two_at_once = points;
    two_at_once[1] = two_at_once[0];
    two_at_once[1][0] = 1.0 - two_at_once[1][0];
    two_at_once[1][1] = 1.0 - two_at_once[1][1];
    EXPECT_THROW(morris_moved_factors(two_at_once, k), std::invalid_argument);
    SampleMatrix standing = points;
    standing[2] = standing[1];
    EXPECT_THROW(morris_moved_factors(standing, k), std::invalid_argument);
    SampleMatrix back_again = points;  // the factor of step 1 moves back at step 2
    back_again[2] = back_again[0];
    EXPECT_THROW(morris_moved_factors(back_again, k), std::invalid_argument);
    EXPECT_THROW(morris_moved_factors(points, 2), std::invalid_argument);
}

TEST(SweepSampling, MorrisTrajectoriesAreAFunctionOfTheirArguments) {
    EXPECT_EQ(morris_trajectories(20, 4, 4, 42), morris_trajectories(20, 4, 4, 42));
    EXPECT_NE(morris_trajectories(20, 4, 4, 42), morris_trajectories(20, 4, 4, 43));
    EXPECT_NE(morris_trajectories(20, 4, 4, 42), morris_trajectories(20, 4, 6, 42));
    // Trajectories are drawn one after the other: a longer design extends a shorter one.
    const SampleMatrix short_design = morris_trajectories(5, 4, 4, 42);
    const SampleMatrix long_design = morris_trajectories(20, 4, 4, 42);
    EXPECT_TRUE(std::equal(short_design.begin(), short_design.end(), long_design.begin()));
}

TEST(SweepSampling, MorrisRejectsOddOrTooFewLevels) {
    EXPECT_THROW(morris_trajectories(4, 3, 1, 1), std::invalid_argument);
    EXPECT_THROW(morris_trajectories(4, 3, 3, 1), std::invalid_argument);
    EXPECT_THROW(morris_trajectories(4, 3, 0, 1), std::invalid_argument);
    EXPECT_TRUE(morris_trajectories(0, 3, 4, 1).empty());
    EXPECT_EQ(morris_trajectories(3, 0, 4, 1).size(), 3u);  // a start and no steps
}

}  // namespace
}  // namespace partnersim
