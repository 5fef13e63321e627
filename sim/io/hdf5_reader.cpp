#include "io/hdf5_reader.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <stdexcept>

#include "engine/error.hpp"
#include "io/hdf5_handles.hpp"
#include "io/results_layout.hpp"
#include "model/parameters.hpp"

namespace partnersim {
namespace {

hdf5::Dataset open_dataset(hid_t file, const std::string& name) {
    const hid_t dataset = H5Dopen2(file, name.c_str(), H5P_DEFAULT);
    if (dataset < 0) {
        if (!hdf5::link_exists(file, name)) throw std::runtime_error("no dataset " + name);
        hdf5::check(-1, "open dataset " + name + ", which the file names (damaged?)");
    }
    return hdf5::Dataset(dataset);
}

std::vector<hsize_t> dimensions_of_rank(hid_t dataset, const std::string& name, std::size_t rank) {
    std::vector<hsize_t> dims = hdf5::dimensions(dataset, name);
    if (dims.size() != rank) {
        throw std::runtime_error(name + " has " + std::to_string(dims.size()) +
                                 " dimensions; expected " + std::to_string(rank));
    }
    return dims;
}

// ---------------------------------------------------------------------------------------------
// A file is input: it may be truncated, bit-flipped or made by hand, so what it declares (a
// dataset's shape, an attribute) is checked before anything is allocated or read for it.

// zlib's deflate (the writer's only compression) cannot do better than 1032:1, so no dataset of
// a genuine file holds more bytes than that multiple of the file's size; slack covers tiny files.
constexpr std::uint64_t max_deflate_ratio = 1032;
constexpr std::uint64_t bound_slack_bytes = std::uint64_t{1} << 20;

// The most bytes a dataset of this file can hold; a declared size beyond it is a lie.
std::uint64_t readable_bytes(hid_t file) {
    hsize_t size = 0;
    hdf5::check(H5Fget_filesize(file, &size), "get the file size");
    return size * max_deflate_ratio + bound_slack_bytes;
}

// The product of the dimensions, or an error when it exceeds what `limit_bytes` can hold for
// elements of `element_bytes` (checked without overflow).
std::uint64_t bounded_elements(const std::vector<hsize_t>& dims, std::size_t element_bytes,
                               std::uint64_t limit_bytes, const std::string& name) {
    const std::uint64_t limit = limit_bytes / element_bytes;
    std::uint64_t size = 1;
    for (const hsize_t d : dims) {
        if (d != 0 && size > limit / d) {
            std::string shape;
            for (const hsize_t e : dims) shape += (shape.empty() ? "" : " x ") + std::to_string(e);
            throw InputError(name + " declares " + shape +
                             " values, more than a file of this size can hold (damaged?)");
        }
        size *= d;
    }
    return size;
}

template <class T>
std::vector<T> read_all(hid_t dataset, hid_t memory_type, const std::vector<hsize_t>& dims,
                        const std::string& name) {
    const hid_t file = H5Iget_file_id(dataset);
    const hdf5::File owner(hdf5::check_id(file, "find the file of " + name));
    hdf5::require_standard_numbers(dataset, name);
    const std::uint64_t size = bounded_elements(dims, sizeof(T), readable_bytes(file), name);
    std::vector<T> values(size);
    if (size > 0) {
        hdf5::check(H5Dread(dataset, memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                    "read " + name);
    }
    return values;
}

// Creation order when the writer tracked it (catalogue order), names otherwise.
H5_index_t listing_order(hid_t group) {
    const hdf5::PropertyList gcpl(
        hdf5::check_id(H5Gget_create_plist(group), "get group properties"));
    unsigned flags = 0;
    hdf5::check(H5Pget_link_creation_order(gcpl.get(), &flags), "get link order");
    return (flags & H5P_CRT_ORDER_INDEXED) ? H5_INDEX_CRT_ORDER : H5_INDEX_NAME;
}

std::vector<std::string> link_names(hid_t file, const std::string& group_name) {
    const hid_t opened = H5Gopen2(file, group_name.c_str(), H5P_DEFAULT);
    if (opened < 0) throw std::runtime_error("no group " + group_name);
    const hdf5::Group group(opened);
    H5G_info_t info;
    hdf5::check(H5Gget_info(group.get(), &info), "list " + group_name);
    const H5_index_t order = listing_order(group.get());
    std::vector<std::string> names;
    for (hsize_t i = 0; i < info.nlinks; ++i) {
        const ssize_t length =
            H5Lget_name_by_idx(group.get(), ".", order, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
        if (length < 0) throw std::runtime_error("HDF5: cannot list " + group_name);
        std::string name(static_cast<std::size_t>(length) + 1, '\0');
        hdf5::check(static_cast<herr_t>(H5Lget_name_by_idx(group.get(), ".", order, H5_ITER_INC, i,
                                                           name.data(), name.size(), H5P_DEFAULT)),
                    "list " + group_name);
        name.resize(static_cast<std::size_t>(length));
        names.push_back(std::move(name));
    }
    return names;
}

ResultsMetadata read_metadata(hid_t file) {
    ResultsMetadata metadata;
    metadata.partnersim_version =
        hdf5::read_string_attribute(file, layout::partnersim_version_attribute);
    metadata.scenario_toml = hdf5::read_root_text(file, layout::scenario_attribute);
    metadata.command_line = hdf5::read_root_text(file, layout::command_line_attribute);
    metadata.created_utc = hdf5::read_string_attribute(file, layout::created_utc_attribute);
    return metadata;
}

// The `months` attribute, within run.months' range (0, -5 or 2^31-1 would size every row).
int months_of(hid_t file) {
    const int months =
        hdf5::read_scalar_attribute<int>(file, layout::months_attribute, H5T_NATIVE_INT);
    const ParameterSpec& spec = *find_parameter("run.months");
    if (months < spec.min || months > spec.max) {
        throw InputError("attribute " + std::string(layout::months_attribute) + " is " +
                         std::to_string(months) + "; a results file has " +
                         std::to_string(static_cast<int>(spec.min)) + " to " +
                         std::to_string(static_cast<int>(spec.max)) + " months");
    }
    return months;
}

ResultsShape shape_of(hid_t file) {
    ResultsShape shape;
    shape.months = months_of(file);
    const std::string first_trace =
        layout::dataset_path(layout::agents_group, partner_trace_catalogue().front().name);
    if (hdf5::link_exists(file, layout::agents_group) && hdf5::link_exists(file, first_trace)) {
        const hdf5::Dataset trace = open_dataset(file, first_trace);
        const std::vector<hsize_t> dims = dimensions_of_rank(trace.get(), first_trace, 3);
        bounded_elements(dims, sizeof(float), readable_bytes(file), first_trace);
        if (dims[1] != static_cast<hsize_t>(shape.months) ||
            dims[2] > static_cast<hsize_t>(find_parameter("partners.count")->max)) {
            throw InputError(first_trace + " does not have the shape traced runs x " +
                             std::to_string(shape.months) + " months x partners");
        }
        shape.trace_runs = dims[0];
        shape.trace_partners = static_cast<int>(dims[2]);
    }
    const std::string drawn =
        layout::dataset_path(layout::runs_group, layout::model_constants_dataset);
    if (hdf5::link_exists(file, drawn)) {
        const hdf5::Dataset constants = open_dataset(file, drawn);
        shape.model_constants =
            hdf5::read_string_array_attribute(constants.get(), layout::columns_attribute);
        shape.held_constants =
            hdf5::read_string_array_attribute(constants.get(), layout::held_attribute);
    }
    if (hdf5::attribute_exists(file, layout::shard_attribute)) {
        const std::string label = hdf5::read_string_attribute(file, layout::shard_attribute);
        const auto total = hdf5::read_scalar_attribute<std::uint64_t>(
            file, layout::total_runs_attribute, H5T_NATIVE_UINT64);
        try {
            shape.shard = parse_shard(label, total);
        } catch (const std::invalid_argument& error) {
            throw std::runtime_error(std::string("bad shard attribute: ") + error.what());
        }
    }
    return shape;
}

bool has_attribute(hid_t object, std::string_view name) {
    return hdf5::attribute_exists(object, name);
}

// A dataset with one row per run: its rank, its trailing dimensions and the class of its type
// as the layout says, and its declared size within what the file can hold. Returns its rows.
std::uint64_t checked_run_rows(hid_t file, const std::string& name,
                               const std::vector<hsize_t>& trailing, H5T_class_t type_class) {
    const hdf5::Dataset dataset = open_dataset(file, name);
    const std::vector<hsize_t> dims = hdf5::dimensions(dataset.get(), name);
    if (dims.size() != trailing.size() + 1 ||
        !std::equal(trailing.begin(), trailing.end(), dims.begin() + 1)) {
        std::string expected = "runs";
        for (const hsize_t d : trailing) expected += " x " + std::to_string(d);
        std::string found;
        for (const hsize_t d : dims) found += (found.empty() ? "" : " x ") + std::to_string(d);
        throw InputError(name + " has the shape " + (found.empty() ? "of a scalar" : found) +
                         "; expected " + expected);
    }
    const hdf5::Datatype type(hdf5::check_id(H5Dget_type(dataset.get()), "type " + name));
    if (H5Tget_class(type.get()) != type_class) {
        throw InputError(name + " holds " +
                         (type_class == H5T_FLOAT ? "no floating-point numbers" : "no integers") +
                         "; the layout says it does");
    }
    // H5Tget_size says 0 when it cannot size the type (a damaged datatype message); no stored
    // value has 0 bytes, and bounded_elements divides by it.
    const std::size_t element_bytes = H5Tget_size(type.get());
    if (element_bytes == 0) throw InputError(name + " has a datatype of no size (damaged?)");
    bounded_elements(dims, element_bytes, readable_bytes(file), name);
    return dims[0];
}

// Every dataset with a row per run checked against the layout, the months attribute and each
// other. A finished file (with its `runs` attribute) has the same rows in every one; a file
// whose writer was killed may have some a flush ahead of others, and holds the rows all have.
std::uint64_t checked_runs(hid_t file, int months, const std::vector<std::string>& measures) {
    std::vector<std::pair<std::string, std::uint64_t>> rows;
    for (const layout::RunColumn& column : layout::run_columns) {
        const std::string name = layout::dataset_path(layout::runs_group, column.name);
        rows.emplace_back(name, checked_run_rows(file, name, {}, H5T_INTEGER));
    }
    for (const std::string& measure : measures) {
        const std::string series = layout::dataset_path(layout::timeseries_group, measure);
        rows.emplace_back(
            series, checked_run_rows(file, series, {static_cast<hsize_t>(months)}, H5T_FLOAT));
        const std::string final_name = layout::dataset_path(layout::final_group, measure);
        rows.emplace_back(final_name, checked_run_rows(file, final_name, {}, H5T_FLOAT));
    }
    std::uint64_t fewest = rows.front().second;
    for (const auto& entry : rows) fewest = std::min(fewest, entry.second);
    if (has_attribute(file, layout::runs_attribute)) {
        const auto runs = hdf5::read_scalar_attribute<std::uint64_t>(file, layout::runs_attribute,
                                                                     H5T_NATIVE_UINT64);
        for (const auto& [name, count] : rows) {
            if (count != runs) {
                throw InputError(name + " has " + std::to_string(count) +
                                 " rows; the file's `runs` attribute says " + std::to_string(runs));
            }
        }
    }
    return fewest;
}

// The memory type that reads a /runs column's 64 bits unchanged into a uint64: the seed is
// stored as int64 holding the same bits (for R; layout::run_columns), older files and the other
// columns as uint64. Reading an int64 as uint64 would let HDF5 clip negative values to 0.
hid_t run_column_memory_type(hid_t dataset, const std::string& name) {
    const hdf5::Datatype type(hdf5::check_id(H5Dget_type(dataset), "type " + name));
    return H5Tget_sign(type.get()) == H5T_SGN_2 ? H5T_NATIVE_INT64 : H5T_NATIVE_UINT64;
}

// Rows [first, first + count) of a dataset whose first dimension counts runs.
template <class T>
void read_rows(hid_t dataset, hid_t memory_type, const std::string& name, std::uint64_t first,
               std::uint64_t count, T* out) {
    if (count == 0) return;
    hdf5::require_standard_numbers(dataset, name);
    const hdf5::Dataspace file_space(
        hdf5::check_id(H5Dget_space(dataset), "get the dataspace of " + name));
    const int rank = H5Sget_simple_extent_ndims(file_space.get());
    if (rank < 1) throw std::runtime_error("HDF5: cannot get the rank of " + name);
    std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
    hdf5::check(H5Sget_simple_extent_dims(file_space.get(), dims.data(), nullptr),
                "get the dimensions of " + name);
    std::vector<hsize_t> start(dims.size(), 0);
    std::vector<hsize_t> counts = dims;
    start[0] = first;
    counts[0] = count;
    hdf5::check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr,
                                    counts.data(), nullptr),
                "select rows of " + name);
    const hdf5::Dataspace memory_space(hdf5::check_id(
        H5Screate_simple(rank, counts.data(), nullptr), "create memory dataspace for " + name));
    hdf5::check(
        H5Dread(dataset, memory_type, memory_space.get(), file_space.get(), H5P_DEFAULT, out),
        "read rows " + std::to_string(first) + " to " + std::to_string(first + count - 1) + " of " +
            name);
}

// The parameter tables of /design, grids and ranges, for files that predate the grid_factors
// and range_factors attributes.
void derive_factors(hid_t file, DesignAttributes& design) {
    const std::string group = layout::root_path(layout::design_group);
    if (!hdf5::link_exists(file, group)) return;
    std::vector<std::pair<std::int64_t, std::string>> ranges;
    for (const std::string& name : link_names(file, group)) {
        if (layout::is_design_structure_table(name)) continue;
        const hdf5::Dataset table = open_dataset(file, layout::dataset_path(group, name));
        if (has_attribute(table.get(), layout::range_index_attribute)) {
            ranges.emplace_back(hdf5::read_scalar_attribute<std::int64_t>(
                                    table.get(), layout::range_index_attribute, H5T_NATIVE_INT64),
                                name);
        } else {
            design.grid_factors.push_back(name);
        }
    }
    std::sort(ranges.begin(), ranges.end());
    for (auto& range : ranges) design.range_factors.push_back(std::move(range.second));
}

}  // namespace

class ResultsFile::Impl {
public:
    explicit Impl(const std::filesystem::path& path) : file_(hdf5::open_for_reading(path)) {
        info_.metadata = read_metadata(file());
        info_.months = months_of(file());
        info_.measures = link_names(file(), layout::root_path(layout::timeseries_group));
        info_.runs = checked_runs(file(), info_.months, info_.measures);
        shape_ = shape_of(file());
    }

