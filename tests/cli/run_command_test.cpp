#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <iomanip>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "engine/random_streams.hpp"
#include "engine/run.hpp"
#include "io/hdf5_reader.hpp"
#include "io/scenario_file.hpp"
#include "model/measures.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

namespace fs = std::filesystem;

constexpr int months = 6;
constexpr int replicates = 4;
constexpr int partners = 5;
constexpr std::uint64_t seed = 7;

using test::contains;

fs::path partial_of(const fs::path& output) {
    fs::path partial = output;
    partial += ".partial";
    return partial;
}

class RunCommand : public testing::Test {
protected:
    RunCommand() {
        test::write_text_file(scenario_path_,
                              test::small_scenario_toml(months, replicates, partners, seed));
        options_.scenario.file = scenario_path_;
        options_.output = dir_ / "results.h5";
        options_.threads = 2;
        options_.command_line = "partnersim run small.toml -o results.h5";
    }

    int run() {
        out_.str("");
        err_.str("");
        return run_command(options_, out_, err_);
    }
    std::string out() const { return out_.str(); }
    std::string err() const { return err_.str(); }
    const fs::path& output() const { return options_.output; }

    test::TempDir dir_;
    fs::path scenario_path_ = dir_ / "small.toml";
    RunCommandOptions options_;
    std::ostringstream out_;
    std::ostringstream err_;
};

TEST_F(RunCommand, WritesAResultsFileWithEveryRunAndPrintsASummary) {
    ASSERT_EQ(run(), exit_ok) << err();
    ASSERT_TRUE(fs::exists(output()));
    EXPECT_FALSE(fs::exists(partial_of(output()))) << "the partial file was left behind";

    const ResultsFileInfo info = read_results_info(output());
    EXPECT_EQ(info.runs, static_cast<std::uint64_t>(replicates));
    EXPECT_EQ(info.months, months);
    ASSERT_EQ(info.measures.size(), measure_count);
    for (std::size_t m = 0; m < measure_count; ++m) {
        EXPECT_EQ(info.measures[m], measure_catalogue()[m].name);
    }
    EXPECT_EQ(read_run_column(output(), "run_index"), (std::vector<std::uint64_t>{0, 1, 2, 3}));
    EXPECT_EQ(read_run_column(output(), "replicate"), (std::vector<std::uint64_t>{0, 1, 2, 3}));
    EXPECT_EQ(read_run_column(output(), "design_point"), (std::vector<std::uint64_t>{0, 0, 0, 0}));
    std::vector<std::uint64_t> seeds;
    for (std::uint64_t r = 0; r < replicates; ++r) seeds.push_back(stream_seed(seed, 0, r));
    EXPECT_EQ(read_run_column(output(), "seed"), seeds);

    EXPECT_TRUE(contains(out(), "4 runs x 6 months")) << out();
    for (const auto& measure : measure_table()) {
        if (measure.kind != MeasureKind::continuous) continue;  // shown as the risk of failure
        EXPECT_TRUE(contains(out(), std::string(measure.name))) << measure.name;
    }
    EXPECT_TRUE(contains(out(), "Risk of failure")) << out();
    EXPECT_TRUE(contains(err(), "wrote 4 runs to " + output().string())) << err();
}

TEST_F(RunCommand, TheFileHoldsExactlyWhatTheEngineComputes) {
    ASSERT_EQ(run(), exit_ok) << err();
    const Scenario scenario = resolve_scenario(options_.scenario);
    std::vector<RunResult> runs;
    for (std::uint64_t r = 0; r < replicates; ++r) {
        runs.push_back(run_partnership(scenario, make_run_id(seed, 0, r, replicates)));
    }
    for (std::size_t m = 0; m < measure_count; ++m) {
        const std::string name(measure_catalogue()[m].name);
        std::vector<double> finals;
        std::vector<float> series;  // runs x months
        for (const RunResult& result : runs) {
            finals.push_back(result.final_values[m]);
            for (int month = 0; month < months; ++month) {
                series.push_back(result.at(static_cast<Measure>(m), month));
            }
        }
        EXPECT_TRUE(test::bitwise_equal(read_final(output(), name), finals)) << name;
        EXPECT_TRUE(test::bitwise_equal(read_timeseries(output(), name), series)) << name;
    }
}

