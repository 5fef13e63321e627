#pragma once
// Helpers shared by the tests.

// --- Temporary files (added with tests/io/scenario_file_test.cpp) ---------------------------

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>

namespace partnersim::test {

// A fresh path under the system temp directory; nothing is created there. Random rather than
// counted, so parallel test processes (ctest -j) cannot collide.
inline std::filesystem::path unique_temp_path(std::string_view stem, std::string_view extension) {
    std::random_device entropy;
    const std::uint64_t tag = (static_cast<std::uint64_t>(entropy()) << 32) | entropy();
    char hex[17];
    for (int i = 15; i >= 0; --i) hex[15 - i] = "0123456789abcdef"[(tag >> (4 * i)) & 0xF];
    hex[16] = '\0';
    return std::filesystem::temp_directory_path() /
           (std::string(stem) + "-" + hex + std::string(extension));
}

// A file with the given contents, removed when it goes out of scope, whether the test passes
// or fails.
class TempFile {
public:
    explicit TempFile(std::string_view contents, std::string_view extension = ".toml")
        : path_(unique_temp_path("partnersim-test", extension)) {
        std::ofstream out(path_, std::ios::binary);
        out << contents;
        if (!out) throw std::runtime_error("cannot write temporary file " + path_.string());
    }
    ~TempFile() {
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace partnersim::test

// --- Temporary directories and hand-made run results (added with tests/io/hdf5_*_test.cpp) ---

#include <cstddef>
#include <system_error>

#include "engine/run_result.hpp"

namespace partnersim::test {

// A fresh directory, removed with everything in it when it goes out of scope.
class TempDir {
public:
    TempDir() : path_(unique_temp_path("partnersim-test-dir", "")) {
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// Values distinct for every run, measure, month and partner, and exact in float, so a test
// can tell a misplaced value from the right one. Exact for runs < 800, months < 100 and, in
// traces, runs < 80 and partners < 100.
inline float known_series_value(std::uint64_t run, std::size_t measure, int month) {
    return static_cast<float>(run * 10000 + measure * 100 + static_cast<std::uint64_t>(month)) +
           0.5f;
}
inline double known_final_value(std::uint64_t run, std::size_t measure) {
    return static_cast<double>(run * 100 + measure) + 0.125;
}
inline float known_trace_value(std::uint64_t run, std::size_t variable, int month, int partner) {
    return static_cast<float>(run * 200000 + variable * 10000 +
                              static_cast<std::uint64_t>(month) * 100 +
                              static_cast<std::uint64_t>(partner));
}
// Uses the top bit, so a seed squeezed through a signed or narrower type shows.
inline std::uint64_t known_seed(std::uint64_t run) { return 0x9E3779B97F4A7C15ULL ^ run; }

// A run filled with the known values above; traced when partners > 0.
inline RunResult make_known_run(std::uint64_t run, int months, int partners = 0) {
    RunResult result;
    result.id = RunId{run, run / 3, run % 3, known_seed(run)};
    result.months = months;
    for (std::size_t m = 0; m < measure_count; ++m) {
        for (int month = 0; month < months; ++month) {
            result.timeseries.push_back(known_series_value(run, m, month));
        }
        result.final_values[m] = known_final_value(run, m);
    }
    result.partners = partners;
    if (partners > 0) {
        for (std::size_t v = 0; v < partner_trace_count; ++v) {
            for (int month = 0; month < months; ++month) {
                for (int p = 0; p < partners; ++p) {
                    result.trace.push_back(known_trace_value(run, v, month, p));
                }
            }
        }
    }
    return result;
}

}  // namespace partnersim::test
