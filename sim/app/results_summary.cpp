#include "app/results_summary.hpp"

#include <algorithm>
#include <cmath>

#include "engine/error.hpp"
#include "io/hdf5_reader.hpp"

namespace partnersim::app {
namespace {

double quantile(const std::vector<double>& sorted_values, double q) {
    const double position = q * static_cast<double>(sorted_values.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const auto above = std::min(below + 1, sorted_values.size() - 1);
    const double weight = position - static_cast<double>(below);
    return (1 - weight) * sorted_values[below] + weight * sorted_values[above];
}

MeasureSpread spread_of(std::string measure, std::vector<double> values) {
    MeasureSpread s{std::move(measure)};
    const double n = static_cast<double>(values.size());
    for (const double v : values) s.mean += v;
    s.mean /= n;
    double squares = 0;
    for (const double v : values) squares += (v - s.mean) * (v - s.mean);
    // Normal approximation to the 95% interval of the mean; fine for the replicate counts a
    // summary is read at (tens and up).
    s.half_width = values.size() > 1 ? 1.96 * std::sqrt(squares / (n - 1) / n) : 0.0;
    std::sort(values.begin(), values.end());
    s.p05 = quantile(values, 0.05);
    s.p95 = quantile(values, 0.95);
    return s;
}

ResultsFile opened(const std::filesystem::path& results) {
    try {
        return ResultsFile(results);
    } catch (const std::runtime_error& error) {  // missing, not HDF5, not a results file
        throw InputError(error.what());
    }
}

}  // namespace

ResultsSummary summarise_results(const std::filesystem::path& results) {
    const ResultsFile file = opened(results);
    const ResultsFileInfo& info = file.info();
    ResultsSummary summary{results,
                           info.runs,
                           info.months,
                           info.metadata.partnersim_version,
                           info.metadata.created_utc,
                           {}};
    if (info.runs == 0) return summary;
    for (const auto& measure : info.measures) {
        summary.measures.push_back(spread_of(measure, file.final_values(measure)));
    }
    return summary;
}

}  // namespace partnersim::app
