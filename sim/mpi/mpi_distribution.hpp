#pragma once
// RunDistribution over MPI ranks (engine/run_distribution.hpp): rank 0 dispatches chunks on
// demand (chunk_dispatch.hpp), runs chunks itself on a thread of its own, receives the other
// ranks' finished runs (run_message.hpp) and is the one writer, in run-index order, through
// the same crash-safe writer as a single process. Only rank 0's main thread calls MPI.

#include <mpi.h>

#include <string>
#include <vector>

#include "engine/run_distribution.hpp"
#include "mpi/chunk_dispatch.hpp"

namespace partnersim::mpi {

class LocalWorker;

class MpiDistribution final : public RunDistribution {
public:
    explicit MpiDistribution(MPI_Comm comm);  // after MPI_Init_thread

    int rank() const { return rank_; }
    int ranks() const { return size_; }

    bool writes() const override { return rank_ == 0; }
    void agree(const std::string& experiment) override;
    EnsembleReport run(const RunSource& source, std::uint64_t first, std::uint64_t last,
                       ResultWriter& writer, const EnsembleOptions& options) override;
    void serve(const RunSource& source, const EnsembleOptions& options) override;

    // After the command on every rank: takes part in the agreement if the command never came
    // to it (it failed before, or was no `run`), and on rank 0 releases ranks still waiting
    // for chunks. Returns false on a rank whose failure the others cannot see (it must end
    // the job: MPI_Abort).
    bool finish(int exit_code);
    // A rank other than 0 whose command failed says why itself only when the failure is its
    // own: not when rank 0 reported the disagreement, or failed as well.
    bool failure_is_own() const { return own_failure_; }

private:
    void take_part(bool ready, const std::string& experiment);
    bool receive(ChunkDispatch& dispatch);  // every waiting message; false: none
    void hand_out(ChunkDispatch& dispatch, LocalWorker& local);
    void dismiss(int worker);
    void dismiss_all();

    MPI_Comm comm_;
    int rank_ = 0;
    int size_ = 1;
    bool agreed_ = false;   // the agreement took place (whatever its verdict)
    bool go_ = false;       // ... and every rank may run
    bool serving_ = false;  // a rank other than 0 between its first request and stop
    bool own_failure_ = true;
    std::vector<char> waiting_;    // rank 0: the worker's last message is received, unanswered
    std::vector<char> dismissed_;  // rank 0: the worker was told to stop
    std::vector<RunRange> given_;  // rank 0: the chunk each worker runs
    std::vector<std::uint64_t> threads_;  // rank 0: each worker's threads
};

}  // namespace partnersim::mpi
