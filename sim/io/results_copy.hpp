#pragma once
// Copying runs between results files, block by block (never the whole file in memory): the
// common step of compaction (Hdf5ResultWriter::close), recovery (io/resume.hpp) and merging
// shards (io/merge.hpp).

#include <cstdint>
#include <filesystem>

#include "io/hdf5_writer.hpp"

namespace partnersim {

// Runs copied per block.
inline constexpr std::uint64_t copy_block_runs = 1024;

// Writes rows [first_row, first_row + rows) of `source` to `target`, in order. The target must
// have the source's months and trace shape; it checks run order as for any write.
void copy_runs(const std::filesystem::path& source, std::uint64_t first_row, std::uint64_t rows,
               Hdf5ResultWriter& target);

// Rewrites a closed crash-safe file compressed (ResultsStorage::direct), with the same datasets,
// values, attributes and tables, and the `runs` attribute; then replaces it. Goes through
// "<path>.compacting", so a crash while compacting leaves the original untouched.
void compact_results(const std::filesystem::path& path);

}  // namespace partnersim
