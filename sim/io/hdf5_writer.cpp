#include "io/hdf5_writer.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <stdexcept>

#include "io/hdf5_handles.hpp"
#include "io/results_copy.hpp"

namespace partnersim {
namespace {

// Chunks span many runs so a reader pulling one measure for all runs touches few chunks, but
// stay near 1 MiB, HDF5's default chunk cache, so partial-chunk appends do not thrash it.
constexpr hsize_t column_chunk_runs = 4096;
constexpr hsize_t matrix_chunk_runs = 256;
constexpr hsize_t chunk_budget_bytes = hsize_t{1} << 20;
constexpr unsigned deflate_level = 4;

// What /runs/run_index reads where no row was written: no run has this index, so a reader of a
// crashed file can tell a committed row from space that was reserved but never filled.
constexpr std::uint64_t unwritten_run_index = std::numeric_limits<std::uint64_t>::max();

template <class T>
struct StorageType;
template <>
struct StorageType<std::uint64_t> {
    static hid_t memory() { return H5T_NATIVE_UINT64; }
    static hid_t file() { return H5T_STD_U64LE; }
};
template <>
struct StorageType<std::int64_t> {
    static hid_t memory() { return H5T_NATIVE_INT64; }
    static hid_t file() { return H5T_STD_I64LE; }
};
template <>
struct StorageType<std::uint8_t> {
    static hid_t memory() { return H5T_NATIVE_UINT8; }
    static hid_t file() { return H5T_STD_U8LE; }
};
template <>
struct StorageType<float> {
    static hid_t memory() { return H5T_NATIVE_FLOAT; }
    static hid_t file() { return H5T_IEEE_F32LE; }
};
template <>
struct StorageType<double> {
    static hid_t memory() { return H5T_NATIVE_DOUBLE; }
    static hid_t file() { return H5T_IEEE_F64LE; }
};

hsize_t product(const std::vector<hsize_t>& dims) {
    hsize_t n = 1;
    for (const hsize_t d : dims) n *= d;
    return n;
}

hsize_t chunk_runs_for(hsize_t row_bytes, hsize_t preferred) {
    return std::clamp<hsize_t>(chunk_budget_bytes / std::max<hsize_t>(row_bytes, 1), 1, preferred);
}

// Compressed chunks change size as they fill, so HDF5 moves them and frees their old space,
// which it may reuse before the chunk index on disk points to the new place: fine for a file
// that is closed properly, not for one that must survive a crash. Crash-safe files therefore
// stream uncompressed (chunks fill in place) and are compressed when closed.
hdf5::PropertyList chunked(const std::vector<hsize_t>& chunk, bool compress) {
    hdf5::PropertyList dcpl(
        hdf5::check_id(H5Pcreate(H5P_DATASET_CREATE), "create dataset properties"));
    hdf5::check(H5Pset_chunk(dcpl.get(), static_cast<int>(chunk.size()), chunk.data()),
                "set chunking");
    if (compress) {
        hdf5::check(H5Pset_shuffle(dcpl.get()), "set the shuffle filter");
        hdf5::check(H5Pset_deflate(dcpl.get(), deflate_level), "set deflate compression");
    }
    return dcpl;
}

// Groups remember creation order so h5py and our reader list measures in catalogue order
// rather than alphabetically.
hdf5::PropertyList ordered_group_properties() {
    hdf5::PropertyList gcpl(hdf5::check_id(H5Pcreate(H5P_GROUP_CREATE), "create group properties"));
    hdf5::check(
        H5Pset_link_creation_order(gcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
        "track creation order");
    return gcpl;
}

hdf5::Group create_group(hid_t file, const std::string& name) {
    const hdf5::PropertyList gcpl = ordered_group_properties();
    const hdf5::PropertyList lcpl(
        hdf5::check_id(H5Pcreate(H5P_LINK_CREATE), "create link properties"));
    hdf5::check(H5Pset_create_intermediate_group(lcpl.get(), 1), "allow nested groups");
    return hdf5::Group(
        hdf5::check_id(H5Gcreate2(file, name.c_str(), lcpl.get(), gcpl.get(), H5P_DEFAULT),
                       "create group " + name));
}

hdf5::Group open_or_create_group(hid_t file, const std::string& name) {
    if (H5Lexists(file, name.c_str(), H5P_DEFAULT) > 0) {
        return hdf5::Group(
            hdf5::check_id(H5Gopen2(file, name.c_str(), H5P_DEFAULT), "open group " + name));
    }
    return create_group(file, name);
}

// A dataset whose first dimension counts runs and grows as results arrive. Rows wait in memory
// until a whole chunk is ready (or flush), so each append is one hyperslab write. A dataset
// that is not `self_writing` waits for write_pending() even when a chunk is full.
template <class T>
class GrowingDataset {
public:
    struct Options {
        hsize_t preferred_chunk_runs = column_chunk_runs;
        bool compress = true;
        bool self_writing = true;
        std::optional<T> fill;
    };

    GrowingDataset(hid_t group, std::string name, std::vector<hsize_t> row_dims,
                   std::string_view description, std::string_view units, const Options& options)
        : name_(std::move(name)),
          row_dims_(std::move(row_dims)),
          row_size_(product(row_dims_)),
          self_writing_(options.self_writing) {
        chunk_runs_ = chunk_runs_for(row_size_ * sizeof(T), options.preferred_chunk_runs);
        std::vector<hsize_t> dims{0};
        std::vector<hsize_t> max_dims{H5S_UNLIMITED};
        std::vector<hsize_t> chunk{chunk_runs_};
        for (const hsize_t d : row_dims_) {
            dims.push_back(d);
            max_dims.push_back(d);
            chunk.push_back(d);
        }
        const hdf5::Dataspace space(hdf5::check_id(
            H5Screate_simple(static_cast<int>(dims.size()), dims.data(), max_dims.data()),
            "create dataspace for " + name_));
        const hdf5::PropertyList dcpl = chunked(chunk, options.compress);
        if (options.fill) {
            hdf5::check(H5Pset_fill_value(dcpl.get(), StorageType<T>::memory(), &*options.fill),
                        "set the fill value of " + name_);
        }
        dataset_ = hdf5::Dataset(
            hdf5::check_id(H5Dcreate2(group, name_.c_str(), StorageType<T>::file(), space.get(),
                                      H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                           "create dataset " + name_));
        hdf5::describe(dataset_.get(), description, units);
        pending_.reserve(chunk_runs_ * row_size_);
    }

    void append(const T* row) {
        pending_.insert(pending_.end(), row, row + row_size_);
        if (self_writing_ && chunk_full()) write_pending();
    }

    bool chunk_full() const { return pending_.size() >= chunk_runs_ * row_size_; }

    void write_pending() {
        if (pending_.empty()) return;
        const hsize_t new_runs = pending_.size() / row_size_;
        std::vector<hsize_t> extent{runs_on_disk_ + new_runs};
        std::vector<hsize_t> start{runs_on_disk_};
        std::vector<hsize_t> count{new_runs};
        for (const hsize_t d : row_dims_) {
            extent.push_back(d);
            start.push_back(0);
            count.push_back(d);
        }
        hdf5::check(H5Dset_extent(dataset_.get(), extent.data()), "extend " + name_);
        const hdf5::Dataspace file_space(
            hdf5::check_id(H5Dget_space(dataset_.get()), "get dataspace of " + name_));
        hdf5::check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr,
                                        count.data(), nullptr),
                    "select rows of " + name_);
        const hdf5::Dataspace memory_space(
            hdf5::check_id(H5Screate_simple(static_cast<int>(count.size()), count.data(), nullptr),
                           "create memory dataspace for " + name_));
        hdf5::check(H5Dwrite(dataset_.get(), StorageType<T>::memory(), memory_space.get(),
                             file_space.get(), H5P_DEFAULT, pending_.data()),
                    "write " + name_);
        runs_on_disk_ += new_runs;
        pending_.clear();
    }

    void close() { dataset_.reset(); }

private:
    std::string name_;
    std::vector<hsize_t> row_dims_;
    hsize_t row_size_;
    bool self_writing_;
    hsize_t chunk_runs_ = 1;
    hsize_t runs_on_disk_ = 0;
    std::vector<T> pending_;
    hdf5::Dataset dataset_;
};

// Per-partner traces of the first few runs. Their number is known up front, so the datasets
// have a fixed size; rows never written read back as the NaN fill value. Each run's trace is
// one chunk, written once.
class TraceDatasets {
public:
    TraceDatasets(hid_t file, const ResultsShape& shape, bool compress)
        : months_(static_cast<hsize_t>(shape.months)),
          partners_(static_cast<hsize_t>(shape.trace_partners)),
          padded_(months_ * partners_) {
        const hdf5::Group agents = create_group(file, "agents");
        const std::array<hsize_t, 3> dims{shape.trace_runs, months_, partners_};
        const hdf5::Dataspace space(
            hdf5::check_id(H5Screate_simple(3, dims.data(), nullptr), "create trace dataspace"));
        const hdf5::PropertyList dcpl = chunked({1, months_, partners_}, compress);
        const float nan = std::numeric_limits<float>::quiet_NaN();
        hdf5::check(H5Pset_fill_value(dcpl.get(), H5T_NATIVE_FLOAT, &nan), "set NaN fill value");
        for (const MeasureInfo& variable : partner_trace_catalogue()) {
            const std::string name(variable.name);
            hdf5::Dataset dataset(
                hdf5::check_id(H5Dcreate2(agents.get(), name.c_str(), H5T_IEEE_F32LE, space.get(),
                                          H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                               "create dataset /agents/" + name));
            hdf5::describe(dataset.get(), variable.description, variable.units);
            datasets_.push_back(std::move(dataset));
        }
    }

    void write(const RunResult& result) {
        const auto partners = static_cast<hsize_t>(result.partners);
        for (std::size_t variable = 0; variable < datasets_.size(); ++variable) {
            std::fill(padded_.begin(), padded_.end(), std::numeric_limits<float>::quiet_NaN());
            const float* source = result.trace.data() + variable * months_ * partners;
            for (hsize_t month = 0; month < months_; ++month) {
                std::copy_n(source + month * partners, partners,
                            padded_.begin() + static_cast<std::ptrdiff_t>(month * partners_));
            }
            write_row(datasets_[variable].get(), result.id.run_index);
        }
    }

    void close() { datasets_.clear(); }

private:
    void write_row(hid_t dataset, std::uint64_t run) {
        const std::array<hsize_t, 3> start{run, 0, 0};
        const std::array<hsize_t, 3> count{1, months_, partners_};
        const hdf5::Dataspace file_space(
            hdf5::check_id(H5Dget_space(dataset), "get trace dataspace"));
        hdf5::check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr,
                                        count.data(), nullptr),
                    "select trace row");
        const hdf5::Dataspace memory_space(hdf5::check_id(
            H5Screate_simple(3, count.data(), nullptr), "create trace memory dataspace"));
        hdf5::check(H5Dwrite(dataset, H5T_NATIVE_FLOAT, memory_space.get(), file_space.get(),
                             H5P_DEFAULT, padded_.data()),
                    "write trace of run " + std::to_string(run));
    }

