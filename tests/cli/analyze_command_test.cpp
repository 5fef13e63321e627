#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>

#include "analysis/interaction.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "io/analysis_file.hpp"
#include "support/small_sweeps.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

namespace fs = std::filesystem;

using test::contains;

std::set<std::string> stored_names(const fs::path& analysis_file) {
    std::set<std::string> names;
    for (const auto& stored : analysis::read_analysis_file(analysis_file))
        names.insert(stored.table.name);
    return names;
}

struct Analysed {
    int code;
    std::string out;
    std::string err;
};

Analysed analyse(const AnalyzeCommandOptions& options) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = analyze_command(options, out, err);
    return {code, out.str(), err.str()};
}

// The 8-point grid of test::grid_sweep_toml (duration x review x join month), 3 replicates.
class AnalyzeCommand : public testing::Test {
protected:
    AnalyzeCommand() {
        options_.results = results_;
        options_.resamples = 200;  // the intervals' accuracy is not what these tests are about
    }

    test::TempDir dir_;
    fs::path results_ = test::run_small_sweep(dir_, "grid", test::grid_sweep_toml());
    fs::path analysis_file_ = dir_ / "grid.analysis.h5";
    AnalyzeCommandOptions options_;
};

TEST_F(AnalyzeCommand, PrintsEveryParametersEffectAndStoresTheTables) {
    const Analysed first = analyse(options_);
    ASSERT_EQ(first.code, exit_ok) << first.err;
    EXPECT_TRUE(contains(first.out, "24 runs = 8 design points x 3 replicates")) << first.out;
    EXPECT_TRUE(contains(first.out, "Main effects at month 6 (the final month)")) << first.out;
    EXPECT_TRUE(contains(first.out, "setup.duration    open_ended -> time_bound")) << first.out;
    EXPECT_TRUE(contains(first.out, "setup.review      true -> false")) << first.out;
    EXPECT_TRUE(contains(first.out, "setup.join_month  0 -> 3")) << first.out;
    EXPECT_FALSE(contains(first.out, "Sobol")) << "a grid has no Sobol indices";
    EXPECT_EQ(first.err, "saved to " + analysis_file_.string() + "\n");
    EXPECT_EQ(stored_names(analysis_file_),
              (std::set<std::string>{"main_effect_levels", "main_effects", "outcome_risk"}));
}

TEST_F(AnalyzeCommand, ASecondRequestIsReadBackAndPrintsTheSame) {
    const Analysed first = analyse(options_);
    ASSERT_EQ(first.code, exit_ok) << first.err;
    const std::string stored = test::read_file_bytes(analysis_file_);

    const Analysed second = analyse(options_);
    ASSERT_EQ(second.code, exit_ok) << second.err;
    EXPECT_EQ(second.err, "read from " + analysis_file_.string() + "\n");
    EXPECT_EQ(second.out, first.out);
    EXPECT_EQ(test::read_file_bytes(analysis_file_), stored) << "rewritten though unchanged";

    options_.recompute = true;
    const Analysed recomputed = analyse(options_);
    ASSERT_EQ(recomputed.code, exit_ok) << recomputed.err;
    EXPECT_EQ(recomputed.err, "saved to " + analysis_file_.string() + "\n");
    EXPECT_EQ(recomputed.out, first.out) << "the same seed gives the same intervals";

    // Another option is another request: computed, not read.
    options_.recompute = false;
    options_.bootstrap_seed = 1;
    const Analysed reseeded = analyse(options_);
    ASSERT_EQ(reseeded.code, exit_ok) << reseeded.err;
    EXPECT_TRUE(contains(reseeded.err, "saved to")) << reseeded.err;
}

// The same command line run again on an edited scenario (here: another seed) makes another
// results file under the same name, usually within the same second: its analyses are new.
TEST_F(AnalyzeCommand, ARerunUnderTheSameNameIsAnalysedAgain) {
    const Analysed first = analyse(options_);
    ASSERT_EQ(first.code, exit_ok) << first.err;
    fs::remove(results_);
    test::run_small_sweep(dir_, "grid", test::grid_sweep_toml(6, 3, 12));

    const Analysed rerun = analyse(options_);
    ASSERT_EQ(rerun.code, exit_ok) << rerun.err;
    EXPECT_EQ(rerun.err, "saved to " + analysis_file_.string() + "\n")
        << "served the analysis of the old contents";
    EXPECT_NE(rerun.out, first.out);
}

TEST_F(AnalyzeCommand, AnInteractionPrintsTheDifferenceRow) {
    options_.interaction = {"setup.join_month", "setup.duration"};
    options_.measures = {"trust_partner_facilitator"};
    const Analysed result = analyse(options_);
    ASSERT_EQ(result.code, exit_ok) << result.err;
    EXPECT_TRUE(contains(result.out,
                         "the effect of setup.join_month (0 -> 3) at each level of "
                         "setup.duration"))
        << result.out;
    EXPECT_TRUE(contains(result.out, "  open_ended ")) << result.out;
    EXPECT_TRUE(contains(result.out, "  time_bound ")) << result.out;
    EXPECT_TRUE(contains(result.out, std::string("  ") + analysis::interaction_row_label))
        << result.out;
    EXPECT_FALSE(contains(result.out, "\ncandour\n")) << "only the measure asked for";
    EXPECT_EQ(stored_names(analysis_file_),
              (std::set<std::string>{"main_effect_levels", "main_effects", "outcome_risk",
                                     "interaction_cells", "interaction"}));
}

