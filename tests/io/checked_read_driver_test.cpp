#include "io/checked_read_driver.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/error.hpp"
#include "io/hdf5_handles.hpp"
#include "io/hdf5_reader.hpp"
#include "io/hdf5_writer.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

// A global heap collection as libhdf5 writes one (8-byte lengths): "GCOL", version 1, its
// size, then each object's header (index, references, reserved, size) and data padded to 8,
// and the rest of the collection as the free-space object (index 0).
class Collection {
public:
    explicit Collection(std::size_t size) : bytes_(size, 0) {
        std::memcpy(bytes_.data(), "GCOL", 4);
        bytes_[4] = 1;
        put(8, size);
    }
    // Appends an object of `data_bytes` bytes; returns the offset of its header.
    std::size_t add(std::uint16_t index, std::uint64_t data_bytes) {
        const std::size_t at = next_;
        put16(at, index);
        put(at + 8, data_bytes);
        next_ += 16 + (data_bytes + 7) / 8 * 8;
        return at;
    }
    // The free-space object over the rest; returns the offset of its header.
    std::size_t add_free_space() {
        const std::size_t at = next_;
        put16(at, 0);
        put(at + 8, bytes_.size() - at);
        next_ = bytes_.size();
        return at;
    }
    void put(std::size_t at, std::uint64_t value) {
        for (int i = 0; i < 8; ++i) bytes_[at + i] = static_cast<unsigned char>(value >> (8 * i));
    }
    void put16(std::size_t at, std::uint16_t value) {
        bytes_[at] = static_cast<unsigned char>(value);
        bytes_[at + 1] = static_cast<unsigned char>(value >> 8);
    }
    std::string problem(std::size_t read_bytes = 0) const {
        return hdf5::global_heap_problem(bytes_.data(), read_bytes ? read_bytes : bytes_.size(), 8,
                                         1000);
    }

private:
    std::vector<unsigned char> bytes_;
    std::size_t next_ = 16;
};

// Zeroes the header of the first object of the file's first global heap collection (index 0,
// size 0: the walk libhdf5 1.10 never ends).
void zero_first_heap_object(const std::filesystem::path& path) {
    std::string bytes = test::read_file_bytes(path);
    const std::size_t heap = bytes.find("GCOL\x01");
    ASSERT_NE(heap, std::string::npos);
    std::fill_n(bytes.begin() + static_cast<std::ptrdiff_t>(heap + 16), 16, '\0');
    test::write_text_file(path, bytes);
}

TEST(CheckedReadDriver, ACollectionItsObjectsTileExactlyPasses) {
    Collection heap(4096);
    heap.add(1, 5);
    heap.add(2, 0x48);
    heap.add(4, 17);  // index 3 removed: gaps are normal after an attribute is rewritten
    heap.add_free_space();
    EXPECT_EQ(heap.problem(), "");
}

TEST(CheckedReadDriver, AFullCollectionWithoutFreeSpacePasses) {
    Collection heap(4096);
    heap.add(1, 4096 - 16 - 16);
    EXPECT_EQ(heap.problem(), "");
}

TEST(CheckedReadDriver, BytesThatAreNoCollectionPass) {
    std::vector<unsigned char> chunk(4096, 0);
    std::memcpy(chunk.data(), "GCOX", 4);
    EXPECT_EQ(hdf5::global_heap_problem(chunk.data(), chunk.size(), 8, 0), "");
    chunk[3] = 'L';
    chunk[4] = 2;  // a version libhdf5 refuses itself
    EXPECT_EQ(hdf5::global_heap_problem(chunk.data(), chunk.size(), 8, 0), "");
}

// The cache first reads 4096 bytes of a larger collection, then the declared size: the first
// read is not the whole collection and is left to the second.
TEST(CheckedReadDriver, TheStartOfALargerCollectionIsLeftToItsWholeRead) {
    Collection heap(8192);
    heap.add(1, 5);
    const std::size_t free = heap.add_free_space();
    heap.put(free + 8, 0);
    EXPECT_EQ(heap.problem(4096), "");
    EXPECT_NE(heap.problem(), "");
}

