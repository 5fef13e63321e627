#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "io/design_tables.hpp"
#include "io/hdf5_reader.hpp"
#include "io/hdf5_writer.hpp"
#include "support/subprocess.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

constexpr int months = 3;

void write_shard(const std::filesystem::path& path, std::uint64_t runs, unsigned k, unsigned n) {
    ResultsShape shape{months};
    shape.shard = ShardInfo{k, n, runs};
    Scenario scenario;
    scenario.run.replicates = static_cast<std::int64_t>(runs);
    const ExperimentDesign design = single_point_design(scenario);
    Hdf5ResultWriter writer(path, shape,
                            ResultsMetadata{"0.1.0", "[run]\n", "partnersim run", "2024-05-01"},
                            design_prologue(design));
    const auto [first, last] = shard_range(runs, k, n);
    for (std::uint64_t run = first; run < last; ++run) {
        writer.write(test::make_known_run(run, months));
    }
    writer.close();
}

struct Outcome {
    int exit_code;
    std::string out;
    std::string err;
};

Outcome merge(const std::filesystem::path& output, const std::vector<std::filesystem::path>& inputs,
              bool force = false) {
    MergeCommandOptions options;
    options.output = output;
    options.inputs = inputs;
    options.force = force;
    options.command_line = "partnersim merge";
    std::ostringstream out;
    std::ostringstream err;
    const int code = merge_command(options, out, err);
    return {code, out.str(), err.str()};
}

TEST(MergeCommand, MergesShardsAndSaysHowMany) {
    const test::TempDir dir;
    write_shard(dir / "a.h5", 8, 1, 2);
    write_shard(dir / "b.h5", 8, 2, 2);
    const Outcome outcome = merge(dir / "all.h5", {dir / "b.h5", dir / "a.h5"});
    EXPECT_EQ(outcome.exit_code, exit_ok) << outcome.err;
    EXPECT_NE(outcome.out.find("merged 8 runs from 2 shards"), std::string::npos) << outcome.out;
    EXPECT_EQ(read_run_column(dir / "all.h5", "run_index"),
              (std::vector<std::uint64_t>{0, 1, 2, 3, 4, 5, 6, 7}));
}

TEST(MergeCommand, BadInputExitsWithTwoAndAMessage) {
    const test::TempDir dir;
    write_shard(dir / "a.h5", 9, 1, 3);
    write_shard(dir / "c.h5", 9, 3, 3);
    const Outcome gap = merge(dir / "all.h5", {dir / "a.h5", dir / "c.h5"});
    EXPECT_EQ(gap.exit_code, exit_bad_input);
    EXPECT_NE(gap.err.find("error: no shard holds runs 3 to 5"), std::string::npos) << gap.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "all.h5"));

    const Outcome missing = merge(dir / "all.h5", {dir / "a.h5", dir / "nope.h5"});
    EXPECT_EQ(missing.exit_code, exit_bad_input);
    EXPECT_NE(missing.err.find("nope.h5"), std::string::npos) << missing.err;
}

TEST(MergeCommand, AnExistingOutputExitsWithTwoUnlessForced) {
    const test::TempDir dir;
    write_shard(dir / "a.h5", 4, 1, 1);
    {
        std::ofstream existing(dir / "all.h5");
        existing << "earlier";
    }
    const Outcome refused = merge(dir / "all.h5", {dir / "a.h5"});
    EXPECT_EQ(refused.exit_code, exit_bad_input);
    EXPECT_NE(refused.err.find("--force"), std::string::npos) << refused.err;
    EXPECT_EQ(merge(dir / "all.h5", {dir / "a.h5"}, true).exit_code, exit_ok);
    EXPECT_EQ(read_results_info(dir / "all.h5").runs, 4u);
}

TEST(MergeCommand, AFailureWhileWritingExitsWithOne) {
    const test::TempDir dir;
    write_shard(dir / "a.h5", 4, 1, 1);
    const Outcome outcome = merge(dir / "no-such-directory" / "all.h5", {dir / "a.h5"});
    EXPECT_EQ(outcome.exit_code, exit_failure);
    EXPECT_NE(outcome.err.find("no-such-directory"), std::string::npos) << outcome.err;
}

TEST(MergeCommand, TheExecutableMerges) {
    const test::TempDir dir;
    write_shard(dir / "a.h5", 6, 1, 2);
    write_shard(dir / "b.h5", 6, 2, 2);
    const test::ProcessResult ok =
        test::run_process({PARTNERSIM_EXECUTABLE, "merge", (dir / "all.h5").string(),
                           (dir / "a.h5").string(), (dir / "b.h5").string()});
    EXPECT_EQ(ok.exit_code, exit_ok) << ok.err;
    EXPECT_EQ(read_results_info(dir / "all.h5").runs, 6u);
    EXPECT_NE(read_results_info(dir / "all.h5").metadata.command_line.find(" merge "),
              std::string::npos);

    const test::ProcessResult again = test::run_process(
        {PARTNERSIM_EXECUTABLE, "merge", (dir / "all.h5").string(), (dir / "a.h5").string()});
    EXPECT_EQ(again.exit_code, exit_bad_input);
    const test::ProcessResult forced =
        test::run_process({PARTNERSIM_EXECUTABLE, "merge", (dir / "all.h5").string(),
                           (dir / "a.h5").string(), (dir / "b.h5").string(), "--force"});
    EXPECT_EQ(forced.exit_code, exit_ok) << forced.err;
    const test::ProcessResult usage =
        test::run_process({PARTNERSIM_EXECUTABLE, "merge", (dir / "all.h5").string()});
    EXPECT_EQ(usage.exit_code, exit_bad_input);
}

}  // namespace
}  // namespace partnersim
