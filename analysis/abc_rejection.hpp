#pragma once
// Approximate Bayesian computation by rejection (Pritchard et al. 1999; the scheme of EasyABC's
// ABC_rejection and of nlrx's "abcr" simdesign): parameter sets drawn from the prior, each
// simulated, its summary statistics compared with the targets by a distance, and the fraction
// nearest the targets kept as a sample of the approximate posterior. The simulating and the
// drawing are the caller's (app/calibrate_model); this is the arithmetic, model-free.
//
// Distance: each statistic's deviation from its target in units of the target's tolerance,
// zero anywhere inside a target range, and the root mean square of the deviations over the
// targets. Dividing by the tolerance puts hours a year and shares of partners on one scale (the
// role EasyABC gives to normalising by the statistics' spread), and says plainly what "close
// enough" means for each target.

#include <cstddef>
#include <span>
#include <vector>

namespace partnersim::analysis {

// What a summary statistic should be: a value (low == high) or a range, and how far from it
// counts as one unit of distance.
struct TargetBand {
    double low = 0.0;
    double high = 0.0;
    double tolerance = 1.0;  // > 0
};

// How many tolerances `simulated` lies outside [low, high] (0 inside); +inf for a NaN.
double target_deviation(double simulated, const TargetBand& target);

// Root mean square of the deviations of `simulated[t]` from `targets[t]`; +inf if any is NaN.
// The spans have one entry per target.
double abc_distance(std::span<const double> simulated, std::span<const TargetBand> targets);

// The samples kept: the ceil(fraction x n) (at least 1) with the smallest distances, ties
// broken by the lower index so the choice is a pure function of the distances; in index order.
// Throws std::invalid_argument unless 0 < fraction <= 1 and distances is not empty.
std::vector<std::size_t> accept_nearest(std::span<const double> distances, double fraction);

// The distance of the last sample kept (the tolerance epsilon the quantile implies).
double acceptance_threshold(std::span<const double> distances,
                            std::span<const std::size_t> accepted);

// A constant's prior (uniform on [prior_low, prior_high]) against the values kept.
struct PosteriorRange {
    double prior_low = 0.0;
    double prior_high = 0.0;
    double low = 0.0;     // 5% quantile of the values kept
    double median = 0.0;  // 50%
    double high = 0.0;    // 95%
    double min = 0.0;
    double max = 0.0;
    // Width of the central 90% kept over the prior's central 90% (0.9 x its width): about 1
    // when the targets say nothing about the constant, near 0 when they pin it down.
    double width_ratio = 1.0;
};

PosteriorRange posterior_range(std::span<const double> accepted_values, double prior_low,
                               double prior_high);

}  // namespace partnersim::analysis
