#include "io/merge.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

#include "io/design_tables.hpp"
#include "io/hdf5_handles.hpp"
#include "io/hdf5_reader.hpp"
#include "io/hdf5_writer.hpp"
#include "io/output_file.hpp"
#include "support/hdf5_compare.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

constexpr int months = 4;
constexpr int partners = 3;

// --- shard_range ----------------------------------------------------------------------------

TEST(ShardRange, CoversEveryRunExactlyOnceInOrder) {
    const std::vector<std::uint64_t> run_counts{0,
                                                1,
                                                2,
                                                3,
                                                7,
                                                10,
                                                100,
                                                101,
                                                999,
                                                1000,
                                                123457,
                                                1ULL << 40,
                                                std::numeric_limits<std::uint64_t>::max()};
    const std::vector<unsigned> shard_counts{1, 2, 3, 4, 7, 10, 64, 1000, 4294967295u};
    for (const std::uint64_t runs : run_counts) {
        for (const unsigned n : shard_counts) {
            std::uint64_t expected_first = 0;
            const std::uint64_t smallest = runs / n;
            for (unsigned k = 1; k <= std::min(n, 2000u); ++k) {
                const auto [first, last] = shard_range(runs, k, n);
                ASSERT_EQ(first, expected_first) << runs << " runs, shard " << k << "/" << n;
                ASSERT_LE(first, last);
                ASSERT_TRUE(last - first == smallest || last - first == smallest + 1)
                    << runs << " runs, shard " << k << "/" << n << ": " << last - first;
                expected_first = last;
            }
            if (n <= 2000u) {
                EXPECT_EQ(expected_first, runs) << runs << " runs in " << n << " shards";
            } else {
                EXPECT_EQ(shard_range(runs, n, n).second, runs);
            }
        }
    }
}

TEST(ShardRange, MatchesTheFormula) {
    EXPECT_EQ(shard_range(10, 1, 3), (std::pair<std::uint64_t, std::uint64_t>{0, 3}));
    EXPECT_EQ(shard_range(10, 2, 3), (std::pair<std::uint64_t, std::uint64_t>{3, 6}));
    EXPECT_EQ(shard_range(10, 3, 3), (std::pair<std::uint64_t, std::uint64_t>{6, 10}));
    EXPECT_EQ(shard_range(2, 1, 3), (std::pair<std::uint64_t, std::uint64_t>{0, 0}));
    EXPECT_EQ(shard_range(2, 2, 3), (std::pair<std::uint64_t, std::uint64_t>{0, 1}));
}

TEST(ShardRange, RefusesShardsThatDoNotExist) {
    const auto message_of = [](unsigned k, unsigned n) {
        try {
            shard_range(10, k, n);
        } catch (const std::invalid_argument& error) {
            return std::string(error.what());
        }
        return std::string("no error");
    };
    EXPECT_NE(message_of(1, 0).find("N of at least 1"), std::string::npos) << message_of(1, 0);
    EXPECT_NE(message_of(0, 3).find("between 1 and 3"), std::string::npos) << message_of(0, 3);
    EXPECT_NE(message_of(4, 3).find("between 1 and 3"), std::string::npos) << message_of(4, 3);
}

TEST(ShardRange, ParsesKOverN) {
    const ShardInfo shard = parse_shard("2/8", 100);
    EXPECT_EQ(shard.index, 2u);
    EXPECT_EQ(shard.count, 8u);
    EXPECT_EQ(shard.total_runs, 100u);
    EXPECT_EQ(shard.label(), "2/8");
    for (const char* bad : {"", "2", "2/", "/8", "a/8", "2/8x", "-1/8", "9/8", "0/8", "1/0"}) {
        EXPECT_THROW(parse_shard(bad, 100), std::invalid_argument) << bad;
    }
}

// --- merge ----------------------------------------------------------------------------------

ResultsMetadata metadata(const std::string& scenario = "[run]\nmonths = 4\n") {
    return ResultsMetadata{"0.1.0-test", scenario, "partnersim run s.toml", "2024-05-01T12:00:00Z"};
}

ExperimentDesign design_of(std::uint64_t runs) {
    Scenario scenario;
    scenario.run.replicates = static_cast<std::int64_t>(runs);
    return single_point_design(scenario);
}

RunResult known(std::uint64_t run) {
    return test::make_known_run(run, months, run < 5 ? partners : 0);
}

// Runs [first, last) of `runs` into `path`, as `run` (shard unset) or `run --shard K/N` would.
void write_results(const std::filesystem::path& path, std::uint64_t runs,
                   std::optional<ShardInfo> shard,
                   const std::string& scenario = "[run]\nmonths = 4\n",
                   std::optional<std::uint64_t> stop_at = std::nullopt) {
    ResultsShape shape{months, 5, partners};
    shape.shard = shard;
    const auto [first, last] =
        shard ? shard_range(*shard) : std::pair<std::uint64_t, std::uint64_t>{0, runs};
    const ExperimentDesign design = design_of(runs);
    Hdf5ResultWriter writer(path, shape, metadata(scenario), design_prologue(design));
    for (std::uint64_t run = first; run < std::min(last, stop_at.value_or(last)); ++run) {
        writer.write(known(run));
    }
    writer.close();
}

