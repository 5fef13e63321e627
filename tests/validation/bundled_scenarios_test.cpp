// Every scenario shipped in scenarios/ parses, expands its sweep and runs, shortened to a few
// 30 months and one replicate per design point, through the same `run` command users call.

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "io/hdf5_reader.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> bundled_scenarios() {
    std::vector<fs::path> files;
    for (const auto& entry :
         fs::recursive_directory_iterator(fs::path(PARTNERSIM_SOURCE_DIR) / "scenarios")) {
        if (entry.path().extension() == ".toml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

TEST(BundledScenarios, ThereAreArchetypesCasesStressTestsAndEnablers) {
    std::size_t archetypes = 0, cases = 0, stress = 0;
    for (const auto& file : bundled_scenarios()) {
        const auto folder = file.parent_path().filename();
        archetypes += folder == "archetypes";
        cases += folder == "cases";
        stress += folder == "stress";
    }
    EXPECT_EQ(archetypes, 4u);
    EXPECT_EQ(cases, 5u);
    EXPECT_GE(stress, 8u);
    EXPECT_TRUE(fs::exists(fs::path(PARTNERSIM_SOURCE_DIR) / "scenarios/enablers.toml"));
    EXPECT_TRUE(fs::exists(fs::path(PARTNERSIM_SOURCE_DIR) / "scenarios/default.toml"));
}

TEST(BundledScenarios, EveryOneRunsForAFewMonths) {
    test::TempDir dir;
    for (const auto& file : bundled_scenarios()) {
        SCOPED_TRACE(file.string());
        RunCommandOptions options;
        options.scenario.file = file;
        // 30 months: long enough for the latest join month any sweep tries (24).
        options.scenario.overrides = {"run.months=30"};
        options.scenario.replicates = 1;
        options.output = dir / (file.stem().string() + ".h5");
        options.quiet = true;
        options.threads = 2;
        std::ostringstream out, err;
        ASSERT_EQ(run_command(options, out, err), exit_ok) << err.str();
        const ResultsFileInfo info = read_results_info(options.output);
        EXPECT_EQ(info.months, 30);
        EXPECT_GE(info.runs, 1u);
        // The capacity of every run is a share: the model ran, not just the writer.
        for (const double capacity : read_final(options.output, "capacity")) {
            EXPECT_GT(capacity, 0.0);
            EXPECT_LT(capacity, 1.0);
        }
    }
}

}  // namespace
}  // namespace partnersim
