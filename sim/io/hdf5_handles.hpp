#pragma once
// Ownership of HDF5 identifiers. The C API hands out bare hid_t values that each need their own
// close call; an exception between open and close would otherwise leak the file open.

#include <hdf5.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/error.hpp"
#include "io/checked_read_driver.hpp"
#include "io/results_layout.hpp"

namespace partnersim::hdf5 {

template <herr_t (*Close)(hid_t)>
class Handle {
public:
    Handle() = default;
    explicit Handle(hid_t id) : id_(id) {}
    ~Handle() { reset(); }

    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    Handle(Handle&& other) noexcept : id_(std::exchange(other.id_, H5I_INVALID_HID)) {}
    Handle& operator=(Handle&& other) noexcept {
        if (this != &other) {
            reset();
            id_ = std::exchange(other.id_, H5I_INVALID_HID);
        }
        return *this;
    }

    hid_t get() const { return id_; }
    bool valid() const { return id_ >= 0; }

    // Closing can fail (e.g. a final write to a full disk); callers that care use close().
    void reset() noexcept {
        if (valid()) Close(id_);
        id_ = H5I_INVALID_HID;
    }
    herr_t close() { return valid() ? Close(std::exchange(id_, H5I_INVALID_HID)) : 0; }

private:
    hid_t id_ = H5I_INVALID_HID;
};

using File = Handle<H5Fclose>;
using Group = Handle<H5Gclose>;
using Dataset = Handle<H5Dclose>;
using Dataspace = Handle<H5Sclose>;
using PropertyList = Handle<H5Pclose>;
using Datatype = Handle<H5Tclose>;
using Attribute = Handle<H5Aclose>;

// HDF5 reports failure through negative return values; `what` says what we were doing, so the
// message can name the file and object rather than repeat HDF5's internal stack.
// A read the checked read driver refused says why (a block of an unchecksummed layout, a
// damaged global heap collection).
inline void check(herr_t status, const std::string& what) {
    if (status < 0) {
        const std::string refused = take_refused_read();
        throw std::runtime_error("HDF5: cannot " + what + (refused.empty() ? "" : ": " + refused));
    }
}

inline hid_t check_id(hid_t id, const std::string& what) {
    check(id < 0 ? -1 : 0, what);
    return id;
}

// HDF5 prints its whole error stack to stderr by default; we report our own message instead.
// The setting is per thread in a thread-safe HDF5 (Debian's is), so every entry into io that
// may run on a worker thread (naming_path below) sets it again; it costs a few instructions.
//
// It is also the first HDF5 call of every path into io, so it first tells HDF5 not to close
// itself at exit: a file whose close failed (a disk that filled during the closing compaction)
// stays open inside the library, and HDF5's exit handler crashed on it (a segmentation fault
// after the clear error). Every file partnersim keeps is closed explicitly before exit.
inline void silence_automatic_error_printing() {
    static const bool no_exit_handler = [] {
        H5dont_atexit();  // only before the library starts; a no-op after, harmless
        return true;
    }();
    (void)no_exit_handler;
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

// Runs `action`, prefixing the path of the file to any runtime error it throws; a bad input
// (InputError) stays one, so a front end still reports it as the person's to fix.
template <class Action>
decltype(auto) naming_path(const std::filesystem::path& path, Action&& action) {
    silence_automatic_error_printing();
    try {
        return action();
    } catch (const InputError& error) {
        throw InputError(path.string() + ": " + error.what(), path.string(), 0, error.key());
    } catch (const std::runtime_error& error) {
        throw std::runtime_error(path.string() + ": " + error.what());
    }
}

// Like naming_path, for reading a file the person named: whatever goes wrong reading it (a
// dataset missing or of the wrong shape, a chunk that does not decompress) is the file's
// fault, so every failure is an InputError naming the file.
template <class Action>
decltype(auto) reading_path(const std::filesystem::path& path, Action&& action) {
    silence_automatic_error_printing();
    try {
        return action();
    } catch (const Interrupted&) {
        throw;
    } catch (const std::logic_error&) {
        throw;  // the caller's mistake (rows outside the file), not the file's
    } catch (const InputError& error) {
        throw InputError(path.string() + ": " + error.what(), path.string(), 0, error.key());
    } catch (const std::exception& error) {
        throw InputError(path.string() + ": " + error.what(), path.string(), 0, "");
    }
}

// The number of elements of an attribute; a scalar attribute has one.
inline hssize_t attribute_elements(hid_t attribute, const std::string& name) {
    const Dataspace space(check_id(H5Aget_space(attribute), "shape attribute " + name));
    const hssize_t points = H5Sget_simple_extent_npoints(space.get());
    if (points < 0) throw std::runtime_error("HDF5: cannot size attribute " + name);
    return points;
}

// A value read into one variable must be one element: an array attribute would be read past
// the variable's end.
inline void require_single_element(hid_t attribute, const std::string& name) {
    const hssize_t points = attribute_elements(attribute, name);
    if (points != 1) {
        throw std::runtime_error("attribute " + name + " holds " + std::to_string(points) +
                                 " values; expected one");
    }
}

// A dataset's dimensions, one length per axis (none for a scalar).
inline std::vector<hsize_t> dimensions(hid_t dataset, const std::string& name) {
    const Dataspace space(check_id(H5Dget_space(dataset), "get the dataspace of " + name));
    const int rank = H5Sget_simple_extent_ndims(space.get());
    if (rank < 0) throw std::runtime_error("HDF5: cannot get the rank of " + name);
    std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
    check(H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr),
          "get the dimensions of " + name);
    return dims;
}

// File access for results: rows are written and read once, in order, whole chunks at a time,
// so a chunk cache would only hold chunks never visited again; HDF5's default (1 MiB for every
// open dataset) made memory grow with the number of runs until every cache was full. No chunk
// cache, then, and HDF5's internal free lists capped (a library-wide setting, same every call).
inline PropertyList streaming_file_access() {
    H5set_free_list_limits(1 << 20, 1 << 20, 1 << 20, 1 << 20, 4 << 20, 1 << 20);
    PropertyList fapl(check_id(H5Pcreate(H5P_FILE_ACCESS), "create file access properties"));
    check(H5Pset_cache(fapl.get(), 0, 521, 0, 1.0), "turn off the chunk cache");
    return fapl;
}

// Every file partnersim writes is in HDF5's 1.10 layout (superblock version 3, version-2 object
// headers, new-style groups, extensible- and fixed-array chunk indexes), in which every
// metadata block carries a checksum that libhdf5 verifies before it parses the block; the
// oldest layout, HDF5's default, has none, and libhdf5 1.10.8 reads whatever a damaged block
// declares (sizes it allocates, offsets it copies from). The readers refuse any other layout
// (checked_read_driver.hpp). Files need HDF5 1.10 (2017) or later to read: h5py and R's hdf5r
// on Debian 12 do.
inline void use_checksummed_layout(hid_t file_access) {
    check(H5Pset_libver_bounds(file_access, H5F_LIBVER_V110, H5F_LIBVER_LATEST),
          "ask for the HDF5 1.10 file layout");
}

// Attributes stay in their object's header, which is checksummed, and never go to HDF5's dense
// attribute storage (a fractal heap indexed by a B-tree), where libhdf5 moves them past 8
// attributes by default: there an attribute over 4 KiB (the scenario text, ~30 KB) is a heap
// "huge object", raw bytes without a checksum that libhdf5 1.10.8 decodes as an attribute
// message when the attribute is opened, so one damaged byte reached its decoder (a fuzz input
// overran a heap buffer in H5O_msg_decode; docs/hardening.md). No object of ours has near 256.
inline constexpr unsigned max_compact_attributes = 256;
inline constexpr unsigned min_dense_attributes = 192;
// An attribute message over 64 KiB goes to dense storage whatever the setting, so a string
// attribute holds at most this many bytes of text (the rest of the message, its name, type and
// shape, fits in what is left); a longer text of the root is a dataset (write_root_text).
inline constexpr std::size_t max_attribute_text_bytes = std::size_t{60} << 10;
// A root text kept as a dataset is read whole, so its declared size is bounded before the
// buffer is allocated: more than any scenario (8 MiB) or sweep description needs.
inline constexpr std::size_t max_root_text_bytes = std::size_t{64} << 20;

// Object creation (file, group or dataset creation properties) that keeps attributes compact.
inline void keep_attributes_compact(hid_t creation_properties) {
    check(
        H5Pset_attr_phase_change(creation_properties, max_compact_attributes, min_dense_attributes),
        "keep attributes in object headers");
}

// Creation properties of the given class (H5P_FILE_CREATE, H5P_GROUP_CREATE,
// H5P_DATASET_CREATE) with attributes kept compact: every file, group and dataset partnersim
// makes is created with them.
inline PropertyList compact_attribute_properties(hid_t property_class) {
    PropertyList list(check_id(H5Pcreate(property_class), "create creation properties"));
    keep_attributes_compact(list.get());
    return list;
}

// The path of an object in its file, for messages ("/" for the root).
inline std::string object_path(hid_t object) {
    const ssize_t length = H5Iget_name(object, nullptr, 0);
    if (length <= 0) return "an object";
    std::string path(static_cast<std::size_t>(length) + 1, '\0');
    H5Iget_name(object, path.data(), path.size());
    path.resize(static_cast<std::size_t>(length));
    return path;
}

// Refuses an object whose attributes are in dense storage (keep_attributes_compact), before
// libhdf5 looks any of them up: the root of a file partnersim wrote until 3 Dec 2026, or another
// tool's file with many attributes. Reading the heap's and B-tree's headers to size them is safe
// (both are checksummed); reading an attribute in them is not.
inline void require_compact_attributes(hid_t object) {
    H5O_info_t info;
    // The object's path only for a message: this runs before every attribute read.
    if (H5Oget_info2(object, &info, H5O_INFO_META_SIZE) < 0) {
        check(-1, "size the attributes of " + object_path(object));
    }
    if (info.meta_size.attr.index_size == 0 && info.meta_size.attr.heap_size == 0) return;
    throw InputError("the attributes of " + object_path(object) +
                     " are in HDF5's dense attribute storage, where a long attribute is kept "
                     "without a checksum, so partnersim does not read them (partnersim kept a "
                     "file's root attributes so until 3 Dec 2026; " +
                     remaking_an_older_file() + ")");
}

// Opens a results file read-only. A file whose writer was killed mid-run (crash-safe files are
// written in SWMR mode, hdf5_writer.hpp) still carries the writer's "open for writing" mark, so a
// plain read-only open fails; reading it as an SWMR reader works and sees what was last flushed.
// Through checked_read_driver, so a damaged global heap collection fails the read of the
// variable-length string in it instead of hanging libhdf5 (checked_read_driver.hpp).
inline File open_for_reading(const std::filesystem::path& path) {
    silence_automatic_error_printing();
    (void)take_refused_read();  // a refusal on an earlier file must not explain this file's errors
    if (!std::filesystem::exists(path)) throw InputError("no such file");
    if (std::filesystem::is_directory(path)) throw InputError("is a folder, not a results file");
    if (H5Fis_hdf5(path.c_str()) <= 0) throw InputError("not an HDF5 file");
    const PropertyList access = streaming_file_access();
    check(H5Pset_driver(access.get(), checked_read_driver(), nullptr),
          "select the checked read driver");
    const hid_t plain = H5Fopen(path.c_str(), H5F_ACC_RDONLY, access.get());
    if (plain >= 0) return File(plain);
    const std::string refused = take_refused_read();
    if (!refused.empty()) throw InputError(refused);
    // An SWMR reader retries a metadata read whose checksum fails, in case the writer is midway
    // through writing it: by default 100 times per object, which on a half-truncated file
    // added up to minutes. A handful of retries covers a live writer's flush.
    check(H5Pset_metadata_read_attempts(access.get(), 4), "limit metadata read retries");
    const hid_t swmr = H5Fopen(path.c_str(), H5F_ACC_RDONLY | H5F_ACC_SWMR_READ, access.get());
    if (swmr < 0) throw InputError("cannot be opened as HDF5 (damaged or truncated)");
    return File(swmr);
}

inline bool link_exists(hid_t location, std::string_view name_view) {
    const std::string name(name_view);
    return H5Lexists(location, name.c_str(), H5P_DEFAULT) > 0;
}

// Strings are stored fixed-length (UTF-8, padded with nulls to the longest value, at least one
// byte), never variable-length: a variable-length string lives in a global heap collection, the
// one structure of HDF5's 1.10 layout without a checksum, and libhdf5 1.10.8 trusts the heap
// index in each string's reference (H5HG_read reads past the collection's table for an index
// it does not have). With fixed-length strings every metadata byte libhdf5 parses for the
// readers is checksummed (checked_read_driver.hpp).
inline Datatype utf8_string_type(std::size_t bytes) {
    Datatype type(check_id(H5Tcopy(H5T_C_S1), "copy the string type"));
    check(H5Tset_size(type.get(), bytes == 0 ? 1 : bytes), "size a string type");
    check(H5Tset_strpad(type.get(), H5T_STR_NULLPAD), "pad a string type with nulls");
    check(H5Tset_cset(type.get(), H5T_CSET_UTF8), "mark a string type as UTF-8");
    return type;
}

// The fixed width that holds every one of `values`.
inline std::size_t string_width(const std::vector<std::string>& values) {
    std::size_t width = 1;
    for (const std::string& value : values) width = std::max(width, value.size());
    return width;
}

// `values` laid end to end, each padded with nulls to `width` bytes.
inline std::vector<char> packed_strings(const std::vector<std::string>& values, std::size_t width) {
    std::vector<char> packed(values.size() * width, '\0');
    for (std::size_t i = 0; i < values.size(); ++i) {
        std::copy(values[i].begin(), values[i].end(), packed.data() + i * width);
    }
    return packed;
}

// True when `object`'s file is read through the checked read driver (every file a command
// reads); false for a file partnersim is writing.
inline bool read_through_checked_driver(hid_t object) {
    const hid_t file = H5Iget_file_id(object);
    if (file < 0) return false;
    const hid_t access = H5Fget_access_plist(file);
    const bool checked = access >= 0 && H5Pget_driver(access) == checked_read_driver();
    if (access >= 0) H5Pclose(access);
    H5Fclose(file);
    return checked;
}

// The reader's answer to a variable-length string: what partnersim wrote before 3 Dec 2026, or
// another tool's; refused rather than read (utf8_string_type), with the way to a readable file.
inline void refuse_variable_length(hid_t object, const std::string& name) {
    if (!read_through_checked_driver(object)) return;
    throw InputError(name +
                     " is a variable-length string, which partnersim no longer reads: its "
                     "global heap carries no checksum (files written before 3 Dec 2026 hold "
                     "them; " +
                     remaking_an_older_file() + ")");
}

// Reads `count` strings of the stored string type `stored` with `read(memory_type, buffer)`:
// fixed-length as they are, variable-length only from a file not read through the checked
// driver (refuse_variable_length).
template <class Read>
std::vector<std::string> read_strings(hid_t object, hid_t stored, std::size_t count,
                                      const std::string& name, Read&& read) {
    std::vector<std::string> values;
    values.reserve(count);
    if (count == 0) return values;
    if (H5Tis_variable_str(stored) > 0) {
        refuse_variable_length(object, name);
        Datatype type(check_id(H5Tcopy(H5T_C_S1), "copy the string type"));
        check(H5Tset_size(type.get(), H5T_VARIABLE), "make a variable-length string type");
        check(H5Tset_cset(type.get(), H5T_CSET_UTF8), "mark a string type as UTF-8");
        std::vector<char*> data(count, nullptr);
        check(read(type.get(), data.data()), "read " + name);
        for (char* value : data) {
            values.emplace_back(value ? value : "");
            if (value) H5free_memory(value);
        }
        return values;
    }
    const std::size_t width = H5Tget_size(stored);
    if (width == 0) throw std::runtime_error("HDF5: cannot size the strings of " + name);
    const Datatype type(check_id(H5Tcopy(stored), "copy the string type of " + name));
    std::vector<char> packed(count * width, '\0');
    check(read(type.get(), packed.data()), "read " + name);
    for (std::size_t i = 0; i < count; ++i) {
        std::string value(packed.data() + i * width, width);
        value.resize(value.find_last_not_of('\0') + 1);  // npos + 1 == 0 for an all-null string
        values.push_back(std::move(value));
    }
    return values;
}

// An attribute of more than max_attribute_text_bytes would go to dense storage; refused, so no
// file partnersim writes is one its readers refuse (a long root text is write_root_text's).
inline void require_attribute_fits(const std::string& name, std::size_t bytes) {
    if (bytes <= max_attribute_text_bytes) return;
    throw std::length_error("attribute " + name + " would hold " + std::to_string(bytes) +
                            " bytes, more than the " + std::to_string(max_attribute_text_bytes) +
                            " an attribute keeps in its object's checksummed header");
}

inline void write_string_attribute(hid_t object, std::string_view name_view,
                                   std::string_view value) {
    const std::string name(name_view);
    require_attribute_fits(name, value.size());
    const Datatype type = utf8_string_type(value.size());
    const Dataspace space(check_id(H5Screate(H5S_SCALAR), "create a scalar dataspace"));
    if (H5Aexists(object, name.c_str()) > 0) {
        check(H5Adelete(object, name.c_str()), "replace attribute " + name);
    }
    const Attribute attribute(check_id(
        H5Acreate2(object, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
        "create attribute " + name));
    const std::vector<char> data = packed_strings({std::string(value)}, H5Tget_size(type.get()));
    check(H5Awrite(attribute.get(), type.get(), data.data()), "write attribute " + name);
}

// Reads fixed- and (from files not read through the checked driver) variable-length string
// attributes alike, since files touched by other tools (h5py, h5repack) may carry either.
inline std::vector<std::string> read_attribute_strings(hid_t object, const std::string& name,
                                                       bool single) {
    require_compact_attributes(object);
    const Attribute attribute(
        check_id(H5Aopen(object, name.c_str(), H5P_DEFAULT), "open attribute " + name));
    const Datatype stored(check_id(H5Aget_type(attribute.get()), "type attribute " + name));
    if (H5Tget_class(stored.get()) != H5T_STRING) {
        throw std::runtime_error("HDF5: attribute " + name + " is not " +
                                 (single ? "a string" : "a list of strings"));
    }
    if (single) require_single_element(attribute.get(), name);
    const auto count = static_cast<std::size_t>(attribute_elements(attribute.get(), name));
    return read_strings(
        object, stored.get(), count, "attribute " + name,
        [&](hid_t memory, void* buffer) { return H5Aread(attribute.get(), memory, buffer); });
}

inline std::string read_string_attribute(hid_t object, std::string_view name_view) {
    return read_attribute_strings(object, std::string(name_view), true).front();
}

// A one-dimensional array of UTF-8 strings as an attribute (h5py reads it as an array of bytes).
inline void write_string_array_attribute(hid_t object, std::string_view name_view,
                                         const std::vector<std::string>& values) {
    const std::string name(name_view);
    const Datatype type = utf8_string_type(string_width(values));
    const hsize_t size = values.size();
    require_attribute_fits(name, static_cast<std::size_t>(size) * H5Tget_size(type.get()));
    const Dataspace space(
        check_id(size == 0 ? H5Screate(H5S_NULL) : H5Screate_simple(1, &size, nullptr),
                 "create the dataspace of attribute " + name));
    if (H5Aexists(object, name.c_str()) > 0) {
        check(H5Adelete(object, name.c_str()), "replace attribute " + name);
    }
    const Attribute attribute(check_id(
        H5Acreate2(object, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
        "create attribute " + name));
    const std::vector<char> data = packed_strings(values, H5Tget_size(type.get()));
    if (!data.empty()) {
        check(H5Awrite(attribute.get(), type.get(), data.data()), "write attribute " + name);
    }
}

inline std::vector<std::string> read_string_array_attribute(hid_t object,
                                                            std::string_view name_view) {
    return read_attribute_strings(object, std::string(name_view), false);
}

// A one-dimensional string dataset's values.
inline std::vector<std::string> read_string_dataset(hid_t dataset, std::size_t count,
                                                    const std::string& name) {
    const Datatype stored(check_id(H5Dget_type(dataset), "type " + name));
    if (H5Tget_class(stored.get()) != H5T_STRING) {
        throw std::runtime_error("HDF5: " + name + " is not a list of strings");
    }
    return read_strings(dataset, stored.get(), count, name, [&](hid_t memory, void* buffer) {
        return H5Dread(dataset, memory, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer);
    });
}

inline bool is_scalar_attribute(hid_t object, const std::string& name) {
    require_compact_attributes(object);
    const Attribute attribute(
        check_id(H5Aopen(object, name.c_str(), H5P_DEFAULT), "open attribute " + name));
    const Dataspace space(check_id(H5Aget_space(attribute.get()), "shape attribute " + name));
    return H5Sget_simple_extent_type(space.get()) == H5S_SCALAR;
}

template <class T>
void write_scalar_attribute(hid_t object, std::string_view name_view, hid_t file_type,
                            hid_t memory_type, T value) {
    const std::string name(name_view);
    const Dataspace space(check_id(H5Screate(H5S_SCALAR), "create a scalar dataspace"));
    if (H5Aexists(object, name.c_str()) > 0) {
        check(H5Adelete(object, name.c_str()), "replace attribute " + name);
    }
    const Attribute attribute(
        check_id(H5Acreate2(object, name.c_str(), file_type, space.get(), H5P_DEFAULT, H5P_DEFAULT),
                 "create attribute " + name));
    check(H5Awrite(attribute.get(), memory_type, &value), "write attribute " + name);
}

// A stored number type libhdf5 can convert without trusting its layout fields: one of the
// standard IEEE floats or integers, either byte order (what every writer makes). A type message
// can declare anything else (a float of 183 bits, its exponent inside its mantissa), and
// libhdf5 1.10.8's conversion of such a type read past its buffer (docs/hardening.md).
inline void require_standard_number(hid_t stored, const std::string& name) {
    for (const hid_t standard :
         {H5T_IEEE_F64LE, H5T_IEEE_F32LE, H5T_IEEE_F64BE, H5T_IEEE_F32BE, H5T_STD_I64LE,
          H5T_STD_U64LE,  H5T_STD_I32LE,  H5T_STD_U32LE,  H5T_STD_I16LE,  H5T_STD_U16LE,
          H5T_STD_I8LE,   H5T_STD_U8LE,   H5T_STD_I64BE,  H5T_STD_U64BE,  H5T_STD_I32BE,
          H5T_STD_U32BE,  H5T_STD_I16BE,  H5T_STD_U16BE,  H5T_STD_I8BE,   H5T_STD_U8BE}) {
        if (H5Tequal(stored, standard) > 0) return;
    }
    throw std::runtime_error(name + " is not stored as a standard integer or float (damaged?)");
}

// The same for a dataset's stored type, before any read of its numbers.
inline void require_standard_numbers(hid_t dataset, const std::string& name) {
    const Datatype stored(check_id(H5Dget_type(dataset), "type " + name));
    require_standard_number(stored.get(), name);
}

template <class T>
T read_scalar_attribute(hid_t object, std::string_view name_view, hid_t memory_type) {
    const std::string name(name_view);
    require_compact_attributes(object);
    const Attribute attribute(
        check_id(H5Aopen(object, name.c_str(), H5P_DEFAULT), "open attribute " + name));
    require_single_element(attribute.get(), name);
    const Datatype stored(check_id(H5Aget_type(attribute.get()), "type attribute " + name));
    require_standard_number(stored.get(), "attribute " + name);
    T value{};
    check(H5Aread(attribute.get(), memory_type, &value), "read attribute " + name);
    return value;
}

// Names of the links in a group, in name order.
inline std::vector<std::string> link_names(hid_t group) {
    H5G_info_t info;
    check(H5Gget_info(group, &info), "list a group");
    std::vector<std::string> names;
    for (hsize_t i = 0; i < info.nlinks; ++i) {
        const ssize_t length =
            H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
        if (length < 0) throw std::runtime_error("HDF5: cannot list a group");
        std::string name(static_cast<std::size_t>(length) + 1, '\0');
        check(static_cast<herr_t>(H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i,
                                                     name.data(), name.size(), H5P_DEFAULT)),
              "list a group");
        name.resize(static_cast<std::size_t>(length));
        names.push_back(std::move(name));
    }
    return names;
}

// Names of the attributes of an object, in the order HDF5 lists them.
inline std::vector<std::string> attribute_names(hid_t object) {
    require_compact_attributes(object);
    H5O_info_t info;
    check(H5Oget_info2(object, &info, H5O_INFO_NUM_ATTRS), "count attributes");
    std::vector<std::string> names;
    for (hsize_t i = 0; i < info.num_attrs; ++i) {
        const ssize_t length =
            H5Aget_name_by_idx(object, ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
        if (length < 0) throw std::runtime_error("HDF5: cannot list attributes");
        std::string name(static_cast<std::size_t>(length) + 1, '\0');
        check(static_cast<herr_t>(H5Aget_name_by_idx(object, ".", H5_INDEX_NAME, H5_ITER_INC, i,
                                                     name.data(), name.size(), H5P_DEFAULT)),
              "list attributes");
        name.resize(static_cast<std::size_t>(length));
        names.push_back(std::move(name));
    }
    return names;
}

// Copies one attribute between objects (possibly in different files), keeping its type, except
// that strings go through the string helpers and so are stored fixed-length (utf8_string_type);
// everything else is copied as raw values of its native type.
inline void copy_attribute(hid_t source, hid_t target, std::string_view name_view) {
    const std::string name(name_view);
    require_compact_attributes(source);
    const Attribute attribute(
        check_id(H5Aopen(source, name.c_str(), H5P_DEFAULT), "open attribute " + name));
    const Datatype stored(check_id(H5Aget_type(attribute.get()), "type attribute " + name));
    if (H5Tget_class(stored.get()) == H5T_STRING) {
        if (is_scalar_attribute(source, name)) {
            write_string_attribute(target, name, read_string_attribute(source, name));
        } else {
            write_string_array_attribute(target, name, read_string_array_attribute(source, name));
        }
        return;
    }
    const Dataspace space(check_id(H5Aget_space(attribute.get()), "shape attribute " + name));
    const Datatype memory(
        check_id(H5Tget_native_type(stored.get(), H5T_DIR_DEFAULT), "type attribute " + name));
    const hssize_t points = H5Sget_simple_extent_npoints(space.get());
    if (points < 0) throw std::runtime_error("HDF5: cannot size attribute " + name);
    std::vector<unsigned char> bytes(static_cast<std::size_t>(points) * H5Tget_size(memory.get()));
    check(H5Aread(attribute.get(), memory.get(), bytes.data()), "read attribute " + name);
    if (H5Aexists(target, name.c_str()) > 0) {
        check(H5Adelete(target, name.c_str()), "replace attribute " + name);
    }
    const Attribute copy(check_id(
        H5Acreate2(target, name.c_str(), stored.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
        "create attribute " + name));
    check(H5Awrite(copy.get(), memory.get(), bytes.data()), "write attribute " + name);
}

// Whether `object` has the attribute: looked up only among compact attributes.
inline bool attribute_exists(hid_t object, std::string_view name) {
    require_compact_attributes(object);
    return H5Aexists(object, std::string(name).c_str()) > 0;
}

// A string dataset says it is UTF-8 (layout::encoding_attribute), so xarray gives str.
inline void declare_utf8(hid_t dataset) {
    write_string_attribute(dataset, layout::encoding_attribute, layout::encoding_utf8);
}

// Every dataset says what it holds, so a file is readable without this program's source.
inline void describe(hid_t dataset, std::string_view description, std::string_view units) {
    write_string_attribute(dataset, layout::description_attribute, description);
    write_string_attribute(dataset, layout::units_attribute, units);
}

// A text of the root (the scenario, the command line, the sweep's description): an attribute
// while it fits one (max_attribute_text_bytes); a longer one (a sweep over many levels, a
// scenario of many parameters) is a scalar string dataset of the same name at the root, whose
// raw bytes libhdf5 copies without decoding them, and the attribute then says where it is.
inline void write_root_text(hid_t file, std::string_view name_view, std::string_view text) {
    const std::string name(name_view);
    if (link_exists(file, name)) {
        throw std::logic_error("the root text " + name + " would replace the link " + name);
    }
    if (text.size() <= max_attribute_text_bytes) {
        write_string_attribute(file, name, text);
        return;
    }
    if (text.size() > max_root_text_bytes) {
        throw std::length_error(name + " is " + std::to_string(text.size()) +
                                " bytes, more than the " + std::to_string(max_root_text_bytes) +
                                " a results file keeps");
    }
    const Datatype type = utf8_string_type(text.size());
    const Dataspace space(check_id(H5Screate(H5S_SCALAR), "create a scalar dataspace"));
    const PropertyList creation = compact_attribute_properties(H5P_DATASET_CREATE);
    const Dataset dataset(check_id(H5Dcreate2(file, name.c_str(), type.get(), space.get(),
                                              H5P_DEFAULT, creation.get(), H5P_DEFAULT),
                                   "create dataset " + name));
    check(H5Dwrite(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, text.data()),
          "write dataset " + name);
    declare_utf8(dataset.get());
    describe(dataset.get(), "The root attribute " + name + ", too long to be an attribute", "text");
    // Piece by piece: g++ 12 gives a false -Wrestrict on "(" + std::string.
    std::string notice = std::to_string(text.size());
    notice += " bytes, too long for an attribute: the dataset /";
    notice += name;
    notice += " holds it";
    write_string_attribute(file, name, notice);
}

// The text write_root_text wrote, from the dataset when there is one.
inline std::string read_root_text(hid_t file, std::string_view name_view) {
    const std::string name(name_view);
    if (!link_exists(file, name)) return read_string_attribute(file, name);
    const std::string what = "dataset /" + name;
    const Dataset dataset(check_id(H5Dopen2(file, name.c_str(), H5P_DEFAULT), "open " + what));
    if (!dimensions(dataset.get(), what).empty()) {
        throw std::runtime_error(what + " is not a single text");
    }
    const Datatype stored(check_id(H5Dget_type(dataset.get()), "type " + what));
    if (H5Tget_class(stored.get()) != H5T_STRING || H5Tis_variable_str(stored.get()) > 0) {
        throw std::runtime_error(what + " is not a fixed-length text");
    }
    if (H5Tget_size(stored.get()) > max_root_text_bytes) {
        throw std::runtime_error(what + " declares " + std::to_string(H5Tget_size(stored.get())) +
                                 " bytes, more than the " + std::to_string(max_root_text_bytes) +
                                 " a results file keeps (damaged?)");
    }
    return read_string_dataset(dataset.get(), 1, what).front();
}

}  // namespace partnersim::hdf5
