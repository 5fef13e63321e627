#include "analysis/csv_export.hpp"

#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <numbers>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/analysis_file.hpp"
#include "io/hdf5_reader.hpp"
#include "support/small_sweeps.hpp"
#include "support/test_helpers.hpp"

namespace partnersim::analysis {
namespace {

namespace fs = std::filesystem;

// A CSV file as rows of fields. Enough of RFC 4180 for what export_csv writes: quoted fields
// may hold commas, doubled quotes and line breaks.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
        } else if (c == '\n') {
            row.push_back(field);
            field.clear();
            rows.push_back(row);
            row.clear();
        } else {
            field += c;
        }
    }
    EXPECT_TRUE(field.empty() && row.empty()) << "the file does not end with a line break";
    return rows;
}

std::vector<std::vector<std::string>> read_csv(const fs::path& path) {
    return parse_csv(test::read_file_bytes(path));
}

std::size_t column_of(const std::vector<std::string>& header, const std::string& name) {
    for (std::size_t c = 0; c < header.size(); ++c)
        if (header[c] == name) return c;
    ADD_FAILURE() << "no column " << name;
    return 0;
}

double number(const std::string& field) {
    char* end = nullptr;
    const double value = std::strtod(field.c_str(), &end);
    EXPECT_EQ(*end, '\0') << "not a number: " << field;
    return value;
}

bool same_bits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

TEST(CsvField, QuotesOnlyWhatNeedsQuoting) {
    EXPECT_EQ(csv_field("setup.duration"), "setup.duration");
    EXPECT_EQ(csv_field(""), "");
    EXPECT_EQ(csv_field("open ended; review"), "open ended; review");
    EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csv_field("carriage\rreturn"), "\"carriage\rreturn\"");
    EXPECT_EQ(parse_csv(csv_field("x, \"y\"\nz") + "\n"),
              (std::vector<std::vector<std::string>>{{"x, \"y\"\nz"}}));
}

TEST(CsvNumber, ReadsBackToTheSameDouble) {
    const std::vector<double> values{0.0,
                                     -0.0,
                                     0.1,
                                     1.0 / 3.0,
                                     2.0 / 3.0,
                                     std::numbers::pi,
                                     -123456.789,
                                     1e-300,
                                     5e-324,  // the smallest denormal
                                     DBL_MIN,
                                     DBL_MAX,
                                     -DBL_MAX,
                                     std::nextafter(1.0, 2.0),
                                     9007199254740993.0,
                                     0.30000000000000004,
                                     static_cast<double>(0.1f)};
    for (const double v : values) {
        const std::string text = csv_number(v);
        char* end = nullptr;
        const double back = std::strtod(text.c_str(), &end);
        EXPECT_EQ(*end, '\0') << text;
        EXPECT_TRUE(same_bits(back, v)) << text << " reads back as a different double";
    }
    // Shortest form, not 17 digits everywhere.
    EXPECT_EQ(csv_number(0.1), "0.1");
    EXPECT_EQ(csv_number(0.662f), "0.662");  // a float, not its double expansion
    EXPECT_EQ(csv_number(3.0), "3");
    EXPECT_EQ(csv_number(-2.5), "-2.5");
    EXPECT_EQ(csv_number(std::numeric_limits<double>::quiet_NaN()), "nan");
    EXPECT_EQ(csv_number(std::numeric_limits<double>::infinity()), "inf");
    EXPECT_EQ(csv_number(-std::numeric_limits<double>::infinity()), "-inf");
}

TEST(TableCsv, TextColumnsThenNumberColumnsOneRowPerEntry) {
    AnalysisTable table("effects", "d", {"measure", "level"}, {"estimate", "runs"});
    table.add_row({"candour", "a,b"}, {0.25, 12});
    table.add_row({"trust", "say \"x\""}, {-1.0 / 3.0, std::numeric_limits<double>::quiet_NaN()});
    EXPECT_EQ(table_csv(table),
              "measure,level,estimate,runs\n"
              "candour,\"a,b\",0.25,12\n"
              "trust,\"say \"\"x\"\"\"," +
                  csv_number(-1.0 / 3.0) + ",nan\n");
    const AnalysisTable empty("prim_success", "d", {}, {"run", "success"});
    EXPECT_EQ(table_csv(empty), "run,success\n");
}