// The hang of issue 16: free space of size 0 never advances libhdf5 1.10's walk.
TEST(CheckedReadDriver, FreeSpaceOfSizeZeroIsRefused) {
    Collection heap(4096);
    heap.add(1, 5);
    const std::size_t free = heap.add_free_space();
    heap.put(free + 8, 0);
    const std::string problem = heap.problem();
    EXPECT_NE(problem.find("free space of size 0"), std::string::npos) << problem;
    EXPECT_NE(problem.find("collection at byte 1000"), std::string::npos) << problem;
}

// An object header zeroed in the middle (what the fuzzer found most often): index 0, size 0.
TEST(CheckedReadDriver, AZeroedObjectHeaderIsRefused) {
    Collection heap(4096);
    heap.add(1, 5);
    const std::size_t zeroed = heap.add(2, 40);
    heap.add(3, 7);
    heap.add_free_space();
    heap.put(zeroed, 0);
    heap.put(zeroed + 8, 0);
    EXPECT_NE(heap.problem().find("free space of size 0"), std::string::npos);
}

// A size past the collection's end would make H5HG_read copy bytes from beyond it.
TEST(CheckedReadDriver, AnObjectPastTheCollectionsEndIsRefused) {
    Collection heap(4096);
    const std::size_t object = heap.add(1, 5);
    heap.add_free_space();
    heap.put(object + 8, 4090);
    EXPECT_NE(heap.problem().find("runs past the collection's end"), std::string::npos);
    heap.put(object + 8, std::uint64_t{1} << 62);  // would wrap libhdf5's pointer arithmetic
    EXPECT_NE(heap.problem().find("more than the 4096 of the collection"), std::string::npos);
}

TEST(CheckedReadDriver, ACollectionSmallerThanLibhdf5MakesIsRefused) {
    Collection heap(4096);
    heap.put(8, 8);  // libhdf5 would size its object table from (8 - 16) / 16 + 2
    EXPECT_NE(heap.problem().find("less than the 4096"), std::string::npos);
}

// --- Through the reader -----------------------------------------------------------------------

herr_t note_object(hid_t, const char* name, const H5O_info_t*, void* paths) {
    static_cast<std::vector<std::string>*>(paths)->emplace_back(name);
    return 0;
}

// The fuzzer's finding, minimised: in the oldest-layout corpus file, the free-space object of
// the collection holding the command_line attribute says size 0 (was 0x20); in the second file
// the collection also declares 8192 bytes (was 4096), so the cache reads it in two parts.
// Debian's h5dump -a /command_line hangs on both. Both files are in HDF5's oldest layout, which
// the readers now refuse before reading anything of them.
TEST(CheckedReadDriver, TheFuzzersHangsAreLocatedInputErrors) {
    for (const char* name :
         {"hang-gheap-free-space-size-zero.h5", "hang-gheap-two-part-read-free-space-size-zero.h5",
          "oldest-layout-two-runs-two-months.h5"}) {
        const std::filesystem::path path =
            std::filesystem::path(PARTNERSIM_SOURCE_DIR) / "tests/fuzz/corpus/results" / name;
        ASSERT_TRUE(std::filesystem::exists(path)) << path;
        try {
            const ResultsFile file(path);
            ADD_FAILURE() << "the damaged file was read: " << path;
        } catch (const InputError& error) {
            const std::string message = error.what();
            EXPECT_NE(message.find(path.string()), std::string::npos) << message;
            EXPECT_NE(message.find("oldest layout (superblock version 0)"), std::string::npos)
                << message;
        }
    }
}

