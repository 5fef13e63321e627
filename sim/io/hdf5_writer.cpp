#include "io/hdf5_writer.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <stdexcept>

#include "io/hdf5_handles.hpp"

namespace partnersim {
namespace {

// Chunks span many runs so a reader pulling one measure for all runs touches few chunks, but
// stay near 1 MiB, HDF5's default chunk cache, so partial-chunk appends do not thrash it.
constexpr hsize_t column_chunk_runs = 4096;
constexpr hsize_t matrix_chunk_runs = 256;
constexpr hsize_t chunk_budget_bytes = hsize_t{1} << 20;
constexpr unsigned deflate_level = 4;

template <class T>
struct StorageType;
template <>
struct StorageType<std::uint64_t> {
    static hid_t memory() { return H5T_NATIVE_UINT64; }
    static hid_t file() { return H5T_STD_U64LE; }
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

hdf5::PropertyList compressed_chunks(const std::vector<hsize_t>& chunk) {
    hdf5::PropertyList dcpl(
        hdf5::check_id(H5Pcreate(H5P_DATASET_CREATE), "create dataset properties"));
    hdf5::check(H5Pset_chunk(dcpl.get(), static_cast<int>(chunk.size()), chunk.data()),
                "set chunking");
    hdf5::check(H5Pset_shuffle(dcpl.get()), "set the shuffle filter");
    hdf5::check(H5Pset_deflate(dcpl.get(), deflate_level), "set deflate compression");
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
    const hid_t existing = H5Gopen2(file, name.c_str(), H5P_DEFAULT);
    if (existing >= 0) return hdf5::Group(existing);
    return create_group(file, name);
}

// A dataset whose first dimension counts runs and grows as results arrive. Rows wait in memory
// until a whole chunk is ready (or flush), so each append is one compressed hyperslab write.
template <class T>
class GrowingDataset {
public:
    GrowingDataset(hid_t group, std::string name, std::vector<hsize_t> row_dims,
                   hsize_t preferred_chunk_runs, std::string_view description,
                   std::string_view units)
        : name_(std::move(name)), row_dims_(std::move(row_dims)), row_size_(product(row_dims_)) {
        chunk_runs_ = chunk_runs_for(row_size_ * sizeof(T), preferred_chunk_runs);
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
        const hdf5::PropertyList dcpl = compressed_chunks(chunk);
        dataset_ = hdf5::Dataset(
            hdf5::check_id(H5Dcreate2(group, name_.c_str(), StorageType<T>::file(), space.get(),
                                      H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                           "create dataset " + name_));
        hdf5::describe(dataset_.get(), description, units);
        pending_.reserve(chunk_runs_ * row_size_);
    }

    void append(const T* row) {
        pending_.insert(pending_.end(), row, row + row_size_);
        if (pending_.size() >= chunk_runs_ * row_size_) write_pending();
    }

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
                    "write rows of " + name_);
        runs_on_disk_ += new_runs;
        pending_.clear();
    }

