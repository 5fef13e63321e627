#include <cmath>
#include <iomanip>
#include <mutex>
#include <sstream>

#include "analysis/paired_comparison.hpp"
#include "cli/analysis_printing.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/progress_bar.hpp"
#include "engine/ensemble.hpp"
#include "io/analysis_file.hpp"
#include "io/output_file.hpp"
#include "io/scenario_file.hpp"
#include "model/parameters.hpp"

namespace partnersim {
namespace {

using analysis::AnalysisTable;
using analysis::PairedEffect;
using analysis::ScenarioComparison;

// Ctrl-C while the replicates run: nothing half-done is reported.
struct ComparisonInterrupted {};

// Keeps every run of a replicate set in memory; a comparison needs them all at once.
class CollectingWriter final : public ResultWriter {
public:
    explicit CollectingWriter(std::size_t runs) { results_.reserve(runs); }
    void write(const RunResult& result) override { results_.push_back(result); }
    void flush() override {}
    std::vector<RunResult>& results() { return results_; }

private:
    std::vector<RunResult> results_;
};

struct ComparedScenarios {
    Scenario baseline;
    Scenario variant;
    std::string variant_label;
    std::vector<std::string> notes;  // what was aligned between them, for the reader
};

Scenario single_scenario(const ScenarioChoice& choice, const std::string& role) {
    ExperimentFile experiment = resolve_experiment(choice);
    if (experiment.sweep) {
        throw ScenarioError(choice.file.string(), 0, "sweep",
                            "the " + role +
                                " has a [sweep]; compare runs two single scenarios (use `run` and "
                                "`analyze` for a sweep)");
    }
    return experiment.base;
}

ComparedScenarios resolve_pair(const CompareCommandOptions& options) {
    ComparedScenarios pair;
    pair.baseline = single_scenario(
        {options.baseline, options.baseline_overrides, options.seed, options.replicates},
        "baseline");
    const std::filesystem::path variant_file = options.variant.value_or(options.baseline);
    if (!options.variant && options.variant_overrides.empty()) {
        throw std::invalid_argument(
            "nothing to compare: give a second scenario file, or --set "
            "key=value to make the variant");
    }
    pair.variant = single_scenario(
        {variant_file, options.variant_overrides, options.seed, options.replicates}, "variant");
    pair.variant_label = variant_file.string();
    for (const auto& o : options.variant_overrides) pair.variant_label += " --set " + o;
    // Pairing needs replicate r of both to draw the same stream: the baseline's seed and
    // replicate count rule.
    if (pair.variant.run.seed != pair.baseline.run.seed) {
        pair.notes.push_back("the variant uses the baseline's seed (" +
                             std::to_string(pair.baseline.run.seed) + "), so runs are paired");
        pair.variant.run.seed = pair.baseline.run.seed;
    }
    if (pair.variant.run.replicates != pair.baseline.run.replicates) {
        pair.notes.push_back("the variant runs the baseline's " +
                             std::to_string(pair.baseline.run.replicates) + " replicates");
        pair.variant.run.replicates = pair.baseline.run.replicates;
    }
    if (pair.variant.run.months != pair.baseline.run.months) {
        throw std::invalid_argument(
            "the baseline runs " + std::to_string(pair.baseline.run.months) +
            " months and the variant " + std::to_string(pair.variant.run.months) +
            "; to compare them month by month give both the same horizon, e.g. --set run.months=" +
            std::to_string(pair.baseline.run.months));
    }
    if (!options.output.empty()) {
        const auto folder = std::filesystem::absolute(options.output).parent_path();
        if (!std::filesystem::is_directory(folder)) {
            throw std::invalid_argument("cannot write " + options.output.string() + ": directory " +
                                        folder.string() + " does not exist");
        }
    }
    if (pair.baseline.run.replicates < 2) {
        throw std::invalid_argument("a comparison needs at least 2 replicates (--replicates)");
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

std::vector<RunResult> run_replicates(const Scenario& scenario,
                                      const CompareCommandOptions& options, ProgressBar& progress,
                                      std::uint64_t done_before, std::uint64_t total,
                                      const std::atomic<bool>& stop) {
    const auto replicates = static_cast<std::uint64_t>(scenario.run.replicates);
    CollectingWriter writer(replicates);
    EnsembleOptions ensemble;
    ensemble.threads = options.threads;
    ensemble.stop = &stop;
    ensemble.on_progress = [&](std::uint64_t done, std::uint64_t) {
        progress.update(done_before + done, total);
    };
    const EnsembleReport report =
        run_ensemble(replicate_source(scenario), 0, replicates, writer, ensemble);
    if (report.stopped) throw ComparisonInterrupted{};
    return std::move(writer.results());
}

// Three decimals for shares and scores; fewer for hours and money, so columns stay aligned.
int precision_for(double value) {
    const double size = std::abs(value);
    return size >= 1000 ? 0 : size >= 100 ? 1 : 3;
}

std::string fixed(double value) {
    std::ostringstream text;
    text << std::fixed << std::setprecision(precision_for(value)) << value;
    return text.str();
}

std::string effect_size(double d) {
    if (std::isnan(d)) return "n/a";
    std::ostringstream text;
    text << std::fixed << std::setprecision(2) << d;
    return text.str();
}

bool excludes_zero(const PairedEffect& e) {
    return e.difference.excludes_zero();
}

void print_final(const ScenarioComparison& comparison, std::ostream& out) {
    out << "At month " << comparison.months << " (the final month), over " << comparison.replicates
        << " paired replicates: variant - baseline, mean [95% t interval of the paired\n"
           "difference], and d = difference / pooled s.d. across runs (|d| ~0.2 small, ~0.5 "
           "medium, ~0.8 large;\nn/a where the measure does not vary between runs).\n* the "
           "interval excludes zero.\n\n";
    out << "  " << std::left << std::setw(27) << "measure" << std::right << std::setw(9)
        << "baseline" << std::setw(9) << "variant"
        << "   " << std::left << std::setw(25) << "difference [95% CI]" << std::right
        << std::setw(7) << "d" << '\n';
    for (const auto& m : comparison.measures) {
        const PairedEffect& e = m.final;
        out << "  " << std::left << std::setw(27) << m.measure << std::right << std::setw(9)
            << fixed(e.baseline_mean) << std::setw(9) << fixed(e.variant_mean) << "   " << std::left
            << std::setw(25)
            << signed_interval(e.difference.estimate, e.difference.low, e.difference.high,
                               precision_for(e.difference.estimate))
            << std::right << std::setw(7) << effect_size(e.standardised)
            << (excludes_zero(e) ? " *" : "") << '\n';
    }
    out << '\n';
}

// Yearly months, plus the last month if it is not a whole year.
std::vector<int> reported_months(int months) {
    std::vector<int> chosen;
    const int step = months > 24 ? 12 : std::max(1, months / 4);
    for (int m = step; m <= months; m += step) chosen.push_back(m);
    if (chosen.empty() || chosen.back() != months) chosen.push_back(months);
    return chosen;
}

void print_over_time(const ScenarioComparison& comparison, std::ostream& out) {
    const std::vector<int> months = reported_months(comparison.months);
    out << "Over time: mean difference (variant - baseline) at the end of each month shown; "
           "* the 95% interval excludes zero.\n\n  "
        << std::left << std::setw(27) << "measure" << std::right;
    for (const int m : months) out << std::setw(11) << ("month " + std::to_string(m));
    out << '\n';
    for (const auto& measure : comparison.measures) {
        out << "  " << std::left << std::setw(27) << measure.measure << std::right;
        for (const int m : months) {
            const PairedEffect& e = measure.by_month[static_cast<std::size_t>(m - 1)];
            std::ostringstream cell;
            cell << std::showpos << std::fixed
                 << std::setprecision(precision_for(e.difference.estimate)) << e.difference.estimate
                 << (excludes_zero(e) ? "*" : " ");
            out << std::setw(11) << cell.str();
        }
        out << '\n';
    }
    out << '\n';
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
          const CompareCommandOptions& options) {
    // Refuses to overwrite without --force, and leaves an earlier run's resumable .partial
    // alone unless forced, as `run` does.
    OutputFile output(options.output, options.force, ExistingPartial::refuse);
    // With --force an earlier run's partial file is given up: the tables start afresh.
    std::filesystem::remove(output.partial_path());
    std::vector<analysis::StoredTable> stored;
    const std::string key = "baseline: " + options.baseline.string() +
                            "; variant: " + pair.variant_label + "; seed " +
                            std::to_string(pair.baseline.run.seed);
    for (auto& table : comparison_tables(comparison)) stored.push_back({table, key});
    analysis::store_tables(output.partial_path(), stored);
    output.commit();
}

int compare(const ComparedScenarios& pair, const CompareCommandOptions& options, std::ostream& out,
            std::ostream& err) {
    if (!options.output.empty()) {  // fail before running anything
        OutputFile check(options.output, options.force, ExistingPartial::refuse);
        check.keep();  // whatever .partial is there is not this command's to remove
    }
    InterruptGuard interrupt;
    ProgressBar progress(ProgressBar::wanted(options.quiet));
    const auto replicates = static_cast<std::uint64_t>(pair.baseline.run.replicates);
    std::vector<RunResult> baseline =
        run_replicates(pair.baseline, options, progress, 0, 2 * replicates, interrupt.requested());
    std::vector<RunResult> variant = run_replicates(pair.variant, options, progress, replicates,
                                                    2 * replicates, interrupt.requested());
    progress.finish();
    const ScenarioComparison comparison = analysis::compare_runs(baseline, variant);

    out << "baseline: " << options.baseline.string();
    for (const auto& o : options.baseline_overrides) out << " --set-baseline " << o;
    out << "\nvariant:  " << pair.variant_label << '\n';
    const auto changed = differences(pair.baseline, pair.variant);
    out << "what differs:" << (changed.empty() ? " nothing (the two scenarios are identical)" : "")
        << '\n';
    for (const auto& line : changed) out << "  " << line << '\n';
    for (const auto& note : pair.notes) out << "note: " << note << '\n';
    out << '\n';
    print_final(comparison, out);
    print_over_time(comparison, out);
    if (!options.output.empty()) {
        save(comparison, pair, options);
        if (!options.quiet) err << "wrote the comparison to " << options.output.string() << '\n';
    }
    return exit_ok;
}

}  // namespace

int compare_command(const CompareCommandOptions& options, std::ostream& out, std::ostream& err) {
    ComparedScenarios pair;
    try {
        pair = resolve_pair(options);
    } catch (const std::exception& error) {  // ScenarioError or invalid_argument: bad input
        err << "error: " << error.what() << '\n';
        return exit_bad_input;
    }
    try {
        return compare(pair, options, out, err);
    } catch (const OutputExists& error) {
        err << "error: " << error.what() << '\n';
        return exit_bad_input;
    } catch (const ComparisonInterrupted&) {
        err << "interrupted: nothing was written\n";
        return exit_interrupted;
    } catch (const std::exception& error) {
        err << "error: " << error.what() << '\n';
        return exit_failure;
    }
}

}  // namespace partnersim