    hid_t file() const { return file_.get(); }
    const ResultsFileInfo& info() const { return info_; }
    const ResultsShape& shape() const { return shape_; }

    std::string identity() const {
        if (has_attribute(file(), layout::identity_attribute)) {
            return hdf5::read_string_attribute(file(), layout::identity_attribute);
        }
        const ResultsMetadata& m = info_.metadata;
        return layout::results_identity(m.created_utc, info_.runs, m.command_line,
                                        m.partnersim_version, m.scenario_toml);
    }

    std::optional<DesignAttributes> design() const {
        if (!has_attribute(file(), layout::sweep_attribute)) return std::nullopt;
        DesignAttributes design;
        design.sweep = hdf5::read_root_text(file(), layout::sweep_attribute);
        design.design_points = hdf5::read_scalar_attribute<std::uint64_t>(
            file(), layout::design_points_attribute, H5T_NATIVE_UINT64);
        design.replicates_per_point = hdf5::read_scalar_attribute<std::uint64_t>(
            file(), layout::replicates_per_point_attribute, H5T_NATIVE_UINT64);
        if (has_attribute(file(), layout::grid_factors_attribute)) {
            design.grid_factors =
                hdf5::read_string_array_attribute(file(), layout::grid_factors_attribute);
            design.range_factors =
                hdf5::read_string_array_attribute(file(), layout::range_factors_attribute);
        } else {
            derive_factors(file(), design);
        }
        return design;
    }

