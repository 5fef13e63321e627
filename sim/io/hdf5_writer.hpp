#pragma once
// Results of an experiment as one HDF5 file, streamed run by run.
//
// Layout (read by users with h5py and h5dump; names are a contract):
//   /                      attributes partnersim_version, scenario, command_line, created_utc
//                          (UTF-8 strings), months (int32), runs (uint64, count of runs written)
//   /runs/run_index, design_point, replicate, seed      uint64 [runs]
//   /timeseries/<measure>  float32 [runs x months]
//   /final/<measure>       float64 [runs]
//   /months                int32 [months], 1..months
//   /agents/<variable>     float32 [trace_runs x months x trace_partners], NaN where unrecorded
// Every dataset carries `description` and `units` string attributes.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/result_writer.hpp"

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
};

class Hdf5ResultWriter final : public ResultWriter {
public:
    // Creates (truncating) the file; throws std::runtime_error naming the path on failure.
    Hdf5ResultWriter(const std::filesystem::path& path, const ResultsShape& shape,
                     const ResultsMetadata& metadata);
    ~Hdf5ResultWriter() override;

    Hdf5ResultWriter(const Hdf5ResultWriter&) = delete;
    Hdf5ResultWriter& operator=(const Hdf5ResultWriter&) = delete;

    // Rows are buffered up to one chunk per dataset, then appended.
    void write(const RunResult& result) override;
    // Writes buffered rows and asks HDF5 to put everything on disk.
    void flush() override;
    // Flushes, records the run count and closes the file. Safe to call more than once.
    void close();

    std::uint64_t runs_written() const;

    // A one-dimensional table under /<group>/<name>, for per-design-point inputs and the like.
    // The group is created on first use; the dataset must not exist yet.
    void write_table(const std::string& group, const std::string& name,
                     std::span<const double> values, std::string_view description,
                     std::string_view units);
    void write_labels(const std::string& group, const std::string& name,
                      std::span<const std::string> labels, std::string_view description,
                      std::string_view units);

private:
    class Impl;
    std::filesystem::path path_;
    std::unique_ptr<Impl> impl_;
};

}  // namespace partnersim
