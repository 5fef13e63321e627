#include "analysis/grouped_means.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include <Eigen/Dense>

namespace partnersim::analysis {

ResamplingUnit resampling_unit(const ResultsTable& table) {
    return table.replicates_per_point >= 10 ? ResamplingUnit::replicate
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

GroupedMeans grouped_means(const ResultsTable& table, std::size_t measure,
                           const std::vector<int>& group_of_point, int groups,
                           const std::vector<std::vector<double>>& contrasts,
                           const BootstrapOptions& options) {
    if (group_of_point.size() != table.design_points) {
        throw std::invalid_argument("grouped_means: one group per design point is needed");
    }
    const UnitSums totals = unit_sums(table, measure, group_of_point, groups);
    const auto units = static_cast<std::size_t>(totals.sums.rows());
    const auto group_count = static_cast<std::size_t>(groups);

    // Statistics: the group means, then the contrasts.
    auto statistic = [&](std::span<const std::size_t> drawn, std::span<double> out) {
        Eigen::VectorXd weight = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(units));
        for (const auto unit : drawn) weight(static_cast<Eigen::Index>(unit)) += 1.0;
        const Eigen::VectorXd sums = totals.sums.transpose() * weight;
        const Eigen::VectorXd counts = totals.counts.transpose() * weight;
        for (std::size_t g = 0; g < group_count; ++g) {
            const auto i = static_cast<Eigen::Index>(g);
            out[g] = counts(i) > 0 ? sums(i) / counts(i) : std::numeric_limits<double>::quiet_NaN();
        }
        for (std::size_t c = 0; c < contrasts.size(); ++c) {
            double value = 0.0;
            for (std::size_t g = 0; g < group_count; ++g)
                if (contrasts[c][g] != 0.0) value += contrasts[c][g] * out[g];
            out[group_count + c] = value;
        }
    };
    const std::vector<Interval> intervals =
        bootstrap_intervals(units, group_count + contrasts.size(), statistic, options);

    GroupedMeans result;
    result.means.assign(intervals.begin(), intervals.begin() + static_cast<long>(group_count));
    result.contrasts.assign(intervals.begin() + static_cast<long>(group_count), intervals.end());
    const Eigen::VectorXd counts = totals.counts.colwise().sum().transpose();
    for (std::size_t g = 0; g < group_count; ++g)
        result.runs.push_back(static_cast<std::size_t>(counts(static_cast<Eigen::Index>(g))));
    return result;
}

}  // namespace partnersim::analysis