TEST_F(RunCommand, OneAndTwoThreadsWriteBitIdenticalResults) {
    options_.threads = 1;
    ASSERT_EQ(run(), exit_ok) << err();
    const fs::path one = output();
    options_.threads = 2;
    options_.output = dir_ / "two.h5";
    ASSERT_EQ(run(), exit_ok) << err();
    EXPECT_TRUE(test::same_results(one, output()));
}

TEST_F(RunCommand, DoesNotOverwriteAnExistingFileWithoutForce) {
    const std::string precious = "results of last week's run\n";
    test::write_text_file(output(), precious);
    const auto old_time = fs::file_time_type::clock::now() - std::chrono::hours(24);
    fs::last_write_time(output(), old_time);

    EXPECT_EQ(run(), exit_bad_input);
    EXPECT_TRUE(contains(err(), output().string())) << err();
    EXPECT_TRUE(contains(err(), "--force")) << err();
    EXPECT_EQ(test::read_file_bytes(output()), precious);
    EXPECT_EQ(fs::last_write_time(output()), old_time);
    EXPECT_FALSE(fs::exists(partial_of(output())));
    EXPECT_EQ(out(), "");
}

TEST_F(RunCommand, OverwritesAnExistingFileWithForce) {
    test::write_text_file(output(), "old\n");
    options_.force = true;
    ASSERT_EQ(run(), exit_ok) << err();
    EXPECT_EQ(read_results_info(output()).runs, static_cast<std::uint64_t>(replicates));
    EXPECT_FALSE(fs::exists(partial_of(output())));
}

TEST_F(RunCommand, AFailedRunLeavesAnExistingFileAlone) {
    // Even with --force, bad input is found before the old results are touched.
    test::write_text_file(output(), "old\n");
    options_.force = true;
    options_.scenario.overrides = {"run.months=0"};
    EXPECT_EQ(run(), exit_bad_input);
    EXPECT_EQ(test::read_file_bytes(output()), "old\n");
}

struct BadInput {
    std::string name;
    std::string toml;                        // scenario file contents; empty: no file at all
    std::vector<std::string> overrides;      // --set
    std::optional<std::int64_t> replicates;  // --replicates
    std::vector<std::string> expected;       // parts of the message; "FILE" is the scenario path
};

std::vector<BadInput> bad_inputs() {
    const std::string ok = test::small_scenario_toml();
    return {
        {"unknown key with a suggestion",
         "[funder]\naccountability_focus = 0.5\nsenior_buyin = 0.5\n",
         {},
         {},
         {"FILE:3:", "funder.senior_buyin", "did you mean 'funder.senior_buy_in'"}},
        {"unknown section",
         "[fundr]\nsenior_buy_in = 0.5\n",
         {},
         {},
         {"FILE:1:", "fundr", "funder"}},
        {"wrong type",
         "[partners]\ncount = \"many\"\n",
         {},
         {},
         {"FILE:2:", "partners.count", "expected an integer"}},
        {"float for an integer",
         "[partners]\ncount = 12.0\n",
         {},
         {},
         {"FILE:2:", "partners.count", "without a decimal point"}},
        {"out of range",
         "[run]\nreplicates = 2\n\nmonths = 0\n",
         {},
         {},
         {"FILE:4:", "run.months", "out of range"}},
        {"unknown choice",
         "[setup]\nduration = \"forever\"\n",
         {},
         {},
         {"FILE:2:", "setup.duration", "unknown choice", "open_ended"}},
        {"malformed TOML",
         "[setup]\nduration = open_ended\n",
         {},
         {},
         {"FILE:2:", "malformed TOML", "\"open_ended\""}},
        {"inconsistent keys",
         "[run]\nmonths = 6\n\n[setup]\njoin_month = 10\n",
         {},
         {},
         {"FILE", "join_month", "run.months"}},
        {"missing scenario file", "", {}, {}, {"FILE", "no such scenario file"}},
        {"unknown --set key",
         ok,
         {"setup.durration=open_ended"},
         {},
         {"--set", "setup.durration", "did you mean 'setup.duration'"}},
        {"bad --set choice",
         ok,
         {"setup.duration=forever"},
         {},
         {"--set", "setup.duration", "unknown choice"}},
        {"bad --set value type",
         ok,
         {"partners.count=many"},
         {},
         {"--set", "partners.count", "cannot read 'many'"}},
        {"--set without =", ok, {"setup.duration"}, {}, {"--set", "expected section.key=value"}},
        {"--set out of range",
         ok,
         {"funder.flexibility=2"},
         {},
         {"--set", "funder.flexibility", "out of range"}},
        {"--replicates 0", ok, {}, 0, {"run.replicates", "out of range"}},
        {"--replicates negative", ok, {}, -3, {"run.replicates", "out of range"}},
    };
}

