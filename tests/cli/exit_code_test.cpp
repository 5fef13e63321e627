// The exit codes of every sub-command for success, bad input and a missing file, and the one
// mapping from errors to codes (cli/exit_code.hpp) that gives them.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <functional>
#include <sstream>
#include <string>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "engine/error.hpp"
#include "support/small_sweeps.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

namespace fs = std::filesystem;
using test::contains;

TEST(Guarded, MapsEachKindOfErrorToItsExitCodeAndSaysWhat) {
    const auto code_of = [](const std::function<int()>& body, std::string& said) {
        std::ostringstream err;
        const int code = guarded(err, body);
        said = err.str();
        return code;
    };
    std::string said;
    EXPECT_EQ(code_of([] { return exit_ok; }, said), exit_ok);
    EXPECT_EQ(said, "");
    EXPECT_EQ(code_of([]() -> int { throw InputError("x.toml:3: bad"); }, said), exit_bad_input);
    EXPECT_EQ(said, "error: x.toml:3: bad\n");
    EXPECT_EQ(code_of([]() -> int { throw RuntimeFailure("disk full"); }, said), exit_failure);
    EXPECT_EQ(said, "error: disk full\n");
    EXPECT_EQ(code_of([]() -> int { throw Interrupted("nothing was written"); }, said),
              exit_interrupted);
    EXPECT_EQ(said, "interrupted: nothing was written\n");
    // A broken precondition is the program's fault, never the person's input.
    EXPECT_EQ(code_of([]() -> int { throw std::invalid_argument("bug"); }, said), exit_failure);
    EXPECT_EQ(said, "error: bug\n");
}

// One results file of a small sweep, shared by the commands that read results.
class ExitCodes : public testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new test::TempDir;
        sweep_ = new fs::path(test::run_small_sweep(*dir_, "grid", test::grid_sweep_toml()));
        scenario_ = new fs::path(*dir_ / "single.toml");
        test::write_text_file(*scenario_, test::single_scenario_toml());
        bad_scenario_ = new fs::path(*dir_ / "bad.toml");
        test::write_text_file(*bad_scenario_, "[setup]\nduraton = \"open_ended\"\n");
        not_hdf5_ = new fs::path(*dir_ / "text.h5");
        test::write_text_file(*not_hdf5_, "not HDF5\n");
    }
    static void TearDownTestSuite() {
        delete not_hdf5_;
        delete bad_scenario_;
        delete scenario_;
        delete sweep_;
        delete dir_;
    }

    // The exit code of `command`, with what it said on stderr kept for messages.
    int code(const std::function<int(std::ostream&, std::ostream&)>& command) {
        std::ostringstream out;
        std::ostringstream err;
        const int result = command(out, err);
        said_ = err.str();
        return result;
    }
    fs::path missing() const { return *dir_ / "no-such-file.h5"; }
    fs::path missing_scenario() const { return *dir_ / "no-such-file.toml"; }
    fs::path fresh(const std::string& name) const { return *dir_ / name; }

    static test::TempDir* dir_;
    static fs::path* sweep_;
    static fs::path* scenario_;
    static fs::path* bad_scenario_;
    static fs::path* not_hdf5_;
    std::string said_;
};

test::TempDir* ExitCodes::dir_ = nullptr;
fs::path* ExitCodes::sweep_ = nullptr;
fs::path* ExitCodes::scenario_ = nullptr;
fs::path* ExitCodes::bad_scenario_ = nullptr;
fs::path* ExitCodes::not_hdf5_ = nullptr;

RunCommandOptions run_of(const fs::path& scenario, const fs::path& output) {
    RunCommandOptions options;
    options.scenario.file = scenario;
    options.output = output;
    options.threads = 2;
    options.quiet = true;
    return options;
}