    void close() { dataset_.reset(); }

private:
    std::string name_;
    std::vector<hsize_t> row_dims_;
    hsize_t row_size_;
    hsize_t chunk_runs_ = 1;
    hsize_t runs_on_disk_ = 0;
    std::vector<T> pending_;
    hdf5::Dataset dataset_;
};

// Per-partner traces of the first few runs. Their number is known up front, so the datasets
// have a fixed size; rows never written read back as the NaN fill value.
class TraceDatasets {
public:
    TraceDatasets(hid_t file, const ResultsShape& shape)
        : months_(static_cast<hsize_t>(shape.months)),
          partners_(static_cast<hsize_t>(shape.trace_partners)),
          padded_(months_ * partners_) {
        const hdf5::Group agents = create_group(file, "agents");
        const std::array<hsize_t, 3> dims{shape.trace_runs, months_, partners_};
        const hdf5::Dataspace space(
            hdf5::check_id(H5Screate_simple(3, dims.data(), nullptr), "create trace dataspace"));
        const hdf5::PropertyList dcpl = compressed_chunks({1, months_, partners_});
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

void write_root_metadata(hid_t file, const ResultsMetadata& metadata, int months) {
    hdf5::write_string_attribute(file, "partnersim_version", metadata.partnersim_version);
    hdf5::write_string_attribute(file, "scenario", metadata.scenario_toml);
    hdf5::write_string_attribute(file, "command_line", metadata.command_line);
    hdf5::write_string_attribute(file, "created_utc", metadata.created_utc);
    hdf5::write_scalar_attribute<int>(file, "months", H5T_STD_I32LE, H5T_NATIVE_INT, months);
}

void validate_shape(const ResultsShape& shape) {
    if (shape.months <= 0) throw std::invalid_argument("results need at least one month");
    if (shape.trace_runs > 0 && shape.trace_partners <= 0) {
        throw std::invalid_argument("traced runs need at least one partner to trace");
    }
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

}  // namespace

class Hdf5ResultWriter::Impl {
public:
    Impl(const std::filesystem::path& path, const ResultsShape& shape,
         const ResultsMetadata& metadata)
        : shape_(shape) {
        validate_shape(shape);
        hdf5::silence_automatic_error_printing();
        file_ = hdf5::File(hdf5::check_id(
            H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), "create the file"));
        write_root_metadata(file_.get(), metadata, shape.months);
        write_months_axis(file_.get(), shape.months);
        create_run_columns();
        create_measure_datasets();
        if (shape.trace_runs > 0) traces_.emplace(file_.get(), shape);
    }

    void write(const RunResult& result) {
        require_open();
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
    }

    void flush() {
        require_open();
        write_pending_rows();
        hdf5::write_scalar_attribute<std::uint64_t>(file_.get(), "runs", H5T_STD_U64LE,
                                                    H5T_NATIVE_UINT64, runs_written_);
        hdf5::check(H5Fflush(file_.get(), H5F_SCOPE_GLOBAL), "flush the file");
    }

    void close() {
        if (!file_.valid()) return;
        flush();
        for (auto& column : run_columns_) column.close();
        for (auto& series : timeseries_) series.close();
        for (auto& value : final_) value.close();
        if (traces_) traces_->close();
        hdf5::check(file_.close(), "close the file");
    }

    std::uint64_t runs_written() const { return runs_written_; }

    void write_table(const std::string& group, const std::string& name,
                     std::span<const double> values, std::string_view description,
                     std::string_view units) {
        require_open();
        const hdf5::Dataset dataset =
            create_table(group, name, H5T_IEEE_F64LE, static_cast<hsize_t>(values.size()));
        if (!values.empty()) {
            hdf5::check(H5Dwrite(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                                 values.data()),
                        "write " + group + "/" + name);
        }
        hdf5::describe(dataset.get(), description, units);
    }

    void write_labels(const std::string& group, const std::string& name,
                      std::span<const std::string> labels, std::string_view description,
                      std::string_view units) {
        require_open();
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

private:
    void create_run_columns() {
        const hdf5::Group runs = create_group(file_.get(), "runs");
        for (const RunColumn& column : run_columns) {
            run_columns_.emplace_back(runs.get(), column.name, std::vector<hsize_t>{},
                                      column_chunk_runs, column.description, column.units);
        }
    }

    void create_measure_datasets() {
        const hdf5::Group timeseries = create_group(file_.get(), "timeseries");
        const hdf5::Group final_values = create_group(file_.get(), "final");
        const auto months = static_cast<hsize_t>(shape_.months);
        for (const MeasureInfo& measure : measure_catalogue()) {
            const std::string name(measure.name);
            timeseries_.emplace_back(timeseries.get(), name, std::vector<hsize_t>{months},
                                     matrix_chunk_runs, measure.description, measure.units);
            final_.emplace_back(final_values.get(), name, std::vector<hsize_t>{}, column_chunk_runs,
                                measure.description, measure.units);
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

    void validate(const RunResult& result) const {
        if (last_run_index_ && result.id.run_index <= *last_run_index_) {
            throw std::invalid_argument("runs must arrive in increasing run_index order; got " +
                                        std::to_string(result.id.run_index) + " after " +
                                        std::to_string(*last_run_index_));
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

    void write_pending_rows() {
        for (auto& column : run_columns_) column.write_pending();
        for (auto& series : timeseries_) series.write_pending();
        for (auto& value : final_) value.write_pending();
    }

    void require_open() const {
        if (!file_.valid()) throw std::logic_error("the results file is already closed");
    }

    ResultsShape shape_;
    hdf5::File file_;
    std::vector<GrowingDataset<std::uint64_t>> run_columns_;
    std::vector<GrowingDataset<float>> timeseries_;
    std::vector<GrowingDataset<double>> final_;
    std::optional<TraceDatasets> traces_;
    std::uint64_t runs_written_ = 0;
    std::optional<std::uint64_t> last_run_index_;
};

Hdf5ResultWriter::Hdf5ResultWriter(const std::filesystem::path& path, const ResultsShape& shape,
                                   const ResultsMetadata& metadata)
    : path_(path),
      impl_(
          hdf5::naming_path(path, [&] { return std::make_unique<Impl>(path, shape, metadata); })) {}

Hdf5ResultWriter::~Hdf5ResultWriter() {
    try {
        close();
    } catch (...) {
        // A destructor must not throw; callers who need to know that closing failed call
        // close() themselves.
    }
}

void Hdf5ResultWriter::write(const RunResult& result) {
    hdf5::naming_path(path_, [&] { impl_->write(result); });
}

void Hdf5ResultWriter::flush() {
    hdf5::naming_path(path_, [&] { impl_->flush(); });
}

void Hdf5ResultWriter::close() {
    hdf5::naming_path(path_, [&] { impl_->close(); });
}

std::uint64_t Hdf5ResultWriter::runs_written() const {
    return impl_->runs_written();
}

void Hdf5ResultWriter::write_table(const std::string& group, const std::string& name,
                                   std::span<const double> values, std::string_view description,
                                   std::string_view units) {
    hdf5::naming_path(path_, [&] { impl_->write_table(group, name, values, description, units); });
}

void Hdf5ResultWriter::write_labels(const std::string& group, const std::string& name,
                                    std::span<const std::string> labels,
                                    std::string_view description, std::string_view units) {
    hdf5::naming_path(path_, [&] { impl_->write_labels(group, name, labels, description, units); });
}

}  // namespace partnersim
