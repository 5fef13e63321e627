#pragma once
// Joining the files of `run --shard K/N` into one results file, as one run of the whole
// experiment would have written it (io/merge.hpp).

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace partnersim::app {

struct MergeRequest {
    std::filesystem::path output;
    std::vector<std::filesystem::path> inputs;  // shard files, in any order
    bool force = false;
    std::string command_line;  // recorded in the merged file
};

struct MergeOutcome {
    std::uint64_t runs = 0;
    std::size_t shards = 0;
};

// Throws MergeError or OutputExists (InputErrors) for shards that do not make one experiment or
// an existing output; std::runtime_error if reading or writing fails.
MergeOutcome merge_shards(const MergeRequest& request);

}  // namespace partnersim::app