TEST(CheckedReadDriver, TheUndamagedCorpusFileStillReads) {
    const std::filesystem::path path = std::filesystem::path(PARTNERSIM_SOURCE_DIR) /
                                       "tests/fuzz/corpus/results/two-runs-two-months.h5";
    const ResultsFile file(path);
    EXPECT_NE(file.info().metadata.command_line.find("partnersim run"), std::string::npos);
    EXPECT_EQ(file.shape().months, 2);
}

// The corpus file as partnersim wrote it on 3 Dec 2026: the 1.10 layout, but the root's 12
// attributes in dense storage, the scenario (38 KB) a fractal-heap huge object without a
// checksum (the second 10^6 fuzz run overran a heap buffer in libhdf5 from a damaged byte of
// it). Refused before any attribute is looked up, undamaged or with any byte of the huge
// object's head flipped (the attribute's name, type and shape, which libhdf5 decodes).
TEST(CheckedReadDriver, AFileWithDenseAttributeStorageIsRefused) {
    hdf5::silence_automatic_error_printing();
    const std::filesystem::path original =
        std::filesystem::path(PARTNERSIM_SOURCE_DIR) /
        "tests/fuzz/corpus/results/dense-attributes-two-runs-two-months.h5";
    const std::string bytes = test::read_file_bytes(original);
    // The huge object: the attribute message whose data is the scenario text.
    const std::size_t text = bytes.find("# partnersim scenario");
    ASSERT_NE(text, std::string::npos);
    const std::size_t name = bytes.rfind("scenario", text - 1);
    ASSERT_NE(name, std::string::npos);
    ASSERT_LT(text - name, 200u);
    const test::TempDir dir;
    std::vector<std::size_t> flips{std::string::npos};  // npos: undamaged
    for (std::size_t at = name - 8; at < text; ++at) flips.push_back(at);
    for (const std::size_t at : flips) {
        std::string damaged = bytes;
        if (at != std::string::npos) damaged[at] = static_cast<char>(damaged[at] ^ 0x5a);
        const std::filesystem::path path = dir / "dense.h5";
        test::write_text_file(path, damaged);
        try {
            const ResultsFile file(path);
            ADD_FAILURE() << "read a file with dense attribute storage, byte " << at;
        } catch (const InputError& error) {
            const std::string message = error.what();
            EXPECT_TRUE(test::contains(message, path.string())) << message;
            EXPECT_TRUE(test::contains(message, "the attributes of / are in HDF5's dense"))
                << message;
            EXPECT_TRUE(test::contains(message, hdf5::remaking_an_older_file())) << message;
        }
    }
}

// Objects of `path` whose attributes are in dense storage (by path, the root "/").
std::vector<std::string> dense_attribute_objects(const std::filesystem::path& path) {
    const hdf5::File file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
    std::vector<std::string> objects{"."};
    H5Ovisit2(file.get(), H5_INDEX_NAME, H5_ITER_INC, note_object, &objects, H5O_INFO_BASIC);
    std::vector<std::string> dense;
    for (const std::string& object : objects) {
        H5O_info_t info;
        H5Oget_info_by_name2(file.get(), object.c_str(), &info, H5O_INFO_META_SIZE, H5P_DEFAULT);
        if (info.meta_size.attr.index_size > 0 || info.meta_size.attr.heap_size > 0) {
            dense.push_back(object == "." ? "/" : object);
        }
    }
    return dense;
}

// A block of each kind, as libhdf5 hands it to the driver: its first bytes, zero-padded.
std::vector<unsigned char> block(std::string_view start, std::size_t size = 64) {
    std::vector<unsigned char> bytes(size, 0);
    std::memcpy(bytes.data(), start.data(), start.size());
    return bytes;
}

std::string problem_of(H5FD_mem_t type, const std::vector<unsigned char>& bytes) {
    return hdf5::metadata_problem(type, bytes.data(), bytes.size(), 4096);
}