    hsize_t months_;
    hsize_t partners_;
    std::vector<float> padded_;
    std::vector<hdf5::Dataset> datasets_;
};

void write_months_axis(hid_t file, int months) {
    std::vector<std::int32_t> axis(static_cast<std::size_t>(months));
    for (int month = 0; month < months; ++month) axis[static_cast<std::size_t>(month)] = month + 1;
    const hsize_t size = axis.size();
    const hdf5::Dataspace space(
        hdf5::check_id(H5Screate_simple(1, &size, nullptr), "create dataspace for /months"));
    const hdf5::Dataset dataset(
        hdf5::check_id(H5Dcreate2(file, "months", H5T_STD_I32LE, space.get(), H5P_DEFAULT,
                                  H5P_DEFAULT, H5P_DEFAULT),
                       "create dataset /months"));
    hdf5::check(
        H5Dwrite(dataset.get(), H5T_NATIVE_INT32, H5S_ALL, H5S_ALL, H5P_DEFAULT, axis.data()),
        "write /months");
    hdf5::describe(dataset.get(),
                   "Month of the simulation, counted from 1; the month axis of "
                   "/timeseries and /agents",
                   "months");
}

void write_root_metadata(hid_t file, const ResultsMetadata& metadata, const ResultsShape& shape) {
    hdf5::write_string_attribute(file, "partnersim_version", metadata.partnersim_version);
    hdf5::write_string_attribute(file, "scenario", metadata.scenario_toml);
    hdf5::write_string_attribute(file, "command_line", metadata.command_line);
    hdf5::write_string_attribute(file, "created_utc", metadata.created_utc);
    hdf5::write_scalar_attribute<int>(file, "months", H5T_STD_I32LE, H5T_NATIVE_INT, shape.months);
    if (shape.shard) {
        hdf5::write_string_attribute(file, "shard", shape.shard->label());
        hdf5::write_scalar_attribute<std::uint64_t>(
            file, "first_run", H5T_STD_U64LE, H5T_NATIVE_UINT64, shard_range(*shape.shard).first);
        hdf5::write_scalar_attribute<std::uint64_t>(file, "total_runs", H5T_STD_U64LE,
                                                    H5T_NATIVE_UINT64, shape.shard->total_runs);
    }
}

void validate_shape(const ResultsShape& shape) {
    if (shape.months <= 0) throw std::invalid_argument("results need at least one month");
    if (shape.trace_runs > 0 && shape.trace_partners <= 0) {
        throw std::invalid_argument("traced runs need at least one partner to trace");
    }
    if (shape.shard) shard_range(*shape.shard);  // throws for a K/N that makes no sense
}

struct RunColumn {
    const char* name;
    const char* description;
    const char* units;
};

constexpr std::array<RunColumn, 4> run_columns{{
    {"run_index",
     "Position of the run in the whole experiment, counted from 0; row i of every "
     "dataset under /timeseries and /final belongs to this run",
     "index"},
    {"design_point", "Design point of the sweep the run belongs to (0 without a sweep)", "index"},
    {"replicate", "Replicate of the run within its design point, counted from 0", "index"},
    {"seed",
     "Seed of the run's random stream, derived from the master seed, design point and "
     "replicate; reruns the run exactly",
     "none"},
}};

constexpr std::array<std::string_view, 9> own_attributes{
    "partnersim_version", "scenario",  "command_line", "created_utc", "months", "runs", "shard",
    "first_run",          "total_runs"};
constexpr std::array<std::string_view, 5> own_links{"runs", "timeseries", "final", "months",
                                                    "agents"};

}  // namespace

