#include "engine/sampling.hpp"

#include <boost/random/sobol.hpp>
#include <cmath>
#include <numeric>
#include <span>
#include <stdexcept>
#include <string>

#include "model/random_stream.hpp"

namespace partnersim {
namespace {

// A 64-bit Sobol' coordinate as a double in [0, 1): the top 53 bits, exactly.
double unit_from_bits(std::uint64_t bits) {
    return std::ldexp(static_cast<double>(bits >> 11), -53);
}

// Pull a jittered value back into its stratum when rounding pushed it to a neighbour, judged
// the way a caller would judge it: floor(u * n).
double keep_in_stratum(double u, std::size_t stratum, std::size_t strata) {
    const auto n = static_cast<double>(strata);
    const auto s = static_cast<double>(stratum);
    while (u > 0.0 && std::floor(u * n) > s) u = std::nextafter(u, 0.0);
    while (u < 1.0 && std::floor(u * n) < s) u = std::nextafter(u, 1.0);
    return u;
}

}  // namespace

SampleMatrix latin_hypercube(std::size_t samples, std::size_t dimensions, std::uint64_t seed) {
    SampleMatrix points(samples, std::vector<double>(dimensions, 0.0));
    if (samples == 0) return points;
    RandomStream stream(seed);
    std::vector<std::size_t> strata(samples);
    const auto n = static_cast<double>(samples);
    for (std::size_t d = 0; d < dimensions; ++d) {
        std::iota(strata.begin(), strata.end(), std::size_t{0});
        for (std::size_t i = samples - 1; i > 0; --i) {
            std::swap(strata[i], strata[stream.below(i + 1)]);
        }
        for (std::size_t i = 0; i < samples; ++i) {
            const double u = (static_cast<double>(strata[i]) + stream.uniform()) / n;
            points[i][d] = keep_in_stratum(u, strata[i], samples);
        }
    }
    return points;
}

SampleMatrix sobol_points(std::size_t count, std::size_t dimensions) {
    if (dimensions == 0) return SampleMatrix(count);
    boost::random::sobol sequence(dimensions);  // throws for more than 3667 dimensions
    SampleMatrix points(count, std::vector<double>(dimensions, 0.0));
    for (auto& point : points) {
        for (auto& coordinate : point) coordinate = unit_from_bits(sequence());
    }
    return points;
}

SaltelliMatrices saltelli(std::size_t base_samples, std::size_t dimensions) {
    if (dimensions == 0) throw std::invalid_argument("saltelli: no dimensions");
    // Like SALib, start at sequence index 2^m >= N: Boost's first point is (0.5, ..., 0.5),
    // which makes A, every AB_i and B identical for that sample, wasting its runs; an aligned
    // block of 2^m points also keeps the sequence's balance. Boost already drops index 0.
    std::size_t start = 1;
    while (start < base_samples) start *= 2;
    const SampleMatrix all = sobol_points(start - 1 + base_samples, 2 * dimensions);
    const std::span<const std::vector<double>> points(all.data() + (start - 1), base_samples);
    SaltelliMatrices matrices;
    matrices.a.reserve(base_samples);
    matrices.b.reserve(base_samples);
    const auto k = static_cast<std::ptrdiff_t>(dimensions);
    for (const auto& point : points) {
        matrices.a.emplace_back(point.begin(), point.begin() + k);
        matrices.b.emplace_back(point.begin() + k, point.end());
    }
    return matrices;
}

SampleMatrix saltelli_points(const SaltelliMatrices& matrices) {
    if (matrices.a.size() != matrices.b.size()) {
        throw std::invalid_argument("saltelli_points: A and B differ in rows");
    }
    const std::size_t k = matrices.a.empty() ? 0 : matrices.a.front().size();
    SampleMatrix points;
    points.reserve(matrices.a.size() * (k + 2));
    for (std::size_t j = 0; j < matrices.a.size(); ++j) {
        const auto& a = matrices.a[j];
        const auto& b = matrices.b[j];
        if (a.size() != k || b.size() != k) {
            throw std::invalid_argument("saltelli_points: rows of A and B differ in length");
        }
        points.push_back(a);
        for (std::size_t i = 0; i < k; ++i) {
            points.push_back(a);
            points.back()[i] = b[i];
        }
        points.push_back(b);
    }
    return points;
}

double morris_delta(int levels) {
    if (levels < 2) throw std::invalid_argument("morris_delta: fewer than two levels");
    return static_cast<double>(levels) / (2.0 * static_cast<double>(levels - 1));
}

SampleMatrix morris_trajectories(std::size_t trajectories, std::size_t dimensions, int levels,
                                 std::uint64_t seed) {
    if (levels < 2 || levels % 2 != 0) {
        throw std::invalid_argument(
            "morris_trajectories: levels must be even and at least 2, got " +
            std::to_string(levels));
    }
    // Work in grid indices 0..p-1, where the step is exactly p/2 indices, and divide only at
    // the end, so every value is the nearest double to its grid level whatever the path to it.
    const auto half = static_cast<std::uint64_t>(levels / 2);
    const auto top = static_cast<double>(levels - 1);
    const std::size_t k = dimensions;
    SampleMatrix points;
    points.reserve(trajectories * (k + 1));
    RandomStream stream(seed);
    std::vector<std::uint64_t> index(k);
    std::vector<bool> up(k);
    std::vector<std::size_t> order(k);
    const auto to_unit = [top](const std::vector<std::uint64_t>& grid) {
        std::vector<double> point(grid.size());
        for (std::size_t i = 0; i < grid.size(); ++i) point[i] = static_cast<double>(grid[i]) / top;
        return point;
    };
    for (std::size_t t = 0; t < trajectories; ++t) {
        for (std::size_t i = 0; i < k; ++i) {
            up[i] = stream.below(2) == 0;
            const std::uint64_t base = stream.below(half);  // the lower end of factor i's step
            index[i] = up[i] ? base : base + half;
        }
        std::iota(order.begin(), order.end(), std::size_t{0});
        for (std::size_t i = k; i-- > 1;) std::swap(order[i], order[stream.below(i + 1)]);
        points.push_back(to_unit(index));
        for (const std::size_t i : order) {
            index[i] = up[i] ? index[i] + half : index[i] - half;
            points.push_back(to_unit(index));
        }
    }
    return points;
}

std::vector<int> morris_moved_factors(const SampleMatrix& points, std::size_t dimensions) {
    const std::size_t k = dimensions;
    std::vector<int> moved(points.size(), 0);
    std::vector<bool> seen(k, false);
    for (std::size_t row = 0; row < points.size(); ++row) {
        if (points[row].size() != k) {
            throw std::invalid_argument("morris_moved_factors: row " + std::to_string(row) +
                                        " has " + std::to_string(points[row].size()) +
                                        " columns, not " + std::to_string(k));
        }
        if (row % (k + 1) == 0) {
            seen.assign(k, false);
            continue;
        }
        std::size_t changed = k;
        for (std::size_t i = 0; i < k; ++i) {
            if (points[row][i] == points[row - 1][i]) continue;
            if (changed != k) {
                throw std::invalid_argument("morris_moved_factors: row " + std::to_string(row) +
                                            " moves more than one factor");
            }
            changed = i;
        }
        if (changed == k) {
            throw std::invalid_argument("morris_moved_factors: row " + std::to_string(row) +
                                        " moves no factor");
        }
        if (seen[changed]) {
            throw std::invalid_argument("morris_moved_factors: row " + std::to_string(row) +
                                        " moves factor " + std::to_string(changed + 1) +
                                        " a second time in its trajectory");
        }
        seen[changed] = true;
        moved[row] = static_cast<int>(changed) + 1;
    }
    return moved;
}

}  // namespace partnersim