TEST_F(ExitCodes, Run) {
    const auto run = [&](const fs::path& scenario, const fs::path& output) {
        return code(
            [&](auto& out, auto& err) { return run_command(run_of(scenario, output), out, err); });
    };
    EXPECT_EQ(run(*scenario_, fresh("run.h5")), exit_ok) << said_;
    EXPECT_EQ(run(*bad_scenario_, fresh("run-bad.h5")), exit_bad_input);
    EXPECT_TRUE(contains(said_, "setup.duraton")) << said_;
    EXPECT_EQ(run(missing_scenario(), fresh("run-missing.h5")), exit_bad_input);
    EXPECT_TRUE(contains(said_, "no such scenario file")) << said_;
    EXPECT_EQ(run(*scenario_, fresh("run.h5")), exit_bad_input) << "an existing output";
    RunCommandOptions sharded = run_of(*scenario_, fresh("run-shard.h5"));
    sharded.shard = "3/2";
    EXPECT_EQ(code([&](auto& out, auto& err) { return run_command(sharded, out, err); }),
              exit_bad_input);
    EXPECT_TRUE(contains(said_, "--shard")) << said_;
}

TEST_F(ExitCodes, CheckAndPlan) {
    for (const auto& command : {check_command, plan_command}) {
        const auto with = [&](const fs::path& file) {
            return code([&](auto& out, auto& err) {
                return command({file, {}, {}, {}}, out, err);
            });
        };
        EXPECT_EQ(with(*scenario_), exit_ok) << said_;
        EXPECT_EQ(with(*bad_scenario_), exit_bad_input);
        EXPECT_EQ(with(missing_scenario()), exit_bad_input);
    }
}

TEST_F(ExitCodes, Params) {
    std::ostringstream out;
    EXPECT_EQ(params_command(ParamsListing::settings, out), exit_ok);
}

TEST_F(ExitCodes, Summary) {
    const auto summary = [&](const fs::path& file) {
        return code([&](auto& out, auto& err) { return summary_command(file, out, err); });
    };
    EXPECT_EQ(summary(*sweep_), exit_ok) << said_;
    EXPECT_EQ(summary(*not_hdf5_), exit_bad_input);
    EXPECT_EQ(summary(missing()), exit_bad_input);  // was 1 before the application layer
}

TEST_F(ExitCodes, Merge) {
    RunCommandOptions shard = run_of(*scenario_, fresh("shard.h5"));
    shard.shard = "1/1";
    ASSERT_EQ(code([&](auto& out, auto& err) { return run_command(shard, out, err); }), exit_ok)
        << said_;
    const auto merge = [&](const fs::path& input, const fs::path& output) {
        MergeCommandOptions options{output, {input}, false, ""};
        return code([&](auto& out, auto& err) { return merge_command(options, out, err); });
    };
    EXPECT_EQ(merge(fresh("shard.h5"), fresh("merged.h5")), exit_ok) << said_;
    EXPECT_EQ(merge(*sweep_, fresh("merged-bad.h5")), exit_bad_input) << "not a shard file";
    EXPECT_EQ(merge(missing(), fresh("merged-missing.h5")), exit_bad_input);
}

TEST_F(ExitCodes, Compare) {
    const auto compare = [&](const fs::path& baseline, std::vector<std::string> changes) {
        CompareCommandOptions options;
        options.baseline = baseline;
        options.variant_overrides = std::move(changes);
        options.threads = 2;
        options.quiet = true;
        return code([&](auto& out, auto& err) { return compare_command(options, out, err); });
    };
    EXPECT_EQ(compare(*scenario_, {"setup.duration=open_ended"}), exit_ok) << said_;
    EXPECT_EQ(compare(*scenario_, {}), exit_bad_input) << "nothing to compare";
    EXPECT_EQ(compare(missing_scenario(), {"setup.duration=open_ended"}), exit_bad_input);
}

TEST_F(ExitCodes, Analyze) {
    const auto analyze = [&](const fs::path& results, std::vector<std::string> measures) {
        AnalyzeCommandOptions options;
        options.results = results;
        options.measures = std::move(measures);
        options.resamples = 100;
        options.quiet = true;
        return code([&](auto& out, auto& err) { return analyze_command(options, out, err); });
    };
    EXPECT_EQ(analyze(*sweep_, {}), exit_ok) << said_;
    EXPECT_EQ(analyze(*sweep_, {"no_such_measure"}), exit_bad_input);
    EXPECT_EQ(analyze(missing(), {}), exit_bad_input);
}