TEST(CheckedReadDriver, EveryChecksummedBlockOfThe110LayoutPasses) {
    for (const char* header :
         {"OHDR", "OCHK", "FRHP", "FHIB", "FSHD", "SMTB", "EAHD", "EAIB", "FAHD"}) {
        EXPECT_EQ(problem_of(H5FD_MEM_OHDR, block(header)), "") << header;
    }
    for (const char* node : {"BTHD", "BTIN", "BTLF", "SMLI", "EASB"}) {
        EXPECT_EQ(problem_of(H5FD_MEM_BTREE, block(node)), "") << node;
    }
    // Data blocks (and their unsigned pages) are checked by libhdf5's checksums.
    for (const char* data : {"FHDB", "FSSE", "EADB", "FADB", "\x12\x34\x56\x78"}) {
        EXPECT_EQ(problem_of(H5FD_MEM_LHEAP, block(data)), "") << data;
    }
    const std::string superblock_v3("\x89HDF\r\n\x1a\n\x03", 9);
    EXPECT_EQ(problem_of(H5FD_MEM_SUPER, block(superblock_v3)), "");
    EXPECT_EQ(problem_of(H5FD_MEM_SUPER, block("\x89HDF\r\n\x1a\n", 8)), "");  // the search
    // Raw data is the readers' to check: anything passes.
    EXPECT_EQ(problem_of(H5FD_MEM_DRAW, block("TREE")), "");
}

TEST(CheckedReadDriver, EveryBlockWithoutAChecksumIsRefused) {
    const std::string superblock_v0("\x89HDF\r\n\x1a\n\x00", 9);
    const std::string v0 = problem_of(H5FD_MEM_SUPER, block(superblock_v0));
    EXPECT_TRUE(test::contains(v0, "oldest layout (superblock version 0)")) << v0;
    // A version-1 object header begins with its version, 1; a version-2 header whose signature
    // a flipped bit damaged is no block at all.
    const std::string v1_header =
        problem_of(H5FD_MEM_OHDR, block(std::string("\x01\x00\x05\x00", 4)));
    EXPECT_TRUE(test::contains(v1_header, "object header at byte 4096")) << v1_header;
    EXPECT_TRUE(test::contains(v1_header, "\\x01\\x00\\x05\\x00")) << v1_header;
    EXPECT_NE(problem_of(H5FD_MEM_OHDR, block("OHDQ")), "");
    EXPECT_NE(problem_of(H5FD_MEM_OHDR, block("TREE")), "");  // a block of another kind
    for (const char* old : {"TREE", "SNOD", "BTHE"}) {
        const std::string refused = problem_of(H5FD_MEM_BTREE, block(old));
        EXPECT_TRUE(test::contains(refused, "index node at byte 4096")) << old << refused;
    }
    const std::string heap = problem_of(H5FD_MEM_LHEAP, block("HEAP"));
    EXPECT_TRUE(test::contains(heap, "local heap at byte 4096")) << heap;
    // The way to a readable file is in every refusal.
    for (const std::string& refusal : {v0, v1_header, heap}) {
        EXPECT_TRUE(test::contains(refusal, "command_line attribute")) << refusal;
    }
}

// A file in HDF5's default (oldest) layout, as partnersim wrote direct files before 3 Dec
// 2026 and as h5py or h5repack write by default: refused as a located input error, not read.
TEST(CheckedReadDriver, AFileInTheOldestLayoutIsRefused) {
    hdf5::silence_automatic_error_printing();
    const test::TempDir dir;
    const std::filesystem::path path = dir / "oldest.h5";
    {
        const hdf5::File file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT));
        hdf5::write_string_attribute(file.get(), "s", "alpha");
    }
    EXPECT_EQ(test::read_file_bytes(path).at(8), '\0');  // superblock version 0
    try {
        (void)hdf5::open_for_reading(path);
        ADD_FAILURE() << "a file of the oldest layout was opened";
    } catch (const InputError& error) {
        EXPECT_TRUE(test::contains(error.what(), "superblock version 0")) << error.what();
    }
}