std::vector<std::filesystem::path> write_shards(const test::TempDir& dir, std::uint64_t runs,
                                                unsigned n) {
    std::vector<std::filesystem::path> shards;
    for (unsigned k = 1; k <= n; ++k) {
        shards.push_back(dir / ("shard" + std::to_string(k) + ".h5"));
        write_results(shards.back(), runs, ShardInfo{k, n, runs});
    }
    return shards;
}

std::string merge_error(const std::vector<std::filesystem::path>& inputs,
                        const std::filesystem::path& output) {
    try {
        merge_results(inputs, output, false);
    } catch (const MergeError& error) {
        EXPECT_FALSE(std::filesystem::exists(output));
        EXPECT_FALSE(std::filesystem::exists(output.string() + ".partial"));
        return error.what();
    }
    ADD_FAILURE() << "expected MergeError";
    return "";
}

TEST(Merge, ThreeShardsMergeIntoTheSingleRunsFile) {
    const test::TempDir dir;
    constexpr std::uint64_t runs = 10;  // shards 0..2, 3..5, 6..9; traces span shards 1 and 2
    write_results(dir / "single.h5", runs, std::nullopt);
    auto shards = write_shards(dir, runs, 3);
    std::reverse(shards.begin(), shards.end());  // any order will do
    const MergeReport report = merge_results(shards, dir / "merged.h5", false, "partnersim merge");
    EXPECT_EQ(report.runs, runs);
    EXPECT_EQ(report.shards, 3u);

    test::expect_same_datasets(dir / "single.h5", dir / "merged.h5");
    EXPECT_FALSE(test::has_root_attribute(dir / "merged.h5", "shard"));
    EXPECT_FALSE(test::has_root_attribute(dir / "merged.h5", "first_run"));
    EXPECT_FALSE(test::has_root_attribute(dir / "merged.h5", "total_runs"));
    EXPECT_EQ(test::root_uint_attribute(dir / "merged.h5", "runs"), runs);
    for (const char* name : {"sweep", "partnersim_version", "scenario"}) {
        EXPECT_EQ(test::root_string_attribute(dir / "merged.h5", name),
                  test::root_string_attribute(dir / "single.h5", name))
            << name;
    }
    for (const char* name : {"design_points", "replicates_per_point"}) {
        EXPECT_EQ(test::root_uint_attribute(dir / "merged.h5", name),
                  test::root_uint_attribute(dir / "single.h5", name))
            << name;
    }
    EXPECT_EQ(read_results_info(dir / "merged.h5").metadata.command_line, "partnersim merge");
    EXPECT_FALSE(std::filesystem::exists(dir / "merged.h5.partial"));
}

// A scenario too long for an attribute is the root dataset /scenario in every shard; the merged
// file carries it whole (the writer writes its own, compaction does not copy the shards').
TEST(Merge, AScenarioTooLongForAnAttributeSurvivesTheMerge) {
    const test::TempDir dir;
    std::string scenario = "[run]\nmonths = 4\n";
    while (scenario.size() <= hdf5::max_attribute_text_bytes) scenario += "# a long comment\n";
    constexpr std::uint64_t runs = 6;
    std::vector<std::filesystem::path> shards;
    for (unsigned k = 1; k <= 2; ++k) {
        shards.push_back(dir / ("shard" + std::to_string(k) + ".h5"));
        write_results(shards.back(), runs, ShardInfo{k, 2, runs}, scenario);
    }
    write_results(dir / "single.h5", runs, std::nullopt, scenario);
    merge_results(shards, dir / "merged.h5", false, "partnersim merge");
    EXPECT_EQ(read_results_info(dir / "merged.h5").metadata.scenario_toml, scenario);
    test::expect_same_datasets(dir / "single.h5", dir / "merged.h5");
}

TEST(Merge, ManyShardsIncludingEmptyOnesMergeToo) {
    const test::TempDir dir;
    constexpr std::uint64_t runs = 7;
    write_results(dir / "single.h5", runs, std::nullopt);
    const auto shards = write_shards(dir, runs, 9);  // two of them hold no runs
    merge_results(shards, dir / "merged.h5", false);
    test::expect_same_datasets(dir / "single.h5", dir / "merged.h5");
}

TEST(Merge, AGapIsRefusedNamingTheFilesAround) {
    const test::TempDir dir;
    const auto shards = write_shards(dir, 10, 3);
    const std::string message = merge_error({shards[0], shards[2]}, dir / "merged.h5");
    EXPECT_NE(message.find("runs 3 to 5"), std::string::npos) << message;
    EXPECT_NE(message.find(shards[0].string()), std::string::npos) << message;
    EXPECT_NE(message.find(shards[2].string()), std::string::npos) << message;

    const std::string at_end = merge_error({shards[0], shards[1]}, dir / "merged.h5");
    EXPECT_NE(at_end.find("runs 6 to 9"), std::string::npos) << at_end;
    EXPECT_NE(at_end.find(shards[1].string()), std::string::npos) << at_end;
}

