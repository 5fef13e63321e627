#pragma once
// Results of an experiment as one HDF5 file, streamed run by run. The layout (names, types,
// sizes) is the results contract in io/results_layout.hpp; the generic chunked appending is in
// io/chunked_dataset.hpp.
//
// Crash safety. By default (ResultsStorage::crash_safe) the file is written so that killing the
// process at any moment, SIGKILL included, leaves a readable file holding every run up to the
// last flush():
//  - the file uses the HDF5 1.10 format and is switched to SWMR writing once every dataset,
//    table and attribute exists (SWMR orders metadata writes so the file on disk is always
//    consistent);
//  - while it is being written, run datasets are chunked but not compressed, so appending rows
//    rewrites a partly filled chunk in place and never moves rows already flushed;
//  - flush() first writes and flushes every run dataset but /runs/run_index, then appends to
//    /runs/run_index and flushes again, so a run_index row on disk (its fill value is 2^64-1)
//    says its run is complete in every dataset (io/resume.hpp reads files this way).
// close() then rewrites the file compressed (shuffle + deflate), records the `runs` attribute and
// replaces the streamed file with it. A crashed file must be opened read-only as an SWMR reader
// (h5py: h5py.File(path, "r", swmr=True); hdf5_reader.hpp does so by itself); h5dump cannot,
// but reads a copy after `h5clear -s copy.h5`. A suspended file (suspend()) opens normally.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/result_writer.hpp"
#include "io/shard.hpp"

namespace partnersim {

struct ResultsMetadata {
    std::string partnersim_version;
    std::string scenario_toml;  // the fully resolved scenario, so the file reproduces itself
    std::string command_line;
    std::string created_utc;
};

struct ResultsShape {
    int months = 0;
    std::uint64_t trace_runs = 0;  // runs 0..trace_runs-1 may carry per-partner traces
    int trace_partners = 0;        // partners per traced run (smaller runs are NaN-padded)
    std::optional<ShardInfo> shard = std::nullopt;  // set when the file holds one shard
    // Under uncertainty.model_constants = "plausible": the names of the model constants each
    // run records (/runs/model_constants, one column each), and those held at set values
    // rather than drawn. Empty: the file records no drawn models.
    std::vector<std::string> model_constants = {};
    std::vector<std::string> held_constants = {};
};

enum class ResultsStorage {
    crash_safe,  // SWMR, uncompressed while streaming, compacted by close() (see above)
    direct,      // compressed as written; a crash loses the file. For merge and compaction.
};

class Hdf5ResultWriter;

// Writes what describes the whole experiment (tables, attributes) before the first run: once
// results stream, HDF5 (in SWMR mode) can create no new objects or attributes.
using ResultsPrologue = std::function<void(Hdf5ResultWriter&)>;

class Hdf5ResultWriter final : public ResultWriter {
public:
    // Creates (truncating) the file, every dataset and the root attributes, then calls
    // `prologue` (may be empty) and starts streaming. Throws std::runtime_error naming the path
    // on failure.
    Hdf5ResultWriter(const std::filesystem::path& path, const ResultsShape& shape,
                     const ResultsMetadata& metadata, const ResultsPrologue& prologue = {},
                     ResultsStorage storage = ResultsStorage::crash_safe);
    // Suspends (see suspend()); never throws.
    ~Hdf5ResultWriter() override;

    Hdf5ResultWriter(const Hdf5ResultWriter&) = delete;
    Hdf5ResultWriter& operator=(const Hdf5ResultWriter&) = delete;

    // Rows are buffered up to one chunk per dataset, then appended. Runs must come in
    // increasing run_index order (and within the shard, for a shard file).
    void write(const RunResult& result) override;
    // Writes buffered rows and puts everything on disk: after flush() returns, a crash loses
    // none of the runs written so far.
    void flush() override;
    // Finishes the file: flushes, closes, compacts a crash-safe file (rewriting it compressed
    // under the same name, which takes a read and a write of the whole file) and records the
    // `runs` attribute. Safe to call more than once.
    void close();
    // Flushes and closes without compacting: the file stays as a crash would leave it, only
    // complete, ready for `--resume` (io/resume.hpp). Safe to call more than once, and after
    // close().
    void suspend();

    // Renames the file while it is open (replacing any file at new_path), e.g. to put a
    // recovered copy in place of a crashed file atomically.
    void move_to(const std::filesystem::path& new_path);

    std::uint64_t runs_written() const;
    const std::filesystem::path& path() const { return path_; }
    const ResultsShape& shape() const;

    // --- For the prologue only: these throw std::logic_error once runs stream. ---------------

    // A one-dimensional table under /<group>/<name>, for per-design-point inputs and the like.
    // The group is created on first use; the dataset must not exist yet.
    void write_table(const std::string& group, const std::string& name,
                     std::span<const double> values, std::string_view description,
                     std::string_view units);
    void write_table(const std::string& group, const std::string& name,
                     std::span<const std::int64_t> values, std::string_view description,
                     std::string_view units);
    void write_table(const std::string& group, const std::string& name,
                     std::span<const std::uint64_t> values, std::string_view description,
                     std::string_view units);
    void write_table(const std::string& group, const std::string& name,
                     std::span<const std::uint8_t> values, std::string_view description,
                     std::string_view units);
    void write_labels(const std::string& group, const std::string& name,
                      std::span<const std::string> labels, std::string_view description,
                      std::string_view units);
    // A root attribute. The writer's own (layout::writer_attributes: partnersim_version,
    // scenario, command_line, created_utc, months, runs, identity, shard, first_run,
    // total_runs) cannot be set this way.
    void write_attribute(const std::string& name, std::string_view value);
    void write_attribute(const std::string& name, std::uint64_t value);
    void write_attribute(const std::string& name, std::span<const std::string> values);
    // Copies from another results file everything that is not the writer's own: root groups
    // and datasets other than runs, timeseries, final, months and agents (e.g. /design), and
    // root attributes other than the writer's own (e.g. the design attributes).
    void copy_static_content(const std::filesystem::path& source);

    // Root attributes and root links the writer manages itself.
    static bool is_own_attribute(std::string_view name);
    static bool is_own_link(std::string_view name);

private:
    class Impl;
    std::filesystem::path path_;
    std::unique_ptr<Impl> impl_;
    bool finished_ = false;
};

}  // namespace partnersim
