#include "analysis/bootstrap.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <vector>

#include "model/random_stream.hpp"

namespace partnersim::analysis {

std::vector<Interval> bootstrap_intervals(std::size_t units, std::size_t statistics,
                                          const ResampledStatistics& statistic,
                                          const BootstrapOptions& options) {
    if (units == 0) throw std::invalid_argument("bootstrap: no units to resample");
    if (options.resamples < 1) throw std::invalid_argument("bootstrap: resamples must be >= 1");

    std::vector<std::size_t> indices(units);
    std::iota(indices.begin(), indices.end(), std::size_t{0});
    std::vector<double> values(statistics);
    statistic(indices, values);
    std::vector<Interval> intervals(statistics);
    for (std::size_t s = 0; s < statistics; ++s) intervals[s].estimate = values[s];

    // resampled[s] collects statistic s over the resamples where it is defined.
    std::vector<std::vector<double>> resampled(statistics);
    for (auto& r : resampled) r.reserve(static_cast<std::size_t>(options.resamples));
    RandomStream stream(options.seed);
    for (int b = 0; b < options.resamples; ++b) {
        for (auto& index : indices) index = static_cast<std::size_t>(stream.below(units));
        statistic(indices, values);
        for (std::size_t s = 0; s < statistics; ++s)
            if (!std::isnan(values[s])) resampled[s].push_back(values[s]);
    }
    const double tail = (1.0 - options.confidence) / 2.0;
    for (std::size_t s = 0; s < statistics; ++s) {
        intervals[s].low = quantile(resampled[s], tail);
        intervals[s].high = quantile(resampled[s], 1.0 - tail);
    }
    return intervals;
}

Eigen::MatrixXd resample_counts(std::size_t units, const BootstrapOptions& options) {
    if (units == 0) throw std::invalid_argument("bootstrap: no units to resample");
    if (options.resamples < 1) throw std::invalid_argument("bootstrap: resamples must be >= 1");
    Eigen::MatrixXd counts =
        Eigen::MatrixXd::Zero(options.resamples, static_cast<Eigen::Index>(units));
    RandomStream stream(options.seed);  // drawn in the order bootstrap_intervals draws them
    for (int b = 0; b < options.resamples; ++b) {
        for (std::size_t i = 0; i < units; ++i)
            counts(b, static_cast<Eigen::Index>(stream.below(units))) += 1.0;
    }
    return counts;
}

Interval percentile_interval(double estimate, std::vector<double> resampled, double confidence) {
    resampled.erase(
        std::remove_if(resampled.begin(), resampled.end(), [](double v) { return std::isnan(v); }),
        resampled.end());
    const double tail = (1.0 - confidence) / 2.0;
    return {estimate, quantile(resampled, tail), quantile(resampled, 1.0 - tail)};
}

Interval bootstrap_interval(std::size_t units, const ResampledStatistic& statistic,
                            const BootstrapOptions& options) {
    return bootstrap_intervals(
        units, 1,
        [&](std::span<const std::size_t> drawn, std::span<double> out) {
            out[0] = statistic(drawn);
        },
        options)[0];
}

}  // namespace partnersim::analysis
