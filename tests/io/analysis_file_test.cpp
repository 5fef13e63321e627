#include "io/analysis_file.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/small_sweeps.hpp"
#include "support/test_helpers.hpp"

namespace partnersim::analysis {
namespace {

namespace fs = std::filesystem;

// Number columns deliberately out of alphabetical order (HDF5 lists links by name, so a file
// that lost the order would read back "alpha, mid, zeta"), with values that a careless write
// would change: NaN, infinities, -0.0, the smallest denormal, a value needing all 17 digits.
AnalysisTable mixed_table() {
    AnalysisTable table("main_effects", "Effects, with a description that says so",
                        {"measure", "parameter"}, {"zeta", "alpha", "mid"});
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    table.add_row({"candour", "setup.duration"}, {0.1, -0.0, nan});
    table.add_row({"a, \"quoted\" value", ""}, {inf, -inf, 5e-324});
    table.add_row({"trust \xc3\xa9t\xc3\xa9", "line\nbreak"}, {1.0 / 3.0, -1e300, 42.0});
    return table;
}

void expect_same_table(const AnalysisTable& actual, const AnalysisTable& expected) {
    EXPECT_EQ(actual.name, expected.name);
    EXPECT_EQ(actual.description, expected.description);
    EXPECT_EQ(actual.text_columns, expected.text_columns);
    EXPECT_EQ(actual.number_columns, expected.number_columns);
    EXPECT_EQ(actual.text, expected.text);
    ASSERT_EQ(actual.numbers.size(), expected.numbers.size());
    for (std::size_t c = 0; c < expected.numbers.size(); ++c) {
        EXPECT_TRUE(test::bitwise_equal(actual.numbers[c], expected.numbers[c]))
            << "column " << expected.number_columns[c];
    }
}

TEST(AnalysisFile, RoundTripsTextAndNumberColumnsInTheirOrder) {
    const test::TempDir dir;
    const fs::path path = dir / "results.analysis.h5";
    const AnalysisTable table = mixed_table();
    store_tables(path, {{table, "key one"}});

    const std::vector<StoredTable> stored = read_analysis_file(path);
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].key, "key one");
    expect_same_table(stored[0].table, table);
    EXPECT_EQ(stored[0].table.rows(), 3u);
}

TEST(AnalysisFile, EmptyTablesKeepTheirColumns) {
    const test::TempDir dir;
    const fs::path path = dir / "results.analysis.h5";
    const AnalysisTable text_and_numbers("prim_boxes", "No box", {"condition"}, {"box", "mass"});
    const AnalysisTable numbers_only("prim_trajectory", "Nothing", {}, {"step", "coverage"});
    store_tables(path, {{text_and_numbers, "k"}, {numbers_only, "k"}});

    const auto found = find_table(path, "prim_boxes", "k");
    ASSERT_TRUE(found.has_value());
    expect_same_table(*found, text_and_numbers);
    EXPECT_EQ(found->rows(), 0u);
    const auto numeric = find_table(path, "prim_trajectory", "k");
    ASSERT_TRUE(numeric.has_value());
    expect_same_table(*numeric, numbers_only);
    EXPECT_TRUE(numeric->text_columns.empty());
}

TEST(AnalysisFile, FindTableNeedsTheNameAndTheExactKey) {
    const test::TempDir dir;
    const fs::path path = dir / "results.analysis.h5";
    EXPECT_FALSE(find_table(path, "main_effects", "key").has_value()) << "no file yet";
    EXPECT_TRUE(read_analysis_file(path).empty());

    store_tables(path, {{mixed_table(), "created 2026; month 6"}});
    const auto found = find_table(path, "main_effects", "created 2026; month 6");
    ASSERT_TRUE(found.has_value());
    expect_same_table(*found, mixed_table());
    EXPECT_FALSE(find_table(path, "main_effects", "created 2026; month 5").has_value());
    EXPECT_FALSE(find_table(path, "main_effects", "created 2026; month 6 ").has_value());
    EXPECT_FALSE(find_table(path, "main_effects", "").has_value());
    EXPECT_FALSE(find_table(path, "interaction", "created 2026; month 6").has_value());
}

TEST(AnalysisFile, StoringReplacesATableByNameAndKeepsTheOthers) {
    const test::TempDir dir;
    const fs::path path = dir / "results.analysis.h5";
    AnalysisTable first("sobol_indices", "old", {"measure"}, {"total"});
    first.add_row({"candour"}, {0.25});
    AnalysisTable other("morris", "kept", {"measure"}, {"mu"});
    other.add_row({"capacity"}, {1.5});
    store_tables(path, {{first, "old key"}, {other, "other key"}});

    AnalysisTable second("sobol_indices", "new", {"measure", "parameter"}, {"first_order"});
    second.add_row({"trust", "setup.review"}, {0.5});
    second.add_row({"cost", "setup.budget_hours"}, {0.75});
    store_tables(path, {{second, "new key"}});

    const std::vector<StoredTable> stored = read_analysis_file(path);
    ASSERT_EQ(stored.size(), 2u);
    EXPECT_FALSE(find_table(path, "sobol_indices", "old key").has_value());
    const auto replaced = find_table(path, "sobol_indices", "new key");
    ASSERT_TRUE(replaced.has_value());
    expect_same_table(*replaced, second);
    const auto kept = find_table(path, "morris", "other key");
    ASSERT_TRUE(kept.has_value());
    expect_same_table(*kept, other);
}

TEST(AnalysisFile, LeavesNoPartialFileBehind) {
    const test::TempDir dir;
    const fs::path path = dir / "results.analysis.h5";
    store_tables(path, {{mixed_table(), "a"}});
    store_tables(path, {{mixed_table(), "b"}});
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir.path()))
        names.push_back(entry.path().filename().string());
    EXPECT_EQ(names, std::vector<std::string>{"results.analysis.h5"});
}

TEST(AnalysisFile, AnAnalysisFileSitsBesideItsResults) {
    EXPECT_EQ(analysis_path_for("runs/results.h5"), fs::path("runs/results.analysis.h5"));
    EXPECT_EQ(analysis_path_for("sweep.v2.h5"), fs::path("sweep.v2.analysis.h5"));
    EXPECT_EQ(analysis_path_for("/tmp/results"), fs::path("/tmp/results.analysis.h5"));
}

TEST(AnalysisFile, AnUnreadableFileIsAnErrorNamingIt) {
    const test::TempFile garbage("not an HDF5 file", ".analysis.h5");
    try {
        read_analysis_file(garbage.path());
        FAIL() << "read a file that is not HDF5";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find(garbage.path().string()), std::string::npos)
            << error.what();
    }
}

// A results file rewritten by the same command line (e.g. `run s.toml -o r.h5 --force` after
// editing s.toml) must not pass for the old one, or analyses of the old contents are served
// for the new. Two such runs usually finish within the same second, created_utc's resolution.
TEST(ResultsIdentity, TellsApartTwoRunsOfOneCommandWithOtherContents) {
    const test::TempDir dir;
    const fs::path first = test::run_small_sweep(dir, "results", test::grid_sweep_toml(6, 3, 11));
    const std::string identity = results_identity(first);
    EXPECT_EQ(results_identity(first), identity) << "the same file, read twice";
    EXPECT_NE(identity.find("runs 24"), std::string::npos) << identity;

    fs::remove(first);
    const fs::path second = test::run_small_sweep(dir, "results", test::grid_sweep_toml(6, 3, 12));
    ASSERT_EQ(second, first);
    EXPECT_NE(results_identity(second), identity);
}

}  // namespace
}  // namespace partnersim::analysis
