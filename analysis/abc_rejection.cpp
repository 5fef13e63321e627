#include "analysis/abc_rejection.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "analysis/statistics.hpp"

namespace partnersim::analysis {

double target_deviation(double simulated, const TargetBand& target) {
    if (std::isnan(simulated)) return std::numeric_limits<double>::infinity();
    if (simulated < target.low) return (target.low - simulated) / target.tolerance;
    if (simulated > target.high) return (simulated - target.high) / target.tolerance;
    return 0.0;
}

double abc_distance(std::span<const double> simulated, std::span<const TargetBand> targets) {
    if (simulated.size() != targets.size()) {
        throw std::invalid_argument("abc_distance: one statistic per target");
    }
    if (targets.empty()) return 0.0;
    double squares = 0.0;
    for (std::size_t t = 0; t < targets.size(); ++t) {
        const double d = target_deviation(simulated[t], targets[t]);
        squares += d * d;
    }
    return std::sqrt(squares / static_cast<double>(targets.size()));
}

std::vector<std::size_t> accept_nearest(std::span<const double> distances, double fraction) {
    if (distances.empty()) throw std::invalid_argument("accept_nearest: no samples");
    if (!(fraction > 0.0 && fraction <= 1.0)) {
        throw std::invalid_argument("accept_nearest: the fraction must be in (0, 1]");
    }
    const auto n = distances.size();
    const auto kept = std::clamp<std::size_t>(
        static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(n) - 1e-9)), 1, n);
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return distances[a] < distances[b]; });
    order.resize(kept);
    std::sort(order.begin(), order.end());
    return order;
}

double acceptance_threshold(std::span<const double> distances,
                            std::span<const std::size_t> accepted) {
    double threshold = 0.0;
    for (const std::size_t i : accepted) threshold = std::max(threshold, distances[i]);
    return threshold;
}

PosteriorRange posterior_range(std::span<const double> accepted_values, double prior_low,
                               double prior_high) {
    if (accepted_values.empty()) throw std::invalid_argument("posterior_range: no values");
    PosteriorRange r;
    r.prior_low = prior_low;
    r.prior_high = prior_high;
    const std::vector<double> values(accepted_values.begin(), accepted_values.end());
    r.low = quantile(values, 0.05);
    r.median = quantile(values, 0.5);
    r.high = quantile(values, 0.95);
    const auto [min, max] = std::minmax_element(values.begin(), values.end());
    r.min = *min;
    r.max = *max;
    const double prior_width = 0.9 * (prior_high - prior_low);
    r.width_ratio = prior_width > 0.0 ? (r.high - r.low) / prior_width : 0.0;
    return r;
}

}  // namespace partnersim::analysis