// The 8-point, 3-replicate grid of test::grid_sweep_toml, 6 months.
class CsvExport : public testing::Test {
protected:
    test::TempDir dir_;
    fs::path results_ = test::run_small_sweep(dir_, "grid", test::grid_sweep_toml());
    fs::path folder_ = dir_ / "csv";
};

TEST_F(CsvExport, ListsTheFilesItWrites) {
    const auto written = export_csv(results_, folder_);
    EXPECT_EQ(written,
              (std::vector<fs::path>{folder_ / "runs.csv", folder_ / "design.csv",
                                     folder_ / "timeseries_means.csv", folder_ / "columns.csv"}));
    for (const auto& file : written) EXPECT_TRUE(fs::exists(file)) << file;
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder_)) ++files;
    EXPECT_EQ(files, 4u) << "something else (a .partial file?) was left in the folder";

    const fs::path other = dir_ / "with_series";
    const auto with_series = export_csv(results_, other, {.timeseries = true, .overwrite = false});
    ASSERT_EQ(with_series.size(), 5u);
    EXPECT_EQ(with_series[3], other / "timeseries.csv");
    // One row per run and month, after the header; each value the float stored in the file,
    // written in the shortest form that reads back (as a float) to the same float.
    const auto rows = read_csv(other / "timeseries.csv");
    ASSERT_EQ(rows.size(), 1u + 24 * 6);
    EXPECT_EQ(rows[0][3], "month");
    const std::size_t c = column_of(rows[0], "capacity");
    const std::vector<float> series = read_timeseries(results_, "capacity");
    for (std::size_t r = 0; r < 24; ++r) {
        for (std::size_t month = 0; month < 6; ++month) {
            const auto& row = rows[1 + r * 6 + month];
            EXPECT_EQ(row[0], std::to_string(r));
            EXPECT_EQ(row[3], std::to_string(month + 1));
            const float back = std::strtof(row[c].c_str(), nullptr);
            EXPECT_TRUE(same_bits(double(back), double(series[r * 6 + month])))
                << "run " << r << ", month " << month + 1 << ": " << row[c];
        }
    }
}

TEST_F(CsvExport, RunsHoldEveryRunWithItsParametersAndFinalValues) {
    export_csv(results_, folder_);
    const auto rows = read_csv(folder_ / "runs.csv");
    const ResultsFileInfo info = read_results_info(results_);
    std::vector<std::string> header{"run_index",      "design_point",     "replicate",   "seed",
                                    "setup.duration", "setup.join_month", "setup.review"};
    header.insert(header.end(), info.measures.begin(), info.measures.end());
    ASSERT_EQ(rows.size(), 25u);
    EXPECT_EQ(rows[0], header);
    const auto seeds = read_run_column(results_, "seed");
    const auto points = read_run_column(results_, "design_point");
    for (std::size_t r = 0; r < 24; ++r) {
        const auto& row = rows[r + 1];
        ASSERT_EQ(row.size(), header.size()) << "row " << r;
        EXPECT_EQ(row[0], std::to_string(r));
        EXPECT_EQ(row[1], std::to_string(points[r]));
        EXPECT_EQ(row[3], std::to_string(seeds[r])) << "the full 64-bit seed";
        // Point p of the grid: open_ended for p < 4, join month 3 for odd p, review for p % 4 < 2.
        EXPECT_EQ(row[4], points[r] < 4 ? "open_ended" : "time_bound") << r;
        EXPECT_EQ(row[5], points[r] % 2 == 0 ? "0" : "3") << r;
        EXPECT_EQ(row[6], points[r] % 4 < 2 ? "true" : "false") << r;
    }
    for (const std::string measure : {"candour", "cost", "trust_partner_facilitator"}) {
        const std::size_t c = column_of(rows[0], measure);
        const std::vector<double> finals = read_final(results_, measure);
        for (std::size_t r = 0; r < 24; ++r) {
            EXPECT_TRUE(same_bits(number(rows[r + 1][c]), finals[r]))
                << measure << " of run " << r << ": " << rows[r + 1][c];
        }
    }
}

