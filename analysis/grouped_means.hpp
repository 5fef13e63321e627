#pragma once
// Means of one measure over groups of design points (a factor's levels, or the cells of two
// factors crossed), and linear contrasts of those means (level B minus level A; a difference
// of differences), all with bootstrap intervals from the same resamples.
//
// What is resampled depends on where the uncertainty lies.
// - A grid (no sampled parameters): the design points are fixed choices, not a sample, so only
//   the runs' randomness is uncertain. We resample replicate indices and keep all points of a
//   drawn replicate together: with common random numbers replicate r of every point shares one
//   random stream, so the pairing survives and contrasts are as tight as the paired design
//   allows. This holds for any number of replicates from 2 up (with 9 the intervals are
//   rougher, not wrong).
// - A sampled design (Latin hypercube, Sobol, Morris: some parameter has a range) or a grid
//   run once per point: the points themselves are a sample of the space, and the variation
//   between them is part of what an effect averages over, so we resample design points, each
//   carrying all its replicates.

#include <cstddef>
#include <vector>

#include "analysis/bootstrap.hpp"
#include "analysis/results_table.hpp"

namespace partnersim::analysis {

enum class ResamplingUnit { replicate, design_point };

// Which unit grouped_means resamples for this table (see above).
ResamplingUnit resampling_unit(const ResultsTable& table);

struct GroupedMeans {
    std::vector<Interval> means;      // per group; NaN where a group has no runs
    std::vector<std::size_t> runs;    // per group
    std::vector<Interval> contrasts;  // per contrast: sum over groups of weight * mean
};

// The resamples of this table's units (resample_counts of bootstrap.hpp), to share across
// every measure and grouping analysed with the same options.
Eigen::MatrixXd unit_resamples(const ResultsTable& table, const BootstrapOptions& options);

// `group_of_point[p]` in 0..groups-1 (or -1 to leave point p out); each contrast has one
// weight per group. `resamples` (from unit_resamples with the same options) saves drawing
// them again; without it they are drawn here.
GroupedMeans grouped_means(const ResultsTable& table, std::size_t measure,
                           const std::vector<int>& group_of_point, int groups,
                           const std::vector<std::vector<double>>& contrasts,
                           const BootstrapOptions& options = {},
                           const Eigen::MatrixXd* resamples = nullptr);

}  // namespace partnersim::analysis