class Hdf5ResultWriter::Impl {
public:
    Impl(const std::filesystem::path& path, const ResultsShape& shape,
         const ResultsMetadata& metadata, ResultsStorage storage)
        : shape_(shape), crash_safe_(storage == ResultsStorage::crash_safe) {
        validate_shape(shape);
        if (shape.shard) shard_runs_ = shard_range(*shape.shard);
        hdf5::silence_automatic_error_printing();
        // SWMR needs the 1.10 file format; a file written directly keeps the default (oldest
        // possible) format, which the most tools can read.
        const hdf5::PropertyList fapl = hdf5::streaming_file_access();
        if (crash_safe_) {
            hdf5::check(H5Pset_libver_bounds(fapl.get(), H5F_LIBVER_LATEST, H5F_LIBVER_LATEST),
                        "ask for the HDF5 1.10 file format");
        }
        file_ = hdf5::File(hdf5::check_id(
            H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, fapl.get()), "create the file"));
        write_root_metadata(file_.get(), metadata, shape);
        write_months_axis(file_.get(), shape.months);
        create_run_columns();
        create_measure_datasets();
        if (shape.trace_runs > 0) traces_.emplace(file_.get(), shape, !crash_safe_);
    }

    // The end of the prologue: from here on no object or attribute can be created.
    void start_streaming() {
        if (crash_safe_) {
            hdf5::check(H5Fstart_swmr_write(file_.get()), "start SWMR writing");
        }
        streaming_ = true;
    }

    void write(const RunResult& result) {
        require_open();
        if (!streaming_) throw std::logic_error("runs cannot be written in the prologue");
        validate(result);
        const std::array<std::uint64_t, 4> run_row{result.id.run_index, result.id.design_point,
                                                   result.id.replicate, result.id.stream_seed};
        for (std::size_t c = 0; c < run_columns_.size(); ++c) run_columns_[c].append(&run_row[c]);
        const auto months = static_cast<std::size_t>(shape_.months);
        for (std::size_t m = 0; m < measure_count; ++m) {
            timeseries_[m].append(result.timeseries.data() + m * months);
            final_[m].append(&result.final_values[m]);
        }
        if (is_traced(result)) traces_->write(result);
        last_run_index_ = result.id.run_index;
        ++runs_written_;
        if (crash_safe_ && run_columns_[0].chunk_full()) commit();
    }

    void flush() {
        require_open();
        commit();
    }

    void close_file() {
        if (!file_.valid()) return;
        commit();
        for (auto& column : run_columns_) column.close();
        for (auto& series : timeseries_) series.close();
        for (auto& value : final_) value.close();
        if (traces_) traces_->close();
        hdf5::check(file_.close(), "close the file");
    }

    bool is_open() const { return file_.valid(); }
    bool crash_safe() const { return crash_safe_; }
    std::uint64_t runs_written() const { return runs_written_; }
    const ResultsShape& shape() const { return shape_; }

    template <class T>
    void write_table(const std::string& group, const std::string& name, std::span<const T> values,
                     std::string_view description, std::string_view units) {
        require_prologue();
        const hdf5::Dataset dataset =
            create_table(group, name, StorageType<T>::file(), static_cast<hsize_t>(values.size()));
        if (!values.empty()) {
            hdf5::check(H5Dwrite(dataset.get(), StorageType<T>::memory(), H5S_ALL, H5S_ALL,
                                 H5P_DEFAULT, values.data()),
                        "write " + group + "/" + name);
        }
        hdf5::describe(dataset.get(), description, units);
    }

    void write_labels(const std::string& group, const std::string& name,
                      std::span<const std::string> labels, std::string_view description,
                      std::string_view units) {
        require_prologue();
        const hdf5::Datatype type = hdf5::utf8_string_type();
        const hdf5::Dataset dataset =
            create_table(group, name, type.get(), static_cast<hsize_t>(labels.size()));
        std::vector<const char*> text;
        text.reserve(labels.size());
        for (const std::string& label : labels) text.push_back(label.c_str());
        if (!text.empty()) {
            hdf5::check(
                H5Dwrite(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, text.data()),
                "write " + group + "/" + name);
        }
        hdf5::describe(dataset.get(), description, units);
    }

    void write_attribute(const std::string& name, std::string_view value) {
        require_settable_attribute(name);
        hdf5::write_string_attribute(file_.get(), name, value);
    }

    void write_attribute(const std::string& name, std::uint64_t value) {
        require_settable_attribute(name);
        hdf5::write_scalar_attribute<std::uint64_t>(file_.get(), name, H5T_STD_U64LE,
                                                    H5T_NATIVE_UINT64, value);
    }

    void copy_static_content(const std::filesystem::path& source) {
        require_prologue();
        const hdf5::File from =
            hdf5::naming_path(source, [&] { return hdf5::open_for_reading(source); });
        for (const std::string& name : hdf5::link_names(from.get())) {
            if (is_own_link(name)) continue;
            if (hdf5::link_exists(file_.get(), name)) {
                throw std::invalid_argument("/" + name + " already exists");
            }
            hdf5::check(H5Ocopy(from.get(), name.c_str(), file_.get(), name.c_str(), H5P_DEFAULT,
                                H5P_DEFAULT),
                        "copy /" + name + " from " + source.string());
        }
        for (const std::string& name : hdf5::attribute_names(from.get())) {
            if (!is_own_attribute(name)) hdf5::copy_attribute(from.get(), file_.get(), name);
        }
    }