TEST_F(AnalyzeCommand, UnknownNamesAndBadMonthsAreBadInput) {
    options_.measures = {"candor"};
    Analysed result = analyse(options_);
    EXPECT_EQ(result.code, exit_bad_input);
    EXPECT_TRUE(contains(result.err, "unknown measure 'candor'")) << result.err;
    EXPECT_TRUE(contains(result.err, "did you mean 'candour'")) << result.err;
    EXPECT_EQ(result.out, "");

    options_.measures = {};
    options_.interaction = {"setup.review", "setup.reveiw"};
    result = analyse(options_);
    EXPECT_EQ(result.code, exit_bad_input);
    EXPECT_TRUE(contains(result.err, "'setup.reveiw' was not varied")) << result.err;

    options_.interaction = {};
    options_.month = 7;
    result = analyse(options_);
    EXPECT_EQ(result.code, exit_bad_input);
    EXPECT_TRUE(contains(result.err, "month 7")) << result.err;
    EXPECT_FALSE(fs::exists(analysis_file_)) << "wrote an analysis of a bad request";
}

TEST_F(AnalyzeCommand, AnEarlierMonthIsAnalysedAsSuch) {
    options_.month = 2;
    const Analysed result = analyse(options_);
    ASSERT_EQ(result.code, exit_ok) << result.err;
    EXPECT_TRUE(contains(result.out, "Main effects at month 2 of 6")) << result.out;
}

TEST(AnalyzeCommandInputs, ASingleScenarioIsBadInput) {
    const test::TempDir dir;
    AnalyzeCommandOptions options;
    options.results = test::run_small_sweep(dir, "single", test::single_scenario_toml());
    const Analysed result = analyse(options);
    EXPECT_EQ(result.code, exit_bad_input);
    EXPECT_TRUE(contains(result.err, "holds a single scenario")) << result.err;
    EXPECT_TRUE(contains(result.err, "compare")) << result.err;

    options.results = dir / "missing.h5";
    EXPECT_EQ(analyse(options).code, exit_bad_input);
}

TEST(AnalyzeCommandInputs, ASobolSweepGetsSobolIndices) {
    const test::TempDir dir;
    AnalyzeCommandOptions options;
    options.results = test::run_small_sweep(dir, "sobol", test::sobol_sweep_toml(4));
    options.resamples = 200;
    options.measures = {"facilitator_hours"};
    const Analysed result = analyse(options);
    ASSERT_EQ(result.code, exit_ok) << result.err;
    EXPECT_TRUE(contains(result.out, "Sobol indices at month 6")) << result.out;
    EXPECT_TRUE(contains(result.out, "  setup.budget_hours ")) << result.out;
    EXPECT_EQ(stored_names(dir / "sobol.analysis.h5").count("sobol_indices"), 1u);
}

TEST(AnalyzeCommandInputs, AMorrisSweepGetsElementaryEffects) {
    const test::TempDir dir;
    AnalyzeCommandOptions options;
    options.results = test::run_small_sweep(dir, "morris", test::morris_sweep_toml(4));
    options.resamples = 200;
    options.measures = {"facilitator_hours"};
    const Analysed result = analyse(options);
    ASSERT_EQ(result.code, exit_ok) << result.err;
    EXPECT_TRUE(contains(result.out, "Morris screening at month 6")) << result.out;
    // facilitator_hours is the budget: mu* = the budget's range, 200 hours.
    EXPECT_TRUE(contains(result.out, "mu* 200.000 [200.000, 200.000]")) << result.out;
    EXPECT_EQ(stored_names(dir / "morris.analysis.h5").count("morris"), 1u);
}

TEST_F(AnalyzeCommand, TheSameParameterTwiceIsBadInputBeforeAnythingIsPrinted) {
    options_.interaction = {"setup.duration", "setup.duration"};
    const Analysed result = analyse(options_);
    EXPECT_EQ(result.code, exit_bad_input);
    EXPECT_TRUE(contains(result.err, "two different parameters")) << result.err;
    EXPECT_TRUE(result.out.empty()) << result.out;
}

TEST_F(AnalyzeCommand, AnUnreadableAnalysisFileIsOnlyACacheAndIsLeftAlone) {
    test::write_text_file(analysis_file_, "not an analysis file");
    const Analysed result = analyse(options_);
    EXPECT_EQ(result.code, exit_ok) << result.err;
    EXPECT_TRUE(contains(result.out, "setup.join_month"));
    EXPECT_TRUE(contains(result.err, "warning")) << result.err;
    EXPECT_EQ(test::read_file_bytes(analysis_file_), "not an analysis file");
}

TEST_F(AnalyzeCommand, AShardIsRefusedWithWhereToGoNext) {
    // Half the runs: every estimate would be biased by the missing points.
    RunCommandOptions run;
    run.scenario.file = dir_ / "grid.toml";
    run.output = dir_ / "half.h5";
    run.shard = "1/2";
    run.quiet = true;
    std::ostringstream out, err;
    ASSERT_EQ(run_command(run, out, err), exit_ok) << err.str();
    options_.results = run.output;
    const Analysed result = analyse(options_);
    EXPECT_EQ(result.code, exit_bad_input);
    EXPECT_TRUE(contains(result.err, "merge")) << result.err;
    EXPECT_FALSE(fs::exists(dir_ / "half.analysis.h5"));
}

}  // namespace
}  // namespace partnersim
