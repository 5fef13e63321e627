#pragma once
// Rank 0 runs chunks too: on a thread of its own (its TBB workers under it), so that its main
// thread stays free to answer the other ranks and write. The main thread hands it one chunk at
// a time and collects the finished runs; no MPI here.

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "engine/ensemble.hpp"
#include "mpi/chunk_dispatch.hpp"

namespace partnersim::mpi {

struct FinishedChunk {
    RunRange chunk;
    std::vector<RunResult> runs;
};

class LocalWorker {
public:
    // `options`: the workers' threads and traced runs; kept by reference, as `source`.
    LocalWorker(const RunSource& source, const EnsembleOptions& options);
    ~LocalWorker();  // lets the chunk in hand finish, then ends the thread
    LocalWorker(const LocalWorker&) = delete;
    LocalWorker& operator=(const LocalWorker&) = delete;

    std::uint64_t threads() const { return threads_; }
    bool idle() const { return !busy_; }  // no chunk handed over and not yet taken back
    void give(RunRange chunk);
    // The finished chunk, if it is; rethrows what the thread failed with.
    std::optional<FinishedChunk> take();
    // Returns when a chunk finished, or after `most`.
    void wait(std::chrono::milliseconds most);

private:
    void work();

    const RunSource& source_;
    const EnsembleOptions& options_;
    std::uint64_t threads_;
    bool busy_ = false;  // main thread's own view
    std::mutex mutex_;
    std::condition_variable changed_;
    std::optional<RunRange> todo_;
    std::optional<FinishedChunk> done_;
    std::exception_ptr failure_;
    bool quit_ = false;
    std::thread thread_;  // last: starts after everything it uses
};

// One chunk's runs, in index order, on `options.threads` TBB workers (never stopped half-way).
std::vector<RunResult> run_chunk(const RunSource& source, RunRange chunk,
                                 const EnsembleOptions& options);

// The workers a rank runs chunks on (options.threads, or every core).
std::uint64_t chunk_threads(const EnsembleOptions& options);

}  // namespace partnersim::mpi
