#include "analysis/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include <boost/math/distributions/students_t.hpp>

namespace partnersim::analysis {

double mean_of(std::span<const double> values) {
    if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

double standard_deviation(std::span<const double> values) {
    if (values.size() < 2) return 0.0;
    const double mean = mean_of(values);
    double squares = 0.0;
    for (const double v : values) squares += (v - mean) * (v - mean);
    return std::sqrt(squares / static_cast<double>(values.size() - 1));
}

double quantile(std::vector<double> values, double p) {
    if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
    std::sort(values.begin(), values.end());
    const double position = std::clamp(p, 0.0, 1.0) * static_cast<double>(values.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, values.size() - 1);
    const double fraction = position - static_cast<double>(below);
    return values[below] + fraction * (values[above] - values[below]);
}

double t_quantile(double confidence, double degrees_of_freedom) {
    const boost::math::students_t distribution(degrees_of_freedom);
    return boost::math::quantile(distribution, 0.5 + confidence / 2.0);
}

Interval mean_interval(std::span<const double> values, double confidence) {
    const double mean = mean_of(values);
    if (values.size() < 2) {
        const double inf = std::numeric_limits<double>::infinity();
        return {mean, -inf, inf};
    }
    const double n = static_cast<double>(values.size());
    const double half_width =
        t_quantile(confidence, n - 1.0) * standard_deviation(values) / std::sqrt(n);
    return {mean, mean - half_width, mean + half_width};
}

}  // namespace partnersim::analysis