private:
    void create_run_columns() {
        const hdf5::Group runs = create_group(file_.get(), "runs");
        for (const RunColumn& column : run_columns) {
            typename GrowingDataset<std::uint64_t>::Options options;
            options.compress = !crash_safe_;
            if (std::string_view(column.name) == "run_index") {
                options.fill = unwritten_run_index;
                options.self_writing = !crash_safe_;
            }
            run_columns_.emplace_back(runs.get(), column.name, std::vector<hsize_t>{},
                                      column.description, column.units, options);
        }
    }

    void create_measure_datasets() {
        const hdf5::Group timeseries = create_group(file_.get(), "timeseries");
        const hdf5::Group final_values = create_group(file_.get(), "final");
        const auto months = static_cast<hsize_t>(shape_.months);
        typename GrowingDataset<float>::Options series_options;
        series_options.preferred_chunk_runs = matrix_chunk_runs;
        series_options.compress = !crash_safe_;
        typename GrowingDataset<double>::Options final_options;
        final_options.compress = !crash_safe_;
        for (const MeasureInfo& measure : measure_catalogue()) {
            const std::string name(measure.name);
            timeseries_.emplace_back(timeseries.get(), name, std::vector<hsize_t>{months},
                                     measure.description, measure.units, series_options);
            final_.emplace_back(final_values.get(), name, std::vector<hsize_t>{},
                                measure.description, measure.units, final_options);
        }
    }

    hdf5::Dataset create_table(const std::string& group, const std::string& name, hid_t type,
                               hsize_t size) {
        const hdf5::Group parent = open_or_create_group(file_.get(), group);
        if (hdf5::link_exists(parent.get(), name)) {
            throw std::invalid_argument("dataset " + group + "/" + name + " already exists");
        }
        const hdf5::Dataspace space(hdf5::check_id(H5Screate_simple(1, &size, nullptr),
                                                   "create dataspace for " + group + "/" + name));
        return hdf5::Dataset(
            hdf5::check_id(H5Dcreate2(parent.get(), name.c_str(), type, space.get(), H5P_DEFAULT,
                                      H5P_DEFAULT, H5P_DEFAULT),
                           "create dataset " + group + "/" + name));
    }

    // Crash-safe order: every dataset but /runs/run_index reaches the disk first; only then
    // does run_index say which runs are complete.
    void commit() {
        for (std::size_t c = 1; c < run_columns_.size(); ++c) run_columns_[c].write_pending();
        for (auto& series : timeseries_) series.write_pending();
        for (auto& value : final_) value.write_pending();
        if (crash_safe_) {
            hdf5::check(H5Fflush(file_.get(), H5F_SCOPE_GLOBAL), "flush the file");
            run_columns_[0].write_pending();
        } else {
            run_columns_[0].write_pending();
            hdf5::write_scalar_attribute<std::uint64_t>(file_.get(), "runs", H5T_STD_U64LE,
                                                        H5T_NATIVE_UINT64, runs_written_);
        }
        hdf5::check(H5Fflush(file_.get(), H5F_SCOPE_GLOBAL), "flush the file");
    }

    void validate(const RunResult& result) const {
        if (last_run_index_ && result.id.run_index <= *last_run_index_) {
            throw std::invalid_argument("runs must arrive in increasing run_index order; got " +
                                        std::to_string(result.id.run_index) + " after " +
                                        std::to_string(*last_run_index_));
        }
        if (result.id.run_index == unwritten_run_index) {
            throw std::invalid_argument("run index 2^64-1 is reserved");
        }
        if (shard_runs_ && (result.id.run_index < shard_runs_->first ||
                            result.id.run_index >= shard_runs_->second)) {
            throw std::invalid_argument("run " + std::to_string(result.id.run_index) +
                                        " is not in shard " + shape_.shard->label() + " (runs " +
                                        std::to_string(shard_runs_->first) + " to " +
                                        std::to_string(shard_runs_->second) + ", end excluded)");
        }
        if (result.months != shape_.months ||
            result.timeseries.size() != measure_count * static_cast<std::size_t>(shape_.months)) {
            throw std::invalid_argument("run " + std::to_string(result.id.run_index) +
                                        " does not have the file's " +
                                        std::to_string(shape_.months) + " months");
        }
        if (is_traced(result)) validate_trace(result);
    }

    void validate_trace(const RunResult& result) const {
        const std::string run = "run " + std::to_string(result.id.run_index);
        if (result.partners < 0 || result.partners > shape_.trace_partners) {
            throw std::invalid_argument(run + " traces " + std::to_string(result.partners) +
                                        " partners; the file has room for " +
                                        std::to_string(shape_.trace_partners));
        }
        const std::size_t expected = partner_trace_count * static_cast<std::size_t>(shape_.months) *
                                     static_cast<std::size_t>(result.partners);
        if (result.trace.size() != expected) {
            throw std::invalid_argument(run + " has a trace of " +
                                        std::to_string(result.trace.size()) + " values; expected " +
                                        std::to_string(expected));
        }
    }

    bool is_traced(const RunResult& result) const {
        return traces_ && !result.trace.empty() && result.id.run_index < shape_.trace_runs;
    }

    void require_open() const {
        if (!file_.valid()) throw std::logic_error("the results file is already closed");
    }

    void require_prologue() const {
        require_open();
        if (streaming_) {
            throw std::logic_error(
                "tables and attributes can only be added before runs are written: in the "
                "prologue given to the Hdf5ResultWriter constructor");
        }
    }

    void require_settable_attribute(const std::string& name) const {
        require_prologue();
        if (is_own_attribute(name)) {
            throw std::invalid_argument("attribute " + name + " is written by the writer itself");
        }
    }

    ResultsShape shape_;
    bool crash_safe_;
    bool streaming_ = false;
    std::optional<std::pair<std::uint64_t, std::uint64_t>> shard_runs_;
    hdf5::File file_;
    std::vector<GrowingDataset<std::uint64_t>> run_columns_;  // run_index first
    std::vector<GrowingDataset<float>> timeseries_;
    std::vector<GrowingDataset<double>> final_;
    std::optional<TraceDatasets> traces_;
    std::uint64_t runs_written_ = 0;
    std::optional<std::uint64_t> last_run_index_;
};

