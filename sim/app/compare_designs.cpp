#include "app/compare_designs.hpp"

#include "app/scenario_request.hpp"
#include "engine/collecting_writer.hpp"
#include "engine/ensemble.hpp"
#include "engine/error.hpp"
#include "io/analysis_file.hpp"
#include "io/output_file.hpp"
#include "io/scenario_file.hpp"
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
    pair.baseline = single_scenario(
        {request.baseline, request.baseline_overrides, request.seed, request.replicates},
        "baseline");
    const std::filesystem::path variant_file = request.variant.value_or(request.baseline);
    if (!request.variant && request.variant_overrides.empty()) {
        throw InputError(
            "nothing to compare: give a second scenario file, or --set "
            "key=value to make the variant");
    }
    pair.variant = single_scenario(
        {variant_file, request.variant_overrides, request.seed, request.replicates}, "variant");
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

std::vector<AnalysisTable> comparison_tables(const ScenarioComparison& comparison) {
    AnalysisTable final_table(
        "comparison",
        "Variant minus baseline at the final month over paired replicates: means, the mean "
        "difference with its 95% t interval, and the standardised effect (Cohen's d)",
        {"measure"},
        {"baseline_mean", "variant_mean", "difference", "low", "high", "standardised"});
    AnalysisTable over_time(
        "comparison_over_time",
        "Variant minus baseline at the end of every month, as in `comparison`", {"measure"},
        {"month", "baseline_mean", "variant_mean", "difference", "low", "high", "standardised"});
    for (const auto& m : comparison.measures) {
        const PairedEffect& e = m.final;
        final_table.add_row({m.measure}, {e.baseline_mean, e.variant_mean, e.difference.estimate,
                                          e.difference.low, e.difference.high, e.standardised});
        for (std::size_t month = 0; month < m.by_month.size(); ++month) {
            const PairedEffect& t = m.by_month[month];
            over_time.add_row({m.measure}, {double(month + 1), t.baseline_mean, t.variant_mean,
                                            t.difference.estimate, t.difference.low,
                                            t.difference.high, t.standardised});
        }
    }
    return {final_table, over_time};
}

void save(const ScenarioComparison& comparison, const ComparedScenarios& pair,
          const CompareRequest& request, const std::string& variant_label) {
    // Refuses to overwrite without --force, and leaves an earlier run's resumable .partial
    // alone unless forced, as `run` does.
    OutputFile output(request.output, request.force, ExistingPartial::refuse);
    // With --force an earlier run's partial file is given up: the tables start afresh.
    std::filesystem::remove(output.partial_path());
    std::vector<analysis::StoredTable> stored;
    const std::string key = "baseline: " + request.baseline.string() +
                            "; variant: " + variant_label + "; seed " +
                            std::to_string(pair.baseline.run.seed);
    for (auto& table : comparison_tables(comparison)) stored.push_back({table, key});
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
    outcome.differences = differences(pair.baseline, pair.variant);
    if (!request.output.empty()) {
        save(outcome.comparison, pair, request, outcome.variant_label);
        outcome.saved = request.output;
    }
    return outcome;
}

}  // namespace partnersim::app
