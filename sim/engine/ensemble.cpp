#include "engine/ensemble.hpp"

#if defined(__SANITIZE_THREAD__)
#define PARTNERSIM_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define PARTNERSIM_TSAN 1
#endif
#endif
#ifndef PARTNERSIM_TSAN
#define PARTNERSIM_TSAN 0
#endif
#if PARTNERSIM_TSAN
#include <sanitizer/tsan_interface.h>
#endif

#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace partnersim {
namespace {

using Clock = std::chrono::steady_clock;

// The order TBB gives the pipeline's stages (a run is simulated before it is written, one write
// after another, all of them after run_ensemble hands them to TBB and before it returns) is made
// by TBB's own atomics inside libtbb, which Debian builds without ThreadSanitizer: TSan cannot
// see it and reported every hand-off as a race (issue 16). In a TSan build each stage therefore
// says, as it starts and as it ends, that it takes and passes on this order (an acquire and a
// release of one fixed address, so that nothing need be read first to find it); in any other
// build it is nothing. It claims no order TBB does not give; docs/hardening.md argues it.
class StageOrder {
public:
    // The caller's side: it hands the work to TBB, and takes it back when TBB returns (or
    // throws).
    class Handover {
    public:
        Handover() { release(); }
        ~Handover() { acquire(); }
        Handover(const Handover&) = delete;
        Handover& operator=(const Handover&) = delete;
    };
    // One stage's turn, from entry to leaving (an exception included).
    class Turn {
    public:
        Turn() { acquire(); }
        ~Turn() { release(); }
        Turn(const Turn&) = delete;
        Turn& operator=(const Turn&) = delete;
    };

private:
#if PARTNERSIM_TSAN
    static void* address() {
        static const char order = 0;  // only its address is used: no state
        return const_cast<char*>(&order);
    }
    static void acquire() {
        __tsan_acquire(address());
    }
    static void release() {
        __tsan_release(address());
    }
#else
    static void acquire() {}
    static void release() {}
#endif
};

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
    // A finished run waits here, not in TBB's token, so that only a run index (passed by value
    // in TBB's pointer-sized slot, no memory shared) crosses TBB between the stages. At most
    // in_flight runs are between emit and write, consecutive in index: index % in_flight is free.
    std::vector<std::optional<RunResult>> finished(in_flight);

    auto emit_index = [&](tbb::flow_control& control) -> std::uint64_t {
        const StageOrder::Turn turn;
        if (next >= last || (options.stop != nullptr && options.stop->load())) {
            report.stopped = next < last;
            control.stop();
            return 0;
        }
        return next++;
    };
    auto simulate = [&](std::uint64_t run_index) -> std::uint64_t {
        const StageOrder::Turn turn;
        const RunSpec spec = source(run_index);
        RunOptions run_options;
        run_options.trace_partners = run_index < options.trace_runs;
        finished[run_index % in_flight].emplace(
            run_partnership(spec.scenario, spec.id, run_options));
        return run_index;
    };
    auto write = [&](std::uint64_t run_index) {
        const StageOrder::Turn turn;
        std::optional<RunResult>& slot = finished[run_index % in_flight];
        writer.write(*slot);
        slot.reset();
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
    {
        const StageOrder::Handover handover;
        arena.execute([&] {
            tbb::parallel_pipeline(in_flight, tbb::make_filter<void, std::uint64_t>(
                                                  tbb::filter_mode::serial_in_order, emit_index) &
                                                  tbb::make_filter<std::uint64_t, std::uint64_t>(
                                                      tbb::filter_mode::parallel, simulate) &
                                                  tbb::make_filter<std::uint64_t, void>(
                                                      tbb::filter_mode::serial_in_order, write));
        });
    }
    writer.flush();
    return report;
}

}  // namespace partnersim
