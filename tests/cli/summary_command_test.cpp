#include <gtest/gtest.h>
#include <hdf5.h>

#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "io/hdf5_writer.hpp"
#include "model/measures.hpp"
#include "support/small_sweeps.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

namespace fs = std::filesystem;

constexpr int months = 4;

using test::contains;

fs::path write_known(const test::TempDir& dir, std::uint64_t runs) {
    const auto path = dir / "known.h5";
    Hdf5ResultWriter writer(path, ResultsShape{months},
                            ResultsMetadata{"9.8.7", "[run]\nmonths = 4\n", "partnersim run x",
                                            "2024-05-01T12:00:00Z"});
    for (std::uint64_t run = 0; run < runs; ++run) writer.write(test::make_known_run(run, months));
    writer.close();
    return path;
}

struct Summarised {
    int code;
    std::string out;
    std::string err;
};

Summarised summarise(const fs::path& path) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = summary_command(path, out, err);
    return {code, out.str(), err.str()};
}

// The summary of a scenario (`toml`, with its sweep) as `run` writes it.
Summarised summary_of(const test::TempDir& dir, const std::string& toml) {
    return summarise(test::run_small_sweep(dir, "scenario", toml));
}

// The summary line of one measure ("  NAME  mean [lo, hi]  (p05 - p95)"), or "".
std::string line_of(const std::string& text, std::string_view measure) {
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream words(line);
        std::string first;
        words >> first;
        if (first == measure) return line;
    }
    return {};
}

std::string fixed3(double value) {
    char text[64];
    std::snprintf(text, sizeof text, "%.3f", value);
    return text;
}

TEST(SummaryCommand, DescribesTheFile) {
    const test::TempDir dir;
    const auto path = write_known(dir, 3);
    const Summarised result = summarise(path);
    ASSERT_EQ(result.code, exit_ok) << result.err;
    EXPECT_EQ(result.err, "");
    EXPECT_TRUE(result.out.starts_with(path.string() + ": 3 runs x 4 months (partnersim 9.8.7, "
                                                       "2024-05-01T12:00:00Z)"))
        << result.out;
    // Continuous measures by their mean; class codes and months only in the risk of failure.
    for (const auto& measure : measure_table()) {
        if (measure.kind == MeasureKind::continuous) {
            EXPECT_NE(line_of(result.out, measure.name), "")
                << measure.name << " is not summarised";
        } else {
            EXPECT_EQ(line_of(result.out, measure.name), "") << "a mean of " << measure.name;
        }
    }
    EXPECT_TRUE(contains(result.out, "Risk of failure")) << result.out;
}

TEST(SummaryCommand, ReportsMeanIntervalAndPercentilesOfTheFinalValues) {
    // Final values of measure m over runs 0, 1, 2: m + 0.125, 100 + m + 0.125, 200 + m + 0.125.
    const test::TempDir dir;
    const Summarised result = summarise(write_known(dir, 3));
    ASSERT_EQ(result.code, exit_ok) << result.err;
    for (std::size_t m = 0; m < measure_count; ++m) {
        if (measure_table()[m].kind != MeasureKind::continuous) continue;  // no mean of a code
        const std::string line = line_of(result.out, measure_catalogue()[m].name);
        SCOPED_TRACE(line);
        const double mean = 100.0 + static_cast<double>(m) + 0.125;
        const double half_width = 1.96 * std::sqrt(100.0 * 100.0 / 3.0);  // s.d. 100, n = 3
        std::istringstream numbers(line);
        std::string name;
        double printed_mean = 0, low = 0, high = 0, p05 = 0, p95 = 0;
        char open = 0, comma = 0, close = 0, paren = 0, dash = 0;
        numbers >> name >> printed_mean >> open >> low >> comma >> high >> close >> paren >> p05 >>
            dash >> p95;
        ASSERT_FALSE(numbers.fail());
        EXPECT_NEAR(printed_mean, mean, 5e-4);
        EXPECT_NEAR(low, mean - half_width, 5e-4);
        EXPECT_NEAR(high, mean + half_width, 5e-4);
        // Linear interpolation between order statistics: 5% lies 0.1 of the way from the
        // smallest to the middle value, 95% 0.9 of the way from the middle to the largest.
        EXPECT_NEAR(p05, static_cast<double>(m) + 0.125 + 10.0, 5e-4);
        EXPECT_NEAR(p95, static_cast<double>(m) + 0.125 + 190.0, 5e-4);
        EXPECT_TRUE(contains(line, fixed3(mean))) << fixed3(mean);
    }
}

TEST(SummaryCommand, OneRunHasAZeroWidthInterval) {
    const test::TempDir dir;
    const Summarised result = summarise(write_known(dir, 1));
    ASSERT_EQ(result.code, exit_ok) << result.err;
    const std::string line = line_of(result.out, measure_catalogue()[2].name);
    const std::string value = fixed3(test::known_final_value(0, 2));
    EXPECT_TRUE(contains(line, value + " [")) << line;
    EXPECT_TRUE(contains(line, "[    " + value + ",     " + value + "]")) << line;
}

