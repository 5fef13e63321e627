#pragma once
// Reading back the results files that Hdf5ResultWriter produces (layout in
// io/results_layout.hpp). A ResultsFile opens the file read-only once and reads it many times;
// the free functions below open and close it for a single read. Errors throw
// std::runtime_error naming the file and the dataset. Files whose writer crashed or is still
// writing are opened as an SWMR reader, so they read as of the writer's last flush.

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

// The datasets directly under a group (e.g. "/design"), in name order, and whether each holds
// text; empty if the group does not exist.
struct TableEntry {
    std::string name;
    bool text = false;
};

// /agents/<variable>: traced runs x months x partners, row-major, NaN where unrecorded.
struct TraceValues {
    std::uint64_t runs = 0;
    int months = 0;
    int partners = 0;
    std::vector<float> values;
};

// The `description` and `units` attributes of any dataset, e.g. "/final/capacity".
struct DatasetDescription {
    std::string description;
    std::string units;
};

// The design attributes of a results file (io/design_tables.hpp), to tell whether two files
// hold the same sweep, and the varied parameters by kind.
struct DesignAttributes {
    std::string sweep;
    std::uint64_t design_points = 0;
    std::uint64_t replicates_per_point = 0;
    std::vector<std::string> grid_factors;   // in sweep order
    std::vector<std::string> range_factors;  // in range_index order
};

class ResultsFile {
public:
    // Opens the file and reads its metadata and shape.
    explicit ResultsFile(const std::filesystem::path& path);
    ~ResultsFile();
    ResultsFile(ResultsFile&&) noexcept;
    ResultsFile& operator=(ResultsFile&&) noexcept;

    const std::filesystem::path& path() const { return path_; }
    const ResultsFileInfo& info() const;
    const ResultsShape& shape() const;
    // The results identity (layout::results_identity): the `identity` attribute, or for a file
    // without one (older or unfinished files) derived from the metadata and the rows on disk.
    std::string identity() const;
    // nullopt for a file without design attributes. Files older than the grid_factors and
    // range_factors attributes have them derived from /design (ranges are the tables with a
    // range_index attribute, grids the other parameter tables, in the order they were written).
    std::optional<DesignAttributes> design() const;

    // /final/<measure>: one value per run.
    std::vector<double> final_values(std::string_view measure) const;
    // /timeseries/<measure>: runs x months, row-major (run r, month m at r * months + m).
    std::vector<float> timeseries(std::string_view measure) const;
    // /runs/<column>: run_index, design_point, replicate or seed.
    std::vector<std::uint64_t> run_column(std::string_view column) const;
    // /agents/<variable>.
    TraceValues trace(std::string_view variable) const;
    // Of any dataset, by its full path.
    DatasetDescription description(std::string_view dataset) const;
    // Tables written with Hdf5ResultWriter::write_table and write_labels; integers as int64.
    std::vector<double> table(std::string_view group, std::string_view name) const;
    std::vector<std::string> labels(std::string_view group, std::string_view name) const;
    std::vector<std::int64_t> integer_table(std::string_view group, std::string_view name) const;
    std::vector<TableEntry> tables(std::string_view group) const;
    // A numeric attribute of a dataset, or nullopt if the dataset lacks it.
    std::optional<double> number_attribute(std::string_view dataset, std::string_view name) const;

private:
    class Impl;
    std::filesystem::path path_;
    std::unique_ptr<Impl> impl_;
};

// Single reads, each opening and closing the file (see ResultsFile for what each returns).
ResultsFileInfo read_results_info(const std::filesystem::path& path);
std::vector<double> read_final(const std::filesystem::path& path, std::string_view measure);
std::vector<float> read_timeseries(const std::filesystem::path& path, std::string_view measure);
std::vector<std::uint64_t> read_run_column(const std::filesystem::path& path,
                                           std::string_view column);
TraceValues read_trace(const std::filesystem::path& path, std::string_view variable);
DatasetDescription read_description(const std::filesystem::path& path, std::string_view dataset);
std::vector<double> read_table(const std::filesystem::path& path, std::string_view group,
                               std::string_view name);
std::vector<std::string> read_labels(const std::filesystem::path& path, std::string_view group,
                                     std::string_view name);
std::vector<std::int64_t> read_integer_table(const std::filesystem::path& path,
                                             std::string_view group, std::string_view name);
std::vector<TableEntry> list_tables(const std::filesystem::path& path, std::string_view group);
std::optional<double> read_number_attribute(const std::filesystem::path& path,
                                            std::string_view dataset, std::string_view name);
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
