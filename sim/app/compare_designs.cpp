#include "app/compare_designs.hpp"

#include <algorithm>
#include <limits>
#include <utility>
#include <variant>

#include "analysis/statistics.hpp"
#include "app/scenario_request.hpp"
#include "engine/collecting_writer.hpp"
#include "engine/ensemble.hpp"
#include "engine/error.hpp"
#include "io/analysis_file.hpp"
#include "io/output_file.hpp"
#include "io/scenario_file.hpp"
#include "model/measures.hpp"
#include "model/parameters.hpp"

namespace partnersim::app {
namespace {

using analysis::AnalysisTable;
using analysis::PairedEffect;
using analysis::ScenarioComparison;

struct ComparedScenarios {
    Scenario baseline;
    Scenario variant;
};

Scenario single_scenario(const ScenarioRequest& request, const std::string& role) {
    ExperimentFile experiment = resolve_experiment(request);
    if (experiment.sweep) {
        throw ScenarioError(request.file.string(), 0, "sweep",
                            "the " + role +
                                " has a [sweep]; compare runs two single scenarios (use `run` and "
                                "`analyze` for a sweep)");
    }
    return experiment.base;
}

// Pairing needs replicate r of both to draw the same stream: the baseline's seed and replicate
// count rule, and both must run as long.
void align(ComparedScenarios& pair, std::vector<std::string>& notes) {
    if (pair.variant.run.seed != pair.baseline.run.seed) {
        notes.push_back("the variant uses the baseline's seed (" +
                        std::to_string(pair.baseline.run.seed) + "), so runs are paired");
        pair.variant.run.seed = pair.baseline.run.seed;
    }
    if (pair.variant.run.replicates != pair.baseline.run.replicates) {
        notes.push_back("the variant runs the baseline's " +
                        std::to_string(pair.baseline.run.replicates) + " replicates");
        pair.variant.run.replicates = pair.baseline.run.replicates;
    }
    if (pair.variant.run.months != pair.baseline.run.months) {
        throw InputError(
            "the baseline runs " + std::to_string(pair.baseline.run.months) +
            " months and the variant " + std::to_string(pair.variant.run.months) +
            "; to compare them month by month give both the same horizon, e.g. --set run.months=" +
            std::to_string(pair.baseline.run.months));
    }
}

void check_output_folder(const std::filesystem::path& output) {
    if (output.empty()) return;
    const auto folder = std::filesystem::absolute(output).parent_path();
    if (!std::filesystem::is_directory(folder)) {
        throw InputError("cannot write " + output.string() + ": directory " + folder.string() +
                         " does not exist");
    }
}

ComparedScenarios resolve_pair(const CompareRequest& request, ComparisonOutcome& outcome) {
    ComparedScenarios pair;
    pair.baseline = single_scenario({request.baseline, request.baseline_overrides, request.seed,
                                     request.replicates, request.uncertainty},
                                    "baseline");
    const std::filesystem::path variant_file = request.variant.value_or(request.baseline);
    if (!request.variant && request.variant_overrides.empty()) {
        throw InputError(
            "nothing to compare: give a second scenario file, or --set "
            "key=value to make the variant");
    }
    pair.variant = single_scenario({variant_file, request.variant_overrides, request.seed,
                                    request.replicates, request.uncertainty},
                                   "variant");
    outcome.baseline_label = request.baseline.string();
    for (const auto& o : request.baseline_overrides)
        outcome.baseline_label += " --set-baseline " + o;
    outcome.variant_label = variant_file.string();
    for (const auto& o : request.variant_overrides) outcome.variant_label += " --set " + o;
    align(pair, outcome.notes);
    check_output_folder(request.output);
    if (pair.baseline.run.replicates < 2) {
        throw InputError("a comparison needs at least 2 replicates (--replicates)");
    }
    return pair;
}

// "setup.duration: time_bound -> open_ended" for every parameter that differs.
std::vector<std::string> differences(const Scenario& baseline, const Scenario& variant) {
    std::vector<std::string> lines;
    for (const auto& spec : parameter_registry()) {
        const std::string before = format_value(spec.get(baseline));
        const std::string after = format_value(spec.get(variant));
        if (before != after) lines.push_back(spec.name + ": " + before + " -> " + after);
    }
    return lines;
}

std::vector<RunResult> run_replicates(const Scenario& scenario, const CompareRequest& request,
                                      std::uint64_t done_before, std::uint64_t total) {
    const auto replicates = static_cast<std::uint64_t>(scenario.run.replicates);
    CollectingWriter writer(replicates);
    EnsembleOptions ensemble;
    ensemble.threads = request.threads;
    ensemble.stop = request.stop;
    if (request.observer != nullptr) {
        ensemble.on_progress = [&](std::uint64_t done, std::uint64_t) {
            request.observer->progress(done_before + done, total);
        };
    }
    const EnsembleReport report =
        run_ensemble(replicate_source(scenario), 0, replicates, writer, ensemble);
    if (report.stopped) throw Interrupted("nothing was written");
    return std::move(writer.results());
}

std::vector<double> finals_of(const std::vector<RunResult>& runs, Measure measure) {
    std::vector<double> values;
    values.reserve(runs.size());
    for (const RunResult& run : runs) values.push_back(run.final_value(measure));
    return values;
}

analysis::OutcomeRisk risk_of(const std::vector<RunResult>& runs) {
    return analysis::outcome_risk(finals_of(runs, Measure::outcome),
                                  finals_of(runs, Measure::outcome_cause),
                                  finals_of(runs, Measure::outcome_month));
}

// The per-replicate effect of each continuous measure across the drawn models.
std::vector<EffectAcrossModels> across_models(const std::vector<RunResult>& baseline,
                                              const std::vector<RunResult>& variant) {
    std::vector<EffectAcrossModels> spread;
    for (const MeasureSpec& measure : measure_table()) {
        if (measure.kind != MeasureKind::continuous) continue;
        const std::vector<double> before = finals_of(baseline, measure.id);
        const std::vector<double> after = finals_of(variant, measure.id);
        std::vector<double> effect(before.size());
        for (std::size_t r = 0; r < effect.size(); ++r) effect[r] = after[r] - before[r];
        const double mean = analysis::mean_of(effect);
        double same = 0;
        for (const double e : effect) same += (mean > 0 && e > 0) || (mean < 0 && e < 0);
        spread.push_back({std::string(measure.name), analysis::quantile(effect, 0.05),
                          analysis::quantile(effect, 0.95),
                          same / static_cast<double>(effect.size())});
    }
    return spread;
}

// What the option did, for the reader: drawn per replicate, alike in both; which were held.
void note_drawn_models(const ComparedScenarios& pair, std::vector<std::string>& notes) {
    std::string note =
        "model constants: drawn per replicate from their plausible ranges (triangular around "
        "the default), the same model in replicate r of both scenarios";
    UncertaintySettings held = pair.baseline.uncertainty;
    for (const std::string& name : pair.variant.uncertainty.held) hold(held, name);
    if (held.held.empty()) {
        note += "; none is held";
    } else {
        note += "; held at their set values, not drawn:";
        for (const std::string& name : held.held) note += " " + name;
    }
    notes.push_back(note);
}

// The month a strategy team decides at, for one design: the end of its contract, or, for an
// open-ended partnership, the run's horizon (past its end a time-bound partnership's
// participation is zero because it ended, so its outcomes are read at the end).
int contract_end_month(const Scenario& scenario) {
    return scenario.setup.duration == Duration::time_bound
               ? std::min(scenario.setup.end_month, scenario.run.months)
               : scenario.run.months;
}

AnalysisTable decision_month_table(const ComparedScenarios& pair, const std::string& kind) {
    AnalysisTable table(
        "decision_month",
        "The month each design is decided at: the end of its contract (a time-bound "
        "partnership's end month; an open-ended one's is the run's horizon), the months between "
        "the funder's decision windows, and the replicates behind each design; the comparison "
        "is read at the earlier contract end" +
            kind,
        {"role", "duration"}, {"end_month", "decision_cycle_months", "replicates"});
    const ParameterSpec& duration = *find_parameter("setup.duration");
    for (const auto& [role, scenario] :
         {std::pair{"baseline", &pair.baseline}, std::pair{"variant", &pair.variant}}) {
        table.add_row(
            {role, std::get<std::string>(duration.get(*scenario))},
            {double(contract_end_month(*scenario)), double(scenario->funder.decision_cycle_months),
             double(scenario->run.replicates)});
    }
    return table;
}

std::vector<AnalysisTable> comparison_tables(const ComparisonOutcome& outcome,
                                             const ComparedScenarios& pair) {
    const ScenarioComparison& comparison = outcome.comparison;
    const std::string kind = " (" + outcome.interval_kind + ")";
    AnalysisTable final_table(
        "comparison",
        "Variant minus baseline at the final month over paired replicates: means, the mean "
        "difference with its 95% t interval, the standardised effect (Cohen's d), and the share "
        "of paired replicates in which the variant ends higher and lower, with 95% Wilson "
        "intervals; each measure's description, units and which way is good from the measures "
        "table" +
            kind,
        {"measure", "description", "units", "direction"},
        {"baseline_mean", "variant_mean", "difference", "low", "high", "standardised",
         "variant_higher", "variant_higher_low", "variant_higher_high", "variant_lower",
         "variant_lower_low", "variant_lower_high"});
    AnalysisTable over_time(
        "comparison_over_time",
        "Variant minus baseline at the end of every month, as in `comparison`" + kind, {"measure"},
        {"month", "baseline_mean", "variant_mean", "difference", "low", "high", "standardised",
         "variant_higher", "variant_higher_low", "variant_higher_high", "variant_lower",
         "variant_lower_low", "variant_lower_high"});
    for (const auto& m : comparison.measures) {
        const PairedEffect& e = m.final;
        const MeasureSpec* spec = find_measure(m.measure);
        final_table.add_row(
            {m.measure, spec ? std::string(spec->description) : m.measure,
             spec ? std::string(spec->units) : "",
             std::string(better_words(spec ? spec->better : Better::neither))},
            {e.baseline_mean, e.variant_mean, e.difference.estimate, e.difference.low,
             e.difference.high, e.standardised, e.higher.estimate, e.higher.low, e.higher.high,
             e.lower.estimate, e.lower.low, e.lower.high});
        for (std::size_t month = 0; month < m.by_month.size(); ++month) {
            const PairedEffect& t = m.by_month[month];
            over_time.add_row(
                {m.measure},
                {double(month + 1), t.baseline_mean, t.variant_mean, t.difference.estimate,
                 t.difference.low, t.difference.high, t.standardised, t.higher.estimate,
                 t.higher.low, t.higher.high, t.lower.estimate, t.lower.low, t.lower.high});
        }
    }
    AnalysisTable risk(
        "comparison_risk",
        "Share of runs in each outcome class and cause at the end, baseline and variant, with "
        "95% Wilson intervals; the row failed is struggling or collapsed, with the paired "
        "difference (variant - baseline) and Newcombe's interval for paired shares" +
            kind,
        {"outcome"},
        {"baseline_share", "baseline_low", "baseline_high", "variant_share", "variant_low",
         "variant_high", "difference", "low", "high"});
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const auto add = [&](const analysis::ShareOfRuns& b, const analysis::ShareOfRuns& v,
                         const analysis::Interval& d) {
        risk.add_row({b.name}, {b.share.estimate, b.share.low, b.share.high, v.share.estimate,
                                v.share.low, v.share.high, d.estimate, d.low, d.high});
    };
    for (std::size_t k = 0; k < outcome.baseline_risk.classes.size(); ++k) {
        add(outcome.baseline_risk.classes[k], outcome.variant_risk.classes[k], {nan, nan, nan});
    }
    for (std::size_t k = 0; k < outcome.baseline_risk.causes.size(); ++k) {
        add(outcome.baseline_risk.causes[k], outcome.variant_risk.causes[k], {nan, nan, nan});
    }
    add(outcome.baseline_risk.failure, outcome.variant_risk.failure, outcome.failure_difference);
    std::vector<AnalysisTable> tables{final_table, over_time, risk,
                                      decision_month_table(pair, kind)};
    if (outcome.drawn_models) {
        AnalysisTable spread("comparison_across_models",
                             "The per-replicate paired effect at the final month across the "
                             "drawn models: its 5th and 95th percentiles and the share of "
                             "models in which it has the sign of the mean effect" +
                                 kind,
                             {"measure"}, {"p05", "p95", "same_sign"});
        for (const auto& m : outcome.across_models) {
            spread.add_row({m.measure}, {m.p05, m.p95, m.same_sign});
        }
        tables.push_back(spread);
    }
    return tables;
}

void save(const ComparisonOutcome& outcome, const ComparedScenarios& pair,
          const CompareRequest& request, const std::string& variant_label) {
    // Refuses to overwrite without --force, and leaves an earlier run's resumable .partial
    // alone unless forced, as `run` does.
    OutputFile output(request.output, request.force, ExistingPartial::refuse);
    // With --force an earlier run's partial file is given up: the tables start afresh.
    std::filesystem::remove(output.partial_path());
    std::vector<analysis::StoredTable> stored;
    // Both designs named with their overrides (--set-baseline too), as the report labels them.
    const std::string key = "baseline: " + outcome.baseline_label + "; variant: " + variant_label +
                            "; seed " + std::to_string(pair.baseline.run.seed);
    for (auto& table : comparison_tables(outcome, pair)) stored.push_back({table, key});
    analysis::store_tables(output.partial_path(), stored);
    output.commit();
}

}  // namespace

ComparisonOutcome compare_designs(const CompareRequest& request) {
    ComparisonOutcome outcome;
    const ComparedScenarios pair = resolve_pair(request, outcome);
    if (!request.output.empty()) {  // fail before running anything
        OutputFile check(request.output, request.force, ExistingPartial::refuse);
        check.keep();  // whatever .partial is there is not this use case's to remove
    }
    const auto replicates = static_cast<std::uint64_t>(pair.baseline.run.replicates);
    const std::vector<RunResult> baseline =
        run_replicates(pair.baseline, request, 0, 2 * replicates);
    const std::vector<RunResult> variant =
        run_replicates(pair.variant, request, replicates, 2 * replicates);
    if (request.observer != nullptr) request.observer->finished();
    outcome.comparison = analysis::compare_runs(baseline, variant);
    outcome.baseline_risk = risk_of(baseline);
    outcome.variant_risk = risk_of(variant);
    outcome.failure_difference = analysis::paired_share_difference(
        analysis::failure_events(finals_of(baseline, Measure::outcome)),
        analysis::failure_events(finals_of(variant, Measure::outcome)));
    outcome.drawn_models = pair.baseline.uncertainty.model_constants == ModelUncertainty::plausible;
    outcome.interval_kind = analysis::interval_kind(outcome.drawn_models, baseline.size());
    if (outcome.drawn_models) {
        outcome.across_models = across_models(baseline, variant);
        note_drawn_models(pair, outcome.notes);
    }
    outcome.differences = differences(pair.baseline, pair.variant);
    if (!request.output.empty()) {
        save(outcome, pair, request, outcome.variant_label);
        outcome.saved = request.output;
    }
    return outcome;
}

}  // namespace partnersim::app