TEST_F(RunCommand, BadInputExitsTwoNamingTheProblemAndWritesNothing) {
    for (const BadInput& bad : bad_inputs()) {
        SCOPED_TRACE(bad.name);
        const fs::path scenario = dir_ / "bad.toml";
        fs::remove(scenario);
        if (!bad.toml.empty()) test::write_text_file(scenario, bad.toml);
        options_.scenario.file = scenario;
        options_.scenario.overrides = bad.overrides;
        options_.scenario.replicates = bad.replicates;

        EXPECT_EQ(run(), exit_bad_input);
        for (std::string part : bad.expected) {
            if (part.starts_with("FILE")) part.replace(0, 4, scenario.string());
            EXPECT_TRUE(contains(err(), part))
                << "'" << err() << "' does not mention '" << part << "'";
        }
        EXPECT_TRUE(err().starts_with("error: ")) << err();
        EXPECT_EQ(out(), "");
        EXPECT_FALSE(fs::exists(output())) << "an output file was written";
        EXPECT_FALSE(fs::exists(partial_of(output()))) << "a partial file was left behind";
    }
}

TEST_F(RunCommand, ErrorsInSeedAndReplicatesNameTheirOption) {
    options_.scenario.replicates = 0;
    EXPECT_EQ(run(), exit_bad_input);
    EXPECT_TRUE(contains(err(), "--replicates")) << err();
    EXPECT_FALSE(contains(err(), "--set")) << err();

    options_.scenario.replicates.reset();
    options_.scenario.seed = 18446744073709551615ULL;
    EXPECT_EQ(run(), exit_bad_input);
    EXPECT_TRUE(contains(err(), "--seed")) << err();
    EXPECT_FALSE(contains(err(), "--set")) << err();
}

TEST_F(RunCommand, SetChangesTheResolvedScenarioStoredInTheFile) {
    ASSERT_EQ(run(), exit_ok) << err();
    const std::string plain = read_results_info(output()).metadata.scenario_toml;
    EXPECT_EQ(parse_scenario(plain, "plain").setup.duration, Duration::time_bound);

    options_.output = dir_ / "open.h5";
    options_.scenario.overrides = {"setup.duration=open_ended", "funder.flexibility=0.9"};
    ASSERT_EQ(run(), exit_ok) << err();
    const std::string stored = read_results_info(output()).metadata.scenario_toml;
    EXPECT_TRUE(contains(stored, "duration = \"open_ended\"")) << stored;
    // The stored text is the whole resolved scenario: read back, it is the scenario that ran.
    const Scenario reread = parse_scenario(stored, "stored");
    EXPECT_EQ(reread.setup.duration, Duration::open_ended);
    EXPECT_EQ(reread.funder.flexibility, 0.9);
    EXPECT_EQ(reread.run.months, months);
    EXPECT_EQ(reread.partners.count, partners);
    EXPECT_EQ(scenario_to_toml(reread), scenario_to_toml(resolve_scenario(options_.scenario)));
}

TEST_F(RunCommand, SeedOptionChangesEveryRunsStream) {
    ASSERT_EQ(run(), exit_ok) << err();
    const fs::path first = output();
    options_.scenario.seed = 99;
    options_.output = dir_ / "seed99.h5";
    ASSERT_EQ(run(), exit_ok) << err();

    std::vector<std::uint64_t> seeds;
    for (std::uint64_t r = 0; r < replicates; ++r) seeds.push_back(stream_seed(99, 0, r));
    EXPECT_EQ(read_run_column(output(), "seed"), seeds);
    EXPECT_EQ(parse_scenario(read_results_info(output()).metadata.scenario_toml, "s").run.seed,
              99u);
    EXPECT_FALSE(
        test::bitwise_equal(read_final(first, "capacity"), read_final(output(), "capacity")));
}