// Every attribute and dataset of a variable-length type in `path` (by its path, attributes as
// "object@name"), but for the dimension scales' DIMENSION_LIST, HDF5's convention, which no
// reader of partnersim's reads.

bool is_variable_length(hid_t type) {
    return H5Tget_class(type) == H5T_VLEN || H5Tis_variable_str(type) > 0 ||
           H5Tdetect_class(type, H5T_VLEN) > 0;
}

std::vector<std::string> variable_length_items(const std::filesystem::path& path) {
    const hdf5::File file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
    std::vector<std::string> objects;
    H5Ovisit2(file.get(), H5_INDEX_NAME, H5_ITER_INC, note_object, &objects, H5O_INFO_BASIC);
    std::vector<std::string> found;
    for (const std::string& object : objects) {
        const hdf5::Handle<H5Oclose> opened(H5Oopen(file.get(), object.c_str(), H5P_DEFAULT));
        H5O_info_t info;
        H5Oget_info2(opened.get(), &info, H5O_INFO_BASIC);
        if (info.type == H5O_TYPE_DATASET) {
            const hdf5::Datatype type(H5Dget_type(opened.get()));
            if (is_variable_length(type.get())) found.push_back(object);
        }
        for (const std::string& name : hdf5::attribute_names(opened.get())) {
            if (name == "DIMENSION_LIST") continue;
            const hdf5::Attribute attribute(H5Aopen(opened.get(), name.c_str(), H5P_DEFAULT));
            const hdf5::Datatype type(H5Aget_type(attribute.get()));
            if (is_variable_length(type.get())) found.push_back(object + "@" + name);
        }
    }
    return found;
}

// The layout of every file partnersim writes: superblock version 3, no variable-length string
// (so nothing a reader reads is in a global heap), and its strings read back as they were written,
// the empty one, a multi-byte UTF-8 one and ones of different lengths in one array included.
TEST(CheckedReadDriver, WrittenFilesAreChecksummedAndHoldNoGlobalHeap) {
    hdf5::silence_automatic_error_printing();
    for (const ResultsStorage storage : {ResultsStorage::direct, ResultsStorage::crash_safe}) {
        const test::TempDir dir;
        const std::filesystem::path path = dir / "results.h5";
        const std::string scenario = "[run]\nmonths = 3\n# Auswertung, évaluation\n";
        {
            Hdf5ResultWriter writer(path, ResultsShape{3},
                                    ResultsMetadata{"0.1.0", scenario, "", "2026-12-03T00:00:00Z"},
                                    {}, storage);
            writer.write(test::make_known_run(0, 3));
            writer.close();
        }
        EXPECT_EQ(test::read_file_bytes(path).at(8), '\3') << "superblock version";
        EXPECT_EQ(variable_length_items(path), std::vector<std::string>{})
            << "(storage " << static_cast<int>(storage) << ")";
        EXPECT_EQ(dense_attribute_objects(path), std::vector<std::string>{})
            << "(storage " << static_cast<int>(storage) << ")";
        const ResultsFile file(path);
        EXPECT_EQ(file.info().metadata.scenario_toml, scenario);
        EXPECT_EQ(file.info().metadata.command_line, "");
        EXPECT_EQ(file.info().metadata.partnersim_version, "0.1.0");
    }
    const test::TempDir dir;
    const std::filesystem::path path = dir / "strings.h5";
    const std::vector<std::string> values{"", "beta", "évaluation", std::string(300, 'x')};
    {
        const hdf5::PropertyList access(H5Pcreate(H5P_FILE_ACCESS));
        hdf5::use_checksummed_layout(access.get());
        const hdf5::File file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, access.get()));
        hdf5::write_string_array_attribute(file.get(), "list", values);
        hdf5::write_string_array_attribute(file.get(), "none", {});
        for (std::size_t i = 0; i < values.size(); ++i) {
            hdf5::write_string_attribute(file.get(), "s" + std::to_string(i), values[i]);
        }
    }
    const hdf5::File file = hdf5::open_for_reading(path);
    EXPECT_EQ(hdf5::read_string_array_attribute(file.get(), "list"), values);
    EXPECT_TRUE(hdf5::read_string_array_attribute(file.get(), "none").empty());
    for (std::size_t i = 0; i < values.size(); ++i) {
        EXPECT_EQ(hdf5::read_string_attribute(file.get(), "s" + std::to_string(i)), values[i]);
    }
}

