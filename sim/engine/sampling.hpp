#pragma once
// Sample matrices in the unit cube [0, 1)^k, independent of the model: a Latin hypercube for
// exploring a parameter space, the Saltelli (2010) scheme over a Sobol' sequence for
// variance-based sensitivity indices, and Morris (1991) trajectories on a grid in the closed
// cube [0, 1]^k for elementary effects screening. Rows are points, columns are dimensions;
// mapping a column onto a parameter's [low, high] is the caller's business
// (engine/experiment_design).

#include <cstddef>
#include <cstdint>
#include <vector>

namespace partnersim {

using SampleMatrix = std::vector<std::vector<double>>;  // [point][dimension]

// `samples` points in `dimensions` dimensions with exactly one point in each of the `samples`
// equal strata [i/samples, (i+1)/samples) of every dimension: per dimension, a random
// permutation of the strata (Fisher-Yates) and a uniform jitter within each stratum. Drawn
// from a RandomStream seeded with `seed`, dimension by dimension (permutation, then jitters),
// so the matrix is a pure function of (samples, dimensions, seed).
SampleMatrix latin_hypercube(std::size_t samples, std::size_t dimensions, std::uint64_t seed);

// The first `count` points of the Sobol' sequence in `dimensions` dimensions, from Boost's
// generator (Joe-Kuo direction numbers). Boost leaves out the sequence's all-zero first point,
// so this starts at (0.5, 0.5, ...). Deterministic. Up to 3667 dimensions.
SampleMatrix sobol_points(std::size_t count, std::size_t dimensions);

// Saltelli's base matrices for k = `dimensions` factors and N = `base_samples`: N consecutive
// points of the 2k-dimensional Sobol' sequence starting at index 2^m >= N (as SALib does), A
// their first k coordinates, B the last k (both N x k). Sobol' estimates converge best with N a
// power of two.
struct SaltelliMatrices {
    SampleMatrix a;
    SampleMatrix b;
};
SaltelliMatrices saltelli(std::size_t base_samples, std::size_t dimensions);

// The N(k + 2) points of a Saltelli design, in SALib's order: for each sample j, A_j, then
// AB_1j .. AB_kj (A_j with column i taken from B_j), then B_j. Row r is sample
// r / (k + 2) with role saltelli_role_of(r, k).
SampleMatrix saltelli_points(const SaltelliMatrices& matrices);

// The role of row r of saltelli_points for k dimensions: 0 for A, i in 1..k for AB_i, k + 1
// for B (the codes of engine/experiment_design.hpp).
inline int saltelli_role_of(std::size_t row, std::size_t dimensions) {
    return static_cast<int>(row % (dimensions + 2));
}

// The step of a Morris design on a p-level grid: p / (2 (p - 1)), i.e. p/2 grid steps, the
// choice of Morris (1991) that makes every level equally likely to be visited.
double morris_delta(int levels);

// `trajectories` Morris trajectories of k + 1 points each (k = `dimensions`), one after the
// other: rows t(k + 1) .. t(k + 1) + k are trajectory t. Values lie on the p-level grid
// {0, 1/(p-1), ..., 1} (p = `levels`, even, at least 2). Each trajectory starts at a random
// grid point from which every factor can move by +-delta (morris_delta) in a random
// direction; then the factors move one at a time, in a random order, each exactly once
// (Morris 1991; Campolongo et al. 2007 without their selection of spread-out trajectories).
// Per trajectory, per factor: direction, then base level; then the order (Fisher-Yates), all
// from a RandomStream seeded with `seed`, so the matrix is a pure function of (trajectories,
// dimensions, levels, seed). Throws std::invalid_argument for odd or fewer than two levels:
// with odd p the step p / (2 (p - 1)) falls between grid levels.
SampleMatrix morris_trajectories(std::size_t trajectories, std::size_t dimensions, int levels,
                                 std::uint64_t seed);

// Which factor moved into each row of morris_trajectories' matrix: 0 for the first point of a
// trajectory, i in 1..k when column i - 1 differs from the previous row. Throws
// std::invalid_argument if a step moves no factor or several, a factor moves twice within a
// trajectory, or a row has not k columns (so it also checks a matrix is a Morris design).
std::vector<int> morris_moved_factors(const SampleMatrix& points, std::size_t dimensions);

}  // namespace partnersim
