#pragma once
// Small summaries every estimator needs: means, standard deviations, quantiles and a t-based
// confidence interval for a mean. Values are taken as given (no NaN filtering): a NaN in gives
// a NaN out, which the callers report rather than hide.

#include <span>
#include <vector>

namespace partnersim::analysis {

// An estimate with a confidence interval [low, high].
struct Interval {
    double estimate = 0.0;
    double low = 0.0;
    double high = 0.0;
    bool excludes_zero() const { return low > 0.0 || high < 0.0; }
};

double mean_of(std::span<const double> values);
// Sample standard deviation (n - 1 in the denominator); 0 for fewer than two values.
double standard_deviation(std::span<const double> values);
// The p-quantile (0 <= p <= 1) by linear interpolation between order statistics (type 7, the
// default of R and NumPy). `values` need not be sorted.
double quantile(std::vector<double> values, double p);

// Mean of `values` with a two-sided Student-t interval at `confidence` (e.g. 0.95). With fewer
// than two values the interval is [-inf, +inf]: nothing is known about the spread.
Interval mean_interval(std::span<const double> values, double confidence = 0.95);

// The two-sided Student-t quantile for `confidence` with `degrees_of_freedom`.
double t_quantile(double confidence, double degrees_of_freedom);

}  // namespace partnersim::analysis
