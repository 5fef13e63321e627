#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "io/analysis_file.hpp"
#include "support/small_sweeps.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

namespace fs = std::filesystem;

using test::contains;

struct Discovered {
    int code;
    std::string out;
    std::string err;
};

Discovered discover(const DiscoverCommandOptions& options) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = discover_command(options, out, err);
    return {code, out.str(), err.str()};
}

// The 8-point grid of test::grid_sweep_toml. Joining at month 3 rather than 0 lowers the
// partners' trust in the facilitator by about 0.07 at month 6 (mean 0.66 over all runs), so
// "trust above 0.65" succeeds mostly where the facilitator joined at month 0.
class DiscoverCommand : public testing::Test {
protected:
    DiscoverCommand() {
        options_.results = results_;
        options_.success = "trust_partner_facilitator > 0.65";
    }

    test::TempDir dir_;
    fs::path results_ = test::run_small_sweep(dir_, "grid", test::grid_sweep_toml());
    fs::path analysis_file_ = dir_ / "grid.analysis.h5";
    DiscoverCommandOptions options_;
};

TEST_F(DiscoverCommand, PrintsBoxesWithCoverageAndDensityAndStoresThem) {
    const Discovered first = discover(options_);
    ASSERT_EQ(first.code, exit_ok) << first.err;
    EXPECT_TRUE(contains(first.out, "24 runs = 8 design points x 3 replicates")) << first.out;
    EXPECT_TRUE(contains(first.out, "At month 6 (the final month).")) << first.out;
    EXPECT_TRUE(contains(first.out, "Success: trust_partner_facilitator > 0.65\n")) << first.out;
    EXPECT_TRUE(contains(first.out, " of 24 runs succeed (")) << first.out;
    EXPECT_TRUE(contains(first.out, "Box 1: coverage ")) << first.out;
    EXPECT_TRUE(contains(first.out, ", density ")) << first.out;
    EXPECT_TRUE(contains(first.out, "setup.join_month")) << "the parameter that matters";
    EXPECT_EQ(first.err, "saved to " + analysis_file_.string() + "\n");

    std::set<std::string> names;
    for (const auto& stored : analysis::read_analysis_file(analysis_file_))
        names.insert(stored.table.name);
    EXPECT_EQ(names, (std::set<std::string>{"prim_boxes", "prim_limits", "prim_trajectory",
                                            "prim_success"}));

    const Discovered second = discover(options_);
    ASSERT_EQ(second.code, exit_ok) << second.err;
    EXPECT_EQ(second.err, "read from " + analysis_file_.string() + "\n");
    EXPECT_EQ(second.out, first.out);
}

TEST_F(DiscoverCommand, ABadConditionIsBadInputShownWithACaret) {
    options_.success = "trust_partner_facilitator >> 0.65";
    const Discovered result = discover(options_);
    EXPECT_EQ(result.code, exit_bad_input);
    EXPECT_TRUE(contains(result.err, "in the success condition")) << result.err;
    // The condition, then a caret under the place of the mistake.
    EXPECT_TRUE(contains(result.err, "\n  trust_partner_facilitator >> 0.65\n  ")) << result.err;
    const std::size_t caret = result.err.rfind('^');
    ASSERT_NE(caret, std::string::npos) << result.err;
    const std::size_t line_start = result.err.rfind('\n', caret) + 1;
    EXPECT_EQ(caret - line_start - 2, std::string("trust_partner_facilitator >").size())
        << result.err;
    EXPECT_EQ(result.out, "");
    EXPECT_FALSE(fs::exists(analysis_file_));

    options_.success = "trust_partner_facilitatr > 0.65";
    const Discovered unknown = discover(options_);
    EXPECT_EQ(unknown.code, exit_bad_input);
    EXPECT_TRUE(contains(unknown.err, "did you mean 'trust_partner_facilitator'")) << unknown.err;
}

TEST_F(DiscoverCommand, UnknownParametersAndSingleScenariosAreBadInput) {
    options_.parameters = {"setup.join_mnth"};
    const Discovered unknown = discover(options_);
    EXPECT_EQ(unknown.code, exit_bad_input);
    EXPECT_TRUE(contains(unknown.err, "did you mean 'setup.join_month'")) << unknown.err;

    options_.parameters = {};
    options_.results = test::run_small_sweep(dir_, "single", test::single_scenario_toml());
    const Discovered single = discover(options_);
    EXPECT_EQ(single.code, exit_bad_input);
    EXPECT_TRUE(contains(single.err, "holds a single scenario")) << single.err;
}

TEST_F(DiscoverCommand, NoSuccessSaysSo) {
    options_.success = "trust_partner_facilitator > 2";
    const Discovered result = discover(options_);
    ASSERT_EQ(result.code, exit_ok) << result.err;
    EXPECT_TRUE(contains(result.out, "0 of 24 runs succeed (0.0%)")) << result.out;
    EXPECT_TRUE(contains(result.out, "No box found: no run succeeds.")) << result.out;
}

}  // namespace
}  // namespace partnersim
