// Every interval partnersim prints says which kind it is (issue 10): a Monte Carlo interval
// with the model's constants fixed, or an interval over plausible models under --uncertainty;
// and the risk of failure is shown as shares per class, not as a mean of codes.

#include <gtest/gtest.h>

#include <sstream>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "support/small_sweeps.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

namespace fs = std::filesystem;
using test::contains;

const std::string monte_carlo =
    "Monte Carlo interval: the precision of the estimate with the model's constants fixed at "
    "their defaults; it is not what is known";

class IntervalLabels : public testing::Test {
protected:
    std::string run(bool uncertainty, const std::string& name) {
        RunCommandOptions options;
        options.scenario.file = scenario_;
        options.scenario.uncertainty = uncertainty;
        options.output = dir_ / (name + ".h5");
        options.threads = 2;
        options.quiet = true;
        std::ostringstream out, err;
        EXPECT_EQ(run_command(options, out, err), exit_ok) << err.str();
        return out.str();
    }
    std::string compare(bool uncertainty) {
        CompareCommandOptions options;
        options.baseline = scenario_;
        options.variant_overrides = {"setup.duration=open_ended"};
        options.uncertainty = uncertainty;
        options.threads = 2;
        options.quiet = true;
        std::ostringstream out, err;
        EXPECT_EQ(compare_command(options, out, err), exit_ok) << err.str();
        return out.str();
    }

    test::TempDir dir_;
    fs::path scenario_ = [this] {
        const fs::path path = dir_ / "small.toml";
        test::write_text_file(path, test::small_scenario_toml(12, 6, 5, 3));
        return path;
    }();
};

TEST_F(IntervalLabels, SummarySaysWhichIntervalAndShowsRiskNotMeansOfCodes) {
    const std::string fixed = run(false, "fixed");
    EXPECT_TRUE(contains(fixed, "Intervals: " + monte_carlo + ".")) << fixed;
    EXPECT_FALSE(contains(fixed, "plausible models")) << fixed;
    EXPECT_TRUE(contains(fixed, "Risk of failure")) << fixed;
    EXPECT_TRUE(contains(fixed, "thriving ")) << fixed;
    EXPECT_TRUE(contains(fixed, "failed (struggling or collapsed) ")) << fixed;
    for (const char* code : {"  outcome ", "  outcome_month ", "  outcome_cause "}) {
        EXPECT_FALSE(contains(fixed, code)) << "the mean of a code is printed: " << fixed;
    }
    const std::string drawn = run(true, "drawn");
    EXPECT_TRUE(contains(drawn, "Intervals: interval over 6 plausible models and runs.")) << drawn;
    EXPECT_FALSE(contains(drawn, "Monte Carlo")) << drawn;
    EXPECT_TRUE(contains(drawn, "Model constants: drawn per replicate")) << drawn;
}

TEST_F(IntervalLabels, CompareSaysWhichIntervalAndGivesTheRiskDifference) {
    const std::string fixed = compare(false);
    EXPECT_TRUE(contains(fixed, "intervals: " + monte_carlo + ".")) << fixed;
    EXPECT_TRUE(contains(fixed, "Risk of failure")) << fixed;
    EXPECT_TRUE(contains(fixed, "Newcombe")) << fixed;
    EXPECT_FALSE(contains(fixed, "drawn models")) << fixed;
    const std::string drawn = compare(true);
    EXPECT_TRUE(contains(drawn, "intervals: interval over 6 plausible models and runs.")) << drawn;
    EXPECT_TRUE(contains(drawn, "Across the 6 drawn models")) << drawn;
    EXPECT_TRUE(contains(drawn, "note: model constants: drawn per replicate")) << drawn;
}

TEST_F(IntervalLabels, AnalyzeSaysWhichIntervalAndShowsTheRiskPerDesignPoint) {
    const fs::path sweep = test::run_small_sweep(dir_, "grid", test::grid_sweep_toml(6, 3));
    AnalyzeCommandOptions options;
    options.results = sweep;
    options.resamples = 50;
    options.quiet = true;
    std::ostringstream out, err;
    ASSERT_EQ(analyze_command(options, out, err), exit_ok) << err.str();
    EXPECT_TRUE(contains(out.str(), "Intervals: " + monte_carlo + ".")) << out.str();
    EXPECT_TRUE(contains(out.str(), "Risk of failure at")) << out.str();
    EXPECT_TRUE(contains(out.str(), ": failed ")) << out.str();
}

}  // namespace
}  // namespace partnersim
