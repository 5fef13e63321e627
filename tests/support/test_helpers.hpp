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
inline std::uint64_t known_seed(std::uint64_t run) {
    return 0x9E3779B97F4A7C15ULL ^ run;
}

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

// --- Bitwise comparison, file contents, small scenarios (added with tests/engine/*, tests/cli/*)

#include <gtest/gtest.h>

#include <cstring>
#include <iterator>
#include <sstream>

namespace partnersim::test {

// Whether two sequences of floating-point values are equal bit for bit (so NaN equals the same
// NaN, and -0.0 differs from 0.0); on failure says where they first differ.
template <class A, class B>
testing::AssertionResult bitwise_equal(const A& a, const B& b) {
    if (std::size(a) != std::size(b)) {
        return testing::AssertionFailure()
               << "sizes differ: " << std::size(a) << " vs " << std::size(b);
    }
    auto left = std::begin(a);
    auto right = std::begin(b);
    for (std::size_t i = 0; i < std::size(a); ++i, ++left, ++right) {
        static_assert(sizeof(*left) == sizeof(*right));
        if (std::memcmp(&*left, &*right, sizeof(*left)) != 0) {
            return testing::AssertionFailure() << "first difference at element " << i << " of "
                                               << std::size(a) << ": " << *left << " vs " << *right;
        }
    }
    return testing::AssertionSuccess();
}

// Whether `part` occurs in `text` (for checking what a command printed).
inline bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

inline std::string read_file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline void write_text_file(const std::filesystem::path& path, std::string_view text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

// A scenario that runs in milliseconds: few partners, few months, few replicates.
inline std::string small_scenario_toml(int months = 6, int replicates = 4, int partners = 5,
                                       std::uint64_t seed = 7) {
    return "[run]\nmonths = " + std::to_string(months) +
           "\nreplicates = " + std::to_string(replicates) + "\nseed = " + std::to_string(seed) +
           "\n\n[partners]\ncount = " + std::to_string(partners) + "\n";
}

}  // namespace partnersim::test

// --- Comparing results files (added with tests/cli/run_command_test.cpp and app_test.cpp) ----

#include "io/hdf5_reader.hpp"

namespace partnersim::test {

// Whether two results files hold the same runs, bit for bit: every /runs column, every
// /timeseries and /final dataset, and the resolved scenario. (created_utc and command_line
// may differ.)
inline testing::AssertionResult same_results(const std::filesystem::path& a,
                                             const std::filesystem::path& b) {
    const ResultsFileInfo left = read_results_info(a);
    const ResultsFileInfo right = read_results_info(b);
    if (left.runs != right.runs || left.months != right.months) {
        return testing::AssertionFailure() << "shapes differ: " << left.runs << " x " << left.months
                                           << " vs " << right.runs << " x " << right.months;
    }
    if (left.measures != right.measures) return testing::AssertionFailure() << "measures differ";
    if (left.metadata.scenario_toml != right.metadata.scenario_toml) {
        return testing::AssertionFailure() << "resolved scenarios differ";
    }
    for (const char* column : {"run_index", "design_point", "replicate", "seed"}) {
        if (read_run_column(a, column) != read_run_column(b, column)) {
            return testing::AssertionFailure() << "/runs/" << column << " differs";
        }
    }
    for (const std::string& measure : left.measures) {
        if (auto same = bitwise_equal(read_timeseries(a, measure), read_timeseries(b, measure));
            !same) {
            return testing::AssertionFailure()
                   << "/timeseries/" << measure << ": " << same.message();
        }
        if (auto same = bitwise_equal(read_final(a, measure), read_final(b, measure)); !same) {
            return testing::AssertionFailure() << "/final/" << measure << ": " << same.message();
        }
    }
    return testing::AssertionSuccess();
}

}  // namespace partnersim::test
