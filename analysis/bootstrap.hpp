#pragma once
// Percentile bootstrap intervals. A statistic is computed on resamples (drawn with
// replacement) of a set of units; the interval is the (1 - c)/2 and (1 + c)/2 quantiles of the
// resampled statistics. Units are whatever must be resampled together: runs, design points,
// or Saltelli base samples (so A, B and AB_i of one sample stay together). Resamples come from
// a RandomStream seeded with `seed` alone, so an interval is reproducible.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include <Eigen/Dense>

#include "analysis/statistics.hpp"

namespace partnersim::analysis {

struct BootstrapOptions {
    int resamples = 1000;
    double confidence = 0.95;
    std::uint64_t seed = 20261125;
};

// The statistic of a resample, given the indices of the units drawn (0..units-1, with repeats).
using ResampledStatistic = std::function<double(std::span<const std::size_t> units)>;

// estimate = statistic on all units in order; low/high = percentile interval over resamples.
// Resamples where the statistic is NaN are left out of the quantiles.
Interval bootstrap_interval(std::size_t units, const ResampledStatistic& statistic,
                            const BootstrapOptions& options = {});

// Several statistics on the same resamples, so their intervals are computed together (e.g. the
// first-order and total Sobol indices of every factor): statistic(units, out) fills out[i].
using ResampledStatistics =
    std::function<void(std::span<const std::size_t> units, std::span<double> out)>;
std::vector<Interval> bootstrap_intervals(std::size_t units, std::size_t statistics,
                                          const ResampledStatistics& statistic,
                                          const BootstrapOptions& options = {});

// The resamples bootstrap_intervals draws with these options, as counts: entry (b, u) is how
// many times resample b drew unit u. Statistics built from per-unit sums (means of groups,
// their contrasts) can then be computed for every resample at once with one matrix product,
// and the counts reused across every measure and parameter analysed with the same units,
// instead of drawing the same resamples again for each.
Eigen::MatrixXd resample_counts(std::size_t units, const BootstrapOptions& options = {});

// Percentile interval from resampled values (NaNs left out), as bootstrap_intervals forms it.
Interval percentile_interval(double estimate, std::vector<double> resampled, double confidence);

}  // namespace partnersim::analysis
