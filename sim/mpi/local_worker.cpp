#include "mpi/local_worker.hpp"

#include <tbb/info.h>

#include "engine/collecting_writer.hpp"

namespace partnersim::mpi {

std::vector<RunResult> run_chunk(const RunSource& source, RunRange chunk,
                                 const EnsembleOptions& options) {
    EnsembleOptions chunk_options;
    chunk_options.threads = options.threads;
    chunk_options.trace_runs = options.trace_runs;
    chunk_options.runs_in_flight = options.runs_in_flight;
    CollectingWriter runs(chunk.size());
    run_ensemble(source, chunk.first, chunk.last, runs, chunk_options);
    return std::move(runs.results());
}

std::uint64_t chunk_threads(const EnsembleOptions& options) {
    return static_cast<std::uint64_t>(options.threads > 0 ? options.threads
                                                          : tbb::info::default_concurrency());
}

LocalWorker::LocalWorker(const RunSource& source, const EnsembleOptions& options)
    : source_(source),
      options_(options),
      threads_(chunk_threads(options)),
      thread_([this] { work(); }) {}

LocalWorker::~LocalWorker() {
    {
        const std::lock_guard lock(mutex_);
        quit_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void LocalWorker::give(RunRange chunk) {
    {
        const std::lock_guard lock(mutex_);
        todo_ = chunk;
    }
    busy_ = true;
    changed_.notify_all();
}

std::optional<FinishedChunk> LocalWorker::take() {
    const std::lock_guard lock(mutex_);
    if (failure_) std::rethrow_exception(failure_);
    std::optional<FinishedChunk> finished = std::move(done_);
    done_.reset();
    if (finished) busy_ = false;
    return finished;
}

void LocalWorker::wait(std::chrono::milliseconds most) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, most, [this] { return done_.has_value() || failure_ != nullptr; });
}

void LocalWorker::work() {
    std::unique_lock lock(mutex_);
    while (true) {
        changed_.wait(lock, [this] { return quit_ || todo_.has_value(); });
        if (!todo_) return;  // quit with nothing in hand
        const RunRange chunk = *todo_;
        todo_.reset();
        lock.unlock();
        try {
            std::vector<RunResult> runs = run_chunk(source_, chunk, options_);
            lock.lock();
            done_ = FinishedChunk{chunk, std::move(runs)};
        } catch (...) {
            lock.lock();
            failure_ = std::current_exception();
        }
        changed_.notify_all();
        if (failure_ || quit_) return;
    }
}

}  // namespace partnersim::mpi