// A bit flipped inside a checksummed object header: libhdf5 verifies the checksum before it
// parses the header, so the read fails as a located error (the oldest layout parsed it).
TEST(CheckedReadDriver, ADamagedObjectHeaderFailsItsChecksum) {
    hdf5::silence_automatic_error_printing();
    const test::TempDir dir;
    const std::filesystem::path path = dir / "results.h5";
    {
        Hdf5ResultWriter writer(path, ResultsShape{3},
                                ResultsMetadata{"0.1.0", "[run]\n", "run", "2026-12-03"}, {},
                                ResultsStorage::direct);
        writer.write(test::make_known_run(0, 3));
        writer.close();
    }
    // The object headers of the root, the groups and the datasets of every run (the readers
    // read all of them), by their addresses; "OHDR" elsewhere in the file may be stale bytes in
    // space freed when a header grew and moved.
    std::vector<std::pair<haddr_t, std::string>> addresses;  // and the object's path
    {
        const hdf5::File file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
        std::vector<std::string> objects{"/"};
        H5Ovisit2(file.get(), H5_INDEX_NAME, H5_ITER_INC, note_object, &objects, H5O_INFO_BASIC);
        for (const std::string& object : objects) {
            if (object != "/" && object.rfind("final", 0) != 0 &&
                object.rfind("timeseries", 0) != 0 && object.rfind("runs", 0) != 0) {
                continue;
            }
            H5O_info_t info;
            H5Oget_info_by_name2(file.get(), object.c_str(), &info, H5O_INFO_BASIC, H5P_DEFAULT);
            addresses.emplace_back(info.addr, object);
        }
    }
    const std::string bytes = test::read_file_bytes(path);
    std::size_t headers = 0;
    for (const auto& [at, object] : addresses) {
        ASSERT_EQ(bytes.substr(at, 4), "OHDR") << at;
        ++headers;
        std::string damaged = bytes;
        damaged[at + 12] = static_cast<char>(damaged[at + 12] ^ 0x10);
        const std::filesystem::path copy = dir / ("damaged-" + std::to_string(at) + ".h5");
        test::write_text_file(copy, damaged);
        try {
            const ResultsFile file(copy);
            (void)file.identity();
            for (const std::string& measure : file.info().measures) {
                (void)file.final_values(measure);
                (void)file.timeseries(measure);
            }
            ResultsRowReader rows(copy);
            (void)rows.runs(0, rows.rows());
            ADD_FAILURE() << "read a file with a damaged object header at byte " << at;
        } catch (const InputError& error) {
            EXPECT_TRUE(test::contains(error.what(), copy.string())) << error.what();
            // A dataset the file names but whose header is damaged is said to be so, by name.
            if (object != "/" && object.find('/') != std::string::npos) {
                EXPECT_TRUE(test::contains(error.what(), "cannot open dataset /" + object))
                    << error.what();
            }
        }
    }
    EXPECT_GT(headers, 40u);  // the root, 3 groups, 4 run columns, 2 x the measures
}

// Variable-length strings (partnersim's before 3 Dec 2026; h5py's default for str) are refused
// by every reader of a file read through the checked driver, before libhdf5 reads the heap.
enum class Holder { scalar_attribute, array_attribute, dataset };

