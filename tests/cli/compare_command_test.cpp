#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "engine/run.hpp"
#include "io/analysis_file.hpp"
#include "model/measures.hpp"
#include "support/small_sweeps.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

namespace fs = std::filesystem;

constexpr int months = 6;
constexpr int replicates = 4;
constexpr std::uint64_t seed = 7;

using test::contains;

// The line of the final-month table that starts with `measure`, or "".
std::string line_of(const std::string& text, const std::string& measure) {
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        std::istringstream words(line);
        std::string first;
        words >> first;
        if (first == measure) return line;
    }
    return {};
}

class CompareCommand : public testing::Test {
protected:
    CompareCommand() {
        test::write_text_file(scenario_, test::small_scenario_toml(months, replicates, 5, seed));
        options_.baseline = scenario_;
        options_.threads = 2;
        options_.quiet = true;
    }

    int compare() {
        out_.str("");
        err_.str("");
        return compare_command(options_, out_, err_);
    }
    std::string out() const { return out_.str(); }
    std::string err() const { return err_.str(); }

    test::TempDir dir_;
    fs::path scenario_ = dir_ / "small.toml";
    CompareCommandOptions options_;
    std::ostringstream out_;
    std::ostringstream err_;
};

TEST_F(CompareCommand, SaysWhatDiffersAndComparesEveryMeasure) {
    options_.variant_overrides = {"setup.join_month=3", "setup.duration=open_ended"};
    ASSERT_EQ(compare(), exit_ok) << err();
    EXPECT_TRUE(contains(out(), "what differs:\n")) << out();
    EXPECT_TRUE(contains(out(), "  setup.join_month: 0 -> 3\n")) << out();
    EXPECT_TRUE(contains(out(), "  setup.duration: \"time_bound\" -> \"open_ended\"\n")) << out();
    EXPECT_FALSE(contains(out(), "setup.review")) << "a parameter that does not differ";
    EXPECT_TRUE(contains(out(), "variant:  " + scenario_.string() +
                                    " --set setup.join_month=3 --set setup.duration=open_ended"))
        << out();
    EXPECT_TRUE(contains(out(), "At month 6 (the final month), over 4 paired replicates")) << out();
    for (const auto& measure : measure_table()) {
        if (measure.kind != MeasureKind::continuous) {
            EXPECT_EQ(line_of(out(), std::string(measure.name)), "") << "a mean of a code";
            continue;
        }
        EXPECT_NE(line_of(out(), std::string(measure.name)), "") << measure.name;
    }
    // A measure that does not vary between these runs has no standardised effect: cost has no
    // random part, and in these four six-month runs no budget cut or lead departure moved the
    // facilitator's hours. (Goal alignment now varies: a funder's change of strategy is an event.)
    EXPECT_TRUE(contains(line_of(out(), "facilitator_hours"), "n/a")) << out();
    EXPECT_TRUE(contains(line_of(out(), "cost"), "n/a")) << out();
    EXPECT_TRUE(contains(out(), "Over time")) << out();
    EXPECT_EQ(err(), "");
}

TEST_F(CompareCommand, NothingToCompareIsBadInput) {
    ASSERT_EQ(compare(), exit_bad_input);
    EXPECT_TRUE(contains(err(), "nothing to compare")) << err();
    EXPECT_EQ(out(), "");
}

TEST_F(CompareCommand, ASweepIsNotAScenarioToCompare) {
    test::write_text_file(dir_ / "sweep.toml", test::grid_sweep_toml());
    options_.baseline = dir_ / "sweep.toml";
    options_.variant_overrides = {"setup.join_month=3"};
    ASSERT_EQ(compare(), exit_bad_input);
    EXPECT_TRUE(contains(err(), "has a [sweep]")) << err();
    EXPECT_TRUE(contains(err(), "analyze")) << err();

    options_.baseline = scenario_;
    options_.variant = dir_ / "sweep.toml";
    options_.variant_overrides = {};
    ASSERT_EQ(compare(), exit_bad_input);
    EXPECT_TRUE(contains(err(), "the variant has a [sweep]")) << err();
}

