#include "app/run_experiment.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <iomanip>
#include <memory>
#include <sstream>

#include "engine/ensemble.hpp"
#include "engine/error.hpp"
#include "engine/experiment_design.hpp"
#include "io/design_tables.hpp"
#include "io/hdf5_writer.hpp"
#include "io/output_file.hpp"
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
    if (!request.shard.empty()) {
        const ShardInfo shard = shard_of(request.shard, total);
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
    const EnsembleReport report = run_ensemble(design_source(plan.design), plan.first + completed,
                                               plan.last, writer, ensemble);
    if (request.observer != nullptr) request.observer->finished();
    return report;
}

RunOutcome simulate(const ResultsPlan& plan, const RunRequest& request) {
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
    writer->close();
    output.commit();
    outcome.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return outcome;
}

}  // namespace

RunOutcome run_experiment(const RunRequest& request) {
    const ResultsPlan plan = plan_results(resolve_experiment(request.scenario), request);
    RunOutcome outcome = simulate(plan, request);
    if (!outcome.interrupted) outcome.summary = summarise_results(request.output);
    return outcome;
}

}  // namespace partnersim::app