TEST_F(ExitCodes, Discover) {
    const auto discover = [&](const fs::path& results, const std::string& success) {
        DiscoverCommandOptions options;
        options.results = results;
        options.success = success;
        options.quiet = true;
        return code([&](auto& out, auto& err) { return discover_command(options, out, err); });
    };
    EXPECT_EQ(discover(*sweep_, "candour > 0.1"), exit_ok) << said_;
    EXPECT_EQ(discover(*sweep_, "candour >"), exit_bad_input);
    EXPECT_EQ(discover(missing(), "candour > 0.1"), exit_bad_input);
}

TEST_F(ExitCodes, Export) {
    const auto export_to = [&](const fs::path& results, const fs::path& folder) {
        ExportCommandOptions options{results, folder, false, false};
        return code([&](auto& out, auto& err) { return export_command(options, out, err); });
    };
    EXPECT_EQ(export_to(*sweep_, fresh("csv")), exit_ok) << said_;
    EXPECT_EQ(export_to(*sweep_, fresh("csv")), exit_bad_input) << "existing files, no --force";
    EXPECT_EQ(export_to(missing(), fresh("csv-missing")), exit_bad_input);
}

TEST_F(ExitCodes, Report) {
    const auto report = [&](const fs::path& results, const fs::path& folder) {
        ReportCommandOptions options;
        options.results = results;
        options.folder = folder;
        return code([&](auto& out, auto& err) { return report_command(options, out, err); });
    };
    const fs::path results = fresh("run.h5");
    if (!fs::exists(results)) {
        ASSERT_EQ(code([&](auto& out, auto& err) {
                      return run_command(run_of(*scenario_, results), out, err);
                  }),
                  exit_ok);
    }
    EXPECT_EQ(report(results, fresh("report")), exit_ok) << said_;
    EXPECT_EQ(report(results, fresh("report")), exit_bad_input) << "an existing report";
    EXPECT_EQ(report(missing(), fresh("report-missing")), exit_bad_input);
}

// `validate` and `calibrate` take minutes at their defaults, so only their bad-input paths run
// here; their successful runs are tested in validate_command_test and calibrate_command_test.
TEST_F(ExitCodes, Validate) {
    const auto validate = [&](const fs::path& ledger, std::vector<fs::path> bases) {
        ValidateCommandOptions options;
        options.ledger = ledger;
        options.bases = std::move(bases);
        options.quiet = true;
        return code([&](auto& out, auto& err) { return validate_command(options, out, err); });
    };
    EXPECT_EQ(validate(missing_scenario(), {}), exit_bad_input);
    EXPECT_TRUE(contains(said_, missing_scenario().string())) << said_;
    const fs::path ledger = fresh("ledger.toml");
    test::write_text_file(ledger, "[[claim]]\nname = 1\n");
    EXPECT_EQ(validate(ledger, {}), exit_bad_input) << said_;
    EXPECT_TRUE(contains(said_, ledger.string())) << said_;
}

TEST_F(ExitCodes, Calibrate) {
    const auto calibrate = [&](const fs::path& targets) {
        CalibrateCommandOptions options;
        options.targets = targets;
        options.samples = 2;
        options.replicates = 1;
        options.quiet = true;
        return code([&](auto& out, auto& err) { return calibrate_command(options, out, err); });
    };
    EXPECT_EQ(calibrate(missing_scenario()), exit_bad_input);
    EXPECT_TRUE(contains(said_, missing_scenario().string())) << said_;
    EXPECT_EQ(calibrate(*bad_scenario_), exit_bad_input) << "a scenario is not a targets file";
}

// The workshop's one error that is not a request's (those are answered over HTTP): a port it
// cannot listen on, here one another socket holds.
TEST_F(ExitCodes, Workshop) {
    const int holder = socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(holder, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(bind(holder, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(listen(holder, 1), 0);
    socklen_t length = sizeof address;
    ASSERT_EQ(getsockname(holder, reinterpret_cast<sockaddr*>(&address), &length), 0);
    WorkshopCommandOptions options;
    options.port = ntohs(address.sin_port);
    EXPECT_EQ(code([&](auto& out, auto& err) { return workshop_command(options, out, err); }),
              exit_bad_input);
    EXPECT_TRUE(contains(said_, "cannot listen on 127.0.0.1:" + std::to_string(options.port)))
        << said_;
    close(holder);
}

}  // namespace
}  // namespace partnersim
