#include <algorithm>
#include <chrono>
#include <ctime>
#include <iomanip>
#include <memory>
#include <sstream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/progress_bar.hpp"
#include "engine/ensemble.hpp"
#include "engine/experiment_design.hpp"
#include "io/design_tables.hpp"
#include "io/hdf5_writer.hpp"
#include "io/output_file.hpp"
#include "io/resume.hpp"
#include "io/scenario_file.hpp"
#include "io/shard.hpp"

namespace partnersim {
namespace {

std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::ostringstream text;
    text << std::put_time(&utc, "%Y-%m-%dT%H:%M:%SZ");
    return text.str();
}

// What a run of this experiment writes: its shape (months, traces, shard) and metadata.
struct ResultsPlan {
    ExperimentDesign design;
    ResultsShape shape;
    ResultsMetadata metadata;
    std::uint64_t first = 0;  // run range of this process: [first, last)
    std::uint64_t last = 0;
};

// Traced runs are the first N of the whole experiment; their partner count is the largest
// among the design points they belong to (smaller ones are padded).
int traced_partners(const ExperimentDesign& design, std::uint64_t trace_runs) {
    if (trace_runs == 0) return 0;
    const std::uint64_t last_point =
        std::min(design.points(), (trace_runs - 1) / design.replicates + 1);
    int partners = 0;
    for (std::uint64_t p = 0; p < last_point; ++p) {
        partners = std::max(partners, design.scenario_at(p).partners.count);
    }
    return partners;
}

ResultsPlan plan_results(const ExperimentFile& experiment, const RunCommandOptions& options) {
    ResultsPlan plan{design_of(experiment), {}, {}, 0, 0};
    const std::uint64_t total = plan.design.runs();
    plan.shape.months = experiment.base.run.months;
    plan.shape.trace_runs = std::min(options.trace_runs, total);
    plan.shape.trace_partners = traced_partners(plan.design, plan.shape.trace_runs);
    plan.last = total;
    if (!options.shard.empty()) {
        const ShardInfo shard = parse_shard(options.shard, total);  // invalid_argument if bad
        std::tie(plan.first, plan.last) = shard_range(shard);
        plan.shape.shard = shard;
    }
    plan.metadata = {PARTNERSIM_VERSION, scenario_to_toml(experiment.base), options.command_line,
                     utc_now()};
    return plan;
}

// A fresh crash-safe file, or the partial file of an earlier run with the runs it holds.
std::unique_ptr<Hdf5ResultWriter> open_writer(const ResultsPlan& plan, const OutputFile& output,
                                              bool resume, std::uint64_t& completed,
                                              std::ostream& err) {
    completed = 0;
    if (!resume) {
        return std::make_unique<Hdf5ResultWriter>(output.partial_path(), plan.shape, plan.metadata,
                                                  design_prologue(plan.design));
    }
    Resumption resumption =
        resume_results(output.partial_path(), plan.shape, plan.metadata, plan.design);
    completed = resumption.completed;
    switch (resumption.start) {
        case ResumeStart::resumed:
            err << "resuming: " << completed << " of " << plan.last - plan.first
                << " runs were already done\n";
            break;
        case ResumeStart::no_partial_file:
            err << "resuming: no unfinished run at " << output.partial_path().string()
                << "; starting from the beginning\n";
            break;
        case ResumeStart::unreadable_partial_file:
            err << "resuming: " << output.partial_path().string() << " held no complete run ("
                << resumption.reason << "); starting again\n";
            break;
    }
    return std::move(resumption.writer);
}

int report_interruption(const RunCommandOptions& options, const OutputFile& output,
                        std::uint64_t done, std::uint64_t total, std::ostream& err) {
    err << "interrupted: " << done << " of " << total << " runs are saved in "
        << output.partial_path().string() << "\nto finish them, run the same command with "
        << "--resume:\n  " << options.command_line << (options.resume ? "" : " --resume") << '\n';
    return exit_interrupted;
}

int simulate(const ResultsPlan& plan, const RunCommandOptions& options, std::ostream& out,
             std::ostream& err) {
    OutputFile output(options.output, options.force,
                      options.resume ? ExistingPartial::resume : ExistingPartial::refuse);
    // Installed before the partial file exists and kept until it is renamed, so Ctrl-C can
    // never leave it behind half-made.
    InterruptGuard interrupt;
    const auto started = std::chrono::steady_clock::now();
    std::uint64_t completed = 0;
    auto writer = open_writer(plan, output, options.resume, completed, err);

    ProgressBar progress(ProgressBar::wanted(options.quiet));
    const std::uint64_t total = plan.last - plan.first;
    EnsembleOptions ensemble;
    ensemble.threads = options.threads;
    ensemble.trace_runs = plan.shape.trace_runs;
    ensemble.stop = &interrupt.requested();
    ensemble.on_progress = [&](std::uint64_t done, std::uint64_t) {
        progress.update(completed + done, total);
    };
    EnsembleReport report;
    try {
        report = run_ensemble(design_source(plan.design), plan.first + completed, plan.last,
                              *writer, ensemble);
    } catch (...) {
        // What finished stays resumable: keep the partial file, then suspend the writer.
        output.keep();
        writer->suspend();
        throw;
    }
    progress.finish();
    const std::uint64_t done = completed + report.completed;
    if (report.stopped) {
        output.keep();
        writer->suspend();
        return report_interruption(options, output, done, total, err);
    }
    writer->close();
    output.commit();
    if (!options.quiet) {
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        err << "wrote " << done << " runs to " << options.output.string() << " in " << std::fixed
            << std::setprecision(2) << seconds << " s\n";
    }
    return summary_command(options.output, out, err);
}

}  // namespace

int run_command(const RunCommandOptions& options, std::ostream& out, std::ostream& err) {
    ResultsPlan plan;
    try {
        plan = plan_results(resolve_experiment(options.scenario), options);
    } catch (const ScenarioError& error) {
        err << "error: " << error.what() << '\n';
        return exit_bad_input;
    } catch (const std::invalid_argument& error) {  // a bad --shard; the message names it
        err << "error: " << error.what() << '\n';
        return exit_bad_input;
    }
    try {
        return simulate(plan, options, out, err);
    } catch (const OutputExists& error) {
        err << "error: " << error.what() << '\n';
        return exit_bad_input;
    } catch (const ResumeMismatch& error) {
        err << "error: " << error.what() << '\n';
        return exit_bad_input;
    } catch (const std::exception& error) {
        err << "error: " << error.what() << '\n';
        return exit_failure;
    }
}

}  // namespace partnersim
