#pragma once
// Reading back the results files that Hdf5ResultWriter produces (layout in hdf5_writer.hpp).
// Each call opens the file read-only and closes it again; errors throw std::runtime_error
// naming the file and the dataset. Files whose writer crashed or is still writing are opened
// as an SWMR reader, so they read as of the writer's last flush.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/hdf5_writer.hpp"

namespace partnersim {

struct ResultsFileInfo {
    ResultsMetadata metadata;
    int months = 0;
    std::uint64_t runs = 0;             // rows on disk, so a flushed but unfinished file counts too
    std::vector<std::string> measures;  // under /timeseries, in the order they were written
};

ResultsFileInfo read_results_info(const std::filesystem::path& path);

// /final/<measure>: one value per run.
std::vector<double> read_final(const std::filesystem::path& path, std::string_view measure);

// /timeseries/<measure>: runs x months, row-major (value of run r, month m at r * months + m).
std::vector<float> read_timeseries(const std::filesystem::path& path, std::string_view measure);

// /runs/<column>: run_index, design_point, replicate or seed.
std::vector<std::uint64_t> read_run_column(const std::filesystem::path& path,
                                           std::string_view column);

// /agents/<variable>: traced runs x months x partners, row-major, NaN where unrecorded.
struct TraceValues {
    std::uint64_t runs = 0;
    int months = 0;
    int partners = 0;
    std::vector<float> values;
};
TraceValues read_trace(const std::filesystem::path& path, std::string_view variable);

// The `description` and `units` attributes of any dataset, e.g. "/final/capacity".
struct DatasetDescription {
    std::string description;
    std::string units;
};
DatasetDescription read_description(const std::filesystem::path& path, std::string_view dataset);

// Tables written with Hdf5ResultWriter::write_table and write_labels.
std::vector<double> read_table(const std::filesystem::path& path, std::string_view group,
                               std::string_view name);
std::vector<std::string> read_labels(const std::filesystem::path& path, std::string_view group,
                                     std::string_view name);
// An integer table (e.g. /design/grid_cell), converted to int64.
std::vector<std::int64_t> read_integer_table(const std::filesystem::path& path,
                                             std::string_view group, std::string_view name);

// The datasets directly under a group (e.g. "/design"), in name order, and whether each holds
// text; empty if the group does not exist.
struct TableEntry {
    std::string name;
    bool text = false;
};
std::vector<TableEntry> list_tables(const std::filesystem::path& path, std::string_view group);

// A numeric attribute of a dataset (e.g. the `low` of "/design/setup.budget_hours"), or
// nullopt if the dataset lacks it.
std::optional<double> read_number_attribute(const std::filesystem::path& path,
                                            std::string_view dataset, std::string_view name);

// The shape a file was written with: months, traced runs and partners (from /agents), and the
// shard it holds, if any.
ResultsShape read_results_shape(const std::filesystem::path& path);

// A results file read block by block, e.g. to copy its runs into another file without holding
// them all in memory. Keeps the file open for its lifetime.
class ResultsRowReader {
public:
    explicit ResultsRowReader(const std::filesystem::path& path);
    ~ResultsRowReader();
    ResultsRowReader(const ResultsRowReader&) = delete;
    ResultsRowReader& operator=(const ResultsRowReader&) = delete;

    // Rows present in every run dataset (/runs, /timeseries, /final). For a file whose writer
    // crashed, rows past its last flush may be among them: io/resume.hpp tells which are
    // complete.
    std::uint64_t rows() const;
    const ResultsShape& shape() const;

    // /runs/run_index of rows [first, first + count).
    std::vector<std::uint64_t> run_indices(std::uint64_t first, std::uint64_t count);
    // Rows [first, first + count) as the runs that were written. Runs with a row under /agents
    // (run_index < trace runs) carry that row as their trace, with the file's partner count
    // (NaN where nothing was recorded).
    std::vector<RunResult> runs(std::uint64_t first, std::uint64_t count);

private:
    class Impl;
    std::filesystem::path path_;
    std::unique_ptr<Impl> impl_;
};

}  // namespace partnersim
