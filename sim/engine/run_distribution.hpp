#pragma once
// One experiment run by several processes that together write one results file (sim/mpi: MPI
// ranks). One process writes: it hands out chunks of run indices on demand and writes every
// run in index order, so the file is the one a single process writes. The others only run the
// chunks they are given. Runs are keyed by run index and their streams derive from (seed,
// design point, replicate) alone (random_streams.hpp), so who ran a chunk, and when, never
// shows in the results.

#include <cstdint>
#include <string>

#include "engine/ensemble.hpp"
#include "engine/result_writer.hpp"

namespace partnersim {

class RunDistribution {
public:
    virtual ~RunDistribution() = default;

    // This process writes the results file (and reports progress); the others serve().
    virtual bool writes() const = 0;

    // Every process calls this once, before running, with a text that fixes what it would run
    // (version, resolved scenario, design, shape). Throws InputError, on the writing process
    // naming the process that differs, if the processes disagree or one of them failed
    // before it could say.
    virtual void agree(const std::string& experiment) = 0;

    // On the writing process: runs [first, last) over every process and writes them to
    // `writer` in index order; the same contract as run_ensemble (options.stop ends it with a
    // written prefix, on_progress counts written runs).
    virtual EnsembleReport run(const RunSource& source, std::uint64_t first, std::uint64_t last,
                               ResultWriter& writer, const EnsembleOptions& options) = 0;

    // On the other processes: runs the chunks the writing process hands out (on
    // options.threads workers) until it says stop.
    virtual void serve(const RunSource& source, const EnsembleOptions& options) = 0;
};

}  // namespace partnersim