TEST_F(CompareCommand, ScenariosOfDifferentLengthsOrOneReplicateAreRefused) {
    options_.variant_overrides = {"run.months=7"};
    ASSERT_EQ(compare(), exit_bad_input);
    EXPECT_TRUE(contains(err(), "run.months")) << err();

    options_.variant_overrides = {"setup.join_month=3"};
    options_.replicates = 1;
    ASSERT_EQ(compare(), exit_bad_input);
    EXPECT_TRUE(contains(err(), "at least 2 replicates")) << err();
}

// The month a strategy team decides at: a time-bound contract's end, an open-ended
// partnership's horizon, with the funder's decision cycle and the replicates behind each.
TEST_F(CompareCommand, StoresTheMonthEachDesignIsDecidedAt) {
    options_.baseline_overrides = {"setup.duration=time_bound", "setup.end_month=4",
                                   "funder.decision_cycle_months=3"};
    options_.variant_overrides = {"setup.duration=open_ended", "funder.decision_cycle_months=2"};
    options_.output = dir_ / "comparison.h5";
    ASSERT_EQ(compare(), exit_ok) << err();
    for (const auto& stored : analysis::read_analysis_file(options_.output)) {
        if (stored.table.name != "decision_month") continue;
        const analysis::AnalysisTable& table = stored.table;
        ASSERT_EQ(table.rows(), 2u);
        EXPECT_EQ(table.text_column("role"), (std::vector<std::string>{"baseline", "variant"}));
        EXPECT_EQ(table.text_column("duration"),
                  (std::vector<std::string>{"time_bound", "open_ended"}));
        EXPECT_EQ(table.number_column("end_month"), (std::vector<double>{4.0, double(months)}));
        EXPECT_EQ(table.number_column("decision_cycle_months"), (std::vector<double>{3.0, 2.0}));
        EXPECT_EQ(table.number_column("replicates"),
                  (std::vector<double>{double(replicates), double(replicates)}));
        return;
    }
    FAIL() << "no decision_month table";
}

