#pragma once
// Two designs compared run for run. Replicate r of the baseline and of the variant use the
// same random stream (common random numbers), so the per-replicate difference cancels most of
// the run-to-run noise: its mean gets a Student-t interval far narrower than two independent
// samples would give. The standardised effect divides the mean difference by the spread
// between runs (pooled s.d. of the two designs, Cohen's d), not by the s.d. of the
// differences, so it says how large the change is relative to how much partnerships differ
// anyway, which is what a reader of "a large effect" has in mind.

#include <span>
#include <string>
#include <vector>

#include "analysis/statistics.hpp"
#include "engine/run_result.hpp"

namespace partnersim::analysis {

struct PairedEffect {
    double baseline_mean = 0.0;
    double variant_mean = 0.0;
    Interval difference;        // variant - baseline: mean and t interval over replicates
    double standardised = 0.0;  // difference / pooled s.d.; NaN when the measure does not vary
    // The share of paired replicates in which the variant ends higher (lower) than the
    // baseline, with a Wilson interval: "in about 8 in 10 runs", which a reader can picture.
    Interval higher;
    Interval lower;
};

// baseline[r] and variant[r] come from replicate r of each design. Throws
// std::invalid_argument unless both have the same length >= 2.
PairedEffect paired_effect(std::span<const double> baseline, std::span<const double> variant,
                           double confidence = 0.95);

// One measure compared at every month (index 0 = month 1) and at the final month.
struct MeasureComparison {
    std::string measure;
    std::vector<PairedEffect> by_month;
    PairedEffect final;
};

struct ScenarioComparison {
    int months = 0;
    std::size_t replicates = 0;
    double confidence = 0.95;
    std::vector<MeasureComparison> measures;  // continuous ones, in the model's order
};

// The comparison of two replicate sets, run r of each sharing its stream. Both sets must have
// the same number of runs (>= 2) and months.
ScenarioComparison compare_runs(const std::vector<RunResult>& baseline,
                                const std::vector<RunResult>& variant, double confidence = 0.95);

}  // namespace partnersim::analysis
