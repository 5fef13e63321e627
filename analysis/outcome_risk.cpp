#include "analysis/outcome_risk.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <boost/math/distributions/normal.hpp>

#include "analysis/results_table.hpp"
#include "model/measures.hpp"
#include "model/partnership_state.hpp"

namespace partnersim::analysis {
namespace {

double normal_quantile(double confidence) {
    return boost::math::quantile(boost::math::normal(), 0.5 + confidence / 2.0);
}

std::span<const std::string_view> classes_of(Measure measure) {
    return measure_table()[static_cast<std::size_t>(measure)].classes;
}

std::vector<ShareOfRuns> shares(std::span<const double> codes,
                                std::span<const std::string_view> names, double confidence) {
    std::vector<ShareOfRuns> result;
    for (std::size_t k = 0; k < names.size(); ++k) {
        const auto count = static_cast<std::size_t>(
            std::count(codes.begin(), codes.end(), static_cast<double>(k)));
        result.push_back(
            {std::string(names[k]), count, wilson_interval(count, codes.size(), confidence)});
    }
    return result;
}

bool failed(double outcome_code) {
    return outcome_code == static_cast<double>(OutcomeClass::struggling) ||
           outcome_code == static_cast<double>(OutcomeClass::collapsed);
}

}  // namespace

Interval wilson_interval(std::size_t successes, std::size_t trials, double confidence) {
    if (trials == 0) return {std::numeric_limits<double>::quiet_NaN(), 0.0, 1.0};
    const double n = static_cast<double>(trials);
    const double p = static_cast<double>(successes) / n;
    const double z = normal_quantile(confidence);
    const double z2 = z * z;
    const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    const double half = z / (1 + z2 / n) * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return {p, std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

Interval paired_share_difference(std::span<const double> baseline_events,
                                 std::span<const double> variant_events, double confidence) {
    if (baseline_events.size() != variant_events.size() || baseline_events.empty()) {
        throw std::invalid_argument("paired_share_difference: need two paired sets of one size");
    }
    // The 2x2 table of pairs: a both, b variant only, c baseline only, d neither.
    double a = 0, b = 0, c = 0, d = 0;
    for (std::size_t r = 0; r < baseline_events.size(); ++r) {
        const bool base = baseline_events[r] != 0.0;
        const bool var = variant_events[r] != 0.0;
        (base && var ? a : var ? b : base ? c : d) += 1;
    }
    const double n = a + b + c + d;
    const Interval variant =
        wilson_interval(static_cast<std::size_t>(a + b), static_cast<std::size_t>(n), confidence);
    const Interval baseline =
        wilson_interval(static_cast<std::size_t>(a + c), static_cast<std::size_t>(n), confidence);
    const double margins = (a + b) * (c + d) * (a + c) * (b + d);
    const double phi = margins > 0 ? (a * d - b * c) / std::sqrt(margins) : 0.0;
    const double p1 = variant.estimate, l1 = variant.low, u1 = variant.high;
    const double p2 = baseline.estimate, l2 = baseline.low, u2 = baseline.high;
    const double below = std::sqrt(std::max(
        0.0, (p1 - l1) * (p1 - l1) - 2 * phi * (p1 - l1) * (u2 - p2) + (u2 - p2) * (u2 - p2)));
    const double above = std::sqrt(std::max(
        0.0, (u1 - p1) * (u1 - p1) - 2 * phi * (u1 - p1) * (p2 - l2) + (p2 - l2) * (p2 - l2)));
    const double difference = p1 - p2;
    return {difference, std::max(-1.0, difference - below), std::min(1.0, difference + above)};
}

std::vector<double> failure_events(std::span<const double> outcome) {
    std::vector<double> events;
    events.reserve(outcome.size());
    for (const double code : outcome) events.push_back(failed(code) ? 1.0 : 0.0);
    return events;
}

OutcomeRisk outcome_risk(std::span<const double> outcome, std::span<const double> cause,
                         std::span<const double> month, double confidence) {
    if (cause.size() != outcome.size() || month.size() != outcome.size()) {
        throw std::invalid_argument("outcome_risk: outcome, cause and month of different runs");
    }
    OutcomeRisk risk;
    risk.runs = outcome.size();
    risk.classes = shares(outcome, classes_of(Measure::outcome), confidence);
    risk.causes = shares(cause, classes_of(Measure::outcome_cause), confidence);
    std::vector<double> failure_months;
    for (std::size_t r = 0; r < outcome.size(); ++r) {
        if (failed(outcome[r])) failure_months.push_back(month[r] + 1.0);
    }
    risk.failed_runs = failure_months.size();
    risk.failure = {"failed (struggling or collapsed)", risk.failed_runs,
                    wilson_interval(risk.failed_runs, risk.runs, confidence)};
    risk.median_failure_month = failure_months.empty() ? std::numeric_limits<double>::quiet_NaN()
                                                       : quantile(failure_months, 0.5);
    return risk;
}

std::vector<PointRisk> outcome_risks_by_point(const ResultsTable& table) {
    const auto column = [&](Measure m) {
        return table.outcomes.col(static_cast<Eigen::Index>(
            table.measure_index(measure_table()[static_cast<std::size_t>(m)].name)));
    };
    const auto outcome = column(Measure::outcome);
    const auto cause = column(Measure::outcome_cause);
    const auto month = column(Measure::outcome_month);
    std::vector<PointRisk> risks;
    for (std::uint64_t point = 0; point < table.design_points; ++point) {
        std::vector<double> o, c, m;
        for (std::size_t r = 0; r < table.runs(); ++r) {
            if (table.design_point[r] != point) continue;
            const auto row = static_cast<Eigen::Index>(r);
            o.push_back(outcome(row));
            c.push_back(cause(row));
            m.push_back(month(row));
        }
        std::string label = table.factors.empty() ? "all runs" : "";
        for (const auto& factor : table.factors) {
            label += (label.empty() ? "" : ", ") + factor.name + "=" + factor.label(point);
        }
        risks.push_back({label, outcome_risk(o, c, m)});
    }
    return risks;
}

AnalysisTable outcome_risk_table(const ResultsTable& table, const std::string& interval_kind) {
    std::vector<std::string> numbers{"runs"};
    const auto add_share_columns = [&](const std::string& name) {
        for (const char* part : {"", "_low", "_high"}) numbers.push_back(name + part);
    };
    for (const std::string_view name : classes_of(Measure::outcome)) {
        add_share_columns(std::string(name));
    }
    add_share_columns("failed");
    for (const std::string_view name : classes_of(Measure::outcome_cause)) {
        add_share_columns("cause_" + std::string(name));
    }
    numbers.push_back("median_failure_month");
    AnalysisTable risks("outcome_risk",
                        "How runs end at each design point: share of runs in each outcome class "
                        "and cause [95% Wilson interval], failed = struggling or collapsed, and "
                        "the median month of failure (counted from 1) among failed runs; " +
                            interval_kind,
                        {"point"}, numbers);
    for (const PointRisk& point : outcome_risks_by_point(table)) {
        const OutcomeRisk& risk = point.risk;
        std::vector<double> values{static_cast<double>(risk.runs)};
        const auto add = [&](const Interval& s) {
            values.insert(values.end(), {s.estimate, s.low, s.high});
        };
        for (const auto& s : risk.classes) add(s.share);
        add(risk.failure.share);
        for (const auto& s : risk.causes) add(s.share);
        values.push_back(risk.median_failure_month);
        risks.add_row({point.point}, values);
    }
    return risks;
}

std::string interval_kind(bool drawn_models, std::size_t models) {
    if (!drawn_models) {
        return "Monte Carlo interval: the precision of the estimate with the model's constants "
               "fixed at their defaults; it is not what is known";
    }
    return "interval over " + std::to_string(models) + " plausible models and runs";
}

}  // namespace partnersim::analysis
