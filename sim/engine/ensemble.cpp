#include "engine/ensemble.hpp"

#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace partnersim {
namespace {

using Clock = std::chrono::steady_clock;

int worker_count(int requested) {
    if (requested > max_worker_threads()) {
        throw std::invalid_argument("run_ensemble: " + std::to_string(requested) +
                                    " threads; at most " + std::to_string(max_worker_threads()));
    }
    return requested > 0 ? requested : tbb::info::default_concurrency();
}

}  // namespace

int max_worker_threads() {
    return std::max(64, 8 * tbb::info::default_concurrency());
}

RunSource replicate_source(const Scenario& scenario) {
    return [scenario](std::uint64_t run_index) {
        const auto replicates = static_cast<std::uint64_t>(scenario.run.replicates);
        return RunSpec{scenario, make_run_id(scenario.run.seed, run_index / replicates,
                                             run_index % replicates, replicates)};
    };
}

EnsembleReport run_ensemble(const RunSource& source, std::uint64_t first, std::uint64_t last,
                            ResultWriter& writer, const EnsembleOptions& options) {
    EnsembleReport report;
    if (last <= first) return report;
    const int threads = worker_count(options.threads);
    const std::size_t in_flight =
        options.runs_in_flight > 0 ? options.runs_in_flight : 4 * static_cast<std::size_t>(threads);
    const std::uint64_t total = last - first;
    std::uint64_t next = first;
    auto last_flush = Clock::now();

    auto emit_index = [&](tbb::flow_control& control) -> std::uint64_t {
        if (next >= last || (options.stop != nullptr && options.stop->load())) {
            report.stopped = next < last;
            control.stop();
            return 0;
        }
        return next++;
    };
    auto simulate = [&](std::uint64_t run_index) -> RunResult {
        const RunSpec spec = source(run_index);
        RunOptions run_options;
        run_options.trace_partners = run_index < options.trace_runs;
        return run_partnership(spec.scenario, spec.id, run_options);
    };
    auto write = [&](const RunResult& result) {
        writer.write(result);
        ++report.completed;
        if (options.on_progress) options.on_progress(report.completed, total);
        if (Clock::now() - last_flush >= options.flush_interval) {
            writer.flush();
            last_flush = Clock::now();
        }
    };

    // More threads than cores is the user's call (e.g. to check determinism): lift TBB's
    // default limit of one worker per core for the duration of this ensemble.
    tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                    static_cast<std::size_t>(threads));
    tbb::task_arena arena(threads);
    arena.execute([&] {
        tbb::parallel_pipeline(
            in_flight,
            tbb::make_filter<void, std::uint64_t>(tbb::filter_mode::serial_in_order, emit_index) &
                tbb::make_filter<std::uint64_t, RunResult>(tbb::filter_mode::parallel, simulate) &
                tbb::make_filter<RunResult, void>(tbb::filter_mode::serial_in_order, write));
    });
    writer.flush();
    return report;
}

}  // namespace partnersim
