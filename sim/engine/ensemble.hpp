#pragma once
// The ensemble runner: many runs on TBB workers, results handed in run order to one writer
// through a bounded pipeline, so memory does not grow with the number of runs.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>

#include "engine/result_writer.hpp"
#include "engine/run.hpp"

namespace partnersim {

// What the ensemble runs: for each run index, the scenario and the run's id. A plain
// replicate set, or a sweep over design points, is one of these.
struct RunSpec {
    Scenario scenario;
    RunId id;
};
using RunSource = std::function<RunSpec(std::uint64_t run_index)>;

struct EnsembleOptions {
    int threads = 0;                 // 0: all hardware threads
    std::uint64_t trace_runs = 0;    // trace partners in runs with run_index < trace_runs
    std::size_t runs_in_flight = 0;  // bound on finished-but-unwritten runs; 0: 4 per thread
    std::chrono::milliseconds flush_interval{2000};
    const std::atomic<bool>* stop = nullptr;  // set (e.g. by Ctrl-C) to stop starting runs
    std::function<void(std::uint64_t done, std::uint64_t total)> on_progress;
};

struct EnsembleReport {
    std::uint64_t completed = 0;  // runs written, a prefix [first, first + completed)
    bool stopped = false;         // stopped early through `stop`
};

// The most worker threads an ensemble starts: 8 per hardware thread, and at least 64. More
// threads than cores only helps to check determinism; a million (--threads 1000000) spawned
// threads until pthread_create failed and the process aborted.
int max_worker_threads();

// Runs indices [first, last) and writes each result, in index order. std::invalid_argument if
// options.threads exceeds max_worker_threads().
EnsembleReport run_ensemble(const RunSource& source, std::uint64_t first, std::uint64_t last,
                            ResultWriter& writer, const EnsembleOptions& options);

// The RunSource of one scenario's replicates (design point 0).
RunSource replicate_source(const Scenario& scenario);

}  // namespace partnersim
