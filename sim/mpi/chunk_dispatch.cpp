#include "mpi/chunk_dispatch.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "mpi/run_message.hpp"

namespace partnersim::mpi {

ChunkDispatch::ChunkDispatch(std::uint64_t first, std::uint64_t last, int ranks,
                             DispatchLimits limits)
    : last_(std::max(first, last)),
      next_(first),
      written_(first),
      ranks_(std::max(ranks, 1)),
      limits_(limits) {}

std::optional<RunRange> ChunkDispatch::next_chunk(std::uint64_t threads) {
    if (stopped_ || next_ == last_) return std::nullopt;
    const std::uint64_t smallest = 2 * std::max<std::uint64_t>(threads, 1);
    // Before any run came back its size is unknown: the first chunks are the smallest.
    const std::uint64_t by_bytes =
        run_bytes_ == 0 ? smallest : std::max<std::uint64_t>(limits_.chunk_bytes / run_bytes_, 1);
    const std::uint64_t waiting_runs =
        run_bytes_ == 0 ? UINT64_MAX
                        : std::max<std::uint64_t>(limits_.waiting_bytes / run_bytes_, 1);
    // Runs beyond the first unwritten one wait in memory until it is written: bounded, but
    // never so tightly that the ranks starve (each may hold one smallest chunk).
    if (next_ - written_ >= std::max(waiting_runs, smallest * static_cast<std::uint64_t>(ranks_))) {
        return std::nullopt;
    }
    const std::uint64_t guided = (last_ - next_) / (4 * static_cast<std::uint64_t>(ranks_));
    const std::uint64_t size =
        std::min(last_ - next_, std::max(smallest, std::min(guided, by_bytes)));
    const RunRange chunk{next_, next_ + size};
    next_ = chunk.last;
    ++out_;
    return chunk;
}

void ChunkDispatch::finished(RunRange chunk, std::vector<RunResult> runs) {
    if (chunk.first < written_ || chunk.last > next_ || runs.size() != chunk.size() ||
        waiting_.contains(chunk.first) || out_ == 0) {
        throw std::invalid_argument("ChunkDispatch: runs [" + std::to_string(chunk.first) + ", " +
                                    std::to_string(chunk.last) + ") were not handed out");
    }
    for (std::uint64_t i = 0; i < runs.size(); ++i) {
        if (runs[i].id.run_index != chunk.first + i) {
            throw std::invalid_argument("ChunkDispatch: run " +
                                        std::to_string(runs[i].id.run_index) + " in the chunk at " +
                                        std::to_string(chunk.first) + " out of place");
        }
        run_bytes_ = std::max(run_bytes_, run_message_bytes(runs[i]));
    }
    --out_;
    if (!runs.empty()) waiting_.emplace(chunk.first, std::move(runs));
}

std::vector<RunResult> ChunkDispatch::take_writable() {
    std::vector<RunResult> ready;
    for (auto at = waiting_.begin(); at != waiting_.end() && at->first == written_;
         at = waiting_.erase(at)) {
        written_ += at->second.size();
        std::move(at->second.begin(), at->second.end(), std::back_inserter(ready));
    }
    return ready;
}

}  // namespace partnersim::mpi