    template <class T>
    std::vector<T> vector(const std::string& name, hid_t memory_type, std::size_t rank = 1) const {
        const hdf5::Dataset dataset = open_dataset(file(), name);
        return read_all<T>(dataset.get(), memory_type,
                           dimensions_of_rank(dataset.get(), name, rank), name);
    }

    std::vector<std::uint64_t> run_column(const std::string& name) const {
        const hdf5::Dataset dataset = open_dataset(file(), name);
        return read_all<std::uint64_t>(dataset.get(), run_column_memory_type(dataset.get(), name),
                                       dimensions_of_rank(dataset.get(), name, 1), name);
    }

    // The first info().runs rows of `values` (rows of `width` values); fewer is a damaged file.
    template <class T>
    std::vector<T> first_runs(std::vector<T> values, std::size_t width) const {
        const std::size_t wanted = static_cast<std::size_t>(info_.runs) * width;
        if (values.size() < wanted) {
            throw InputError("a dataset has fewer rows than the file's " +
                             std::to_string(info_.runs) + " runs");
        }
        values.resize(wanted);
        return values;
    }

    TraceValues trace(const std::string& name) const {
        const hdf5::Dataset dataset = open_dataset(file(), name);
        const std::vector<hsize_t> dims = dimensions_of_rank(dataset.get(), name, 3);
        TraceValues trace;
        trace.runs = dims[0];
        trace.months = static_cast<int>(dims[1]);
        trace.partners = static_cast<int>(dims[2]);
        trace.values = read_all<float>(dataset.get(), H5T_NATIVE_FLOAT, dims, name);
        return trace;
    }