// The stored comparison against the model run here directly: replicate r of both scenarios
// with the baseline's seed, as `run` would run them. The means are computed the same way (a
// plain sum over 4 runs divided by 4), but in a different order of additions on another
// path, so they agree to rounding: 1e-12 relative.
TEST_F(CompareCommand, WritesTheComparisonTablesAndRefusesToOverwriteThem) {
    options_.variant_overrides = {"setup.join_month=3"};
    options_.output = dir_ / "comparison.h5";
    ASSERT_EQ(compare(), exit_ok) << err();
    ASSERT_TRUE(fs::exists(options_.output));

    const auto tables = analysis::read_analysis_file(options_.output);
    ASSERT_EQ(tables.size(), 4u)
        << "comparison, comparison_over_time, comparison_risk, decision_month";
    const auto find = [&](const std::string& name) -> const analysis::AnalysisTable& {
        for (const auto& stored : tables)
            if (stored.table.name == name) return stored.table;
        throw std::out_of_range(name);
    };
    const analysis::AnalysisTable& final_table = find("comparison");
    const analysis::AnalysisTable& over_time = find("comparison_over_time");
    // Continuous measures only: a class code or a month has no mean difference.
    std::size_t continuous = 0;
    for (const auto& measure : measure_table())
        continuous += measure.kind == MeasureKind::continuous;
    ASSERT_EQ(final_table.rows(), continuous);
    // A compare file names its measures as the measures table does (a report of it once said
    // "the trust partner facilitator").
    EXPECT_EQ(final_table.text_column("description")[0], measure_table()[0].description);
    EXPECT_EQ(final_table.text_column("units")[0], measure_table()[0].units);
    // and says which way is good, so the report words and colours better and worse.
    EXPECT_EQ(final_table.text_column("direction")[0], "higher is better");
    ASSERT_EQ(over_time.rows(), continuous * months);
    // The paired shares month by month, the last month's those of the final table.
    for (const std::string share : {"variant_higher", "variant_lower_high"}) {
        EXPECT_EQ(over_time.number_column(share)[months - 1], final_table.number_column(share)[0])
            << share;
    }

    const Scenario baseline = resolve_scenario({scenario_, {}, {}, {}});
    const Scenario variant = resolve_scenario({scenario_, {"setup.join_month=3"}, {}, {}});
    std::vector<RunResult> before;
    std::vector<RunResult> after;
    for (std::uint64_t r = 0; r < replicates; ++r) {
        before.push_back(run_partnership(baseline, make_run_id(seed, 0, r, replicates)));
        after.push_back(run_partnership(variant, make_run_id(seed, 0, r, replicates)));
    }
    bool some_difference = false;
    std::size_t i = 0;  // the row of measure m
    for (std::size_t m = 0; m < measure_count; ++m, ++i) {
        if (measure_table()[m].kind != MeasureKind::continuous) {
            --i;
            continue;
        }
        EXPECT_EQ(final_table.text_column("measure")[i], measure_catalogue()[m].name);
        double b = 0.0;
        double v = 0.0;
        for (std::uint64_t r = 0; r < replicates; ++r) {
            b += before[r].final_values[m] / replicates;
            v += after[r].final_values[m] / replicates;
        }
        const double tolerance = 1e-12 * std::max(1.0, std::abs(b) + std::abs(v));
        EXPECT_NEAR(final_table.number_column("baseline_mean")[i], b, tolerance) << m;
        EXPECT_NEAR(final_table.number_column("variant_mean")[i], v, tolerance) << m;
        EXPECT_NEAR(final_table.number_column("difference")[i], v - b, tolerance) << m;
        some_difference |= std::abs(v - b) > 1e-3;
        for (int t = 0; t < months; ++t) {
            const std::size_t row = i * months + static_cast<std::size_t>(t);
            EXPECT_EQ(over_time.text_column("measure")[row], measure_catalogue()[m].name);
            EXPECT_EQ(over_time.number_column("month")[row], t + 1.0);
            double monthly = 0.0;
            for (std::uint64_t r = 0; r < replicates; ++r)
                monthly += after[r].at(static_cast<Measure>(m), t) / double(replicates);
            EXPECT_NEAR(over_time.number_column("variant_mean")[row], monthly,
                        1e-12 * std::max(1.0, std::abs(monthly)))
                << m << ", month " << t + 1;
        }
    }
    EXPECT_TRUE(some_difference) << "joining at month 3 changed nothing: a weak test";

    const std::string written = test::read_file_bytes(options_.output);
    ASSERT_EQ(compare(), exit_bad_input);
    EXPECT_TRUE(contains(err(), options_.output.string())) << err();
    EXPECT_EQ(out(), "") << "ran before refusing";
    EXPECT_EQ(test::read_file_bytes(options_.output), written);

    options_.force = true;
    ASSERT_EQ(compare(), exit_ok) << err();
    EXPECT_EQ(analysis::read_analysis_file(options_.output).size(), 4u)
        << "with comparison_risk and decision_month";
}

TEST_F(CompareCommand, ASecondFileIsTheVariantWithTheBaselinesSeedAndReplicates) {
    test::write_text_file(dir_ / "other.toml", test::small_scenario_toml(months, 3, 5, 99) +
                                                   "\n[setup]\njoin_month = 3\n");
    options_.variant = dir_ / "other.toml";
    ASSERT_EQ(compare(), exit_ok) << err();
    EXPECT_TRUE(contains(out(), "setup.join_month: 0 -> 3")) << out();
    EXPECT_TRUE(contains(out(), "note: the variant uses the baseline's seed (7)")) << out();
    EXPECT_TRUE(contains(out(), "note: the variant runs the baseline's 4 replicates")) << out();
    EXPECT_FALSE(contains(out(), "run.seed")) << "the aligned seed is not a difference";
}

TEST_F(CompareCommand, LeavesAnEarlierRunsResumableFileAlone) {
    // `run` tells the user to --resume from OUTPUT.partial; compare -o OUTPUT must not take it.
    const fs::path output = dir_ / "cmp.h5";
    test::write_text_file(fs::path(output.string() + ".partial"), "an earlier run's work");
    options_.variant_overrides = {"setup.join_month=3"};
    options_.output = output;
    EXPECT_EQ(compare(), exit_bad_input);
    EXPECT_TRUE(contains(err(), "--force")) << err();
    EXPECT_EQ(test::read_file_bytes(output.string() + ".partial"), "an earlier run's work");
    EXPECT_FALSE(fs::exists(output));

    options_.output = dir_ / "no such folder" / "cmp.h5";
    EXPECT_EQ(compare(), exit_bad_input);
    EXPECT_TRUE(contains(err(), "does not exist")) << err();
}

}  // namespace
}  // namespace partnersim
