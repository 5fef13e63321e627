#include "io/hdf5_writer.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <stdexcept>

#include "io/chunked_dataset.hpp"
#include "io/dimension_scales.hpp"
#include "io/durable_file.hpp"
#include "io/hdf5_handles.hpp"
#include "io/results_copy.hpp"
#include "io/results_layout.hpp"

namespace partnersim {
namespace {

using hdf5::chunked;
using hdf5::create_group;
using hdf5::GrowingDataset;
using hdf5::matrix_chunk_runs;
using hdf5::open_or_create_group;
using hdf5::StorageType;

// What /runs/run_index reads where no row was written: no run has this index, so a reader of a
// crashed file can tell a committed row from space that was reserved but never filled.
constexpr std::uint64_t unwritten_run_index = std::numeric_limits<std::uint64_t>::max();

// Per-partner traces of the first few runs. Their number is known up front, so the datasets
// have a fixed size; rows never written read back as the NaN fill value. Each run's trace is
// one chunk, written once.
class TraceDatasets {
public:
    TraceDatasets(hid_t file, const ResultsShape& shape, bool compress)
        : months_(static_cast<hsize_t>(shape.months)),
          partners_(static_cast<hsize_t>(shape.trace_partners)),
          padded_(months_ * partners_) {
        const hdf5::Group agents = create_group(file, std::string(layout::agents_group));
        const std::array<hsize_t, 3> dims{shape.trace_runs, months_, partners_};
        const hdf5::Dataspace space(
            hdf5::check_id(H5Screate_simple(3, dims.data(), nullptr), "create trace dataspace"));
        const hdf5::PropertyList dcpl = chunked({1, months_, partners_}, compress);
        const float nan = std::numeric_limits<float>::quiet_NaN();
        hdf5::check(H5Pset_fill_value(dcpl.get(), H5T_NATIVE_FLOAT, &nan), "set NaN fill value");
        for (const MeasureInfo& variable : partner_trace_catalogue()) {
            const std::string name(variable.name);
            hdf5::Dataset dataset(hdf5::check_id(
                H5Dcreate2(agents.get(), name.c_str(), StorageType<layout::TimeseriesValue>::file(),
                           space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                "create dataset " + layout::dataset_path(layout::agents_group, name)));
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

    std::vector<hid_t> ids() const {
        std::vector<hid_t> ids;
        for (const hdf5::Dataset& dataset : datasets_) ids.push_back(dataset.get());
        return ids;
    }

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
    using Month = layout::MonthValue;
    std::vector<Month> axis(static_cast<std::size_t>(months));
    for (int month = 0; month < months; ++month) {
        axis[static_cast<std::size_t>(month)] = static_cast<Month>(month + 1);
    }
    const std::string name = layout::root_path(layout::months_dataset);
    const hsize_t size = axis.size();
    const hdf5::Dataspace space(
        hdf5::check_id(H5Screate_simple(1, &size, nullptr), "create dataspace for " + name));
    const hdf5::PropertyList creation = hdf5::compact_attribute_properties(H5P_DATASET_CREATE);
    const hdf5::Dataset dataset(
        hdf5::check_id(H5Dcreate2(file, name.c_str(), StorageType<Month>::file(), space.get(),
                                  H5P_DEFAULT, creation.get(), H5P_DEFAULT),
                       "create dataset " + name));
    hdf5::check(H5Dwrite(dataset.get(), StorageType<Month>::memory(), H5S_ALL, H5S_ALL, H5P_DEFAULT,
                         axis.data()),
                "write " + name);
    hdf5::describe(dataset.get(), layout::months_description, layout::months_units);
}

void write_uint64_attribute(hid_t file, std::string_view name, std::uint64_t value) {
    using Value = layout::RunColumnValue;
    hdf5::write_scalar_attribute<Value>(file, name, StorageType<Value>::file(),
                                        StorageType<Value>::memory(), value);
}

void write_root_metadata(hid_t file, const ResultsMetadata& metadata, const ResultsShape& shape) {
    using Month = layout::MonthValue;
    hdf5::write_string_attribute(file, layout::partnersim_version_attribute,
                                 metadata.partnersim_version);
    hdf5::write_root_text(file, layout::scenario_attribute, metadata.scenario_toml);
    hdf5::write_root_text(file, layout::command_line_attribute, metadata.command_line);
    hdf5::write_string_attribute(file, layout::created_utc_attribute, metadata.created_utc);
    hdf5::write_scalar_attribute<Month>(file, layout::months_attribute, StorageType<Month>::file(),
                                        StorageType<Month>::memory(),
                                        static_cast<Month>(shape.months));
    if (shape.shard) {
        hdf5::write_string_attribute(file, layout::shard_attribute, shape.shard->label());
        write_uint64_attribute(file, layout::first_run_attribute, shard_range(*shape.shard).first);
        write_uint64_attribute(file, layout::total_runs_attribute, shape.shard->total_runs);
    }
}

void validate_shape(const ResultsShape& shape) {
    if (shape.months <= 0) throw std::invalid_argument("results need at least one month");
    if (shape.trace_runs > 0 && shape.trace_partners <= 0) {
        throw std::invalid_argument("traced runs need at least one partner to trace");
    }
    if (shape.shard) shard_range(*shape.shard);  // throws for a K/N that makes no sense
}

}  // namespace

class Hdf5ResultWriter::Impl {
public:
    Impl(const std::filesystem::path& path, const ResultsShape& shape,
         const ResultsMetadata& metadata, ResultsStorage storage)
        : shape_(shape), crash_safe_(storage == ResultsStorage::crash_safe), metadata_(metadata) {
        validate_shape(shape);
        if (shape.shard) shard_runs_ = shard_range(*shape.shard);
        hdf5::silence_automatic_error_printing();
        // The checksummed 1.10 layout, which SWMR needs too (hdf5_handles.hpp).
        const hdf5::PropertyList fapl = hdf5::streaming_file_access();
        hdf5::use_checksummed_layout(fapl.get());
        const hdf5::PropertyList creation = hdf5::compact_attribute_properties(H5P_FILE_CREATE);
        file_ = hdf5::File(hdf5::check_id(
            H5Fcreate(path.c_str(), H5F_ACC_TRUNC, creation.get(), fapl.get()), "create the file"));
        write_root_metadata(file_.get(), metadata, shape);
        write_months_axis(file_.get(), shape.months);
        create_run_columns();
        create_measure_datasets();
        if (!shape.model_constants.empty()) create_model_constants();
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
        const std::array<layout::RunColumnValue, layout::run_columns.size()> run_row{
            result.id.run_index, result.id.design_point, result.id.replicate,
            result.id.stream_seed};
        for (std::size_t c = 0; c < run_columns_.size(); ++c) run_columns_[c].append(&run_row[c]);
        const auto months = static_cast<std::size_t>(shape_.months);
        for (std::size_t m = 0; m < measure_count; ++m) {
            timeseries_[m].append(result.timeseries.data() + m * months);
            final_[m].append(&result.final_values[m]);
        }
        if (model_constants_) model_constants_->append(result.model_constants.data());
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
        // A crash-safe file is compacted into a direct one, which gets the axes: SWMR allows no
        // new attributes once runs stream.
        if (!crash_safe_) name_axes();
        for (auto& column : run_columns_) column.close();
        for (auto& series : timeseries_) series.close();
        for (auto& value : final_) value.close();
        if (model_constants_) model_constants_->close();
        if (traces_) traces_->close();
        // A handle left open keeps the file open past H5Fclose, and the 1.10 layout's superblock
        // then keeps its "open for writing" mark: h5py and h5dump refuse such a file.
        const ssize_t left_open = H5Fget_obj_count(file_.get(), H5F_OBJ_ALL | H5F_OBJ_LOCAL) - 1;
        if (left_open > 0) {
            throw std::logic_error(std::to_string(left_open) +
                                   " HDF5 objects of the results file were left open");
        }
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
        store_table(group, name, values, description, units);
    }

    void write_labels(const std::string& group, const std::string& name,
                      std::span<const std::string> labels, std::string_view description,
                      std::string_view units) {
        require_prologue();
        store_labels(group, name, labels, description, units);
    }

    void write_attribute(const std::string& name, std::string_view value) {
        require_settable_attribute(name);
        if (layout::is_root_text(name)) {
            hdf5::write_root_text(file_.get(), name, value);
        } else {
            hdf5::write_string_attribute(file_.get(), name, value);
        }
    }

    void write_attribute(const std::string& name, std::uint64_t value) {
        require_settable_attribute(name);
        write_uint64_attribute(file_.get(), name, value);
    }

    void write_attribute(const std::string& name, std::span<const std::string> values) {
        require_settable_attribute(name);
        hdf5::write_string_array_attribute(file_.get(), name,
                                           std::vector<std::string>(values.begin(), values.end()));
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
            hdf5::copy_without_dimension_scales(from.get(), file_.get(), name);
        }
        for (const std::string& name : hdf5::attribute_names(from.get())) {
            if (!is_own_attribute(name)) hdf5::copy_attribute(from.get(), file_.get(), name);
        }
    }

private:
    template <class T>
    hdf5::Dataset store_table(const std::string& group, const std::string& name,
                              std::span<const T> values, std::string_view description,
                              std::string_view units) {
        hdf5::Dataset dataset =
            create_table(group, name, StorageType<T>::file(), static_cast<hsize_t>(values.size()));
        if (!values.empty()) {
            hdf5::check(H5Dwrite(dataset.get(), StorageType<T>::memory(), H5S_ALL, H5S_ALL,
                                 H5P_DEFAULT, values.data()),
                        "write " + group + "/" + name);
        }
        hdf5::describe(dataset.get(), description, units);
        return dataset;
    }

    hdf5::Dataset store_labels(const std::string& group, const std::string& name,
                               std::span<const std::string> labels, std::string_view description,
                               std::string_view units) {
        const std::vector<std::string> values(labels.begin(), labels.end());
        const hdf5::Datatype type = hdf5::utf8_string_type(hdf5::string_width(values));
        hdf5::Dataset dataset =
            create_table(group, name, type.get(), static_cast<hsize_t>(labels.size()));
        const std::vector<char> text = hdf5::packed_strings(values, H5Tget_size(type.get()));
        if (!text.empty()) {
            hdf5::check(
                H5Dwrite(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, text.data()),
                "write " + group + "/" + name);
        }
        hdf5::describe(dataset.get(), description, units);
        hdf5::declare_utf8(dataset.get());
        return dataset;
    }

    // A root axis of the indices 0..count-1.
    hdf5::Dataset store_index_axis(std::string_view name, std::uint64_t count,
                                   std::string_view description) {
        std::vector<layout::AxisIndexValue> indices(count);
        for (std::uint64_t i = 0; i < count; ++i) indices[i] = i;
        return store_table("/", std::string(name), std::span<const layout::AxisIndexValue>(indices),
                           description, layout::axis_index_units);
    }

    std::vector<std::string> link_names(const std::string& group) const {
        const hdf5::Group opened(
            hdf5::check_id(H5Gopen2(file_.get(), group.c_str(), H5P_DEFAULT), "open " + group));
        return hdf5::link_names(opened.get());
    }

    hdf5::Dataset open_dataset(const std::string& name) const {
        return hdf5::Dataset(
            hdf5::check_id(H5Dopen2(file_.get(), name.c_str(), H5P_DEFAULT), "open " + name));
    }

    // The axes of results/layout.hpp as dimension scales, once every dataset is there: the run
    // axis at the root (a copy of /runs/run_index) of every dataset with a row per run, the
    // month axis of every time series, and the axes of /design, /agents, /labels and the drawn
    // model constants.
    void name_axes() {
        const std::string run_index = layout::dataset_path(layout::runs_group, layout::run_index);
        const std::string run_axis = layout::root_path(layout::run_axis_dataset);
        hdf5::check(H5Ocopy(file_.get(), run_index.c_str(), file_.get(), run_axis.c_str(),
                            H5P_DEFAULT, H5P_DEFAULT),
                    "copy " + run_index + " to " + run_axis);
        std::vector<hid_t> by_run;
        for (const auto& column : run_columns_) by_run.push_back(column.id());
        std::vector<hid_t> by_month;
        for (const auto& s : timeseries_) by_month.push_back(s.id());
        by_run.insert(by_run.end(), by_month.begin(), by_month.end());
        for (const auto& value : final_) by_run.push_back(value.id());
        if (model_constants_) by_run.push_back(model_constants_->id());
        if (traces_) {
            const std::vector<hid_t> traces = traces_->ids();
            by_month.insert(by_month.end(), traces.begin(), traces.end());
        }
        hdf5::attach_dimension_scale(open_dataset(run_axis).get(), layout::run_axis_dataset, by_run,
                                     0);
        hdf5::attach_dimension_scale(open_dataset(layout::root_path(layout::months_dataset)).get(),
                                     layout::month_dimension, by_month, 1);
        if (model_constants_) {
            const hdf5::Dataset names = store_labels(
                "/", std::string(layout::model_constant_axis_dataset), shape_.model_constants,
                layout::model_constant_axis_description, layout::model_constant_axis_units);
            const std::array<hid_t, 1> constants{model_constants_->id()};
            hdf5::attach_dimension_scale(names.get(), layout::model_constant_axis_dataset,
                                         constants, 1);
        }
        if (traces_) name_trace_axes(traces_->ids());
        name_table_axes();
    }

    void name_trace_axes(const std::vector<hid_t>& traces) {
        const hdf5::Dataset runs =
            store_index_axis(layout::traced_run_axis_dataset, shape_.trace_runs,
                             layout::traced_run_axis_description);
        hdf5::attach_dimension_scale(runs.get(), layout::traced_run_axis_dataset, traces, 0);
        const hdf5::Dataset partners = store_index_axis(
            layout::partner_axis_dataset, static_cast<std::uint64_t>(shape_.trace_partners),
            layout::partner_axis_description);
        hdf5::attach_dimension_scale(partners.get(), layout::partner_axis_dataset, traces, 2);
    }

    // The 1-D datasets of a group with `rows` rows (any, when absent), by name; nothing else a
    // prologue put there (the writer lets it write any table) is given an axis.
    std::vector<std::pair<std::string, hdf5::Dataset>> tables_of(
        const std::string& group, std::optional<hsize_t> rows) const {
        std::vector<std::pair<std::string, hdf5::Dataset>> tables;
        for (const std::string& name : link_names(group)) {
            const std::string path = layout::dataset_path(group, name);
            H5O_info_t info;
            hdf5::check(
                H5Oget_info_by_name2(file_.get(), path.c_str(), &info, H5O_INFO_BASIC, H5P_DEFAULT),
                "inspect " + path);
            if (info.type != H5O_TYPE_DATASET) continue;
            hdf5::Dataset table = open_dataset(path);
            const std::vector<hsize_t> dims = hdf5::dimensions(table.get(), path);
            if (dims.size() == 1 && (!rows || dims.front() == *rows)) {
                tables.emplace_back(name, std::move(table));
            }
        }
        return tables;
    }

    // The design point axis of the /design tables (a row per design point: a design's
    // design_points attribute says how many), and each /labels table its own axis. Both groups
    // may come from another file (compaction, merge), with that file's scales.
    void name_table_axes() {
        const std::string design = layout::root_path(layout::design_group);
        const std::string points_attribute(layout::design_points_attribute);
        if (hdf5::link_exists(file_.get(), design) &&
            H5Aexists(file_.get(), points_attribute.c_str()) > 0) {
            const auto points = hdf5::read_scalar_attribute<std::uint64_t>(
                file_.get(), points_attribute, H5T_NATIVE_UINT64);
            std::vector<hid_t> ids;
            const auto tables = tables_of(design, points);
            for (const auto& [name, table] : tables) {
                ids.push_back(table.get());
            }
            const hdf5::Dataset axis = store_index_axis(layout::design_point_axis_dataset, points,
                                                        layout::design_point_axis_description);
            hdf5::attach_dimension_scale(axis.get(), layout::design_point_axis_dataset, ids, 0);
        }
        const std::string labels = layout::root_path(layout::labels_group);
        if (hdf5::link_exists(file_.get(), labels)) {
            for (const auto& [name, table] : tables_of(labels, std::nullopt)) {
                hdf5::attach_dimension_scale(table.get(), name, {}, 0);
            }
        }
    }

    void create_run_columns() {
        const hdf5::Group runs = create_group(file_.get(), std::string(layout::runs_group));
        for (const layout::RunColumn& column : layout::run_columns) {
            typename GrowingDataset<layout::RunColumnValue>::Options options;
            options.compress = !crash_safe_;
            if (column.name == layout::run_index) {
                options.fill = unwritten_run_index;
                options.self_writing = !crash_safe_;
            }
            options.same_bits_signed = column.name == layout::seed;
            run_columns_.emplace_back(runs.get(), std::string(column.name), std::vector<hsize_t>{},
                                      column.description, column.units, options);
        }
    }

    void create_measure_datasets() {
        const hdf5::Group timeseries =
            create_group(file_.get(), std::string(layout::timeseries_group));
        const hdf5::Group final_values =
            create_group(file_.get(), std::string(layout::final_group));
        const auto months = static_cast<hsize_t>(shape_.months);
        typename GrowingDataset<layout::TimeseriesValue>::Options series_options;
        series_options.preferred_chunk_runs = matrix_chunk_runs;
        series_options.compress = !crash_safe_;
        typename GrowingDataset<layout::FinalValue>::Options final_options;
        final_options.compress = !crash_safe_;
        for (const MeasureSpec& measure : measure_table()) {
            const std::string name(measure.name);
            timeseries_.emplace_back(timeseries.get(), name, std::vector<hsize_t>{months},
                                     measure.description, measure.units, series_options);
            final_.emplace_back(final_values.get(), name, std::vector<hsize_t>{},
                                measure.description, measure.units, final_options);
            for (const hid_t dataset : {timeseries_.back().id(), final_.back().id()}) {
                hdf5::write_string_attribute(dataset, layout::direction_attribute,
                                             better_words(measure.better));
            }
        }
    }

    // The drawn model of every run: a row of all model constants, named by `columns`.
    void create_model_constants() {
        const hdf5::Group runs =
            hdf5::open_or_create_group(file_.get(), std::string(layout::runs_group));
        typename GrowingDataset<layout::ModelConstantValue>::Options options;
        options.preferred_chunk_runs = matrix_chunk_runs;
        options.compress = !crash_safe_;
        model_constants_.emplace(runs.get(), std::string(layout::model_constants_dataset),
                                 std::vector<hsize_t>{shape_.model_constants.size()},
                                 layout::model_constants_description, layout::model_constants_units,
                                 options);
        hdf5::write_string_array_attribute(model_constants_->id(), layout::columns_attribute,
                                           shape_.model_constants);
        hdf5::write_string_array_attribute(model_constants_->id(), layout::held_attribute,
                                           shape_.held_constants);
    }

    hdf5::Dataset create_table(const std::string& group, const std::string& name, hid_t type,
                               hsize_t size) {
        const hdf5::Group parent = open_or_create_group(file_.get(), group);
        if (hdf5::link_exists(parent.get(), name)) {
            throw std::invalid_argument("dataset " + group + "/" + name + " already exists");
        }
        const hdf5::Dataspace space(hdf5::check_id(H5Screate_simple(1, &size, nullptr),
                                                   "create dataspace for " + group + "/" + name));
        const hdf5::PropertyList creation = hdf5::compact_attribute_properties(H5P_DATASET_CREATE);
        return hdf5::Dataset(
            hdf5::check_id(H5Dcreate2(parent.get(), name.c_str(), type, space.get(), H5P_DEFAULT,
                                      creation.get(), H5P_DEFAULT),
                           "create dataset " + group + "/" + name));
    }

    // Crash-safe order: every dataset but /runs/run_index reaches the disk first; only then
    // does run_index say which runs are complete.
    void commit() {
        for (std::size_t c = 1; c < run_columns_.size(); ++c) run_columns_[c].write_pending();
        for (auto& series : timeseries_) series.write_pending();
        for (auto& value : final_) value.write_pending();
        if (model_constants_) model_constants_->write_pending();
        if (crash_safe_) {
            hdf5::check(H5Fflush(file_.get(), H5F_SCOPE_GLOBAL), "flush the file");
            run_columns_[0].write_pending();
        } else {
            run_columns_[0].write_pending();
            write_uint64_attribute(file_.get(), layout::runs_attribute, runs_written_);
            hdf5::write_string_attribute(
                file_.get(), layout::identity_attribute,
                layout::results_identity(metadata_.created_utc, runs_written_,
                                         metadata_.command_line, metadata_.partnersim_version,
                                         metadata_.scenario_toml));
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
        if (result.model_constants.size() != shape_.model_constants.size()) {
            throw std::invalid_argument(
                "run " + std::to_string(result.id.run_index) + " records " +
                std::to_string(result.model_constants.size()) + " model constants; the file has " +
                std::to_string(shape_.model_constants.size()) +
                " (a run with drawn constants in a file without them, or the reverse)");
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
    ResultsMetadata metadata_;
    std::vector<GrowingDataset<layout::RunColumnValue>> run_columns_;  // run_index first
    std::vector<GrowingDataset<layout::TimeseriesValue>> timeseries_;
    std::vector<GrowingDataset<layout::FinalValue>> final_;
    std::optional<GrowingDataset<layout::ModelConstantValue>> model_constants_;
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
    durable_rename(path_, new_path);
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

void Hdf5ResultWriter::write_attribute(const std::string& name,
                                       std::span<const std::string> values) {
    hdf5::naming_path(path_, [&] { impl_->write_attribute(name, values); });
}

void Hdf5ResultWriter::copy_static_content(const std::filesystem::path& source) {
    hdf5::naming_path(path_, [&] { impl_->copy_static_content(source); });
}

bool Hdf5ResultWriter::is_own_attribute(std::string_view name) {
    return layout::is_writer_attribute(name);
}

bool Hdf5ResultWriter::is_own_link(std::string_view name) {
    return layout::is_writer_link(name);
}

}  // namespace partnersim
