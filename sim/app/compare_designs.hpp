#pragma once
// Comparing two scenarios: both run with paired seeds (replicate r of each draws the same
// random stream), then, for every measure, the mean difference with a 95% interval and a
// standardised effect, at the final month and month by month; optionally kept as HDF5 tables.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "analysis/outcome_risk.hpp"
#include "analysis/paired_comparison.hpp"
#include "app/progress.hpp"

namespace partnersim::app {

struct CompareRequest {
    std::filesystem::path baseline;
    std::optional<std::filesystem::path> variant;  // default: the baseline file
    std::vector<std::string> variant_overrides;    // key=value, applied to the variant
    std::vector<std::string> baseline_overrides;   // key=value, applied to the baseline
    std::optional<std::uint64_t> seed;
    std::optional<std::int64_t> replicates;
    bool uncertainty = false;  // --uncertainty: both scenarios draw their models per replicate
    int threads = 0;
    std::filesystem::path output;  // optional: the comparison tables as HDF5
    bool force = false;
    const std::atomic<bool>* stop = nullptr;  // set to stop: nothing is reported or written
    ProgressObserver* observer = nullptr;     // optional; counts the runs of both scenarios
};

// Under drawn models: how the per-replicate paired effect (variant - baseline at the final
// month) spreads across the drawn models, beyond the interval of its mean.
struct EffectAcrossModels {
    std::string measure;
    double p05 = 0, p95 = 0;  // 5th and 95th percentiles of the per-replicate effect
    double same_sign = 0;     // share of models whose effect has the sign of the mean effect
};

struct ComparisonOutcome {
    std::string baseline_label;  // the file and its overrides, as asked
    std::string variant_label;
    std::vector<std::string> differences;  // "key: before -> after" per parameter that differs
    std::vector<std::string> notes;        // what was aligned between the two, for the reader
    analysis::ScenarioComparison comparison;
    // How the runs ended, and the paired difference in failure risk (variant - baseline share
    // of runs that end struggling or collapsed), Newcombe's interval.
    analysis::OutcomeRisk baseline_risk;
    analysis::OutcomeRisk variant_risk;
    analysis::Interval failure_difference;
    bool drawn_models = false;                      // uncertainty.model_constants = plausible
    std::string interval_kind;                      // analysis::interval_kind
    std::vector<EffectAcrossModels> across_models;  // with drawn_models only
    std::filesystem::path saved;                    // the output written, or empty
};

// Throws InputError for a bad scenario, a sweep, nothing to compare, different horizons, too
// few replicates or an existing output (checked before anything runs); Interrupted when `stop`
// was set while the replicates ran; std::runtime_error for a failure.
ComparisonOutcome compare_designs(const CompareRequest& request);

}  // namespace partnersim::app
