#pragma once
// Running an experiment (a scenario, or its [sweep]) into a results file: the design and what
// the file will hold, the output that is never silently overwritten, the crash-safe partial
// file that an interrupted or failed run leaves for --resume, shards, and the ensemble.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "app/progress.hpp"
#include "app/results_summary.hpp"
#include "app/scenario_request.hpp"
#include "engine/run_distribution.hpp"

namespace partnersim::app {

// What resuming found, before any run starts.
struct ResumeNotice {
    enum class Start {
        resumed,                  // `completed` runs of the partial file were kept
        no_partial_file,          // nothing to resume: starting from the beginning
        unreadable_partial_file,  // the partial file held no complete run: starting again
    };
    Start start = Start::resumed;
    std::uint64_t completed = 0;  // runs already done
    std::uint64_t total = 0;      // runs of this process (its shard)
    std::filesystem::path partial;
    std::string reason;  // for unreadable_partial_file, what went wrong reading it
};

class RunObserver : public ProgressObserver {
public:
    virtual void resumed(const ResumeNotice& notice) = 0;
};

struct RunRequest {
    ScenarioRequest scenario;
    std::filesystem::path output;
    int threads = 0;  // 0: all cores
    bool force = false;
    std::uint64_t trace_runs = 0;             // record every partner's state for the first N runs
    bool resume = false;                      // finish the runs missing from OUTPUT.partial
    std::optional<std::string> shard;         // "K/N": only the K-th of N slices; absent: all
    std::string command_line;                 // recorded in the file
    const std::atomic<bool>* stop = nullptr;  // set (e.g. by a signal) to stop starting runs
    RunObserver* observer = nullptr;          // optional
    // Several processes writing one file (sim/mpi); absent: this process runs everything.
    RunDistribution* distribution = nullptr;
};

struct RunOutcome {
    std::uint64_t done = 0;    // runs in the file (resumed ones included)
    std::uint64_t total = 0;   // runs of this process (its shard)
    bool interrupted = false;  // stopped through `stop`: the runs done are in `partial`
    std::filesystem::path output;
    std::filesystem::path partial;
    double seconds = 0;                     // wall time of writing
    std::optional<ResultsSummary> summary;  // of the finished file (not when interrupted)
    bool served = false;  // ran chunks for the writing process of a distribution, wrote nothing
};

// Throws InputError for a bad scenario or --shard, an existing output, a partial file of
// another experiment, or processes of a distribution that disagree about the experiment;
// std::runtime_error for a failure while running or writing (the runs finished by then stay in the
// partial file, for --resume).
RunOutcome run_experiment(const RunRequest& request);

}  // namespace partnersim::app
