#pragma once
// What the page draws from one finished run of a design: for each key measure a fan (median and
// the 50% and 90% bands over runs, month by month), the month a time-bound contract ends, and
// how the runs ended (the share that ended struggling or collapsed, with its Wilson interval,
// analysis/outcome_risk.hpp), all read back from the run's results file.

#include <filesystem>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace partnersim::workshop {

struct KeyMeasure {
    std::string_view name;   // in the measures table
    std::string_view label;  // in the page
    std::string_view explanation;
};

// Trust in the facilitator, capacity, candour, participation.
std::span<const KeyMeasure> key_measures();

// Quantiles of each month's values over runs, in month order (type 7, analysis/statistics).
struct Fan {
    std::vector<double> p05, p25, p50, p75, p95;
};
// `values` is runs x months, row-major.
Fan fan_of(std::span<const float> values, std::size_t runs, std::size_t months);

// {"months": M, "contract_end": month or null, "replicates": R,
//  "measures": [{"name", "label", "explanation", "p05": [...], ..., "p95": [...]}],
//  "risk": {"failed": share, "low", "high", "runs", "classes": [{name, share, low, high}],
//           "interval_kind": "..."}}
nlohmann::json run_charts(const std::filesystem::path& results, std::optional<int> contract_end);

}  // namespace partnersim::workshop
