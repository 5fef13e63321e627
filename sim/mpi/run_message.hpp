#pragma once
// Finished runs as bytes, to travel from a rank that ran them to the rank that writes them.
// Every field of a RunResult goes through unchanged (floats and doubles as their bytes), so the
// writer writes what a single process would. The ranks of one job run one binary on one
// architecture (the agreement checks the binary), so the byte order is the machine's.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/run_result.hpp"

namespace partnersim::mpi {

// What a rank says to the writing rank with each message: the chunk it ran (none in its first
// message), and how many workers it has (the dispatcher sizes its chunks by it).
struct ChunkHeader {
    static constexpr std::uint64_t no_chunk = UINT64_MAX;
    std::uint64_t first = no_chunk;  // first run index of the chunk
    std::uint64_t count = 0;         // runs in it
    std::uint64_t threads = 1;
};

// The bytes one run takes in a message (the dispatcher bounds chunks by it).
std::size_t run_message_bytes(const RunResult& run);

std::vector<std::byte> encode_runs(const ChunkHeader& header, const std::vector<RunResult>& runs);

struct DecodedRuns {
    ChunkHeader header;
    std::vector<RunResult> runs;
};
// Throws std::runtime_error if the bytes are not a whole message of encode_runs.
DecodedRuns decode_runs(std::span<const std::byte> bytes);

}  // namespace partnersim::mpi
