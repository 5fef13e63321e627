#pragma once
// Paired comparisons of two designs for the pattern tests: replicate r of both designs uses the
// same random stream (common random numbers), so the per-replicate difference removes most of
// the run-to-run noise, and its mean gets a t-based 95% confidence interval.

#include <cmath>
#include <functional>
#include <vector>

#include "engine/run.hpp"

namespace partnersim::test {

struct Interval {
    double mean = 0;
    double low = 0;
    double high = 0;
    bool excludes_zero() const { return low > 0 || high < 0; }
};

// A quantity read from one run (e.g. a measure at a month, or a change between months).
using RunReading = std::function<double(const RunResult&)>;

inline RunReading at_month(Measure measure, int month) {
    return [measure, month](const RunResult& r) { return double(r.at(measure, month - 1)); };
}
// Mean of a measure over months [first, last] (1-based, inclusive).
inline RunReading mean_over(Measure measure, int first, int last) {
    return [measure, first, last](const RunResult& r) {
        double sum = 0;
        for (int m = first; m <= last; ++m) sum += r.at(measure, m - 1);
        return sum / (last - first + 1);
    };
}

inline Interval interval_of(const std::vector<double>& values) {
    const double n = static_cast<double>(values.size());
    double mean = 0;
    for (const double v : values) mean += v;
    mean /= n;
    double squares = 0;
    for (const double v : values) squares += (v - mean) * (v - mean);
    const double se = std::sqrt(squares / (n - 1) / n);
    // t quantile for 95% two-sided; the tests use >= 100 replicates, where it is 1.98 or less.
    const double t = 1.984;
    return {mean, mean - t * se, mean + t * se};
}

// Mean of reading(B) - reading(A) over paired replicates, with its 95% interval.
inline Interval paired_difference(const Scenario& a, const Scenario& b, const RunReading& reading,
                                  int replicates, std::uint64_t seed = 777) {
    std::vector<double> differences;
    differences.reserve(static_cast<std::size_t>(replicates));
    for (int r = 0; r < replicates; ++r) {
        const RunId id = make_run_id(seed, 0, static_cast<std::uint64_t>(r), 1u << 20);
        differences.push_back(reading(run_partnership(b, id)) - reading(run_partnership(a, id)));
    }
    return interval_of(differences);
}

// Difference of differences: (B2 - B1) - (A2 - A1), paired across all four designs, for
// "does the effect of 1 -> 2 depend on A vs B?".
inline Interval paired_interaction(const Scenario& a1, const Scenario& a2, const Scenario& b1,
                                   const Scenario& b2, const RunReading& reading, int replicates,
                                   std::uint64_t seed = 777) {
    std::vector<double> values;
    for (int r = 0; r < replicates; ++r) {
        const RunId id = make_run_id(seed, 0, static_cast<std::uint64_t>(r), 1u << 20);
        const double effect_a = reading(run_partnership(a2, id)) - reading(run_partnership(a1, id));
        const double effect_b = reading(run_partnership(b2, id)) - reading(run_partnership(b1, id));
        values.push_back(effect_b - effect_a);
    }
    return interval_of(values);
}

}  // namespace partnersim::test
