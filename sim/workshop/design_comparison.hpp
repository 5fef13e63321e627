#pragma once
// A against B in plain sentences: two runs of designs with the same seed and replicates, so
// replicate r of each drew the same random stream (paired seeds), compared run for run at the
// final month on each key measure (analysis/paired_comparison.hpp, a t interval of the mean
// paired difference) and on the share of runs ending struggling or collapsed (Newcombe's
// interval for paired shares, analysis/outcome_risk.hpp).

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "analysis/statistics.hpp"

namespace partnersim::workshop {

// "Partners' trust in the facilitator at month 60: B is higher than A by 0.052 (95% interval
// +0.031 to +0.073)." or, when the interval spans zero, that the two cannot be told apart.
std::string difference_sentence(const std::string& label, int month,
                                const analysis::Interval& difference);
// The same for the share of runs that ended struggling or collapsed, in percentage points.
std::string failure_sentence(double share_a, double share_b, const analysis::Interval& difference);

// {"month": M, "replicates": R, "interval_kind": "...",
//  "sentences": [{"measure", "label", "a", "b", "difference", "low", "high", "text"}, ...]}
// Throws RequestError unless both files have the same runs, months and seeds.
nlohmann::json compare_runs(const std::filesystem::path& a, const std::filesystem::path& b);

}  // namespace partnersim::workshop