    DatasetDescription description(const std::string& name) const {
        const hdf5::Dataset opened = open_dataset(file(), name);
        return DatasetDescription{
            hdf5::read_string_attribute(opened.get(), layout::description_attribute),
            hdf5::read_string_attribute(opened.get(), layout::units_attribute)};
    }

    std::vector<std::string> labels(const std::string& full) const {
        const hdf5::Dataset dataset = open_dataset(file(), full);
        const hsize_t size = dimensions_of_rank(dataset.get(), full, 1)[0];
        return hdf5::read_string_dataset(dataset.get(), size, full);
    }

    std::vector<TableEntry> tables(const std::string& name) const {
        std::vector<TableEntry> tables;
        if (!hdf5::link_exists(file(), name)) return tables;
        const hdf5::Group opened(
            hdf5::check_id(H5Gopen2(file(), name.c_str(), H5P_DEFAULT), "open " + name));
        for (auto& link : hdf5::link_names(opened.get())) {
            H5O_info_t info;
            hdf5::check(H5Oget_info_by_name2(opened.get(), link.c_str(), &info, H5O_INFO_BASIC,
                                             H5P_DEFAULT),
                        "inspect " + name + "/" + link);
            if (info.type != H5O_TYPE_DATASET) continue;
            const hdf5::Dataset dataset = open_dataset(opened.get(), link);
            const hdf5::Datatype type(
                hdf5::check_id(H5Dget_type(dataset.get()), "type " + name + "/" + link));
            tables.push_back({std::move(link), H5Tget_class(type.get()) == H5T_STRING});
        }
        return tables;
    }

