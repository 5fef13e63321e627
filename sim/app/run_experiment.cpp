#include "app/run_experiment.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <iomanip>
#include <memory>
#include <sstream>
#include <thread>

#include <unistd.h>

#include "engine/ensemble.hpp"
#include "engine/error.hpp"
#include "engine/experiment_design.hpp"
#include "io/design_tables.hpp"
#include "io/hdf5_writer.hpp"
#include "io/output_file.hpp"
#include "io/results_layout.hpp"
#include "io/resume.hpp"
#include "io/scenario_file.hpp"
#include "io/shard.hpp"

namespace partnersim::app {
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

// The --shard text is the person's: parse_shard's std::invalid_argument names it.
ShardInfo shard_of(const std::string& text, std::uint64_t total) {
    try {
        return parse_shard(text, total);
    } catch (const std::invalid_argument& error) {
        throw InputError(error.what(), "--shard", 0, "");
    }
}

// Under uncertainty.model_constants = "plausible" every run records its drawn model; the held
// constants are those set in the scenario and those the sweep varies.
void plan_model_constants(const ExperimentDesign& design, ResultsShape& shape) {
    if (design.base.uncertainty.model_constants != ModelUncertainty::plausible) return;
    shape.model_constants = model_constant_names();
    shape.held_constants = held_constants(design);
}

ResultsPlan plan_results(const ExperimentFile& experiment, const RunRequest& request) {
    ResultsPlan plan{design_of(experiment), {}, {}, 0, 0};
    const std::uint64_t total = plan.design.runs();
    plan.shape.months = experiment.base.run.months;
    plan.shape.trace_runs = std::min(request.trace_runs, total);
    plan.shape.trace_partners = traced_partners(plan.design, plan.shape.trace_runs);
    plan.last = total;
    plan_model_constants(plan.design, plan.shape);
    if (request.shard) {  // given, even empty: "" is a mistake, not "no shard"
        const ShardInfo shard = shard_of(*request.shard, total);
        std::tie(plan.first, plan.last) = shard_range(shard);
        plan.shape.shard = shard;
    }
    plan.metadata = {PARTNERSIM_VERSION, scenario_to_toml(experiment.base), request.command_line,
                     utc_now()};
    return plan;
}

ResumeNotice::Start notice_start(ResumeStart start) {
    switch (start) {
        case ResumeStart::resumed:
            return ResumeNotice::Start::resumed;
        case ResumeStart::no_partial_file:
            return ResumeNotice::Start::no_partial_file;
        case ResumeStart::unreadable_partial_file:
            return ResumeNotice::Start::unreadable_partial_file;
    }
    return ResumeNotice::Start::resumed;
}

// A fresh crash-safe file, or the partial file of an earlier run with the runs it holds.
std::unique_ptr<Hdf5ResultWriter> open_writer(const ResultsPlan& plan, const OutputFile& output,
                                              const RunRequest& request, std::uint64_t& completed) {
    completed = 0;
    if (!request.resume) {
        return std::make_unique<Hdf5ResultWriter>(output.partial_path(), plan.shape, plan.metadata,
                                                  design_prologue(plan.design));
    }
    Resumption resumption =
        resume_results(output.partial_path(), plan.shape, plan.metadata, plan.design);
    completed = resumption.completed;
    if (request.observer != nullptr) {
        request.observer->resumed({notice_start(resumption.start), completed,
                                   plan.last - plan.first, output.partial_path(),
                                   resumption.reason});
    }
    return std::move(resumption.writer);
}

EnsembleReport run_into(const ResultsPlan& plan, const RunRequest& request, std::uint64_t completed,
                        ResultWriter& writer) {
    const std::uint64_t total = plan.last - plan.first;
    EnsembleOptions ensemble;
    ensemble.threads = request.threads;
    ensemble.trace_runs = plan.shape.trace_runs;
    ensemble.stop = request.stop;
    if (request.observer != nullptr) {
        ensemble.on_progress = [&](std::uint64_t done, std::uint64_t) {
            request.observer->progress(completed + done, total);
        };
    }
    const RunSource source = design_source(plan.design);
    const EnsembleReport report =
        request.distribution != nullptr
            ? request.distribution->run(source, plan.first + completed, plan.last, writer, ensemble)
            : run_ensemble(source, plan.first + completed, plan.last, writer, ensemble);
    if (request.observer != nullptr) request.observer->finished();
    return report;
}

// The bytes this process will write before compression: every run's record, series and
// final values, the traced runs' partner states and the drawn model constants. Saturating.
std::uint64_t output_bytes(const ResultsPlan& plan) {
    const auto months = static_cast<std::uint64_t>(plan.shape.months);
    const std::uint64_t runs = plan.last - plan.first;
    const auto add = [](std::uint64_t a, std::uint64_t b) {
        return a > UINT64_MAX - b ? UINT64_MAX : a + b;
    };
    const auto times = [](std::uint64_t a, std::uint64_t b) {
        return b != 0 && a > UINT64_MAX / b ? UINT64_MAX : a * b;
    };
    std::uint64_t bytes = times(runs, layout::bytes_per_run(measure_count, months).total());
    const std::uint64_t trace_values =
        times(times(plan.shape.trace_runs, months),
              static_cast<std::uint64_t>(plan.shape.trace_partners) * partner_trace_count);
    bytes = add(bytes, times(trace_values, layout::timeseries_value_bytes));
    return add(bytes, times(runs, plan.shape.model_constants.size() * sizeof(double)));
}

// Refused before anything runs: an output larger than the free space of its folder would end
// with a full disk hours later.
void require_room(const ResultsPlan& plan, const RunRequest& request) {
    const std::filesystem::path folder = request.output.has_parent_path()
                                             ? request.output.parent_path()
                                             : std::filesystem::path(".");
    std::error_code error;
    const std::filesystem::space_info space = std::filesystem::space(folder, error);
    if (error) return;  // no folder: OutputFile says so
    const std::uint64_t needed = output_bytes(plan);
    if (needed > space.available) {
        throw InputError("the results of " + std::to_string(plan.last - plan.first) +
                             " runs need about " + std::to_string(needed / (1 << 20)) +
                             " MiB before compression, and " + folder.string() + " has " +
                             std::to_string(space.available / (1 << 20)) +
                             " MiB free: free some space, or use fewer runs, months or --trace",
                         "-o", 0, "");
    }
}

// Runs wait in memory between the workers and the writer, up to 4 per thread (ensemble.hpp); a
// traced run holds every partner's state every month (partners.count 5000 over 600 months is
// 130 MB a run). Refused before running when that would take more than half the memory.
void require_memory(const ResultsPlan& plan, const RunRequest& request) {
    const auto months = static_cast<std::uint64_t>(plan.shape.months);
    const std::uint64_t per_run =
        layout::bytes_per_run(measure_count, months).total() +
        (plan.shape.trace_runs > 0
             ? months * static_cast<std::uint64_t>(plan.shape.trace_partners) *
                   partner_trace_count * sizeof(float)
             : 0);
    const auto threads = static_cast<std::uint64_t>(
        request.threads > 0 ? request.threads
                            : static_cast<int>(std::thread::hardware_concurrency()));
    const std::uint64_t in_flight = 4 * std::max<std::uint64_t>(threads, 1);
    const auto pages = static_cast<std::uint64_t>(::sysconf(_SC_PHYS_PAGES));
    const auto page = static_cast<std::uint64_t>(::sysconf(_SC_PAGE_SIZE));
    const std::uint64_t half_memory = pages / 2 * page;
    if (per_run > half_memory / in_flight) {
        throw InputError("each run holds about " + std::to_string(per_run / (1 << 20)) +
                             " MiB until it is written, and up to " + std::to_string(in_flight) +
                             " wait at once; that is more than half of this machine's " +
                             std::to_string(pages * page / (1 << 20)) +
                             " MiB: trace fewer partners or months, or use fewer --threads",
                         "--trace", 0, "");
    }
}

RunOutcome simulate(const ResultsPlan& plan, const RunRequest& request) {
    require_room(plan, request);
    require_memory(plan, request);
    OutputFile output(request.output, request.force,
                      request.resume ? ExistingPartial::resume : ExistingPartial::refuse);
    const auto started = std::chrono::steady_clock::now();
    std::uint64_t completed = 0;
    auto writer = open_writer(plan, output, request, completed);
    EnsembleReport report;
    try {
        report = run_into(plan, request, completed, *writer);
    } catch (...) {
        // What finished stays resumable: keep the partial file, then suspend the writer.
        output.keep();
        writer->suspend();
        throw;
    }
    RunOutcome outcome;
    outcome.done = completed + report.completed;
    outcome.total = plan.last - plan.first;
    outcome.output = request.output;
    outcome.partial = output.partial_path();
    if (report.stopped) {
        output.keep();
        writer->suspend();
        outcome.interrupted = true;
        return outcome;
    }
    // Every run is in the partial file now: whatever fails from here (the closing compaction on
    // a full disk, the rename) must leave it for --resume, never remove it.
    output.keep();
    writer->close();
    output.commit();
    outcome.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return outcome;
}

// What every process of a distribution must agree on before running: the results the writing
// process's file would hold, whatever each process was told about threads or output.
std::string experiment_text(const ResultsPlan& plan) {
    std::ostringstream text;
    text << plan.metadata.partnersim_version << '\n'
         << plan.metadata.scenario_toml << '\n'
         << plan.design.describe() << '\n'
         << plan.design.points() << ' ' << plan.design.replicates << ' ' << plan.shape.months << ' '
         << plan.shape.trace_runs << ' ' << plan.first << ' ' << plan.last;
    return text.str();
}

// A process that does not write runs the chunks the writing one hands it, and nothing else.
RunOutcome serve(const ResultsPlan& plan, const RunRequest& request) {
    EnsembleOptions ensemble;
    ensemble.threads = request.threads;
    ensemble.trace_runs = plan.shape.trace_runs;
    request.distribution->serve(design_source(plan.design), ensemble);
    RunOutcome outcome;
    outcome.served = true;
    outcome.total = plan.last - plan.first;
    return outcome;
}

}  // namespace

RunOutcome run_experiment(const RunRequest& request) {
    const ResultsPlan plan = plan_results(resolve_experiment(request.scenario), request);
    if (request.distribution != nullptr) {
        request.distribution->agree(experiment_text(plan));
        if (!request.distribution->writes()) return serve(plan, request);
    }
    RunOutcome outcome = simulate(plan, request);
    if (!outcome.interrupted) outcome.summary = summarise_results(request.output);
    return outcome;
}

}  // namespace partnersim::app
