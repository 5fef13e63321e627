#include "analysis/grouped_means.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <Eigen/Dense>

namespace partnersim::analysis {

ResamplingUnit resampling_unit(const ResultsTable& table) {
    const bool sampled =
        std::any_of(table.factors.begin(), table.factors.end(),
                    [](const DesignFactor& f) { return f.range_index.has_value(); });
    return !sampled && table.replicates_per_point >= 2 ? ResamplingUnit::replicate
                                                       : ResamplingUnit::design_point;
}

namespace {

// Per unit and group: the sum of the measure over its runs, and how many runs.
struct UnitSums {
    Eigen::MatrixXd sums;    // units x groups
    Eigen::MatrixXd counts;  // units x groups
};

UnitSums unit_sums(const ResultsTable& table, std::size_t measure,
                   const std::vector<int>& group_of_point, int groups) {
    const bool by_replicate = resampling_unit(table) == ResamplingUnit::replicate;
    const auto units =
        static_cast<Eigen::Index>(by_replicate ? table.replicates_per_point : table.design_points);
    UnitSums totals{Eigen::MatrixXd::Zero(units, groups), Eigen::MatrixXd::Zero(units, groups)};
    const auto column = static_cast<Eigen::Index>(measure);
    for (std::size_t run = 0; run < table.runs(); ++run) {
        const int group = group_of_point[table.design_point[run]];
        if (group < 0) continue;
        const auto unit = static_cast<Eigen::Index>(by_replicate ? table.replicate[run]
                                                                 : table.design_point[run]);
        if (unit >= units) throw std::runtime_error("a run's replicate is out of range");
        totals.sums(unit, group) += table.outcomes(static_cast<Eigen::Index>(run), column);
        totals.counts(unit, group) += 1.0;
    }
    return totals;
}

}  // namespace

Eigen::MatrixXd unit_resamples(const ResultsTable& table, const BootstrapOptions& options) {
    const bool by_replicate = resampling_unit(table) == ResamplingUnit::replicate;
    return resample_counts(by_replicate ? table.replicates_per_point : table.design_points,
                           options);
}

namespace {

// Group means from weighted unit sums: one row per weighting (the full data, or a resample).
Eigen::MatrixXd means_of(const Eigen::MatrixXd& sums, const Eigen::MatrixXd& counts) {
    Eigen::MatrixXd means(sums.rows(), sums.cols());
    for (Eigen::Index r = 0; r < sums.rows(); ++r) {
        for (Eigen::Index g = 0; g < sums.cols(); ++g) {
            means(r, g) = counts(r, g) > 0 ? sums(r, g) / counts(r, g)
                                           : std::numeric_limits<double>::quiet_NaN();
        }
    }
    return means;
}

// A contrast's value per row of `means`; a group with weight 0 does not count even if NaN.
Eigen::VectorXd contrast_of(const Eigen::MatrixXd& means, const std::vector<double>& weights) {
    Eigen::VectorXd values = Eigen::VectorXd::Zero(means.rows());
    for (std::size_t g = 0; g < weights.size(); ++g)
        if (weights[g] != 0.0) values += weights[g] * means.col(static_cast<Eigen::Index>(g));
    return values;
}

std::vector<double> as_vector(const Eigen::VectorXd& column) {
    return std::vector<double>(column.data(), column.data() + column.size());
}

}  // namespace

GroupedMeans grouped_means(const ResultsTable& table, std::size_t measure,
                           const std::vector<int>& group_of_point, int groups,
                           const std::vector<std::vector<double>>& contrasts,
                           const BootstrapOptions& options, const Eigen::MatrixXd* resamples) {
    if (group_of_point.size() != table.design_points) {
        throw std::invalid_argument("grouped_means: one group per design point is needed");
    }
    const UnitSums totals = unit_sums(table, measure, group_of_point, groups);
    Eigen::MatrixXd drawn;
    if (!resamples) {
        drawn = resample_counts(static_cast<std::size_t>(totals.sums.rows()), options);
        resamples = &drawn;
    }
    if (resamples->cols() != totals.sums.rows()) {
        throw std::invalid_argument("grouped_means: resamples of a different number of units");
    }
    // Row 0: every unit once (the estimate); the rest: one row per resample.
    const Eigen::RowVectorXd all = Eigen::RowVectorXd::Ones(totals.sums.rows());
    const Eigen::MatrixXd estimate = means_of(all * totals.sums, all * totals.counts);
    const Eigen::MatrixXd resampled =
        means_of(*resamples * totals.sums, *resamples * totals.counts);

    GroupedMeans result;
    for (Eigen::Index g = 0; g < groups; ++g) {
        result.means.push_back(
            percentile_interval(estimate(0, g), as_vector(resampled.col(g)), options.confidence));
        result.runs.push_back(static_cast<std::size_t>(totals.counts.col(g).sum()));
    }
    for (const auto& weights : contrasts) {
        result.contrasts.push_back(percentile_interval(contrast_of(estimate, weights)(0),
                                                       as_vector(contrast_of(resampled, weights)),
                                                       options.confidence));
    }
    return result;
}

}  // namespace partnersim::analysis
