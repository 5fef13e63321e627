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
