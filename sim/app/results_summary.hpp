#pragma once
// What a results file holds, in brief: its size and origin, and for every measure the final
// month's mean with a 95% interval of the mean and the 5th and 95th percentiles across runs.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "analysis/outcome_risk.hpp"

namespace partnersim::app {

struct MeasureSpread {
    std::string measure;
    double mean = 0, half_width = 0, p05 = 0, p95 = 0;  // half_width: of the 95% interval
    std::string units;                                  // from the measures table
    std::size_t runs = 0;
};

// One design point's final month (the whole file's, for a file without a sweep).
struct PointSummary {
    std::string point;  // its settings ("setup.duration=time_bound, ..."), or "all runs"
    std::vector<MeasureSpread> measures;
    // The last month of a time-bound partnership that had ended before the final month
    // (its participation reads 0 because it ended), else 0.
    int ended_month = 0;
};

using analysis::PointRisk;

struct ResultsSummary {
    std::filesystem::path file;
    std::uint64_t runs = 0;
    int months = 0;
    std::string partnersim_version;
    std::string created_utc;
    std::vector<MeasureSpread> measures;  // continuous measures; empty when the file has no run
    std::vector<PointSummary> points;     // the same per grid point; empty for a sampled design
    std::vector<PointRisk> risks;         // per design point (analysis::outcome_risks_by_point)
    // Which interval the intervals are (analysis::interval_kind): drawn models or not.
    bool drawn_models = false;
    std::size_t models = 0;  // distinct drawn models (replicates), with drawn_models
    std::vector<std::string> held_constants;  // set or swept, so not drawn
    std::string interval_kind;
};

// Throws InputError if the file is missing or not a results file, std::runtime_error (a
// failure) if a dataset cannot be read after it opened.
ResultsSummary summarise_results(const std::filesystem::path& results);

}  // namespace partnersim::app
