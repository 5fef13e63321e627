#include "app/results_summary.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "analysis/results_table.hpp"
#include "engine/error.hpp"
#include "io/hdf5_reader.hpp"
#include "io/results_layout.hpp"
#include "io/scenario_file.hpp"
#include "model/measures.hpp"

namespace partnersim::app {
namespace {

double quantile(const std::vector<double>& sorted_values, double q) {
    // ResultsFile gives every run's value (summarise_results stops at zero runs); an empty list
    // here would read before the start.
    if (sorted_values.empty()) throw std::logic_error("quantile of no values");
    const double position = q * static_cast<double>(sorted_values.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const auto above = std::min(below + 1, sorted_values.size() - 1);
    const double weight = position - static_cast<double>(below);
    return (1 - weight) * sorted_values[below] + weight * sorted_values[above];
}

MeasureSpread spread_of(std::string measure, std::vector<double> values) {
    MeasureSpread s;
    s.measure = std::move(measure);
    s.runs = values.size();
    if (const MeasureSpec* spec = find_measure(s.measure)) s.units = spec->units;
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

// Whether a design samples its points (Sobol, Morris, Latin hypercube): a point per sample,
// each with a handful of runs, so its summary stays pooled.
bool is_sampled(const analysis::ResultsTable& table) {
    return std::any_of(table.factors.begin(), table.factors.end(),
                       [](const auto& factor) { return factor.range_index; });
}

// Per grid point; a sampled design, a shard or an unfinished file (which analyses refuse) as
// one group.
std::vector<PointRisk> risks_of(const ResultsFile& file) {
    const auto pooled = [&](const std::string& label) {
        const auto finals = [&](Measure m) {
            return file.final_values(measure_table()[static_cast<std::size_t>(m)].name);
        };
        return std::vector<PointRisk>{
            {label, analysis::outcome_risk(finals(Measure::outcome), finals(Measure::outcome_cause),
                                           finals(Measure::outcome_month))}};
    };
    try {
        const analysis::ResultsTable table = analysis::read_results_table(file);
        if (is_sampled(table)) {
            return pooled("all " + std::to_string(table.design_points) +
                          " sampled set-ups, pooled");
        }
        return analysis::outcome_risks_by_point(table);
    } catch (const std::invalid_argument&) {
        return pooled("the runs of this file (a shard or unfinished: not split by design point)");
    }
}

ResultsFile opened(const std::filesystem::path& results) {
    try {
        return ResultsFile(results);
    } catch (const std::runtime_error& error) {  // missing, not HDF5, not a results file
        throw InputError(error.what());
    }
}

// The results file's scenario, read once for every point; nullopt when it no longer reads (an
// older file's): then no point says when it ended.
std::optional<Scenario> stored_scenario(const std::string& scenario_toml) {
    try {
        return parse_scenario(scenario_toml, "the results file's scenario");
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// The end month of a time-bound partnership at this design point if it ended before the final
// month, else 0: the resolved scenario the file carries with the point's settings applied.
int ended_month(const std::optional<Scenario>& stored, const analysis::ResultsTable& table,
                std::uint64_t point, int months) {
    if (!stored) return 0;
    try {
        Scenario scenario = *stored;
        for (const auto& factor : table.factors) {
            apply_override(scenario, factor.name + "=" + factor.label(point));
        }
        if (scenario.setup.duration == Duration::time_bound && scenario.setup.end_month < months)
            return scenario.setup.end_month;
    } catch (const std::exception&) {
        // A point's setting that no longer applies as an override: say nothing.
    }
    return 0;
}

std::vector<PointSummary> points_of(const ResultsFile& file, const std::string& scenario_toml) {
    const analysis::ResultsTable table = analysis::read_results_table(file);
    std::vector<PointSummary> points;
    if (is_sampled(table)) return points;  // pooled (is_sampled says why)
    const std::optional<Scenario> stored = stored_scenario(scenario_toml);
    for (std::uint64_t point = 0; point < table.design_points; ++point) {
        PointSummary summary;
        for (const auto& factor : table.factors) {
            summary.point +=
                (summary.point.empty() ? "" : ", ") + factor.name + "=" + factor.label(point);
        }
        if (summary.point.empty()) summary.point = "all runs";
        for (std::size_t m = 0; m < table.measures.size(); ++m) {
            if (measure_kind(table.measures[m]) != MeasureKind::continuous) continue;
            std::vector<double> values;
            for (std::size_t r = 0; r < table.runs(); ++r) {
                if (table.design_point[r] == point)
                    values.push_back(
                        table.outcomes(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(m)));
            }
            if (!values.empty()) summary.measures.push_back(spread_of(table.measures[m], values));
        }
        summary.ended_month = ended_month(stored, table, point, file.info().months);
        points.push_back(std::move(summary));
    }
    return points;
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
    try {
        summary.points = points_of(file, info.metadata.scenario_toml);
    } catch (const std::invalid_argument&) {
        // A shard or an unfinished file: only the pooled table (as the risks say).
    }
    summary.drawn_models = !file.shape().model_constants.empty();
    if (summary.drawn_models) {
        summary.models = distinct(file.run_column(layout::replicate));
        summary.held_constants = file.shape().held_constants;
    }
    summary.interval_kind = analysis::interval_kind(summary.drawn_models, summary.models);
    return summary;
}

}  // namespace partnersim::app
