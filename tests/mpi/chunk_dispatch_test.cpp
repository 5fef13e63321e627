#include "mpi/chunk_dispatch.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <stdexcept>

namespace partnersim::mpi {
namespace {

std::vector<RunResult> runs_of(RunRange chunk, std::size_t floats = 10) {
    std::vector<RunResult> runs(chunk.size());
    for (std::uint64_t i = 0; i < chunk.size(); ++i) {
        runs[i].id.run_index = chunk.first + i;
        runs[i].timeseries.assign(floats, 0.0F);
    }
    return runs;
}

// Chunks finishing in a shuffled order are still taken in index order, every run once.
TEST(ChunkDispatch, WritesInIndexOrderWhateverOrderChunksFinish) {
    ChunkDispatch dispatch(5, 1005, 3);
    std::mt19937 shuffle(42);
    std::vector<RunRange> out;
    std::vector<std::uint64_t> written;
    while (!dispatch.done()) {
        while (const auto chunk = dispatch.next_chunk(2)) out.push_back(*chunk);
        std::shuffle(out.begin(), out.end(), shuffle);
        ASSERT_FALSE(out.empty());
        dispatch.finished(out.back(), runs_of(out.back()));
        out.pop_back();
        for (const RunResult& run : dispatch.take_writable()) written.push_back(run.id.run_index);
    }
    ASSERT_EQ(written.size(), 1000U);
    for (std::size_t i = 0; i < written.size(); ++i) EXPECT_EQ(written[i], 5 + i);
}

// Guided: a share of what is left, at least two runs per thread, small at the end.
TEST(ChunkDispatch, ChunksShrinkTowardsTheEnd) {
    ChunkDispatch dispatch(0, 10000, 2);
    const RunRange first = *dispatch.next_chunk(4);
    EXPECT_EQ(first.size(), 8U);  // runs' size unknown yet: the smallest chunk
    dispatch.finished(first, runs_of(first));
    EXPECT_EQ(dispatch.take_writable().size(), 8U);
    const RunRange second = *dispatch.next_chunk(4);
    EXPECT_EQ(second.size(), (10000U - 8U) / 8U);  // a quarter of what is left, per rank
    dispatch.finished(second, runs_of(second));
    std::uint64_t last_size = 0;
    while (const auto chunk = dispatch.next_chunk(4)) {
        dispatch.finished(*chunk, runs_of(*chunk));
        dispatch.take_writable();
        last_size = chunk->size();
    }
    EXPECT_LE(last_size, 8U);
    EXPECT_TRUE(dispatch.done());
}

// A slow first chunk holds everything after it in memory: the dispatcher stops handing out
// once that would pass its bound, and starts again when the slow chunk comes back.
TEST(ChunkDispatch, BoundsRunsWaitingBehindASlowChunk) {
    DispatchLimits limits;
    limits.chunk_bytes = 4096;
    limits.waiting_bytes = 64 * 1024;
    ChunkDispatch dispatch(0, 100000, 2, limits);
    const RunRange slow = *dispatch.next_chunk(1);
    RunRange probe = *dispatch.next_chunk(1);
    dispatch.finished(probe, runs_of(probe));  // now the run size is known
    int handed = 0;
    while (const auto chunk = dispatch.next_chunk(1)) {
        dispatch.finished(*chunk, runs_of(*chunk));
        ASSERT_LT(++handed, 100000);
    }
    EXPECT_TRUE(dispatch.take_writable().empty());
    EXPECT_FALSE(dispatch.done());
    dispatch.finished(slow, runs_of(slow));
    EXPECT_GT(dispatch.take_writable().size(), 100U);
    EXPECT_TRUE(dispatch.next_chunk(1).has_value());
}

TEST(ChunkDispatch, StopEndsOnceChunksOutAreBack) {
    ChunkDispatch dispatch(0, 1000, 2);
    const RunRange a = *dispatch.next_chunk(1);
    const RunRange b = *dispatch.next_chunk(1);
    dispatch.stop();
    EXPECT_FALSE(dispatch.next_chunk(1).has_value());
    dispatch.finished(b, runs_of(b));
    EXPECT_FALSE(dispatch.done());
    dispatch.finished(a, runs_of(a));
    EXPECT_TRUE(dispatch.done());
    EXPECT_EQ(dispatch.take_writable().size(), a.size() + b.size());
}

TEST(ChunkDispatch, RefusesRunsOfAnotherChunk) {
    ChunkDispatch dispatch(0, 100, 1);
    const RunRange chunk = *dispatch.next_chunk(1);
    EXPECT_THROW(dispatch.finished({chunk.first + 1, chunk.last + 1}, runs_of(chunk)),
                 std::invalid_argument);
    std::vector<RunResult> shifted = runs_of(chunk);
    shifted[0].id.run_index = 99;
    EXPECT_THROW(dispatch.finished(chunk, shifted), std::invalid_argument);
}

}  // namespace
}  // namespace partnersim::mpi