TEST(SummaryCommand, AFileWithNoRunsSaysSo) {
    const test::TempDir dir;
    const auto path = write_known(dir, 0);
    const Summarised result = summarise(path);
    EXPECT_EQ(result.code, exit_ok) << result.err;
    EXPECT_TRUE(contains(result.out, ": 0 runs x 4 months")) << result.out;
    EXPECT_EQ(line_of(result.out, "capacity"), "");
}

TEST(SummaryCommand, MissingFileIsBadInputWithAMessage) {
    const test::TempDir dir;
    const auto missing = dir / "nothing-here.h5";
    const Summarised result = summarise(missing);
    EXPECT_EQ(result.code, exit_bad_input);
    EXPECT_EQ(result.out, "");
    EXPECT_TRUE(result.err.starts_with("error: ")) << result.err;
    EXPECT_TRUE(contains(result.err, missing.string())) << result.err;
    EXPECT_TRUE(contains(result.err, "no such file")) << result.err;
}

TEST(SummaryCommand, AFileThatIsNotHdf5IsBadInput) {
    const test::TempFile text("this is not HDF5\n", ".h5");
    const Summarised result = summarise(text.path());
    EXPECT_EQ(result.code, exit_bad_input);
    EXPECT_TRUE(contains(result.err, text.path().string())) << result.err;
    EXPECT_TRUE(contains(result.err, "not an HDF5 file")) << result.err;
}

TEST(SummaryCommand, AnHdf5FileThatIsNotAResultsFileIsBadInput) {
    const test::TempDir dir;
    const auto path = dir / "empty.h5";
    const hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    ASSERT_GE(file, 0);
    H5Fclose(file);
    testing::internal::CaptureStderr();
    const Summarised result = summarise(path);
    const std::string hdf5_noise = testing::internal::GetCapturedStderr();
    EXPECT_EQ(result.code, exit_bad_input);
    EXPECT_TRUE(contains(result.err, path.string())) << result.err;
    EXPECT_EQ(hdf5_noise, "") << "HDF5 printed its own error stack";
}

TEST(SummaryCommand, GroupsBySweepPointWithUnitsAndSaysWhenAPartnershipEnded) {
    // A sweep of a 12-month contract against an open-ended one, read at month 16: the summary
    // once pooled both into one table, without units, printed the fixed budget as
    // "x.000 [x.000, x.000]" and showed participation 0.000 without saying why.
    // Buy-in as stated (no spread): no run ends at the start-up review, so the time-bound
    // partnership's cost is the same in every run.
    const test::TempDir dir;
    const Summarised result =
        summary_of(dir, test::small_scenario_toml(16, 4, 5, 3) +
                            "[partnership]\nbuy_in_spread = 0.0\n"
                            "[setup]\nend_month = 12\n[sweep.grid]\n"
                            "\"setup.duration\" = [\"time_bound\", \"open_ended\"]\n");
    ASSERT_EQ(result.code, exit_ok) << result.err;
    const std::string& text = result.out;
    const auto time_bound = text.find("  setup.duration=time_bound (4 runs)\n");
    const auto open_ended = text.find("  setup.duration=open_ended (4 runs)\n");
    ASSERT_NE(time_bound, std::string::npos) << text;
    ASSERT_NE(open_ended, std::string::npos) << text;
    const std::string ended = "the time-bound partnership ended at month 12";
    const auto note = text.find(ended);
    EXPECT_TRUE(note > time_bound && note < open_ended) << text;
    EXPECT_EQ(text.find(ended, note + 1), std::string::npos) << "said of the open-ended one too";
    // Units from the measures table, once per measure line.
    EXPECT_NE(line_of(text, "capacity").find("share 0-1"), std::string::npos) << text;
    EXPECT_NE(line_of(text, "cost").find("currency"), std::string::npos) << text;
    // A measure the same in every run is said to be, as a whole number when it is large.
    // (The time-bound partnership's cost stops growing when it ends: the same in every run.)
    bool same = false;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.find("  cost ") == std::string::npos) continue;
        EXPECT_EQ(line.find(".000"), std::string::npos) << line;
        same = same || line.find("(the same in every run)") != std::string::npos;
    }
    EXPECT_TRUE(same) << text;
}

TEST(SummaryCommand, ASampledDesignStaysPooled) {
    // A Latin hypercube has a design point per sample, each with a handful of runs: listing
    // them one by one (1,024 for enablers.toml) would bury the summary, so it stays pooled,
    // while a grid of the same size is listed point by point (the test above).
    const test::TempDir dir;
    const Summarised result =
        summary_of(dir, test::small_scenario_toml(12, 2, 5, 3) +
                            "[sweep]\nmethod = \"latin_hypercube\"\nsamples = 6\n"
                            "[sweep.ranges]\n\"setup.budget_hours\" = [40.0, 200.0]\n");
    ASSERT_EQ(result.code, exit_ok) << result.err;
    EXPECT_EQ(result.out.find("setup.budget_hours="), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("all 6 sampled set-ups, pooled"), std::string::npos) << result.out;
    EXPECT_NE(line_of(result.out, "capacity").find("share 0-1"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace partnersim
