#pragma once
// `partnersim run ... --resume`: finish an experiment whose run was killed or interrupted.
//
// The run wrote "<output>.partial" crash-safely (hdf5_writer.hpp), so the file holds every run
// up to its last flush. Resuming reads it (never writes it), copies its complete runs into a
// fresh file through a new writer, puts that file in place of the old one with an atomic
// rename, and hands the open writer back so the caller runs the remaining indices into it. The
// finished file has the same values in every dataset as an uninterrupted run's.
//
//   Resumption resumed = resume_results(output.partial_path(), shape, metadata, design);
//   run_ensemble(source, first + resumed.completed, last, *resumed.writer, options);
//   resumed.writer->close();
//   output.commit();

#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "engine/error.hpp"
#include "engine/experiment_design.hpp"
#include "io/hdf5_writer.hpp"

namespace partnersim {

// The partial file was written for another experiment (scenario, sweep, version, traces or
// shard differ); what() says what differs. Bad input, not a failure.
class ResumeMismatch : public InputError {
public:
    using InputError::InputError;
};

// Complete runs in a results file, a crashed one included: the longest prefix of rows present
// in every run dataset whose /runs/run_index was written, counting up by one from the file's
// first run (0, or its shard's first run). Throws std::runtime_error if the file cannot be read.
std::uint64_t complete_runs(const std::filesystem::path& results);

// Throws ResumeMismatch unless `partial` was written by this partnersim version for the same
// resolved scenario, sweep (design description, points, replicates), months, traces and shard
// as a run with this shape, metadata and design; command_line and created_utc may differ.
// Throws std::runtime_error if the file cannot be read.
void check_resumable(const std::filesystem::path& partial, const ResultsShape& shape,
                     const ResultsMetadata& metadata, const ExperimentDesign& design);

enum class ResumeStart {
    resumed,                  // the partial file's complete runs were kept
    no_partial_file,          // nothing to resume: a fresh file
    unreadable_partial_file,  // the partial file could not be read (e.g. the run was killed
                              // before its first flush): a fresh file replaced it
};

struct Resumption {
    std::unique_ptr<Hdf5ResultWriter> writer;  // open on the partial path
    std::uint64_t completed = 0;  // runs it holds: [first, first + completed) of the run range
    ResumeStart start = ResumeStart::resumed;
    std::string reason;  // for unreadable_partial_file, what went wrong reading it
};

// Resumes into `partial` as described above (starting a fresh crash-safe file when there is
// nothing usable to resume). Throws ResumeMismatch if the partial file belongs to another
// experiment, std::runtime_error if writing fails.
Resumption resume_results(const std::filesystem::path& partial, const ResultsShape& shape,
                          const ResultsMetadata& metadata, const ExperimentDesign& design);

}  // namespace partnersim
