#pragma once
// The writing rank's bookkeeping (no MPI here): which runs it hands out next, and which
// finished runs can be written, in index order. Chunks go out on demand, so a rank that got
// cheap design points (20 partners) simply asks again sooner than one that got dear ones
// (2,000 partners). Their size is guided: a share of what is left, so early chunks are large
// (few messages) and the last ones small (no rank waits long for a straggler), never below
// two per worker thread (every worker kept busy) nor above a byte bound.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "engine/run_result.hpp"

namespace partnersim::mpi {

struct RunRange {
    std::uint64_t first = 0;
    std::uint64_t last = 0;  // one past
    std::uint64_t size() const { return last - first; }
};

struct DispatchLimits {
    std::size_t chunk_bytes = std::size_t{32} << 20;     // a chunk's runs in one message
    std::size_t waiting_bytes = std::size_t{512} << 20;  // finished, not yet writable runs
};

class ChunkDispatch {
public:
    ChunkDispatch(std::uint64_t first, std::uint64_t last, int ranks, DispatchLimits limits = {});

    // The next chunk for a rank with `threads` workers; nothing when every run is handed out,
    // after stop(), or while the runs finished beyond the first unwritten one would take more
    // than waiting_bytes (ask again after writing).
    std::optional<RunRange> next_chunk(std::uint64_t threads);
    // Hand out nothing more (Ctrl-C): done() once the chunks out are back.
    void stop() { stopped_ = true; }

    // The runs of a chunk next_chunk handed out, in index order. std::invalid_argument if
    // they are not exactly that chunk's runs.
    void finished(RunRange chunk, std::vector<RunResult> runs);
    // The finished runs that continue the written prefix, to write now in this order.
    std::vector<RunResult> take_writable();

    std::uint64_t written() const { return written_; }  // runs [first, written) are taken
    std::uint64_t chunks_out() const { return out_; }
    bool done() const { return written_ == last_ || (stopped_ && out_ == 0); }

private:
    std::uint64_t last_, next_, written_;
    int ranks_;
    DispatchLimits limits_;
    bool stopped_ = false;
    std::uint64_t out_ = 0;
    std::size_t run_bytes_ = 0;  // largest run seen so far; 0 before the first
    std::map<std::uint64_t, std::vector<RunResult>> waiting_;  // by first run index
};

}  // namespace partnersim::mpi
