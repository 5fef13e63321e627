#include "io/hdf5_reader.hpp"

#include <stdexcept>

#include "io/hdf5_handles.hpp"

namespace partnersim {
namespace {

hdf5::File open_results(const std::filesystem::path& path) {
    hdf5::silence_automatic_error_printing();
    if (!std::filesystem::exists(path)) throw std::runtime_error("no such file");
    if (H5Fis_hdf5(path.c_str()) <= 0) throw std::runtime_error("not an HDF5 file");
    return hdf5::File(
        hdf5::check_id(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "open the file"));
}

hdf5::Dataset open_dataset(hid_t file, const std::string& name) {
    const hid_t dataset = H5Dopen2(file, name.c_str(), H5P_DEFAULT);
    if (dataset < 0) throw std::runtime_error("no dataset " + name);
    return hdf5::Dataset(dataset);
}

std::vector<hsize_t> dimensions(hid_t dataset, const std::string& name) {
    const hdf5::Dataspace space(
        hdf5::check_id(H5Dget_space(dataset), "get the dataspace of " + name));
    const int rank = H5Sget_simple_extent_ndims(space.get());
    if (rank < 0) throw std::runtime_error("HDF5: cannot get the rank of " + name);
    std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
    hdf5::check(H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr),
                "get the dimensions of " + name);
    return dims;
}

std::vector<hsize_t> dimensions_of_rank(hid_t dataset, const std::string& name, std::size_t rank) {
    std::vector<hsize_t> dims = dimensions(dataset, name);
    if (dims.size() != rank) {
        throw std::runtime_error(name + " has " + std::to_string(dims.size()) +
                                 " dimensions; expected " + std::to_string(rank));
    }
    return dims;
}

template <class T>
std::vector<T> read_all(hid_t dataset, hid_t memory_type, const std::vector<hsize_t>& dims,
                        const std::string& name) {
    hsize_t size = 1;
    for (const hsize_t d : dims) size *= d;
    std::vector<T> values(size);
    if (size > 0) {
        hdf5::check(H5Dread(dataset, memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                    "read " + name);
    }
    return values;
}

template <class T>
std::vector<T> read_vector(const std::filesystem::path& path, const std::string& name,
                           hid_t memory_type) {
    return hdf5::naming_path(path, [&] {
        const hdf5::File file = open_results(path);
        const hdf5::Dataset dataset = open_dataset(file.get(), name);
        return read_all<T>(dataset.get(), memory_type, dimensions_of_rank(dataset.get(), name, 1),
                           name);
    });
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
    metadata.partnersim_version = hdf5::read_string_attribute(file, "partnersim_version");
    metadata.scenario_toml = hdf5::read_string_attribute(file, "scenario");
    metadata.command_line = hdf5::read_string_attribute(file, "command_line");
    metadata.created_utc = hdf5::read_string_attribute(file, "created_utc");
    return metadata;
}

// "final", "/final" and "/final/" all name the same group.
std::string dataset_name(std::string_view group, std::string_view name) {
    if (!group.empty() && group.front() == '/') group.remove_prefix(1);
    std::string full = "/";
    full += group;
    if (full.back() != '/') full += '/';
    full += name;
    return full;
}

}  // namespace

ResultsFileInfo read_results_info(const std::filesystem::path& path) {
    return hdf5::naming_path(path, [&] {
        const hdf5::File file = open_results(path);
        ResultsFileInfo info;
        info.metadata = read_metadata(file.get());
        info.months = hdf5::read_scalar_attribute<int>(file.get(), "months", H5T_NATIVE_INT);
        const std::string run_index = "/runs/run_index";
        const hdf5::Dataset runs = open_dataset(file.get(), run_index);
        info.runs = dimensions_of_rank(runs.get(), run_index, 1)[0];
        info.measures = link_names(file.get(), "/timeseries");
        return info;
    });
}

std::vector<double> read_final(const std::filesystem::path& path, std::string_view measure) {
    return read_vector<double>(path, dataset_name("final", measure), H5T_NATIVE_DOUBLE);
}

std::vector<float> read_timeseries(const std::filesystem::path& path, std::string_view measure) {
    const std::string name = dataset_name("timeseries", measure);
    return hdf5::naming_path(path, [&] {
        const hdf5::File file = open_results(path);
        const hdf5::Dataset dataset = open_dataset(file.get(), name);
        return read_all<float>(dataset.get(), H5T_NATIVE_FLOAT,
                               dimensions_of_rank(dataset.get(), name, 2), name);
    });
}

std::vector<std::uint64_t> read_run_column(const std::filesystem::path& path,
                                           std::string_view column) {
    return read_vector<std::uint64_t>(path, dataset_name("runs", column), H5T_NATIVE_UINT64);
}

TraceValues read_trace(const std::filesystem::path& path, std::string_view variable) {
    const std::string name = dataset_name("agents", variable);
    return hdf5::naming_path(path, [&] {
        const hdf5::File file = open_results(path);
        const hdf5::Dataset dataset = open_dataset(file.get(), name);
        const std::vector<hsize_t> dims = dimensions_of_rank(dataset.get(), name, 3);
        TraceValues trace;
        trace.runs = dims[0];
        trace.months = static_cast<int>(dims[1]);
        trace.partners = static_cast<int>(dims[2]);
        trace.values = read_all<float>(dataset.get(), H5T_NATIVE_FLOAT, dims, name);
        return trace;
    });
}

DatasetDescription read_description(const std::filesystem::path& path, std::string_view dataset) {
    const std::string name(dataset);
    return hdf5::naming_path(path, [&] {
        const hdf5::File file = open_results(path);
        const hdf5::Dataset opened = open_dataset(file.get(), name);
        return DatasetDescription{hdf5::read_string_attribute(opened.get(), "description"),
                                  hdf5::read_string_attribute(opened.get(), "units")};
    });
}

std::vector<double> read_table(const std::filesystem::path& path, std::string_view group,
                               std::string_view name) {
    return read_vector<double>(path, dataset_name(group, name), H5T_NATIVE_DOUBLE);
}

std::vector<std::string> read_labels(const std::filesystem::path& path, std::string_view group,
                                     std::string_view name) {
    const std::string full = dataset_name(group, name);
    return hdf5::naming_path(path, [&] {
        const hdf5::File file = open_results(path);
        const hdf5::Dataset dataset = open_dataset(file.get(), full);
        const hsize_t size = dimensions_of_rank(dataset.get(), full, 1)[0];
        const hdf5::Datatype type = hdf5::utf8_string_type();
        std::vector<char*> text(size, nullptr);
        if (size > 0) {
            hdf5::check(
                H5Dread(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, text.data()),
                "read " + full);
        }
        std::vector<std::string> labels;
        labels.reserve(text.size());
        for (char* label : text) {
            labels.emplace_back(label ? label : "");
            if (label) H5free_memory(label);
        }
        return labels;
    });
}

}  // namespace partnersim
