#pragma once
// Variance-based (Sobol') sensitivity indices from a Saltelli (2010) design: the share of an
// output's variance a factor explains alone (first order, S1) and with all its interactions
// (total, ST). ST_i - S1_i is what factor i does only together with others; a factor with
// ST_i ~ 0 can be fixed anywhere in its range without changing the output.
//
// The estimators are SALib's, so results can be checked against it (Saltelli et al. 2010,
// "Variance based sensitivity analysis of model output", Table 2):
//   S1_i = mean_j(f(B_j) * (f(AB_ij) - f(A_j))) / V        (Saltelli 2010, Table 2 (b))
//   ST_i = 0.5 * mean_j((f(A_j) - f(AB_ij))^2) / V         (Jansen 1999, Table 2 (f))
//   V    = population variance of f(A) and f(B) together (2N values, as numpy.var)
// Both need only N(k + 2) runs; Jansen's total estimator is the one Saltelli et al. found most
// accurate, and pooling A and B halves the sampling error of V. As SALib does, the outputs are
// first centred on their mean over the whole design: the S1 numerator is not shift-invariant
// (an offset c adds c * mean_j(f(AB_ij) - f(A_j)), pure noise that grows with |c|).
// Finite-sample estimates can fall slightly outside [0, 1]; they are reported as computed.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include <Eigen/Dense>

#include "analysis/bootstrap.hpp"
#include "analysis/statistics.hpp"

namespace partnersim::analysis {

// Outputs of a Saltelli design by matrix, row j = base sample j: a(j) = f(A_j), b(j) = f(B_j),
// ab(j, i) = f(AB_ij), A_j with column i taken from B_j (role i + 1 in the design's codes).
struct SaltelliOutputs {
    Eigen::VectorXd a;
    Eigen::VectorXd b;
    Eigen::MatrixXd ab;
};

// Gathers design-point rows (output y, saltelli_role 0 = A, 1..k = AB_i, k + 1 = B, and
// sample_index j, as engine/experiment_design.hpp records them) into matrices, whatever the
// row order, so results read back from a sharded or resumed run need no sorting first. Rows
// of the result follow ascending j; the j values need not be contiguous (a base sample missing
// entirely is just not there). One row per (j, role): average replicates before calling.
// Throws std::invalid_argument if the spans differ in length, `factors` is 0, a role is out of
// 0..k + 1, or a sample has a role twice or lacks one (the message names the sample and role).
SaltelliOutputs saltelli_outputs(std::span<const double> y, std::span<const int> role,
                                 std::span<const std::uint64_t> sample_index, std::size_t factors);

struct SobolIndices {
    std::vector<Interval> first_order;  // per factor, in the order of ab's columns
    std::vector<Interval> total;
    double variance = 0.0;         // V, of the outputs at A and B
    std::size_t base_samples = 0;  // N
};

// S1 and ST of every factor, each with a percentile bootstrap interval over base samples: a
// resample draws samples j with replacement and keeps A_j, B_j and AB_ij together, since they
// are one unit of the estimators (resampling rows separately would break the pairing the
// estimators rely on). All indices share the same resamples. The bootstrap treats the samples
// as independent; on a Sobol' (quasi-random) design the true error is smaller, so the
// intervals are conservative there.
// A constant output (V == 0: f(A) and f(B) all equal) has no variance to apportion: every
// index and bound is then NaN, not 0, so it cannot be mistaken for "no influence". Resamples
// that happen to be constant are left out of the intervals (bootstrap.hpp). A NaN output gives
// NaN indices. Throws std::invalid_argument if a, b and ab disagree in rows, or are empty.
SobolIndices sobol_indices(const SaltelliOutputs& outputs, const BootstrapOptions& options = {});

}  // namespace partnersim::analysis
