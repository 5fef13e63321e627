#include "app/results_summary.hpp"

#include <algorithm>
#include <cmath>

#include "analysis/results_table.hpp"
#include "engine/error.hpp"
#include "io/hdf5_reader.hpp"
#include "io/results_layout.hpp"
#include "model/measures.hpp"

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

std::size_t distinct(std::vector<std::uint64_t> values) {
    std::sort(values.begin(), values.end());
    return static_cast<std::size_t>(std::unique(values.begin(), values.end()) - values.begin());
}

// Per design point; a shard or an unfinished file, which analyses refuse, as one group.
std::vector<PointRisk> risks_of(const ResultsFile& file) {
    try {
        return analysis::outcome_risks_by_point(analysis::read_results_table(file));
    } catch (const std::invalid_argument&) {
        const auto finals = [&](Measure m) {
            return file.final_values(measure_table()[static_cast<std::size_t>(m)].name);
        };
        return {{"the runs of this file (a shard or unfinished: not split by design point)",
                 analysis::outcome_risk(finals(Measure::outcome), finals(Measure::outcome_cause),
                                        finals(Measure::outcome_month))}};
    }
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
    ResultsSummary summary;
    summary.file = results;
    summary.runs = info.runs;
    summary.months = info.months;
    summary.partnersim_version = info.metadata.partnersim_version;
    summary.created_utc = info.metadata.created_utc;
    if (info.runs == 0) return summary;
    for (const auto& measure : info.measures) {
        if (measure_kind(measure) != MeasureKind::continuous) continue;  // see the risks
        summary.measures.push_back(spread_of(measure, file.final_values(measure)));
    }
    summary.risks = risks_of(file);
    summary.drawn_models = !file.shape().model_constants.empty();
    if (summary.drawn_models) {
        summary.models = distinct(file.run_column(layout::replicate));
        summary.held_constants = file.shape().held_constants;
    }
    summary.interval_kind = analysis::interval_kind(summary.drawn_models, summary.models);
    return summary;
}

}  // namespace partnersim::app
