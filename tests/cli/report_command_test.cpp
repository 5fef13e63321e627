#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "io/analysis_file.hpp"
#include "support/small_sweeps.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

// A 2 x 2 grid small enough to run in a blink, with an effect the report must state: a
// facilitator joining at month 3 rather than 0 lowers partners' trust in it.
std::filesystem::path small_grid(const test::TempDir& dir) {
    return test::run_small_sweep(dir, "grid",
                                 test::small_scenario_toml(12, 12, 5, 3) +
                                     "[sweep.grid]\n\"setup.duration\" = [\"time_bound\", "
                                     "\"open_ended\"]\n\"setup.join_month\" = [0, 3]\n");
}

// `report` of `results` into dir/report, throwing what it said if it failed.
void report_into(const std::filesystem::path& results, const test::TempDir& dir) {
    ReportCommandOptions report;
    report.results = results;
    report.folder = dir / "report";
    std::ostringstream out, err;
    if (report_command(report, out, err) != exit_ok) throw std::runtime_error(err.str());
}

ReportCommandOptions report_of(const std::filesystem::path& results,
                               const std::filesystem::path& folder) {
    ReportCommandOptions options;
    options.results = results;
    options.folder = folder;
    options.interaction = {"setup.join_month", "setup.duration"};
    options.success = "trust_partner_facilitator > 0.6";
    return options;
}

// Environment variables set for one test and restored after it.
class ScopedEnvironment {
public:
    ScopedEnvironment(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        setenv(name, value, 1);
    }
    ~ScopedEnvironment() {
        if (old_.empty()) {
            unsetenv(name_.c_str());
        } else {
            setenv(name_.c_str(), old_.c_str(), 1);
        }
    }

private:
    std::string name_;
    std::string old_;
};

TEST(ReportCommand, WritesAPageWithFindingsAndFigures) {
    const test::TempDir dir;
    const auto results = small_grid(dir);
    std::ostringstream out, err;
    ASSERT_EQ(report_command(report_of(results, dir / "report"), out, err), exit_ok) << err.str();
    const std::string page = test::read_file_bytes(dir / "report" / "index.html");
    EXPECT_NE(page.find("setup.join_month"), std::string::npos);
    EXPECT_NE(page.find("data:image/png;base64,"), std::string::npos);  // self-contained
    EXPECT_NE(page.find("not evidence about real partnerships"), std::string::npos);
    // The analyses behind it were computed and kept, and the printed tables saved beside it.
    EXPECT_TRUE(std::filesystem::exists(dir / "grid.analysis.h5"));
    const std::string tables = test::read_file_bytes(dir / "report" / "analysis.txt");
    EXPECT_NE(tables.find("Interaction"), std::string::npos);
    EXPECT_NE(tables.find("coverage"), std::string::npos);
    std::size_t figures = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "report"))
        figures += entry.path().extension() == ".png" ? 1 : 0;
    EXPECT_GE(figures, 3u);
}

TEST(ReportCommand, KeepsAnExistingReportWithoutForce) {
    const test::TempDir dir;
    const auto results = small_grid(dir);
    std::filesystem::create_directories(dir / "report");
    test::write_text_file(dir / "report" / "index.html", "earlier report");
    std::ostringstream out, err;
    EXPECT_EQ(report_command(report_of(results, dir / "report"), out, err), exit_bad_input);
    EXPECT_NE(err.str().find("--force"), std::string::npos);
    EXPECT_EQ(test::read_file_bytes(dir / "report" / "index.html"), "earlier report");
}

TEST(ReportCommand, SaysWhatIsMissingWhenPythonCannotRun) {
    const test::TempDir dir;
    const auto results = small_grid(dir);
    const ScopedEnvironment python("PARTNERSIM_PYTHON", "/nonexistent/python3");
    std::ostringstream out, err;
    EXPECT_EQ(report_command(report_of(results, dir / "report"), out, err), exit_failure);
    EXPECT_NE(err.str().find("h5py"), std::string::npos) << err.str();
    EXPECT_FALSE(std::filesystem::exists(dir / "report" / "index.html"));
}

TEST(ReportCommand, RejectsAMissingResultsFile) {
    const test::TempDir dir;
    std::ostringstream out, err;
    EXPECT_EQ(report_command(report_of(dir / "none.h5", dir / "report"), out, err), exit_bad_input);
    EXPECT_NE(err.str().find("none.h5"), std::string::npos);
}