TEST_F(CsvExport, DesignHasOneRowPerPoint) {
    export_csv(results_, folder_);
    const auto rows = read_csv(folder_ / "design.csv");
    ASSERT_EQ(rows.size(), 9u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"design_point", "grid_cell", "sample_index",
                                                 "saltelli_role", "morris_factor", "setup.duration",
                                                 "setup.join_month", "setup.review"}));
    EXPECT_EQ(rows[6],
              (std::vector<std::string>{"5", "5", "0", "-1", "-1", "time_bound", "3", "true"}));
}

// Means over each point's three replicates, computed here from /timeseries. The export sums
// value / 3 while this sums values and divides: the two roundings differ by a few ulps of
// values below 10^5 (cost), far below 1e-9 relative; averaging the wrong runs or months, or
// dividing by the wrong count, is off by far more (values differ between replicates and months
// by 1e-3 and up).
TEST_F(CsvExport, TimeseriesMeansAreTheMeanOverEachPointsReplicates) {
    export_csv(results_, folder_);
    const auto rows = read_csv(folder_ / "timeseries_means.csv");
    ASSERT_EQ(rows.size(), 1u + 8 * 6);
    const auto& header = rows[0];
    EXPECT_EQ(header[0], "design_point");
    EXPECT_EQ(header[4], "month");
    const auto points = read_run_column(results_, "design_point");
    for (const std::string& measure : read_results_info(results_).measures) {
        const std::vector<float> series = read_timeseries(results_, measure);
        const std::size_t c = column_of(header, measure);
        for (std::size_t p = 0; p < 8; ++p) {
            for (std::size_t month = 0; month < 6; ++month) {
                double sum = 0.0;
                int count = 0;
                for (std::size_t r = 0; r < 24; ++r) {
                    if (points[r] != p) continue;
                    sum += series[r * 6 + month];
                    ++count;
                }
                ASSERT_EQ(count, 3);
                const double expected = sum / 3.0;
                const auto& row = rows[1 + p * 6 + month];
                EXPECT_EQ(row[0], std::to_string(p));
                EXPECT_EQ(row[4], std::to_string(month + 1));
                EXPECT_NEAR(number(row[c]), expected, 1e-9 * std::max(1.0, std::abs(expected)))
                    << measure << " at point " << p << ", month " << month + 1;
            }
        }
    }
}

TEST_F(CsvExport, ColumnsDescribeEveryColumnWithUnits) {
    export_csv(results_, folder_);
    const auto rows = read_csv(folder_ / "columns.csv");
    EXPECT_EQ(rows[0], (std::vector<std::string>{"column", "description", "units"}));
    auto row_of = [&](const std::string& name) {
        for (const auto& row : rows)
            if (!row.empty() && row[0] == name) return row;
        ADD_FAILURE() << "columns.csv does not describe " << name;
        return std::vector<std::string>{};
    };
    const auto candour = read_description(results_, "/final/candour");
    EXPECT_EQ(row_of("candour"),
              (std::vector<std::string>{"candour", candour.description, candour.units}));
    const auto join = read_description(results_, "/design/setup.join_month");
    EXPECT_EQ(row_of("setup.join_month"),
              (std::vector<std::string>{"setup.join_month", join.description, join.units}));
    EXPECT_EQ(row_of("seed").size(), 3u);
}

