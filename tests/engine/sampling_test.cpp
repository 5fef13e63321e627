#include "engine/sampling.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
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

}  // namespace
}  // namespace partnersim