TEST(ReportCommand, ShowsOnlyWhatItsCommandAsksForAndKeepsEarlierAnalyses) {
    // A discovery stored by an earlier command (at another month) must not appear in a report
    // that did not ask for one, and the report must not delete it either: `export` after
    // discover -> report once had no PRIM tables left.
    const test::TempDir dir;
    const auto results = small_grid(dir);
    DiscoverCommandOptions discover;
    discover.results = results;
    discover.success = "capacity > 0.3";
    discover.month = 6;
    discover.quiet = true;
    std::ostringstream out, err;
    ASSERT_EQ(discover_command(discover, out, err), exit_ok) << err.str();
    ReportCommandOptions report;
    report.results = results;
    report.folder = dir / "report";
    ASSERT_EQ(report_command(report, out, err), exit_ok) << err.str();
    EXPECT_EQ(test::read_file_bytes(dir / "report" / "index.html").find("Where success is likely"),
              std::string::npos);
    // The page's own tables are exactly the request's.
    for (const auto& stored : analysis::read_analysis_file(dir / "report" / "analysis.h5")) {
        EXPECT_FALSE(stored.table.name.starts_with("prim_")) << stored.table.name;
        EXPECT_FALSE(stored.table.name.starts_with("interaction")) << stored.table.name;
    }
    ExportCommandOptions csv;
    csv.results = results;
    csv.folder = dir / "csv";
    ASSERT_EQ(export_command(csv, out, err), exit_ok) << err.str();
    for (const char* table :
         {"prim_boxes", "prim_limits", "prim_trajectory", "prim_success", "main_effects"}) {
        EXPECT_TRUE(
            std::filesystem::exists(dir / "csv" / ("analysis_" + std::string(table) + ".csv")))
            << table;
    }
    const std::string manifest = test::read_file_bytes(dir / "csv" / "analyses.csv");
    EXPECT_NE(manifest.find("month 6; success capacity > 0.3"), std::string::npos) << manifest;
    // A report that asks for the discovery shows it.
    report.folder = dir / "report2";
    report.success = "capacity > 0.3";
    ASSERT_EQ(report_command(report, out, err), exit_ok) << err.str();
    EXPECT_NE(test::read_file_bytes(dir / "report2" / "index.html").find("Where success is likely"),
              std::string::npos);
}

TEST(ReportCommand, ReadsACompareFileDirectlyWithBothDesignsNamed) {
    // `report cmp.h5` once failed ("cannot open attribute partnersim_version") and, given as
    // --comparison, named the baseline without its --set-baseline changes.
    const test::TempDir dir;
    const auto scenario = dir / "base.toml";
    // Buy-in as stated (no spread): no run ends at the start-up review (docs/model.md 7.16),
    // so cost differs between the designs by the join month alone.
    test::write_text_file(
        scenario, test::small_scenario_toml(12, 12, 6, 3) + "[partnership]\nbuy_in_spread = 0.0\n");
    CompareCommandOptions compare;
    compare.baseline = scenario;
    compare.baseline_overrides = {"setup.join_month=3"};
    compare.variant_overrides = {"setup.join_month=0"};
    compare.output = dir / "cmp.h5";
    compare.quiet = true;
    std::ostringstream out, err;
    ASSERT_EQ(compare_command(compare, out, err), exit_ok) << err.str();
    report_into(compare.output, dir);
    const std::string page = test::read_file_bytes(dir / "report" / "index.html");
    EXPECT_NE(page.find("<th>Baseline</th><td>base.toml with join month 3</td>"),
              std::string::npos);
    EXPECT_NE(page.find("<th>Variant</th><td>base.toml with join month 0</td>"), std::string::npos);
    // Cost is stated in its units, not dropped as "no variation between runs", and the
    // measures are named as the measures table names them (the compare file carries their
    // descriptions), not "the trust partner facilitator".
    EXPECT_NE(page.find("The cumulative cost of facilitator hours is 48,000 currency higher for "
                        "the variant"),
              std::string::npos);
    EXPECT_EQ(page.find("trust partner facilitator"), std::string::npos);
    EXPECT_NE(page.find("Mean trust of partners in the facilitator"), std::string::npos);
    // It opens with the decision summary, with the paired share in words.
    EXPECT_LT(page.find("Decision summary"), page.find("What was run"));
    EXPECT_NE(page.find("paired runs (between"), std::string::npos);
    // Both designs' risk of struggling or failing, and its paired difference: the summary once
    // looked for an outcome "failed" that `compare` names "failed (struggling or collapsed)"
    // and showed n/a for both.
    EXPECT_EQ(page.find("data-label='Struggling or failing (runs in 10)'>n/a</td>"),
              std::string::npos);
    EXPECT_NE(page.find("The partnership ends struggling or failing in "), std::string::npos);
    EXPECT_NE(page.find("data:image/png;base64,"), std::string::npos);
    // Read at the month the team decides at, and said to be: the contracts end at month 36,
    // after this 12-month run, so at its horizon.
    EXPECT_NE(page.find("Means over runs at month 12, "), std::string::npos);
}

TEST(ReportCommand, ASingleScenarioPageReadsItsEmptyTableFile) {
    // A single scenario has no analyses; its page's table file is written all the same, with
    // no tables, and the page is made from it (it once was passed only when it existed).
    const test::TempDir dir;
    report_into(test::run_small_sweep(dir, "one", test::small_scenario_toml(6, 4, 5, 3)), dir);
    ASSERT_TRUE(std::filesystem::exists(dir / "report" / "analysis.h5"));
    EXPECT_TRUE(analysis::read_analysis_file(dir / "report" / "analysis.h5").empty());
    EXPECT_TRUE(std::filesystem::exists(dir / "report" / "index.html"));
}

}  // namespace
}  // namespace partnersim