Hdf5ResultWriter::Hdf5ResultWriter(const std::filesystem::path& path, const ResultsShape& shape,
                                   const ResultsMetadata& metadata, const ResultsPrologue& prologue,
                                   ResultsStorage storage)
    : path_(path), impl_(hdf5::naming_path(path, [&] {
          return std::make_unique<Impl>(path, shape, metadata, storage);
      })) {
    if (prologue) prologue(*this);  // its calls name the path themselves
    hdf5::naming_path(path_, [&] { impl_->start_streaming(); });
}

Hdf5ResultWriter::~Hdf5ResultWriter() {
    try {
        suspend();
    } catch (...) {
        // A destructor must not throw; callers who need to know that closing failed call
        // close() or suspend() themselves.
    }
}

void Hdf5ResultWriter::write(const RunResult& result) {
    hdf5::naming_path(path_, [&] { impl_->write(result); });
}

void Hdf5ResultWriter::flush() {
    hdf5::naming_path(path_, [&] { impl_->flush(); });
}

void Hdf5ResultWriter::close() {
    if (finished_) return;
    hdf5::naming_path(path_, [&] { impl_->close_file(); });
    if (impl_->crash_safe()) compact_results(path_);
    finished_ = true;
}

void Hdf5ResultWriter::suspend() {
    hdf5::naming_path(path_, [&] { impl_->close_file(); });
}