    std::optional<double> number_attribute(const std::string& dataset,
                                           std::string_view name) const {
        const hdf5::Dataset opened = open_dataset(file(), dataset);
        if (!has_attribute(opened.get(), name)) return std::nullopt;
        return hdf5::read_scalar_attribute<double>(opened.get(), name, H5T_NATIVE_DOUBLE);
    }

private:
    hdf5::File file_;
    ResultsFileInfo info_;
    ResultsShape shape_;
};

ResultsFile::ResultsFile(const std::filesystem::path& path)
    : path_(path), impl_(hdf5::reading_path(path, [&] { return std::make_unique<Impl>(path); })) {}

ResultsFile::~ResultsFile() = default;
ResultsFile::ResultsFile(ResultsFile&&) noexcept = default;
ResultsFile& ResultsFile::operator=(ResultsFile&&) noexcept = default;

const ResultsFileInfo& ResultsFile::info() const {
    return impl_->info();
}

const ResultsShape& ResultsFile::shape() const {
    return impl_->shape();
}

std::string ResultsFile::identity() const {
    return hdf5::reading_path(path_, [&] { return impl_->identity(); });
}

std::optional<DesignAttributes> ResultsFile::design() const {
    return hdf5::reading_path(path_, [&] { return impl_->design(); });
}

// The datasets with a row per run are read as far as info().runs, the rows all of them hold
// (a killed writer may have flushed one a little ahead of another).

std::vector<double> ResultsFile::final_values(std::string_view measure) const {
    return hdf5::reading_path(path_, [&] {
        auto values = impl_->vector<double>(layout::dataset_path(layout::final_group, measure),
                                            H5T_NATIVE_DOUBLE);
        return impl_->first_runs(std::move(values), 1);
    });
}

std::vector<float> ResultsFile::timeseries(std::string_view measure) const {
    return hdf5::reading_path(path_, [&] {
        auto values = impl_->vector<float>(layout::dataset_path(layout::timeseries_group, measure),
                                           H5T_NATIVE_FLOAT, 2);
        return impl_->first_runs(std::move(values), static_cast<std::size_t>(info().months));
    });
}

std::vector<std::uint64_t> ResultsFile::run_column(std::string_view column) const {
    return hdf5::reading_path(path_, [&] {
        return impl_->first_runs(
            impl_->run_column(layout::dataset_path(layout::runs_group, column)), 1);
    });
}

TraceValues ResultsFile::trace(std::string_view variable) const {
    return hdf5::reading_path(
        path_, [&] { return impl_->trace(layout::dataset_path(layout::agents_group, variable)); });
}

DatasetDescription ResultsFile::description(std::string_view dataset) const {
    return hdf5::reading_path(path_, [&] { return impl_->description(std::string(dataset)); });
}

std::vector<double> ResultsFile::table(std::string_view group, std::string_view name) const {
    return hdf5::reading_path(path_, [&] {
        return impl_->vector<double>(layout::dataset_path(group, name), H5T_NATIVE_DOUBLE);
    });
}

std::vector<std::string> ResultsFile::labels(std::string_view group, std::string_view name) const {
    return hdf5::reading_path(path_,
                              [&] { return impl_->labels(layout::dataset_path(group, name)); });
}

std::vector<std::int64_t> ResultsFile::integer_table(std::string_view group,
                                                     std::string_view name) const {
    return hdf5::reading_path(path_, [&] {
        return impl_->vector<std::int64_t>(layout::dataset_path(group, name), H5T_NATIVE_INT64);
    });
}

std::vector<TableEntry> ResultsFile::tables(std::string_view group) const {
    return hdf5::reading_path(path_, [&] { return impl_->tables(std::string(group)); });
}

std::optional<double> ResultsFile::number_attribute(std::string_view dataset,
                                                    std::string_view name) const {
    return hdf5::reading_path(path_,
                              [&] { return impl_->number_attribute(std::string(dataset), name); });
}

ResultsFileInfo read_results_info(const std::filesystem::path& path) {
    return ResultsFile(path).info();
}

std::vector<double> read_final(const std::filesystem::path& path, std::string_view measure) {
    return ResultsFile(path).final_values(measure);
}

std::vector<float> read_timeseries(const std::filesystem::path& path, std::string_view measure) {
    return ResultsFile(path).timeseries(measure);
}

std::vector<std::uint64_t> read_run_column(const std::filesystem::path& path,
                                           std::string_view column) {
    return ResultsFile(path).run_column(column);
}

TraceValues read_trace(const std::filesystem::path& path, std::string_view variable) {
    return ResultsFile(path).trace(variable);
}

DatasetDescription read_description(const std::filesystem::path& path, std::string_view dataset) {
    return ResultsFile(path).description(dataset);
}

std::vector<double> read_table(const std::filesystem::path& path, std::string_view group,
                               std::string_view name) {
    return ResultsFile(path).table(group, name);
}

std::vector<std::string> read_labels(const std::filesystem::path& path, std::string_view group,
                                     std::string_view name) {
    return ResultsFile(path).labels(group, name);
}

std::vector<std::int64_t> read_integer_table(const std::filesystem::path& path,
                                             std::string_view group, std::string_view name) {
    return ResultsFile(path).integer_table(group, name);
}

std::vector<TableEntry> list_tables(const std::filesystem::path& path, std::string_view group) {
    return ResultsFile(path).tables(group);
}

std::optional<double> read_number_attribute(const std::filesystem::path& path,
                                            std::string_view dataset, std::string_view name) {
    return ResultsFile(path).number_attribute(dataset, name);
}

ResultsShape read_results_shape(const std::filesystem::path& path) {
    return ResultsFile(path).shape();
}

class ResultsRowReader::Impl {
public:
    explicit Impl(const std::filesystem::path& path) : file_(hdf5::open_for_reading(path)) {
        shape_ = shape_of(file_.get());
        for (const layout::RunColumn& column : layout::run_columns) {
            columns_.push_back(open_run_dataset(
                layout::dataset_path(layout::runs_group, column.name), {}, H5T_INTEGER));
        }
        for (const MeasureInfo& measure : measure_catalogue()) {
            series_.push_back(
                open_run_dataset(layout::dataset_path(layout::timeseries_group, measure.name),
                                 {months()}, H5T_FLOAT));
            final_.push_back(open_run_dataset(
                layout::dataset_path(layout::final_group, measure.name), {}, H5T_FLOAT));
        }
        if (!shape_.model_constants.empty()) {
            model_constants_ = open_run_dataset(model_constants_path(),
                                                {shape_.model_constants.size()}, H5T_FLOAT);
        }
        if (shape_.trace_runs > 0) {
            for (const MeasureInfo& variable : partner_trace_catalogue()) {
                const std::string name = layout::dataset_path(layout::agents_group, variable.name);
                traces_.push_back(open_dataset(file_.get(), name));
                const std::vector<hsize_t> dims = dimensions_of_rank(traces_.back().get(), name, 3);
                if (dims[0] != shape_.trace_runs || dims[1] != months() ||
                    dims[2] != static_cast<hsize_t>(shape_.trace_partners)) {
                    throw std::runtime_error(
                        name + " does not have the shape of " +
                        layout::dataset_path(layout::agents_group,
                                             partner_trace_catalogue()[0].name));
                }
            }
        }
    }

