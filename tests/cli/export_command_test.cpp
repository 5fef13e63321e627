#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "support/small_sweeps.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

namespace fs = std::filesystem;

using test::contains;

struct Exported {
    int code;
    std::string out;
    std::string err;
};

Exported export_to(const ExportCommandOptions& options) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = export_command(options, out, err);
    return {code, out.str(), err.str()};
}

class ExportCommand : public testing::Test {
protected:
    ExportCommand() {
        options_.results = test::run_small_sweep(dir_, "grid", test::grid_sweep_toml());
        options_.folder = dir_ / "csv";
    }

    test::TempDir dir_;
    ExportCommandOptions options_;
};

TEST_F(ExportCommand, WritesTheFilesAndListsThem) {
    const Exported result = export_to(options_);
    ASSERT_EQ(result.code, exit_ok) << result.err;
    const fs::path& folder = options_.folder;
    EXPECT_EQ(result.out, (folder / "runs.csv").string() + "\n" + (folder / "design.csv").string() +
                              "\n" + (folder / "timeseries_means.csv").string() + "\n" +
                              (folder / "columns.csv").string() + "\n");
    EXPECT_EQ(result.err, "");
    for (const char* name : {"runs.csv", "design.csv", "timeseries_means.csv", "columns.csv"})
        EXPECT_TRUE(fs::exists(folder / name)) << name;
    EXPECT_FALSE(fs::exists(folder / "timeseries.csv"));
}

TEST_F(ExportCommand, ASecondExportNeedsForce) {
    ASSERT_EQ(export_to(options_).code, exit_ok);
    test::write_text_file(options_.folder / "runs.csv", "edited\n");

    options_.timeseries = true;
    const Exported refused = export_to(options_);
    EXPECT_EQ(refused.code, exit_bad_input);
    EXPECT_TRUE(contains(refused.err, "--force")) << refused.err;
    EXPECT_EQ(refused.out, "");
    EXPECT_EQ(test::read_file_bytes(options_.folder / "runs.csv"), "edited\n");
    EXPECT_FALSE(fs::exists(options_.folder / "timeseries.csv")) << "wrote before refusing";

    options_.force = true;
    const Exported forced = export_to(options_);
    ASSERT_EQ(forced.code, exit_ok) << forced.err;
    EXPECT_TRUE(contains(forced.out, (options_.folder / "timeseries.csv").string())) << forced.out;
    EXPECT_NE(test::read_file_bytes(options_.folder / "runs.csv"), "edited\n");
}

TEST_F(ExportCommand, AMissingOrUnreadableResultsFileIsBadInput) {
    options_.results = dir_ / "missing.h5";
    const Exported missing = export_to(options_);
    EXPECT_EQ(missing.code, exit_bad_input);
    EXPECT_TRUE(contains(missing.err, "missing.h5")) << missing.err;
    EXPECT_FALSE(fs::exists(options_.folder));

    test::write_text_file(dir_ / "garbage.h5", "not HDF5");
    options_.results = dir_ / "garbage.h5";
    EXPECT_EQ(export_to(options_).code, exit_bad_input);
}

}  // namespace
}  // namespace partnersim
