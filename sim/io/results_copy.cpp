#include "io/results_copy.hpp"

#include <algorithm>
#include <system_error>

#include "io/durable_file.hpp"
#include "io/hdf5_reader.hpp"

namespace partnersim {

void copy_runs(const std::filesystem::path& source, std::uint64_t first_row, std::uint64_t rows,
               Hdf5ResultWriter& target) {
    ResultsRowReader reader(source);
    for (std::uint64_t done = 0; done < rows;) {
        const std::uint64_t block = std::min(copy_block_runs, rows - done);
        for (const RunResult& run : reader.runs(first_row + done, block)) target.write(run);
        done += block;
    }
}

void compact_results(const std::filesystem::path& path) {
    std::filesystem::path compacting = path;
    compacting += ".compacting";
    ResultsMetadata metadata;
    ResultsShape shape;
    {
        const ResultsFile file(path);  // closed before the copy reopens it
        metadata = file.info().metadata;
        shape = file.shape();
    }
    const std::uint64_t rows = ResultsRowReader(path).rows();
    try {
        Hdf5ResultWriter compact(
            compacting, shape, metadata,
            [&](Hdf5ResultWriter& writer) { writer.copy_static_content(path); },
            ResultsStorage::direct);
        copy_runs(path, 0, rows, compact);
        compact.close();
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(compacting, ignored);
        throw;
    }
    // Only a complete compacted file, on disk, replaces the streamed one: until this rename the
    // streamed file (with every run) is untouched, whatever failed above.
    durable_rename(compacting, path);
}

}  // namespace partnersim
