#include "io/analysis_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <memory>

#include "io/analysis_columns.hpp"
#include "io/hdf5_handles.hpp"
#include "io/hdf5_reader.hpp"
#include "io/results_layout.hpp"

namespace partnersim::analysis {
namespace {

using namespace partnersim::hdf5;

void write_numbers(hid_t group, const std::string& name, const std::vector<double>& values,
                   const ColumnDescription& about) {
    const hsize_t size = values.size();
    const Dataspace space(check_id(H5Screate_simple(1, &size, nullptr), "shape " + name));
    const PropertyList creation = compact_attribute_properties(H5P_DATASET_CREATE);
    const Dataset dataset(check_id(H5Dcreate2(group, name.c_str(), H5T_IEEE_F64LE, space.get(),
                                              H5P_DEFAULT, creation.get(), H5P_DEFAULT),
                                   "create " + name));
    if (size > 0) {
        check(H5Dwrite(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                       values.data()),
              "write " + name);
    }
    describe(dataset.get(), about.description, about.units);
}

void write_text(hid_t group, const std::string& name, const std::vector<std::string>& values,
                const ColumnDescription& about) {
    const hsize_t size = values.size();
    const Datatype type = utf8_string_type(string_width(values));
    const Dataspace space(check_id(H5Screate_simple(1, &size, nullptr), "shape " + name));
    const PropertyList creation = compact_attribute_properties(H5P_DATASET_CREATE);
    const Dataset dataset(check_id(H5Dcreate2(group, name.c_str(), type.get(), space.get(),
                                              H5P_DEFAULT, creation.get(), H5P_DEFAULT),
                                   "create " + name));
    const std::vector<char> packed = packed_strings(values, H5Tget_size(type.get()));
    if (size > 0) {
        check(H5Dwrite(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, packed.data()),
              "write " + name);
    }
    describe(dataset.get(), about.description, about.units);
    declare_utf8(dataset.get());
}

hsize_t length_of(hid_t dataset, const std::string& name) {
    const Dataspace space(check_id(H5Dget_space(dataset), "shape " + name));
    hsize_t size = 0;
    if (H5Sget_simple_extent_ndims(space.get()) != 1) {
        throw std::runtime_error("column " + name + " is not one-dimensional");
    }
    H5Sget_simple_extent_dims(space.get(), &size, nullptr);
    return size;
}

std::vector<double> read_numbers(hid_t dataset, const std::string& name) {
    require_standard_numbers(dataset, name);
    std::vector<double> values(length_of(dataset, name));
    if (!values.empty()) {
        check(H5Dread(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
              "read " + name);
    }
    return values;
}

std::vector<std::string> read_text(hid_t dataset, const std::string& name) {
    return read_string_dataset(dataset, length_of(dataset, name), name);
}

bool is_text(hid_t dataset) {
    const Datatype type(check_id(H5Dget_type(dataset), "type a column"));
    return H5Tget_class(type.get()) == H5T_STRING;
}

// Column order is kept in an attribute, since HDF5 lists links by name.
std::string joined(const std::vector<std::string>& names) {
    std::string text;
    for (const auto& n : names) text += (text.empty() ? "" : ",") + n;
    return text;
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> names;
    std::size_t start = 0;
    while (start <= text.size() && !text.empty()) {
        const std::size_t comma = text.find(',', start);
        names.push_back(text.substr(start, comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return names;
}

StoredTable read_group(hid_t file, const std::string& name) {
    const Group group(check_id(H5Gopen2(file, name.c_str(), H5P_DEFAULT), "open " + name));
    StoredTable stored;
    stored.key = read_string_attribute(group.get(), layout::analysis_key_attribute);
    stored.table.name = name;
    stored.table.description = read_string_attribute(group.get(), layout::description_attribute);
    for (const auto& column :
         split(read_string_attribute(group.get(), layout::analysis_columns_attribute))) {
        const std::string path = name + "/" + column;
        const Dataset dataset(
            check_id(H5Dopen2(group.get(), column.c_str(), H5P_DEFAULT), "open " + path));
        if (is_text(dataset.get())) {
            stored.table.text_columns.push_back(column);
            stored.table.text.push_back(read_text(dataset.get(), path));
        } else {
            stored.table.number_columns.push_back(column);
            stored.table.numbers.push_back(read_numbers(dataset.get(), path));
        }
    }
    return stored;
}

void write_group(hid_t file, const StoredTable& stored) {
    const AnalysisTable& table = stored.table;
    const PropertyList creation = compact_attribute_properties(H5P_GROUP_CREATE);
    const Group group(
        check_id(H5Gcreate2(file, table.name.c_str(), H5P_DEFAULT, creation.get(), H5P_DEFAULT),
                 "create group " + table.name));
    write_string_attribute(group.get(), layout::description_attribute, table.description);
    write_string_attribute(group.get(), layout::analysis_key_attribute, stored.key);
    std::vector<std::string> columns = table.text_columns;
    columns.insert(columns.end(), table.number_columns.begin(), table.number_columns.end());
    write_string_attribute(group.get(), layout::analysis_columns_attribute, joined(columns));
    for (std::size_t c = 0; c < table.text_columns.size(); ++c) {
        write_text(group.get(), table.text_columns[c], table.text[c],
                   describe_column(table, table.text_columns[c]));
    }
    for (std::size_t c = 0; c < table.number_columns.size(); ++c) {
        write_numbers(group.get(), table.number_columns[c], table.numbers[c],
                      describe_column(table, table.number_columns[c]));
    }
}

}  // namespace

std::filesystem::path analysis_path_for(const std::filesystem::path& results) {
    return layout::analysis_path_for(results);
}

std::string results_identity(const std::filesystem::path& results) {
    return ResultsFile(results).identity();
}

std::vector<StoredTable> read_analysis_file(const std::filesystem::path& path) {
    if (!std::filesystem::exists(path)) return {};
    return naming_path(path, [&] {
        const File file = open_for_reading(path);
        std::vector<StoredTable> tables;
        for (const auto& name : link_names(file.get()))
            tables.push_back(read_group(file.get(), name));
        return tables;
    });
}

std::optional<std::vector<AnalysisTable>> find_tables(const std::filesystem::path& path,
                                                      const std::vector<std::string>& names,
                                                      const std::string& key) {
    const std::vector<StoredTable> all = read_analysis_file(path);
    std::vector<AnalysisTable> found;
    for (const auto& name : names) {
        const auto match = std::find_if(all.begin(), all.end(), [&](const StoredTable& stored) {
            return stored.table.name == name && stored.key == key;
        });
        if (match == all.end()) return std::nullopt;
        found.push_back(match->table);
    }
    return found;
}

std::optional<AnalysisTable> find_table(const std::filesystem::path& path, const std::string& name,
                                        const std::string& key) {
    auto found = find_tables(path, {name}, key);
    if (!found) return std::nullopt;
    return std::move(found->front());
}

namespace {

// Two commands storing analyses beside the same results at once (analyze and discover in two
// terminals) would each read, change and write the whole file, and one's tables would be lost.
// An exclusive lock on the folder serialises them. The folder rather than the file: HDF5 takes
// its own locks on the files it opens, and a lock file would be left behind.
class FolderLock {
public:
    explicit FolderLock(const std::filesystem::path& file) {
        const auto folder = std::filesystem::absolute(file).parent_path();
        descriptor_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (descriptor_ < 0) throw std::runtime_error("cannot open folder " + folder.string());
        while (::flock(descriptor_, LOCK_EX) != 0) {
            if (errno != EINTR) {
                ::close(descriptor_);
                throw std::runtime_error("cannot lock folder " + folder.string());
            }
        }
    }
    ~FolderLock() { ::close(descriptor_); }  // closing releases the lock
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

private:
    int descriptor_ = -1;
};

void write_file(const std::filesystem::path& path, const std::vector<StoredTable>& all) {
    // A name of this process's own, so a crashed writer's leftover never collides.
    std::filesystem::path partial = path;
    partial += ".";  // piece by piece: g++ 12 gives a false -Wrestrict on "." + std::string
    partial += std::to_string(::getpid());
    partial += ".partial";
    naming_path(partial, [&] {
        silence_automatic_error_printing();
        const PropertyList access(
            check_id(H5Pcreate(H5P_FILE_ACCESS), "create file access properties"));
        use_checksummed_layout(access.get());
        const PropertyList creation = compact_attribute_properties(H5P_FILE_CREATE);
        File file(check_id(H5Fcreate(partial.c_str(), H5F_ACC_TRUNC, creation.get(), access.get()),
                           "create the file"));
        write_string_attribute(file.get(), layout::description_attribute,
                               layout::analysis_file_description);
        write_string_attribute(file.get(), layout::partnersim_version_attribute,
                               PARTNERSIM_VERSION);
        for (const auto& stored : all) write_group(file.get(), stored);
        check(file.close(), "close the file");
    });
    std::filesystem::rename(partial, path);
}

}  // namespace

void store_tables(const std::filesystem::path& path, const std::vector<StoredTable>& tables,
                  const std::function<bool(const StoredTable&)>& keep) {
    const FolderLock lock(path);
    std::vector<StoredTable> all = read_analysis_file(path);
    if (keep) std::erase_if(all, [&](const StoredTable& s) { return !keep(s); });
    for (const auto& table : tables) {
        std::erase_if(all, [&](const StoredTable& s) { return s.table.name == table.table.name; });
        all.push_back(table);
    }
    write_file(path, all);
}

}  // namespace partnersim::analysis
