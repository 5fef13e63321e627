#pragma once
// Shards: `partnersim run --shard K/N` runs the K-th of N disjoint, contiguous slices of an
// experiment's run indices, so one sweep can be spread over several machines and joined again
// with `partnersim merge` (io/merge.hpp).

#include <cstdint>
#include <string>
#include <utility>

namespace partnersim {

// Which slice of the experiment a results file holds.
struct ShardInfo {
    unsigned index = 1;            // K, counted from 1
    unsigned count = 1;            // N
    std::uint64_t total_runs = 0;  // runs of the whole experiment

    std::string label() const;  // "K/N"
};

// Run indices [first, last) of shard K of N over `runs` runs:
// [floor((K-1)*R/N), floor(K*R/N)). The N shards cover [0, R) exactly once; shards may be empty
// when N > R. Throws std::invalid_argument for N = 0 or K outside 1..N.
std::pair<std::uint64_t, std::uint64_t> shard_range(std::uint64_t runs, unsigned k, unsigned n);
std::pair<std::uint64_t, std::uint64_t> shard_range(const ShardInfo& shard);

// Parses "K/N" (as given to --shard); throws std::invalid_argument with a message saying what
// is wrong.
ShardInfo parse_shard(const std::string& text, std::uint64_t total_runs);

}  // namespace partnersim