    std::uint64_t rows() const { return rows_; }
    const ResultsShape& shape() const { return shape_; }

    std::vector<std::uint64_t> run_indices(std::uint64_t first, std::uint64_t count) {
        require_rows(first, count);
        std::vector<std::uint64_t> indices(count);
        read_rows(columns_[0].get(), H5T_NATIVE_UINT64,
                  layout::dataset_path(layout::runs_group, layout::run_index), first, count,
                  indices.data());
        return indices;
    }

    std::vector<RunResult> runs(std::uint64_t first, std::uint64_t count) {
        require_rows(first, count);
        std::vector<RunResult> block(count);
        const auto n = static_cast<std::size_t>(count);
        const std::size_t months_count = months();
        std::vector<std::uint64_t> column(n);
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            read_rows(
                columns_[c].get(),
                run_column_memory_type(columns_[c].get(), layout::root_path(layout::runs_group)),
                layout::root_path(layout::runs_group), first, count, column.data());
            for (std::size_t r = 0; r < n; ++r) {
                RunId& id = block[r].id;
                (c == 0   ? id.run_index
                 : c == 1 ? id.design_point
                 : c == 2 ? id.replicate
                          : id.stream_seed) = column[r];
            }
        }
        for (RunResult& run : block) {
            run.months = shape_.months;
            run.timeseries.resize(measure_count * months_count);
        }
        std::vector<float> series(n * months_count);
        std::vector<double> finals(n);
        for (std::size_t m = 0; m < measure_count; ++m) {
            const std::string name(measure_catalogue()[m].name);
            read_rows(series_[m].get(), H5T_NATIVE_FLOAT,
                      layout::dataset_path(layout::timeseries_group, name), first, count,
                      series.data());
            read_rows(final_[m].get(), H5T_NATIVE_DOUBLE,
                      layout::dataset_path(layout::final_group, name), first, count, finals.data());
            for (std::size_t r = 0; r < n; ++r) {
                std::copy_n(
                    series.begin() + static_cast<std::ptrdiff_t>(r * months_count), months_count,
                    block[r].timeseries.begin() + static_cast<std::ptrdiff_t>(m * months_count));
                block[r].final_values[m] = finals[r];
            }
        }
        if (model_constants_) read_model_constants(block, first);
        for (RunResult& run : block) {
            if (run.id.run_index < shape_.trace_runs) read_trace(run);
        }
        return block;
    }

private:
    // Rows are read into buffers sized by the layout (one value per run, or one per month), so
    // each dataset's shape and type is checked first: a 2-D /final dataset in a .partial was
    // read past the end of its buffer.
    hdf5::Dataset open_run_dataset(const std::string& name, const std::vector<hsize_t>& trailing,
                                   H5T_class_t type_class) {
        rows_ = std::min<std::uint64_t>(rows_,
                                        checked_run_rows(file_.get(), name, trailing, type_class));
        return open_dataset(file_.get(), name);
    }