TEST(Merge, AnOverlapIsRefusedNamingBothFiles) {
    const test::TempDir dir;
    const auto thirds = write_shards(dir, 10, 3);
    write_results(dir / "half.h5", 10, ShardInfo{1, 2, 10});  // runs 0..4
    const std::string message =
        merge_error({thirds[1], thirds[2], dir / "half.h5"}, dir / "merged.h5");
    EXPECT_NE(message.find("overlap"), std::string::npos) << message;
    EXPECT_NE(message.find("runs 3 to 4"), std::string::npos) << message;
    EXPECT_NE(message.find(thirds[1].string()), std::string::npos) << message;
    EXPECT_NE(message.find((dir / "half.h5").string()), std::string::npos) << message;

    const std::string twice =
        merge_error({thirds[0], thirds[0], thirds[1], thirds[2]}, dir / "merged.h5");
    EXPECT_NE(twice.find("overlap"), std::string::npos) << twice;
}

TEST(Merge, ShardsOfAnotherExperimentAreRefused) {
    const test::TempDir dir;
    const auto shards = write_shards(dir, 10, 2);
    write_results(dir / "other.h5", 10, ShardInfo{2, 2, 10}, "[run]\nmonths = 4\nseed = 7\n");
    const std::string message = merge_error({shards[0], dir / "other.h5"}, dir / "merged.h5");
    EXPECT_NE(message.find((dir / "other.h5").string()), std::string::npos) << message;
    EXPECT_NE(message.find("not shards of the same experiment"), std::string::npos) << message;

    write_results(dir / "bigger.h5", 12, ShardInfo{2, 2, 12});
    const std::string sizes = merge_error({shards[0], dir / "bigger.h5"}, dir / "merged.h5");
    EXPECT_NE(sizes.find((dir / "bigger.h5").string()), std::string::npos) << sizes;
}

TEST(Merge, AnUnfinishedShardIsRefused) {
    const test::TempDir dir;
    const auto shards = write_shards(dir, 10, 2);
    write_results(dir / "unfinished.h5", 10, ShardInfo{2, 2, 10}, "[run]\nmonths = 4\n", 8);
    const std::string message = merge_error({shards[0], dir / "unfinished.h5"}, dir / "merged.h5");
    EXPECT_NE(message.find((dir / "unfinished.h5").string()), std::string::npos) << message;
    EXPECT_NE(message.find("unfinished"), std::string::npos) << message;
    EXPECT_NE(message.find("runs 5 to 7"), std::string::npos) << message;
}

TEST(Merge, FilesThatAreNotShardsAreRefused) {
    const test::TempDir dir;
    write_results(dir / "single.h5", 10, std::nullopt);
    const std::string message = merge_error({dir / "single.h5"}, dir / "merged.h5");
    EXPECT_NE(message.find("is not a shard file"), std::string::npos) << message;

    const std::string missing = merge_error({dir / "missing.h5"}, dir / "merged.h5");
    EXPECT_NE(missing.find("missing.h5"), std::string::npos) << missing;
    EXPECT_NE(missing.find("no such file"), std::string::npos) << missing;

    EXPECT_NE(merge_error({}, dir / "merged.h5").find("no shard files"), std::string::npos);
}

TEST(Merge, AnExistingOutputNeedsForce) {
    const test::TempDir dir;
    const auto shards = write_shards(dir, 10, 2);
    write_results(dir / "merged.h5", 3, std::nullopt);
    EXPECT_THROW(merge_results(shards, dir / "merged.h5", false), OutputExists);
    EXPECT_EQ(read_results_info(dir / "merged.h5").runs, 3u);
    merge_results(shards, dir / "merged.h5", true);
    EXPECT_EQ(read_results_info(dir / "merged.h5").runs, 10u);
}

TEST(Merge, AShardLeftByACrashedRunIsReadButMustBeComplete) {
    const test::TempDir dir;
    const auto shards = write_shards(dir, 10, 2);
    // A shard whose writer was never closed (suspended): complete, merely not compacted.
    {
        ResultsShape shape{months, 5, partners};
        shape.shard = ShardInfo{2, 2, 10};
        const ExperimentDesign design = design_of(10);
        Hdf5ResultWriter writer(dir / "suspended.h5", shape, metadata(), design_prologue(design));
        for (std::uint64_t run = 5; run < 10; ++run) writer.write(known(run));
        writer.suspend();
    }
    write_results(dir / "single.h5", 10, std::nullopt);
    merge_results({shards[0], dir / "suspended.h5"}, dir / "merged.h5", false);
    test::expect_same_datasets(dir / "single.h5", dir / "merged.h5");
}

}  // namespace
}  // namespace partnersim
