// Any bytes as a results file, read as the commands read one (ResultsFile: info, shape,
// identity, design, every measure; ResultsRowReader: the first runs): an InputError naming the
// file, or values, never a crash, a hang or an allocation beyond what the file can hold.
// Start it from the corpus of real small results files (tests/fuzz/corpus/results). Since
// 3 Dec 2026 partnersim writes and reads only HDF5's checksummed 1.10 layout
// (io/checked_read_driver.hpp): before that, in the oldest layout, this target reached memory
// errors inside libhdf5 1.10.8 within seconds (docs/hardening.md).

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/error.hpp"
#include "io/hdf5_reader.hpp"

#ifdef PARTNERSIM_FUZZ_CRAFTED
#include <cstring>
#endif

namespace {

const std::filesystem::path& scratch_file() {
    static const std::filesystem::path path =
        std::filesystem::temp_directory_path() /
        ("partnersim-fuzz-" + std::to_string(::getpid()) + ".h5");
    return path;
}

void read_everything(const std::filesystem::path& path) {
    const partnersim::ResultsFile file(path);
    (void)file.identity();
    (void)file.design();
    for (const std::string& measure : file.info().measures) {
        (void)file.final_values(measure);
        (void)file.timeseries(measure);
    }
    partnersim::ResultsRowReader rows(path);
    const std::uint64_t count = rows.rows() < 4 ? rows.rows() : 4;
    (void)rows.runs(0, count);
}

}  // namespace

#ifdef PARTNERSIM_FUZZ_CRAFTED
// fuzz_results_reader_crafted (by hand only, tests/fuzz/README.md): libFuzzer cannot forge the
// checksums of the 1.10 layout, so this mutator recomputes, after each mutation, the checksum of
// the superblock and of every version-2 object header's first chunk it finds by signature
// (HDF5 file format spec III.C: signature, version 2, flags, optional times and attribute
// limits, the chunk's size in 1, 2, 4 or 8 bytes, the messages, then the checksum over all
// before it). What it reaches is what a file crafted with valid checksums reaches inside
// libhdf5 (docs/hardening.md, "Crafted files").
extern "C" std::uint32_t H5_checksum_metadata(const void* data, std::size_t length,
                                              std::uint32_t initial);
extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

namespace {

std::uint64_t little_endian(const std::uint8_t* bytes, int count) {
    std::uint64_t value = 0;
    for (int i = count - 1; i >= 0; --i) value = (value << 8) | bytes[i];
    return value;
}

void put_checksum(std::uint8_t* at, std::uint32_t checksum) {
    for (int i = 0; i < 4; ++i) at[i] = static_cast<std::uint8_t>(checksum >> (8 * i));
}

void recompute_checksums(std::uint8_t* data, std::size_t size) {
    constexpr std::size_t superblock_bytes = 12 + 4 * 8;  // with 8-byte addresses
    if (size >= superblock_bytes + 4 && std::memcmp(data, "\x89HDF\r\n\x1a\n", 8) == 0 &&
        data[8] >= 2 && data[9] == 8) {
        put_checksum(data + superblock_bytes, H5_checksum_metadata(data, superblock_bytes, 0));
    }
    for (std::size_t at = 0; at + 8 <= size; ++at) {
        if (std::memcmp(data + at, "OHDR", 4) != 0 || data[at + 4] != 2) continue;
        const std::uint8_t flags = data[at + 5];
        std::size_t prefix = 6 + ((flags & 0x20) ? 16 : 0) + ((flags & 0x10) ? 4 : 0);
        const int width = 1 << (flags & 3);
        if (at + prefix + width > size) continue;
        const std::uint64_t chunk = little_endian(data + at + prefix, width);
        prefix += width;
        if (chunk > size || at + prefix + chunk + 4 > size) continue;
        const std::size_t end = at + prefix + chunk;
        put_checksum(data + end, H5_checksum_metadata(data + at, end - at, 0));
    }
}

}  // namespace

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size,
                                               std::size_t max_size, unsigned int) {
    const std::size_t mutated = LLVMFuzzerMutate(data, size, max_size);
    recompute_checksums(data, mutated);
    return mutated;
}
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    {
        std::ofstream out(scratch_file(), std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    try {
        read_everything(scratch_file());
    } catch (const partnersim::Error&) {
    }
    return 0;
}