    static std::string model_constants_path() {
        return layout::dataset_path(layout::runs_group, layout::model_constants_dataset);
    }

    void read_model_constants(std::vector<RunResult>& block, std::uint64_t first) {
        const std::size_t width = shape_.model_constants.size();
        std::vector<double> rows(block.size() * width);
        read_rows(model_constants_->get(), H5T_NATIVE_DOUBLE, model_constants_path(), first,
                  block.size(), rows.data());
        for (std::size_t r = 0; r < block.size(); ++r) {
            const auto start = rows.begin() + static_cast<std::ptrdiff_t>(r * width);
            block[r].model_constants.assign(start, start + static_cast<std::ptrdiff_t>(width));
        }
    }

    void read_trace(RunResult& run) {
        const std::size_t per_variable = months() * static_cast<std::size_t>(shape_.trace_partners);
        run.partners = shape_.trace_partners;
        run.trace.resize(partner_trace_count * per_variable);
        for (std::size_t v = 0; v < traces_.size(); ++v) {
            read_rows(traces_[v].get(), H5T_NATIVE_FLOAT,
                      layout::dataset_path(layout::agents_group, partner_trace_catalogue()[v].name),
                      run.id.run_index, 1, run.trace.data() + v * per_variable);
        }
    }

    void require_rows(std::uint64_t first, std::uint64_t count) const {
        if (first > rows_ || count > rows_ - first) {
            throw std::out_of_range("rows " + std::to_string(first) + " to " +
                                    std::to_string(first + count) + " (end excluded) are not " +
                                    "all in a file of " + std::to_string(rows_) + " rows");
        }
    }

