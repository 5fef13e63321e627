#include "io/object_header_check.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/error.hpp"
#include "io/hdf5_handles.hpp"
#include "io/hdf5_reader.hpp"
#include "io/hdf5_writer.hpp"
#include "support/test_helpers.hpp"

extern "C" std::uint32_t H5_checksum_metadata(const void* data, std::size_t length,
                                              std::uint32_t initial);

namespace partnersim {
namespace {

using Bytes = std::vector<unsigned char>;

void put(Bytes& bytes, std::uint64_t value, std::size_t width) {
    for (std::size_t i = 0; i < width; ++i)
        bytes.push_back(static_cast<unsigned char>(value >> (8 * i)));
}

// A message of a header that does not track attribute creation order: type, size, flags, data.
Bytes message(unsigned type, const Bytes& data) {
    Bytes bytes{static_cast<unsigned char>(type)};
    put(bytes, data.size(), 2);
    bytes.push_back(0);
    bytes.insert(bytes.end(), data.begin(), data.end());
    return bytes;
}

void checksum(Bytes& chunk) {
    put(chunk, H5_checksum_metadata(chunk.data(), chunk.size(), 0), 4);
}

// A first chunk ("OHDR", version 2, no optional fields, a 2-byte chunk size) holding `messages`.
Bytes first_chunk(const std::vector<Bytes>& messages) {
    Bytes body;
    for (const Bytes& m : messages) body.insert(body.end(), m.begin(), m.end());
    Bytes chunk{'O', 'H', 'D', 'R', 2, 0x01};
    put(chunk, body.size(), 2);
    chunk.insert(chunk.end(), body.begin(), body.end());
    checksum(chunk);
    return chunk;
}

Bytes continuation_chunk(const std::vector<Bytes>& messages) {
    Bytes chunk{'O', 'C', 'H', 'K'};
    for (const Bytes& m : messages) chunk.insert(chunk.end(), m.begin(), m.end());
    checksum(chunk);
    return chunk;
}

std::string problem_of(const Bytes& chunk) {
    return hdf5::object_header_problem(chunk.data(), chunk.size(), 8, 4096);
}

// A version-3 fill value message with the fill value defined: flags 0x20, size, value.
Bytes fill_value(std::uint32_t declared, std::size_t held) {
    Bytes data{3, 0x20};
    put(data, declared, 4);
    data.resize(data.size() + held, 0);
    return data;
}

// A version-3 attribute message: name, a 4-byte integer type, a simple dataspace of `count`
// elements, and `held` bytes of value.
Bytes attribute(std::uint64_t count, std::size_t held) {
    const Bytes name{'a', 0};
    const Bytes type{0x10, 0x08, 0, 0, 4, 0, 0, 0, 0, 0, 32, 0};  // fixed-point, 4 bytes
    Bytes shape{2, 1, 0, 1};  // version 2, rank 1, no max, simple
    put(shape, count, 8);
    const Bytes& space = shape;
    Bytes data{3, 0};
    put(data, name.size(), 2);
    put(data, type.size(), 2);
    put(data, space.size(), 2);
    data.push_back(0);  // ASCII name
    for (const Bytes* part : {&name, &type, &space})
        data.insert(data.end(), part->begin(), part->end());
    data.resize(data.size() + held, 0);
    return data;
}

TEST(ObjectHeaderCheck, HonestMessagesPass) {
    const Bytes chunk = first_chunk({message(0x05, fill_value(8, 8)),
                                     message(0x0c, attribute(3, 12)), message(0x00, Bytes(6, 0))});
    EXPECT_EQ(hdf5::object_header_chunk_bytes(chunk.data(), chunk.size()), chunk.size());
    EXPECT_EQ(problem_of(chunk), "");
    EXPECT_EQ(problem_of(continuation_chunk({message(0x0c, attribute(3, 12))})), "");
}

TEST(ObjectHeaderCheck, AFillValueDeclaringMoreThanItHoldsIsRefused) {
    const std::string problem = problem_of(first_chunk({message(0x05, fill_value(4096, 8))}));
    EXPECT_TRUE(test::contains(problem, "fill value message declaring 4096 bytes, more than the 8"))
        << problem;
    EXPECT_TRUE(test::contains(problem, "the object header chunk at byte 4096")) << problem;
}

TEST(ObjectHeaderCheck, AnAttributeValuePastItsMessageIsRefused) {
    // 1,000 four-byte elements declared, 12 bytes held: libhdf5 would copy 4,000.
    const std::string problem = problem_of(first_chunk({message(0x0c, attribute(1000, 12))}));
    EXPECT_TRUE(test::contains(problem, "attribute message whose value (1000 x 4 bytes)"))
        << problem;
    // The same in a continuation, where both walks (with and without creation order) refuse.
    EXPECT_NE(problem_of(continuation_chunk({message(0x0c, attribute(1000, 12))})), "");
}

TEST(ObjectHeaderCheck, AMessagePastItsChunksEndIsRefused) {
    Bytes chunk = first_chunk({message(0x01, Bytes(8, 0))});
    chunk[8 + 1] = 0xff;  // the message's size: 255 bytes in a chunk of 12
    chunk.resize(chunk.size() - 4);
    checksum(chunk);
    EXPECT_TRUE(test::contains(problem_of(chunk), "declaring 255 bytes, past the chunk's end"))
        << problem_of(chunk);
}

TEST(ObjectHeaderCheck, AChunkWhoseChecksumFailsIsLeftToLibhdf5) {
    Bytes chunk = first_chunk({message(0x05, fill_value(4096, 8))});
    chunk.back() ^= 0x01;
    EXPECT_EQ(problem_of(chunk), "");
}

// The crafted fuzzer's finding: a results file whose /final/participation header, checksum
// recomputed, holds a fill value message shorter than its own fields; libhdf5 1.10.8 read past
// its buffer decoding it (release: a segmentation fault in summary). Refused before, named.
TEST(ObjectHeaderCheck, TheCraftedFillValueFileIsALocatedInputError) {
    hdf5::silence_automatic_error_printing();
    const std::filesystem::path path = std::filesystem::path(PARTNERSIM_SOURCE_DIR) /
                                       "tests/fuzz/corpus/results/crafted-fill-value-overread.h5";
    try {
        const ResultsFile file(path);
        ADD_FAILURE() << "read the crafted file";
    } catch (const InputError& error) {
        const std::string message = error.what();
        EXPECT_TRUE(test::contains(message, "cannot open dataset /final/participation")) << message;
        EXPECT_TRUE(test::contains(message, "fill value message")) << message;
    }
}

// Every object header of a file partnersim writes passes (the whole suite reads such files
// through the driver; this says it of each chunk directly).
TEST(ObjectHeaderCheck, EveryHeaderOfAWrittenFilePasses) {
    hdf5::silence_automatic_error_printing();
    const test::TempDir dir;
    const std::filesystem::path path = dir / "results.h5";
    {
        Hdf5ResultWriter writer(path, ResultsShape{3},
                                ResultsMetadata{"0.1.0", "[run]\n" + std::string(40'000, '#'),
                                                "run", "2026-12-03T00:00:00Z"},
                                {}, ResultsStorage::direct);
        writer.write(test::make_known_run(0, 3));
        writer.close();
    }
    const std::string bytes = test::read_file_bytes(path);
    std::size_t chunks = 0;
    for (std::size_t at = bytes.find("OHDR"); at != std::string::npos;
         at = bytes.find("OHDR", at + 1)) {
        const auto* image = reinterpret_cast<const unsigned char*>(bytes.data() + at);
        const std::uint64_t size = hdf5::object_header_chunk_bytes(image, bytes.size() - at);
        if (size == 0 || size > bytes.size() - at) continue;
        const std::uint32_t stored =
            static_cast<unsigned char>(bytes[at + size - 4]) |
            static_cast<unsigned char>(bytes[at + size - 3]) << 8 |
            static_cast<unsigned char>(bytes[at + size - 2]) << 16 |
            static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + size - 1])) << 24;
        if (H5_checksum_metadata(image, size - 4, 0) != stored) continue;  // stale bytes
        ++chunks;
        EXPECT_EQ(hdf5::object_header_problem(image, size, 8, at), "") << at;
    }
    EXPECT_GT(chunks, 40u);
}

}  // namespace
}  // namespace partnersim
