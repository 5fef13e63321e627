#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

using test::contains;

class CalibrateCommand : public testing::Test {
protected:
    CalibrateCommand() {
        test::write_text_file(dir_ / "small.toml", test::small_scenario_toml(6, 2, 5, 7));
        test::write_text_file(targets_,
                              "[[target]]\nname = \"attendance\"\nmeasure = \"participation\"\n"
                              "scenario = \"small.toml\"\nvalue = 0.6\ntolerance = 0.1\n"
                              "source = \"a test\"\n");
        options_.targets = targets_;
        options_.samples = 6;
        options_.replicates = 2;
        options_.constants = {"participation.drive_*"};
        options_.threads = 2;
        options_.quiet = true;
    }
    int calibrate() { return calibrate_command(options_, out_, err_); }

    test::TempDir dir_;
    std::filesystem::path targets_ = dir_ / "targets.toml";
    CalibrateCommandOptions options_;
    std::ostringstream out_, err_;
};

TEST_F(CalibrateCommand, PrintsThePosteriorOfEachConstantAndTheFitOfEachTarget) {
    ASSERT_EQ(calibrate(), exit_ok) << err_.str();
    const std::string text = out_.str();
    EXPECT_TRUE(contains(text, "6 Latin hypercube samples of 1 constants")) << text;
    EXPECT_TRUE(contains(text, "participation.drive_threshold")) << text;
    EXPECT_TRUE(contains(text, "attendance: participation, month 6 of")) << text;
    EXPECT_TRUE(contains(text, "--set participation.drive_threshold=")) << text;
    EXPECT_EQ(err_.str(), "") << "quiet: no progress and no messages";
}

TEST_F(CalibrateCommand, ABadTargetsFileIsBadInputWithItsLocation) {
    test::write_text_file(targets_, "[[target]]\nname = \"a\"\nmeasure = \"participaton\"\n");
    EXPECT_EQ(calibrate(), exit_bad_input);
    EXPECT_TRUE(contains(err_.str(), targets_.string() + ":3: key 'target.1.measure': unknown "
                                                         "measure 'participaton'; did you mean "
                                                         "'participation'?"))
        << err_.str();
    EXPECT_EQ(out_.str(), "");
}

}  // namespace
}  // namespace partnersim