    std::size_t months() const { return static_cast<std::size_t>(shape_.months); }

    hdf5::File file_;
    ResultsShape shape_;
    std::uint64_t rows_ = std::numeric_limits<std::uint64_t>::max();
    std::vector<hdf5::Dataset> columns_;
    std::vector<hdf5::Dataset> series_;
    std::vector<hdf5::Dataset> final_;
    std::vector<hdf5::Dataset> traces_;
    std::optional<hdf5::Dataset> model_constants_;
};

ResultsRowReader::ResultsRowReader(const std::filesystem::path& path)
    : path_(path), impl_(hdf5::reading_path(path, [&] { return std::make_unique<Impl>(path); })) {}

ResultsRowReader::~ResultsRowReader() = default;

std::uint64_t ResultsRowReader::rows() const {
    return impl_->rows();
}

const ResultsShape& ResultsRowReader::shape() const {
    return impl_->shape();
}

std::vector<std::uint64_t> ResultsRowReader::run_indices(std::uint64_t first, std::uint64_t count) {
    return hdf5::reading_path(path_, [&] { return impl_->run_indices(first, count); });
}

std::vector<RunResult> ResultsRowReader::runs(std::uint64_t first, std::uint64_t count) {
    return hdf5::reading_path(path_, [&] { return impl_->runs(first, count); });
}

}  // namespace partnersim