TEST_F(RunCommand, ReplicatesOptionSetsTheNumberOfRuns) {
    options_.scenario.replicates = 3;
    ASSERT_EQ(run(), exit_ok) << err();
    EXPECT_EQ(read_results_info(output()).runs, 3u);
    EXPECT_EQ(read_run_column(output(), "run_index"), (std::vector<std::uint64_t>{0, 1, 2}));
    EXPECT_TRUE(contains(err(), "wrote 3 runs")) << err();
}

TEST_F(RunCommand, TraceRecordsEveryPartnerOfTheFirstRuns) {
    options_.trace_runs = 2;
    ASSERT_EQ(run(), exit_ok) << err();
    const Scenario scenario = resolve_scenario(options_.scenario);
    for (std::size_t v = 0; v < partner_trace_count; ++v) {
        const std::string variable(partner_trace_catalogue()[v].name);
        SCOPED_TRACE(variable);
        const TraceValues trace = read_trace(output(), variable);
        ASSERT_EQ(trace.runs, 2u);
        ASSERT_EQ(trace.months, months);
        ASSERT_EQ(trace.partners, partners);
        // /agents/<variable>[run][month][partner] is the engine's traced run.
        for (std::uint64_t r = 0; r < 2; ++r) {
            const RunResult run_result =
                run_partnership(scenario, make_run_id(seed, 0, r, replicates), RunOptions{true});
            const auto begin =
                run_result.trace.begin() + static_cast<std::ptrdiff_t>(v * months * partners);
            const std::vector<float> expected(begin, begin + months * partners);
            const auto row =
                trace.values.begin() + static_cast<std::ptrdiff_t>(r * months * partners);
            const std::vector<float> stored(row, row + months * partners);
            EXPECT_TRUE(test::bitwise_equal(stored, expected)) << "run " << r;
        }
    }
}

TEST_F(RunCommand, TraceIsCappedAtTheNumberOfRuns) {
    options_.trace_runs = 10;
    ASSERT_EQ(run(), exit_ok) << err();
    EXPECT_EQ(read_trace(output(), "capacity").runs, static_cast<std::uint64_t>(replicates));
}

TEST_F(RunCommand, NoTraceMeansNoAgentsDatasets) {
    ASSERT_EQ(run(), exit_ok) << err();
    EXPECT_THROW(read_trace(output(), "capacity"), std::runtime_error);
}

TEST_F(RunCommand, RecordsVersionCommandLineAndCreationTime) {
    const auto before = std::chrono::system_clock::now();
    ASSERT_EQ(run(), exit_ok) << err();
    const ResultsMetadata metadata = read_results_info(output()).metadata;
    EXPECT_EQ(metadata.partnersim_version, PARTNERSIM_VERSION);
    EXPECT_EQ(metadata.command_line, options_.command_line);
    ASSERT_TRUE(
        std::regex_match(metadata.created_utc, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
        << metadata.created_utc;
    // It is the current UTC time, not local time or a fixed string.
    std::tm utc{};
    std::istringstream(metadata.created_utc) >> std::get_time(&utc, "%Y-%m-%dT%H:%M:%SZ");
    const auto created = std::chrono::system_clock::from_time_t(timegm(&utc));
    EXPECT_LE(std::chrono::abs(created - before), std::chrono::minutes(2)) << metadata.created_utc;
}

TEST_F(RunCommand, QuietPrintsNothingOnStderr) {
    options_.quiet = true;
    ASSERT_EQ(run(), exit_ok);
    EXPECT_EQ(err(), "");
    EXPECT_TRUE(fs::exists(output()));
}

TEST_F(RunCommand, AMissingOutputDirectoryIsARuntimeFailure) {
    options_.output = dir_ / "no-such-dir" / "results.h5";
    EXPECT_EQ(run(), exit_failure);
    EXPECT_TRUE(contains(err(), "does not exist")) << err();
    EXPECT_FALSE(fs::exists(options_.output));
    EXPECT_FALSE(fs::exists(partial_of(options_.output)));
}

TEST_F(RunCommand, AnOutputThatIsADirectoryIsRefused) {
    options_.output = dir_ / "a-directory";
    fs::create_directory(options_.output);
    options_.force = true;
    EXPECT_NE(run(), exit_ok);
    EXPECT_TRUE(fs::is_directory(options_.output));
    EXPECT_FALSE(fs::exists(partial_of(options_.output)));
}

}  // namespace
}  // namespace partnersim
