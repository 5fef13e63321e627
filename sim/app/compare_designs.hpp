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
    int threads = 0;
    std::filesystem::path output;  // optional: the comparison tables as HDF5
    bool force = false;
    const std::atomic<bool>* stop = nullptr;  // set to stop: nothing is reported or written
    ProgressObserver* observer = nullptr;     // optional; counts the runs of both scenarios
};

struct ComparisonOutcome {
    std::string baseline_label;  // the file and its overrides, as asked
    std::string variant_label;
    std::vector<std::string> differences;  // "key: before -> after" per parameter that differs
    std::vector<std::string> notes;        // what was aligned between the two, for the reader
    analysis::ScenarioComparison comparison;
    std::filesystem::path saved;  // the output written, or empty
};

// Throws InputError for a bad scenario, a sweep, nothing to compare, different horizons, too
// few replicates or an existing output (checked before anything runs); Interrupted when `stop`
// was set while the replicates ran; std::runtime_error for a failure.
ComparisonOutcome compare_designs(const CompareRequest& request);

}  // namespace partnersim::app
