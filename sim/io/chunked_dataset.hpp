#pragma once
// The generic half of the results writer: one-dimensional-or-more HDF5 datasets whose first
// dimension grows as rows are appended, buffered a chunk at a time, and the groups that hold
// them. Knows nothing of the results layout (io/results_layout.hpp); io-internal, like
// io/hdf5_handles.hpp.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "io/hdf5_handles.hpp"

namespace partnersim::hdf5 {

// Chunks span many runs so a reader pulling one measure for all runs touches few chunks, but
// stay near 1 MiB, HDF5's default chunk cache, so partial-chunk appends do not thrash it.
inline constexpr hsize_t column_chunk_runs = 4096;
inline constexpr hsize_t matrix_chunk_runs = 256;
inline constexpr hsize_t chunk_budget_bytes = hsize_t{1} << 20;
inline constexpr unsigned deflate_level = 4;

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
struct StorageType<std::int32_t> {
    static hid_t memory() { return H5T_NATIVE_INT32; }
    static hid_t file() { return H5T_STD_I32LE; }
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

// Elements of a dataset of these dimensions.
hsize_t product(const std::vector<hsize_t>& dims);

// Runs per chunk for rows of `row_bytes`: as many as fit the budget, at most `preferred`.
hsize_t chunk_runs_for(hsize_t row_bytes, hsize_t preferred);

// Chunked dataset-creation properties, shuffled and deflated when `compress`.
PropertyList chunked(const std::vector<hsize_t>& chunk, bool compress);

// A group (intermediate groups too) that keeps its links in creation order.
Group create_group(hid_t file, const std::string& name);
Group open_or_create_group(hid_t file, const std::string& name);

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
        // Stored as the signed integer of the same width, bits unchanged (values of 2^63 and
        // more read as negative): for readers without unsigned 64-bit integers (R).
        bool same_bits_signed = false;
    };

    GrowingDataset(hid_t group, std::string name, std::vector<hsize_t> row_dims,
                   std::string_view description, std::string_view units, const Options& options)
        : name_(std::move(name)),
          row_dims_(std::move(row_dims)),
          row_size_(product(row_dims_)),
          self_writing_(options.self_writing),
          file_type_(file_type(options.same_bits_signed)),
          memory_type_(memory_type(options.same_bits_signed)) {
        chunk_runs_ = chunk_runs_for(row_size_ * sizeof(T), options.preferred_chunk_runs);
        std::vector<hsize_t> dims{0};
        std::vector<hsize_t> max_dims{H5S_UNLIMITED};
        std::vector<hsize_t> chunk{chunk_runs_};
        for (const hsize_t d : row_dims_) {
            dims.push_back(d);
            max_dims.push_back(d);
            chunk.push_back(d);
        }
        const Dataspace space(
            check_id(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), max_dims.data()),
                     "create dataspace for " + name_));
        const PropertyList dcpl = chunked(chunk, options.compress);
        if (options.fill) {
            check(H5Pset_fill_value(dcpl.get(), memory_type_, &*options.fill),
                  "set the fill value of " + name_);
        }
        dataset_ = Dataset(check_id(H5Dcreate2(group, name_.c_str(), file_type_, space.get(),
                                               H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                                    "create dataset " + name_));
        describe(dataset_.get(), description, units);
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
        check(H5Dset_extent(dataset_.get(), extent.data()), "extend " + name_);
        const Dataspace file_space(
            check_id(H5Dget_space(dataset_.get()), "get dataspace of " + name_));
        check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr,
                                  count.data(), nullptr),
              "select rows of " + name_);
        const Dataspace memory_space(
            check_id(H5Screate_simple(static_cast<int>(count.size()), count.data(), nullptr),
                     "create memory dataspace for " + name_));
        check(H5Dwrite(dataset_.get(), memory_type_, memory_space.get(), file_space.get(),
                       H5P_DEFAULT, pending_.data()),
              "write " + name_);
        runs_on_disk_ += new_runs;
        pending_.clear();
    }

    void close() { dataset_.reset(); }
    hid_t id() const { return dataset_.get(); }  // e.g. to attach attributes

private:
    // Writing T's bits as the same-width signed type needs the signed type in memory too:
    // HDF5 would otherwise convert values, clipping those above the signed maximum.
    static hid_t file_type(bool same_bits_signed) {
        if constexpr (std::is_integral_v<T> && std::is_unsigned_v<T>) {
            if (same_bits_signed) return StorageType<std::make_signed_t<T>>::file();
        }
        return StorageType<T>::file();
    }
    static hid_t memory_type(bool same_bits_signed) {
        if constexpr (std::is_integral_v<T> && std::is_unsigned_v<T>) {
            if (same_bits_signed) return StorageType<std::make_signed_t<T>>::memory();
        }
        return StorageType<T>::memory();
    }

    std::string name_;
    std::vector<hsize_t> row_dims_;
    hsize_t row_size_;
    bool self_writing_;
    hid_t file_type_;
    hid_t memory_type_;
    hsize_t chunk_runs_ = 1;
    hsize_t runs_on_disk_ = 0;
    std::vector<T> pending_;
    Dataset dataset_;
};

}  // namespace partnersim::hdf5
