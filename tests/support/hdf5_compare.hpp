#pragma once
// Comparing two HDF5 results files dataset by dataset: the same dataset names, types, shapes
// and bytes (so "equal" means bit-identical, NaN payloads included), the same description and
// units, and optionally the same storage layout (chunking, filters). Root attributes are
// compared by the tests that care, since command lines and dates legitimately differ.

#include <gtest/gtest.h>
#include <hdf5.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "io/hdf5_handles.hpp"

namespace partnersim::test {

// Every dataset under `group`, as absolute paths, in name order.
inline void collect_datasets(hid_t file, const std::string& group,
                             std::vector<std::string>& names) {
    const hdf5::Group opened(H5Gopen2(file, group.c_str(), H5P_DEFAULT));
    for (const std::string& name : hdf5::link_names(opened.get())) {
        const std::string full = (group == "/" ? "/" : group + "/") + name;
        H5O_info_t info;
        hdf5::check(H5Oget_info_by_name2(file, full.c_str(), &info, H5O_INFO_BASIC, H5P_DEFAULT),
                    "inspect " + full);
        if (info.type == H5O_TYPE_GROUP) {
            collect_datasets(file, full, names);
        } else if (info.type == H5O_TYPE_DATASET) {
            names.push_back(full);
        }
    }
}

inline std::vector<std::string> dataset_names(const std::filesystem::path& path) {
    const hdf5::File file = hdf5::open_for_reading(path);
    std::vector<std::string> names;
    collect_datasets(file.get(), "/", names);
    return names;
}

struct StoredDataset {
    std::vector<hsize_t> dims;
    std::vector<hsize_t> max_dims;
    std::vector<hsize_t> chunk;  // empty if not chunked
    std::vector<H5Z_filter_t> filters;
    std::vector<unsigned char> bytes;  // raw values in the file's own type
    std::vector<std::string> strings;  // for variable-length strings instead
    std::string description;
    std::string units;
};

inline StoredDataset read_stored(hid_t file, const std::string& name) {
    StoredDataset stored;
    const hdf5::Dataset dataset(
        hdf5::check_id(H5Dopen2(file, name.c_str(), H5P_DEFAULT), "open " + name));
    const hdf5::Dataspace space(hdf5::check_id(H5Dget_space(dataset.get()), "shape " + name));
    const int rank = H5Sget_simple_extent_ndims(space.get());
    stored.dims.resize(static_cast<std::size_t>(rank));
    stored.max_dims.resize(static_cast<std::size_t>(rank));
    H5Sget_simple_extent_dims(space.get(), stored.dims.data(), stored.max_dims.data());
    const hdf5::PropertyList dcpl(H5Dget_create_plist(dataset.get()));
    if (H5Pget_layout(dcpl.get()) == H5D_CHUNKED) {
        stored.chunk.resize(static_cast<std::size_t>(rank));
        H5Pget_chunk(dcpl.get(), rank, stored.chunk.data());
    }
    for (int i = 0; i < H5Pget_nfilters(dcpl.get()); ++i) {
        unsigned flags = 0;
        std::size_t values = 0;
        unsigned config = 0;
        stored.filters.push_back(H5Pget_filter2(dcpl.get(), static_cast<unsigned>(i), &flags,
                                                &values, nullptr, 0, nullptr, &config));
    }
    const hdf5::Datatype type(H5Dget_type(dataset.get()));
    hsize_t points = 1;
    for (const hsize_t d : stored.dims) points *= d;
    if (H5Tget_class(type.get()) == H5T_STRING) {
        stored.strings = hdf5::read_string_dataset(dataset.get(), points, name);
    } else {
        stored.bytes.resize(points * H5Tget_size(type.get()));
        if (points > 0) {
            hdf5::check(H5Dread(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT,
                                stored.bytes.data()),
                        "read " + name);
        }
    }
    if (H5Aexists(dataset.get(), "description") > 0) {
        stored.description = hdf5::read_string_attribute(dataset.get(), "description");
    }
    if (H5Aexists(dataset.get(), "units") > 0) {
        stored.units = hdf5::read_string_attribute(dataset.get(), "units");
    }
    return stored;
}

// Both files hold the same datasets with the same types, shapes and bytes; with
// `same_layout`, also the same chunking and filters.
inline void expect_same_datasets(const std::filesystem::path& expected,
                                 const std::filesystem::path& actual, bool same_layout = true) {
    const std::vector<std::string> expected_names = dataset_names(expected);
    ASSERT_EQ(dataset_names(actual), expected_names) << expected << " vs " << actual;
    const hdf5::File a = hdf5::open_for_reading(expected);
    const hdf5::File b = hdf5::open_for_reading(actual);
    for (const std::string& name : expected_names) {
        const hdf5::Dataset da(H5Dopen2(a.get(), name.c_str(), H5P_DEFAULT));
        const hdf5::Dataset db(H5Dopen2(b.get(), name.c_str(), H5P_DEFAULT));
        const hdf5::Datatype ta(H5Dget_type(da.get()));
        const hdf5::Datatype tb(H5Dget_type(db.get()));
        EXPECT_GT(H5Tequal(ta.get(), tb.get()), 0) << name << ": types differ";
        const StoredDataset sa = read_stored(a.get(), name);
        const StoredDataset sb = read_stored(b.get(), name);
        EXPECT_EQ(sa.dims, sb.dims) << name;
        EXPECT_EQ(sa.max_dims, sb.max_dims) << name;
        EXPECT_TRUE(sa.bytes == sb.bytes) << name << ": values differ";
        EXPECT_EQ(sa.strings, sb.strings) << name;
        EXPECT_EQ(sa.description, sb.description) << name;
        EXPECT_EQ(sa.units, sb.units) << name;
        if (same_layout) {
            EXPECT_EQ(sa.chunk, sb.chunk) << name;
            EXPECT_EQ(sa.filters, sb.filters) << name;
        }
    }
}

inline bool has_root_attribute(const std::filesystem::path& path, const std::string& name) {
    const hdf5::File file = hdf5::open_for_reading(path);
    return H5Aexists(file.get(), name.c_str()) > 0;
}

inline std::string root_string_attribute(const std::filesystem::path& path,
                                         const std::string& name) {
    const hdf5::File file = hdf5::open_for_reading(path);
    return hdf5::read_string_attribute(file.get(), name);
}

inline std::uint64_t root_uint_attribute(const std::filesystem::path& path,
                                         const std::string& name) {
    const hdf5::File file = hdf5::open_for_reading(path);
    return hdf5::read_scalar_attribute<std::uint64_t>(file.get(), name, H5T_NATIVE_UINT64);
}

}  // namespace partnersim::test