hdf5::Datatype variable_length_string() {
    hdf5::Datatype type(H5Tcopy(H5T_C_S1));
    H5Tset_size(type.get(), H5T_VARIABLE);
    H5Tset_cset(type.get(), H5T_CSET_UTF8);
    return type;
}

std::filesystem::path write_variable_length(const test::TempDir& dir, Holder holder) {
    const std::filesystem::path path = dir / "strings.h5";
    const hdf5::PropertyList access(H5Pcreate(H5P_FILE_ACCESS));
    hdf5::use_checksummed_layout(access.get());
    const hdf5::File file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, access.get()));
    const std::vector<const char*> values{"alpha", "beta", "gamma"};
    const hdf5::Datatype type = variable_length_string();
    const hsize_t count = holder == Holder::scalar_attribute ? 1 : values.size();
    const hdf5::Dataspace space(holder == Holder::scalar_attribute
                                    ? H5Screate(H5S_SCALAR)
                                    : H5Screate_simple(1, &count, nullptr));
    if (holder == Holder::dataset) {
        const hdf5::Dataset dataset(H5Dcreate2(file.get(), "s", type.get(), space.get(),
                                               H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
        H5Dwrite(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data());
    } else {
        const hdf5::Attribute attribute(
            H5Acreate2(file.get(), "s", type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT));
        H5Awrite(attribute.get(), type.get(), values.data());
    }
    return path;
}

std::string read_back(const hdf5::File& file, Holder holder) {
    if (holder == Holder::scalar_attribute) return hdf5::read_string_attribute(file.get(), "s");
    if (holder == Holder::array_attribute) {
        return hdf5::read_string_array_attribute(file.get(), "s").at(2);
    }
    const hdf5::Dataset dataset(H5Dopen2(file.get(), "s", H5P_DEFAULT));
    return hdf5::read_string_dataset(dataset.get(), 3, "dataset s").at(2);
}

TEST(CheckedReadDriver, VariableLengthStringsAreRefusedUnread) {
    hdf5::silence_automatic_error_printing();
    for (const Holder holder :
         {Holder::scalar_attribute, Holder::array_attribute, Holder::dataset}) {
        const test::TempDir dir;
        const std::filesystem::path path = write_variable_length(dir, holder);
        {
            // A file partnersim has open itself (not through the driver) still reads them.
            const hdf5::File own(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
            EXPECT_EQ(read_back(own, holder),
                      holder == Holder::scalar_attribute ? "alpha" : "gamma");
        }
        // The heap the strings are in, zeroed: a read of it would fail or hang, a refusal
        // before it does not look at it.
        zero_first_heap_object(path);
        const hdf5::File file = hdf5::open_for_reading(path);
        try {
            read_back(file, holder);
            ADD_FAILURE() << "read a variable-length string, holder " << static_cast<int>(holder);
        } catch (const InputError& error) {
            const std::string message = error.what();
            EXPECT_TRUE(test::contains(message, "variable-length string")) << message;
            EXPECT_TRUE(
                test::contains(message, holder == Holder::dataset ? "dataset s" : "attribute s"))
                << message;
        }
    }
}

// A root text too long for an attribute (60 KiB; a scenario of many parameters, a sweep over
// many levels) is a root dataset of its name, and the attribute says where: every object's
// attributes stay in its checksummed header, the texts read back whole, and compaction (the
// crash-safe file) carries the design's text over.
TEST(CheckedReadDriver, ALongRootTextIsADataset) {
    hdf5::silence_automatic_error_printing();
    std::string scenario = "[run]\nmonths = 3\n";
    while (scenario.size() <= hdf5::max_attribute_text_bytes)
        scenario += "# évaluation 0123456789\n";
    const std::string command_line = "partnersim run " + std::string(70'000, 'c');
    const std::string sweep = "design: full factorial grid\n" + std::string(100'000, 's');
    const std::string short_sweep = "design: full factorial grid\n";
    for (const ResultsStorage storage : {ResultsStorage::direct, ResultsStorage::crash_safe}) {
        for (const bool long_texts : {true, false}) {
            const test::TempDir dir;
            const std::filesystem::path path = dir / "results.h5";
            const std::string text = long_texts ? scenario : "[run]\nmonths = 3\n";
            {
                Hdf5ResultWriter writer(
                    path, ResultsShape{3},
                    ResultsMetadata{"0.1.0", text, long_texts ? command_line : "run",
                                    "2026-12-04T00:00:00Z"},
                    [&](Hdf5ResultWriter& w) {
                        w.write_attribute("sweep", long_texts ? sweep : short_sweep);
                        w.write_attribute("design_points", std::uint64_t{1});
                        w.write_attribute("replicates_per_point", std::uint64_t{1});
                    },
                    storage);
                writer.write(test::make_known_run(0, 3));
                writer.close();
            }
            const std::string label = "storage " + std::to_string(static_cast<int>(storage)) +
                                      (long_texts ? ", long" : ", short");
            EXPECT_EQ(dense_attribute_objects(path), std::vector<std::string>{}) << label;
            const ResultsFile file(path);
            EXPECT_EQ(file.info().metadata.scenario_toml, text) << label;
            EXPECT_EQ(file.info().metadata.command_line, long_texts ? command_line : "run")
                << label;
            ASSERT_TRUE(file.design().has_value()) << label;
            EXPECT_EQ(file.design()->sweep, long_texts ? sweep : short_sweep) << label;
            const hdf5::File raw = hdf5::open_for_reading(path);
            for (const std::string_view name : layout::root_texts) {
                EXPECT_EQ(hdf5::link_exists(raw.get(), name), long_texts) << label << " " << name;
                const std::string attribute = hdf5::read_string_attribute(raw.get(), name);
                EXPECT_EQ(test::contains(attribute, "too long for an attribute: the dataset /" +
                                                        std::string(name) + " holds it"),
                          long_texts)
                    << label << " " << attribute.substr(0, 80);
            }
        }
    }
}

// An attribute that would leave its object's header is refused when written, so no file of ours
// is one the readers refuse.
TEST(CheckedReadDriver, AnAttributeTooLongForTheHeaderIsRefused) {
    hdf5::silence_automatic_error_printing();
    const test::TempDir dir;
    const std::filesystem::path path = dir / "strings.h5";
    const hdf5::PropertyList access(H5Pcreate(H5P_FILE_ACCESS));
    hdf5::use_checksummed_layout(access.get());
    const hdf5::PropertyList creation = hdf5::compact_attribute_properties(H5P_FILE_CREATE);
    const hdf5::File file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, creation.get(), access.get()));
    const std::size_t limit = hdf5::max_attribute_text_bytes;
    hdf5::write_string_attribute(file.get(), "fits", std::string(limit, 'x'));
    EXPECT_THROW(hdf5::write_string_attribute(file.get(), "long", std::string(limit + 1, 'x')),
                 std::length_error);
    EXPECT_THROW(hdf5::write_string_array_attribute(
                     file.get(), "list", std::vector<std::string>(61, std::string(1024, 'y'))),
                 std::length_error);
    // Many attributes stay compact too (HDF5's default moves them to dense storage past 8).
    for (int i = 0; i < 40; ++i)
        hdf5::write_string_attribute(file.get(), "a" + std::to_string(i), "v");
    H5O_info_t info;
    ASSERT_GE(H5Oget_info2(file.get(), &info, H5O_INFO_META_SIZE | H5O_INFO_NUM_ATTRS), 0);
    EXPECT_EQ(info.num_attrs, 41u);
    EXPECT_EQ(info.meta_size.attr.index_size + info.meta_size.attr.heap_size, 0u);
}

}  // namespace
}  // namespace partnersim
