#include "io/checked_read_driver.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "engine/error.hpp"
#include "io/hdf5_handles.hpp"
#include "io/hdf5_reader.hpp"
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

// The fuzzer's finding, minimised: in two-runs-two-months.h5, the free-space object of the
// collection holding the command_line attribute says size 0 (was 0x20); in the second file
// the collection also declares 8192 bytes (was 4096), so the cache reads it in two parts.
// Debian's h5dump -a /command_line hangs on both.
TEST(CheckedReadDriver, TheFuzzersHangsAreLocatedInputErrors) {
    for (const char* name : {"hang-gheap-free-space-size-zero.h5",
                             "hang-gheap-two-part-read-free-space-size-zero.h5"}) {
        const std::filesystem::path path =
            std::filesystem::path(PARTNERSIM_SOURCE_DIR) / "tests/fuzz/corpus/results" / name;
        ASSERT_TRUE(std::filesystem::exists(path)) << path;
        try {
            const ResultsFile file(path);
            ADD_FAILURE() << "the damaged file was read: " << path;
        } catch (const InputError& error) {
            const std::string message = error.what();
            EXPECT_NE(message.find(path.string()), std::string::npos) << message;
            EXPECT_NE(message.find("command_line"), std::string::npos) << message;
            EXPECT_NE(message.find("free space of size 0"), std::string::npos) << message;
        }
    }
}

TEST(CheckedReadDriver, TheUndamagedCorpusFileStillReads) {
    const std::filesystem::path path = std::filesystem::path(PARTNERSIM_SOURCE_DIR) /
                                       "tests/fuzz/corpus/results/two-runs-two-months.h5";
    const ResultsFile file(path);
    EXPECT_NE(file.info().metadata.command_line.find("partnersim run"), std::string::npos);
}

// Every kind of variable-length string read goes through the driver: a scalar attribute, an
// array attribute and a dataset, each in a file of its own whose collection is then damaged.
// large_collection: a scalar attribute whose string sits past the first 4096 bytes of a larger
// collection, which libhdf5's cache reads separately from the header.
enum class Holder { scalar_attribute, array_attribute, dataset, large_collection };

const std::string far_value(100, 'x');

std::filesystem::path write_strings(const test::TempDir& dir, Holder holder) {
    const std::filesystem::path path = dir / "strings.h5";
    const hdf5::File file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT));
    const std::vector<std::string> values{"alpha", "beta", "gamma"};
    if (holder == Holder::scalar_attribute) hdf5::write_string_attribute(file.get(), "s", "alpha");
    if (holder == Holder::large_collection) {
        hdf5::write_string_attribute(file.get(), "a", std::string(5000, 'y'));
        hdf5::write_string_attribute(file.get(), "s", far_value);
    }
    if (holder == Holder::array_attribute) {
        hdf5::write_string_array_attribute(file.get(), "s", values);
    }
    if (holder == Holder::dataset) {
        const hdf5::Datatype type = hdf5::utf8_string_type();
        const hsize_t count = values.size();
        const hdf5::Dataspace space(H5Screate_simple(1, &count, nullptr));
        const hdf5::Dataset dataset(H5Dcreate2(file.get(), "s", type.get(), space.get(),
                                               H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
        std::vector<const char*> data;
        for (const std::string& value : values) data.push_back(value.c_str());
        H5Dwrite(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data());
    }
    return path;
}

// Zeroes the header of the heap object holding `value` (index 0, size 0), as the fuzzer did.
void zero_object_header_of(const std::filesystem::path& path, const std::string& value) {
    std::fstream io(path, std::ios::in | std::ios::out | std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(io)), std::istreambuf_iterator<char>());
    const std::size_t heap = bytes.find("GCOL\x01");
    const std::size_t object = bytes.find(value, heap);
    ASSERT_NE(heap, std::string::npos);
    ASSERT_NE(object, std::string::npos);
    io.clear();  // reading to the end set eofbit, which would fail the seek
    io.seekp(static_cast<std::streamoff>(object - 16));
    const std::string zeros(16, '\0');
    io.write(zeros.data(), static_cast<std::streamsize>(zeros.size()));
}

std::string read_back(const std::filesystem::path& path, Holder holder) {
    const hdf5::File file = hdf5::open_for_reading(path);
    if (holder == Holder::scalar_attribute || holder == Holder::large_collection) {
        return hdf5::read_string_attribute(file.get(), "s");
    }
    if (holder == Holder::array_attribute) {
        return hdf5::read_string_array_attribute(file.get(), "s").at(2);
    }
    const hdf5::Dataset dataset(H5Dopen2(file.get(), "s", H5P_DEFAULT));
    const hdf5::Datatype type = hdf5::utf8_string_type();
    std::vector<char*> data(3, nullptr);
    hdf5::check(H5Dread(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()),
                "read dataset s");
    std::string third = data[2] ? data[2] : "";
    for (char* value : data) H5free_memory(value);
    return third;
}

TEST(CheckedReadDriver, EveryVariableLengthStringReadIsChecked) {
    hdf5::silence_automatic_error_printing();
    for (const Holder holder : {Holder::scalar_attribute, Holder::array_attribute, Holder::dataset,
                                Holder::large_collection}) {
        const test::TempDir dir;
        const std::filesystem::path path = write_strings(dir, holder);
        const std::string expected = holder == Holder::scalar_attribute   ? "alpha"
                                     : holder == Holder::large_collection ? far_value
                                                                          : "gamma";
        EXPECT_EQ(read_back(path, holder), expected);
        zero_object_header_of(path, holder == Holder::large_collection ? far_value : "alpha");
        try {
            read_back(path, holder);
            ADD_FAILURE() << "read a damaged collection, holder " << static_cast<int>(holder);
        } catch (const std::runtime_error& error) {
            const std::string message = error.what();
            EXPECT_NE(message.find("cannot read"), std::string::npos) << message;
            EXPECT_NE(message.find("free space of size 0"), std::string::npos) << message;
        }
    }
}

}  // namespace
}  // namespace partnersim