void Hdf5ResultWriter::move_to(const std::filesystem::path& new_path) {
    std::filesystem::rename(path_, new_path);
    path_ = new_path;
}

std::uint64_t Hdf5ResultWriter::runs_written() const {
    return impl_->runs_written();
}

const ResultsShape& Hdf5ResultWriter::shape() const {
    return impl_->shape();
}

void Hdf5ResultWriter::write_table(const std::string& group, const std::string& name,
                                   std::span<const double> values, std::string_view description,
                                   std::string_view units) {
    hdf5::naming_path(path_, [&] { impl_->write_table(group, name, values, description, units); });
}

void Hdf5ResultWriter::write_table(const std::string& group, const std::string& name,
                                   std::span<const std::int64_t> values,
                                   std::string_view description, std::string_view units) {
    hdf5::naming_path(path_, [&] { impl_->write_table(group, name, values, description, units); });
}

void Hdf5ResultWriter::write_table(const std::string& group, const std::string& name,
                                   std::span<const std::uint64_t> values,
                                   std::string_view description, std::string_view units) {
    hdf5::naming_path(path_, [&] { impl_->write_table(group, name, values, description, units); });
}

void Hdf5ResultWriter::write_table(const std::string& group, const std::string& name,
                                   std::span<const std::uint8_t> values,
                                   std::string_view description, std::string_view units) {
    hdf5::naming_path(path_, [&] { impl_->write_table(group, name, values, description, units); });
}

void Hdf5ResultWriter::write_labels(const std::string& group, const std::string& name,
                                    std::span<const std::string> labels,
                                    std::string_view description, std::string_view units) {
    hdf5::naming_path(path_, [&] { impl_->write_labels(group, name, labels, description, units); });
}

void Hdf5ResultWriter::write_attribute(const std::string& name, std::string_view value) {
    hdf5::naming_path(path_, [&] { impl_->write_attribute(name, value); });
}

void Hdf5ResultWriter::write_attribute(const std::string& name, std::uint64_t value) {
    hdf5::naming_path(path_, [&] { impl_->write_attribute(name, value); });
}

void Hdf5ResultWriter::copy_static_content(const std::filesystem::path& source) {
    hdf5::naming_path(path_, [&] { impl_->copy_static_content(source); });
}

bool Hdf5ResultWriter::is_own_attribute(std::string_view name) {
    return std::find(own_attributes.begin(), own_attributes.end(), name) != own_attributes.end();
}

bool Hdf5ResultWriter::is_own_link(std::string_view name) {
    return std::find(own_links.begin(), own_links.end(), name) != own_links.end();
}

}  // namespace partnersim