TEST_F(CsvExport, RefusesToOverwriteAndThenWritesNothing) {
    export_csv(results_, folder_);
    test::write_text_file(folder_ / "design.csv", "mine\n");
    fs::remove(folder_ / "runs.csv");
    fs::remove(folder_ / "columns.csv");
    try {
        export_csv(results_, folder_);
        FAIL() << "overwrote design.csv without being asked to";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find((folder_ / "design.csv").string()),
                  std::string::npos)
            << error.what();
    }
    EXPECT_EQ(test::read_file_bytes(folder_ / "design.csv"), "mine\n");
    EXPECT_FALSE(fs::exists(folder_ / "runs.csv")) << "wrote a file before refusing";
    EXPECT_FALSE(fs::exists(folder_ / "columns.csv")) << "wrote a file before refusing";

    export_csv(results_, folder_, {.timeseries = false, .overwrite = true});
    EXPECT_EQ(read_csv(folder_ / "design.csv").size(), 9u);
    EXPECT_TRUE(fs::exists(folder_ / "runs.csv"));
}

TEST_F(CsvExport, ExportsTheAnalysesStoredBesideTheResults) {
    AnalysisTable effects("main_effects", "Effects", {"measure", "parameter"}, {"estimate"});
    effects.add_row({"candour", "setup.join_month"}, {-0.125});
    effects.add_row({"cost", "setup.review"}, {1.0 / 3.0});
    const AnalysisTable boxes("prim_boxes", "Boxes", {"condition"}, {"box"});
    // Keys begin with the identity of the results they were computed from; a table from an
    // earlier file of the same name (another identity) is stale and not exported.
    const std::string current = results_identity(results_) + "; main effects";
    const AnalysisTable stale("interaction", "From an earlier file", {"measure"}, {"estimate"});
    store_tables(analysis_path_for(results_),
                 {{effects, current}, {boxes, current}, {stale, "created 2020-01-01; other"}});

    const auto written = export_csv(results_, folder_);
    ASSERT_EQ(written.size(), 7u);
    EXPECT_EQ(written[3], folder_ / "analysis_main_effects.csv");
    EXPECT_EQ(written[4], folder_ / "analysis_prim_boxes.csv");
    EXPECT_EQ(written[5], folder_ / "analyses.csv");
    EXPECT_EQ(written[6], folder_ / "columns.csv");
    const auto manifest = read_csv(folder_ / "analyses.csv");
    ASSERT_EQ(manifest.size(), 3u);
    EXPECT_EQ(manifest[1][0], "analysis_main_effects.csv");
    EXPECT_EQ(manifest[1][2], current);
    EXPECT_EQ(test::read_file_bytes(folder_ / "analysis_main_effects.csv"), table_csv(effects));
    EXPECT_EQ(test::read_file_bytes(folder_ / "analysis_prim_boxes.csv"), "condition,box\n");
}

TEST(CsvExportErrors, AFileThatIsNotResultsIsAnErrorNamingIt) {
    const test::TempDir dir;
    const test::TempFile garbage("not HDF5", ".h5");
    try {
        export_csv(garbage.path(), dir / "out");
        FAIL() << "exported a file that is not HDF5";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find(garbage.path().string()), std::string::npos)
            << error.what();
    }
    EXPECT_FALSE(fs::exists(dir / "out" / "runs.csv"));
}

TEST_F(CsvExport, ForcedExportRemovesAnalysesItDoesNotWrite) {
    // An earlier export's analysis CSVs (of other results, or of tables since dropped) must not
    // sit beside a forced export's files looking current.
    fs::create_directories(folder_);
    test::write_text_file(folder_ / "analysis_interaction.csv", "old\n");
    test::write_text_file(folder_ / "analyses.csv", "old\n");
    test::write_text_file(folder_ / "notes.csv", "mine\n");
    export_csv(results_, folder_, {.timeseries = false, .overwrite = true});
    EXPECT_FALSE(fs::exists(folder_ / "analysis_interaction.csv"));
    EXPECT_FALSE(fs::exists(folder_ / "analyses.csv"));
    EXPECT_EQ(test::read_file_bytes(folder_ / "notes.csv"), "mine\n");  // not ours: kept
}

}  // namespace
}  // namespace partnersim::analysis
