#pragma once
// The risk of failure: how runs end (docs/model.md 7.16), read as what it is. The outcome
// class and cause are codes, so they are summarised as the share of runs in each class and
// each cause, with a 95% Wilson score interval (Wilson 1927; good coverage at the small and
// extreme shares failure risks take, where the normal interval collapses to a point), and the
// month of failure by its median among the runs that failed. Two designs run for run give the
// paired difference in failure risk with Newcombe's (1998, method 10) score interval for
// paired proportions.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "analysis/statistics.hpp"
#include "io/analysis_table.hpp"

namespace partnersim::analysis {

// The Wilson score interval of a share of `successes` in `trials` (estimate successes/trials);
// [0, 1] for no trials.
Interval wilson_interval(std::size_t successes, std::size_t trials, double confidence = 0.95);

// Variant minus baseline share of pairs with the event (failed[r] = 1), run r of each paired:
// Newcombe's method 10, built from both shares' Wilson intervals and the correlation of the
// pairs. Throws std::invalid_argument unless both have the same length >= 1.
Interval paired_share_difference(std::span<const double> baseline_events,
                                 std::span<const double> variant_events, double confidence = 0.95);

struct ShareOfRuns {
    std::string name;  // the class or cause
    std::size_t runs = 0;
    Interval share;  // Wilson
};

// How a set of runs ended.
struct OutcomeRisk {
    std::size_t runs = 0;
    std::vector<ShareOfRuns> classes;  // thriving, struggling, collapsed
    std::vector<ShareOfRuns> causes;   // in code order; "none" is the thriving runs
    ShareOfRuns failure;               // struggling or collapsed
    std::size_t failed_runs = 0;
    double median_failure_month = 0;  // 1-based, among failed runs; NaN when none failed
};

// From the runs' final outcome codes, cause codes and outcome months (the measures outcome,
// outcome_cause, outcome_month; the month 0-based as recorded). Codes outside the tables
// (e.g. -1, not judged) count in no class. Throws std::invalid_argument for lengths that differ.
OutcomeRisk outcome_risk(std::span<const double> outcome, std::span<const double> cause,
                         std::span<const double> month, double confidence = 0.95);

// 1 for a run that failed (struggling or collapsed), 0 otherwise, from its outcome code.
std::vector<double> failure_events(std::span<const double> outcome);

struct ResultsTable;

// How the runs of one design point ended, with the point in words ("setup.duration=open_ended,
// setup.review=true"; "all runs" without a sweep).
struct PointRisk {
    std::string point;
    OutcomeRisk risk;
};
std::vector<PointRisk> outcome_risks_by_point(const ResultsTable& table);

// The risk of failure at every design point of a results table (outcomes at its month):
// table "outcome_risk", one row per point (its factor values in words), with the runs, each
// class's and cause's share [Wilson low, high], the failure share and the median month of
// failure. `interval_kind` (below) is appended to its description.
AnalysisTable outcome_risk_table(const ResultsTable& table, const std::string& interval_kind);

// The label of which interval a number carries (issue 10): without drawn models it is the
// Monte Carlo precision of the estimate with the model's constants at their values; with them
// it spans `models` plausible models and the runs.
std::string interval_kind(bool drawn_models, std::size_t models);

}  // namespace partnersim::analysis
