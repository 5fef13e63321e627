#pragma once
// `partnersim merge OUT SHARD...`: joins the files of `partnersim run --shard K/N` into one file
// with the same datasets, shapes, types and values as a single run of the whole experiment
// (and no shard attributes). Shards are copied one after the other, block by block, so memory
// does not grow with the number of runs.

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/error.hpp"
#include "io/shard.hpp"

namespace partnersim {

// The inputs cannot be merged (not shard files, different experiments, gaps or overlaps
// between them); what() names the files. Bad input, not a failure.
class MergeError : public InputError {
public:
    using InputError::InputError;
};

struct MergeReport {
    std::uint64_t runs = 0;
    std::size_t shards = 0;
};

// Checks that every input is a readable shard file of the same experiment (partnersim version,
// resolved scenario, sweep, months, traces, total runs) and that together they hold every run
// of [0, total) exactly once, complete; then writes the merged file through OutputFile (a
// ".partial" renamed when complete; an existing `output` only with `force`). Inputs may be given
// in any order. Throws MergeError for bad inputs, OutputExists for an existing output without
// force, std::runtime_error if reading or writing fails. `command_line` is recorded in the
// merged file.
MergeReport merge_results(const std::vector<std::filesystem::path>& inputs,
                          const std::filesystem::path& output, bool force,
                          const std::string& command_line = "");

}  // namespace partnersim
