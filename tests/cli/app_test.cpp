// The real `partnersim` executable, run as a child process: what a user at a shell sees.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "io/hdf5_reader.hpp"
#include "io/scenario_file.hpp"
#include "support/hdf5_compare.hpp"
#include "support/subprocess.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

namespace fs = std::filesystem;
using test::ProcessResult;

const std::string executable = PARTNERSIM_EXECUTABLE;

using test::contains;

fs::path partial_of(const fs::path& output) {
    fs::path partial = output;
    partial += ".partial";
    return partial;
}

ProcessResult partnersim(std::vector<std::string> args) {
    args.insert(args.begin(), executable);
    return test::run_process(args);
}

// The wording of a progress bar: carriage returns redrawing a "[###...]" line.
bool shows_a_progress_bar(const std::string& text) {
    return contains(text, "\r") || contains(text, "[#") || contains(text, "[.") ||
           contains(text, "runs/s") || contains(text, "ETA");
}

class App : public testing::Test {
protected:
    App() { test::write_text_file(scenario_, test::small_scenario_toml(6, 4, 5, 7)); }

    test::TempDir dir_;
    fs::path scenario_ = dir_ / "small.toml";
    fs::path output_ = dir_ / "results.h5";
};

TEST_F(App, HelpListsTheSubCommands) {
    const ProcessResult result = partnersim({"--help"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    for (const char* command : {"run", "check", "params", "summary"}) {
        EXPECT_TRUE(contains(result.out, std::string("  ") + command + " ")) << command;
    }
}

TEST_F(App, SubCommandHelpListsItsOptions) {
    const ProcessResult result = partnersim({"run", "--help"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    for (const char* option : {"--output", "--threads", "--force", "--quiet", "--trace", "--set",
                               "--seed", "--replicates"}) {
        EXPECT_TRUE(contains(result.out, option)) << option;
    }
}

TEST_F(App, VersionPrintsTheVersion) {
    const ProcessResult result = partnersim({"--version"});
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_EQ(result.out, std::string("partnersim ") + PARTNERSIM_VERSION + "\n");
}

TEST_F(App, NoSubCommandUnknownSubCommandOrUnknownOptionExitTwo) {
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {},
             {"simulate", scenario_.string()},
             {"--frobnicate"},
             {"run", scenario_.string(), "-o", output_.string(), "--frobnicate"},
             {"run", scenario_.string()},  // no -o
             {"run", scenario_.string(), "-o", output_.string(), "--replicates", "many"},
             {"run", scenario_.string(), "-o", output_.string(), "--threads", "-2"},
             {"summary"}}) {
        std::string line;
        for (const auto& arg : args) line += arg + " ";
        SCOPED_TRACE(line);
        const ProcessResult result = partnersim(args);
        EXPECT_EQ(result.exit_code, 2) << result.err;
        EXPECT_NE(result.err, "") << "no explanation on stderr";
        EXPECT_FALSE(fs::exists(output_));
        EXPECT_FALSE(fs::exists(partial_of(output_)));
    }
}

// A missing input file is bad input (2) in every command that reads one, said on stderr with
// the file's name, as the program is typed (ExitCodes tests the command functions).
TEST_F(App, AMissingInputFileIsTwoInEveryCommand) {
    const std::string missing = (dir_ / "no-such-file").string();
    const std::string out = (dir_ / "out").string();
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"run", missing, "-o", out, "-q"},
             {"check", missing},
             {"plan", missing},
             {"summary", missing},
             {"merge", out, missing},
             {"compare", missing, "--set", "setup.duration=open_ended", "-q"},
             {"analyze", missing, "-q"},
             {"discover", missing, "--success", "candour > 0.5", "-q"},
             {"export", missing, "--csv", out},
             {"report", missing, "-o", out},
             {"calibrate", "--targets", missing, "-q"},
             {"validate", "--ledger", missing, "-q"}}) {
        SCOPED_TRACE(args.front());
        const ProcessResult result = partnersim(args);
        EXPECT_EQ(result.exit_code, 2) << result.err;
        EXPECT_TRUE(contains(result.err, missing)) << result.err;
        EXPECT_EQ(result.out, "");
        EXPECT_FALSE(fs::exists(out));
    }
}

// A slip in a command or option name is named with the word meant, and exits 2; CLI11 alone
// said "A subcommand is required", "The following arguments were not expected: 5 --replicate",
// and, for `run --helpp`, "scenario is required".
TEST_F(App, ASlipInACommandOrOptionSuggestsTheWordMeant) {
    const std::string scenario = scenario_.string();
    const std::string output = output_.string();
    for (const auto& [args, meant] : std::vector<std::pair<std::vector<std::string>, std::string>>{
             {{"runn", scenario}, "did you mean 'run'?"},
             {{"run", scenario, "-o", output, "--replicate", "5"}, "did you mean '--replicates'?"},
             {{"run", "--helpp"}, "did you mean '--help'?"},
             {{"help", "sumary"}, "did you mean 'summary'?"}}) {
        SCOPED_TRACE(args.front() + " " + args.back());
        const ProcessResult result = partnersim(args);
        EXPECT_EQ(result.exit_code, 2);
        EXPECT_TRUE(contains(result.err, meant)) << result.err;
        EXPECT_FALSE(contains(result.err, "is required")) << result.err;
        EXPECT_FALSE(contains(result.err, "not expected")) << result.err;
        EXPECT_FALSE(fs::exists(output_));
    }
}

// Every bounded option says its range in plain numbers: CLI11's own checks printed the limits
// of a double ("0.000000 to 1797693134862315708...", 309 digits) for "0 or more".
TEST_F(App, EveryBoundedOptionSaysItsRangeInWords) {
    const std::string s = scenario_.string();
    const std::string o = output_.string();
    const std::string threads = "--threads must be a whole number between 0 and ";
    for (const auto& [args, said] : std::vector<std::pair<std::vector<std::string>, std::string>>{
             {{"run", s, "-o", o, "--threads", "-1"}, threads},
             {{"run", s, "-o", o, "--threads", "many"}, threads},
             {{"run", s, "-o", o, "--seed", "-1"},
              "--seed must be a whole number between 0 and 9000000000000000, not -1"},
             {{"run", s, "-o", o, "--replicates", "0"},
              "--replicates must be a whole number between 1 and 10000000, not 0"},
             {{"run", s, "-o", o, "--trace", "-1"}, "--trace must be a whole number, 0 or more"},
             {{"compare", s, "--replicates", "1"}, "--replicates must be a whole number between 2"},
             {{"compare", s, "--threads", "-1"}, threads},
             {{"analyze", "r.h5", "--month", "0"}, "--month must be a whole number, 1 or more"},
             {{"analyze", "r.h5", "--resamples", "5"}, "between 100 and 100000"},
             {{"analyze", "r.h5", "--bins", "1"}, "between 2 and 20"},
             {{"discover", "r.h5", "--success", "a > 1", "--threshold", "2"},
              "--threshold must be a number between 0 and 1, not 2"},
             {{"discover", "r.h5", "--success", "a > 1", "--peel-alpha", "0"},
              "between 0.001 and 0.5"},
             {{"discover", "r.h5", "--success", "a > 1", "--min-mass", "0"}, "between 0.001 and 1"},
             {{"discover", "r.h5", "--success", "a > 1", "--max-boxes", "0"}, "between 1 and 20"},
             {{"calibrate", "--samples", "0"}, "--samples must be a whole number between 1 and "},
             {{"calibrate", "--replicates", "0"}, "between 1 and 100000"},
             {{"calibrate", "--accept", "0"}, "--accept must be a number between 1e-09 and 1"},
             {{"calibrate", "--seed", "-1"}, "--seed must be a whole number between 0 and "},
             {{"calibrate", "--threads", "-1"}, threads},
             {{"validate", "--replicates", "1"}, "between 2 and 100000"},
             {{"validate", "--uncertainty", "0"}, "between 1 and 100000"},
             {{"validate", "--uncertainty-replicates", "1"}, "between 2 and 100000"},
             {{"validate", "--threads", "-1"}, threads},
             {{"workshop", "--port", "99999"},
              "--port must be a whole number between 0 and 65535"}}) {
        SCOPED_TRACE(args.front() + " " + args[args.size() - 2]);
        const ProcessResult result = partnersim(args);
        EXPECT_EQ(result.exit_code, 2);
        EXPECT_TRUE(contains(result.err, said)) << result.err;
        EXPECT_TRUE(std::none_of(result.err.begin(), result.err.end(),
                                 [&, digits = 0](char c) mutable {
                                     digits = std::isdigit(static_cast<unsigned char>(c))
                                                  ? digits + 1
                                                  : 0;
                                     return digits > 16;
                                 }))
            << "a number longer than any range: " << result.err;
    }
}

// --quiet: nothing at all on success, neither the summary nor messages (errors still show).
TEST_F(App, QuietPrintsNothingOnSuccess) {
    const ProcessResult run = partnersim({"run", scenario_.string(), "-o", output_.string(), "-q"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, "");
    const ProcessResult compare = partnersim(
        {"compare", scenario_.string(), "--set", "setup.duration=open_ended", "--quiet"});
    ASSERT_EQ(compare.exit_code, 0) << compare.err;
    EXPECT_EQ(compare.out, "");
    EXPECT_EQ(compare.err, "");
    const ProcessResult failed =
        partnersim({"run", scenario_.string(), "-o", output_.string(), "-q"});
    EXPECT_EQ(failed.exit_code, 2) << "the output exists";
    EXPECT_TRUE(contains(failed.err, "error: ")) << failed.err;
}

// --help shows each option's default and an example; `help`, `help run` and `version` work as
// people type them.
TEST_F(App, HelpShowsDefaultsAndAnExampleAndWorksAsTyped) {
    const ProcessResult analyze = partnersim({"analyze", "--help"});
    EXPECT_EQ(analyze.exit_code, 0) << analyze.err;
    EXPECT_TRUE(contains(analyze.out, "=1000")) << "--resamples' default: " << analyze.out;
    EXPECT_TRUE(contains(analyze.out, "=20261125")) << analyze.out;
    EXPECT_TRUE(contains(analyze.out, "Example:\n  partnersim analyze ")) << analyze.out;
    const ProcessResult discover = partnersim({"discover", "--help"});
    EXPECT_TRUE(contains(discover.out, "=0.8")) << "--threshold's default: " << discover.out;

    const ProcessResult help_run = partnersim({"help", "run"});
    EXPECT_EQ(help_run.exit_code, 0) << help_run.err;
    EXPECT_EQ(help_run.out, partnersim({"run", "--help"}).out);
    EXPECT_TRUE(contains(help_run.out, "Usage: partnersim run [OPTIONS] scenario")) << help_run.out;
    EXPECT_TRUE(contains(help_run.out, "Example:\n  partnersim run ")) << help_run.out;

    const ProcessResult help = partnersim({"help"});
    EXPECT_EQ(help.exit_code, 0) << help.err;
    EXPECT_EQ(help.out, partnersim({"--help"}).out);
    EXPECT_TRUE(contains(help.out, "Exit codes: 0 done")) << help.out;
    EXPECT_FALSE(contains(help.out, "completion")) << "the build's commands are hidden";

    const ProcessResult version = partnersim({"version"});
    EXPECT_EQ(version.exit_code, 0) << version.err;
    EXPECT_EQ(version.out, std::string("partnersim ") + PARTNERSIM_VERSION + "\n");
}

// The build writes the man page and the bash completion with the built program.
TEST_F(App, TheHiddenCommandsWriteTheManPageAndTheCompletion) {
    const fs::path man = dir_ / "partnersim.1";
    ASSERT_EQ(partnersim({"man", "-o", man.string()}).exit_code, 0);
    EXPECT_TRUE(
        contains((std::ostringstream() << std::ifstream(man).rdbuf()).str(), ".TH PARTNERSIM 1"));
    const ProcessResult bash = partnersim({"completion", "bash"});
    EXPECT_EQ(bash.exit_code, 0) << bash.err;
    EXPECT_TRUE(
        contains(bash.out, "complete -o filenames -o bashdefault -F _partnersim partnersim"));
    EXPECT_EQ(partnersim({"completion", "zsh"}).exit_code, 2);
}

TEST_F(App, RunWritesResultsAndPrintsASummary) {
    const ProcessResult result =
        partnersim({"run", scenario_.string(), "-o", output_.string(), "--threads", "2"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(contains(result.out, output_.string() + ": 4 runs x 6 months")) << result.out;
    EXPECT_TRUE(contains(result.out, "capacity")) << result.out;
    EXPECT_TRUE(contains(result.err, "wrote 4 runs to " + output_.string())) << result.err;
    EXPECT_EQ(read_results_info(output_).runs, 4u);
    EXPECT_FALSE(fs::exists(partial_of(output_)));
}

TEST_F(App, ThreadsDoNotChangeTheResults) {
    const fs::path one = dir_ / "one.h5";
    const fs::path two = dir_ / "two.h5";
    ASSERT_EQ(partnersim({"run", scenario_.string(), "-o", one.string(), "--threads", "1",
                          "--replicates", "12", "-q"})
                  .exit_code,
              0);
    ASSERT_EQ(partnersim({"run", scenario_.string(), "-o", two.string(), "--threads", "2",
                          "--replicates", "12", "-q"})
                  .exit_code,
              0);
    EXPECT_TRUE(test::same_results(one, two));
}

TEST_F(App, RootAttributesRecordCommandLineAndCreationTime) {
    ASSERT_EQ(partnersim({"run", scenario_.string(), "-o", output_.string(), "--set",
                          "setup.duration=open_ended", "-q"})
                  .exit_code,
              0);
    const ResultsMetadata metadata = read_results_info(output_).metadata;
    EXPECT_EQ(metadata.command_line, executable + " run " + scenario_.string() + " -o " +
                                         output_.string() + " --set setup.duration=open_ended -q");
    EXPECT_EQ(metadata.created_utc.size(), 20u) << metadata.created_utc;
    EXPECT_TRUE(metadata.created_utc.ends_with("Z")) << metadata.created_utc;
    EXPECT_EQ(metadata.partnersim_version, PARTNERSIM_VERSION);
    EXPECT_EQ(parse_scenario(metadata.scenario_toml, "stored").setup.duration,
              Duration::open_ended);
}

TEST_F(App, ExistingOutputIsKeptWithoutForceAndReplacedWithIt) {
    test::write_text_file(output_, "keep me\n");
    const auto old_time = fs::file_time_type::clock::now() - std::chrono::hours(1);
    fs::last_write_time(output_, old_time);

    const ProcessResult refused = partnersim({"run", scenario_.string(), "-o", output_.string()});
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_TRUE(contains(refused.err, "--force")) << refused.err;
    EXPECT_EQ(test::read_file_bytes(output_), "keep me\n");
    EXPECT_EQ(fs::last_write_time(output_), old_time);
    EXPECT_FALSE(fs::exists(partial_of(output_)));

    const ProcessResult forced =
        partnersim({"run", scenario_.string(), "-o", output_.string(), "--force", "-q"});
    EXPECT_EQ(forced.exit_code, 0) << forced.err;
    EXPECT_EQ(read_results_info(output_).runs, 4u);
}

TEST_F(App, BadScenarioExitsTwoNamingFileLineAndKey) {
    test::write_text_file(scenario_, "[run]\nmonths = 6\n\n[setup]\nduration = \"forever\"\n");
    const ProcessResult result = partnersim({"run", scenario_.string(), "-o", output_.string()});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_TRUE(contains(result.err, scenario_.string() + ":5: key 'setup.duration'"))
        << result.err;
    EXPECT_EQ(result.out, "");
    EXPECT_FALSE(fs::exists(output_));
    EXPECT_FALSE(fs::exists(partial_of(output_)));
}

TEST_F(App, BadSetExitsTwo) {
    const ProcessResult result = partnersim(
        {"run", scenario_.string(), "-o", output_.string(), "--set", "setup.duraton=open_ended"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_TRUE(contains(result.err, "did you mean 'setup.duration'")) << result.err;
    EXPECT_FALSE(fs::exists(output_));
    EXPECT_FALSE(fs::exists(partial_of(output_)));
}

TEST_F(App, SeedAndReplicatesOptionsWork) {
    ASSERT_EQ(partnersim({"run", scenario_.string(), "-o", output_.string(), "--seed", "1234",
                          "--replicates", "3", "-q"})
                  .exit_code,
              0);
    const ResultsFileInfo info = read_results_info(output_);
    EXPECT_EQ(info.runs, 3u);
    const Scenario stored = parse_scenario(info.metadata.scenario_toml, "stored");
    EXPECT_EQ(stored.run.seed, 1234u);
    EXPECT_EQ(stored.run.replicates, 3);
}

TEST_F(App, TraceWritesAgentsForTheFirstRuns) {
    ASSERT_EQ(partnersim({"run", scenario_.string(), "-o", output_.string(), "--trace", "2", "-q"})
                  .exit_code,
              0);
    const TraceValues trace = read_trace(output_, "trust_facilitator");
    EXPECT_EQ(trace.runs, 2u);
    EXPECT_EQ(trace.months, 6);
    EXPECT_EQ(trace.partners, 5);
}

TEST_F(App, CheckPrintsTheResolvedScenario) {
    const ProcessResult ok = partnersim({"check", scenario_.string(), "--set", "partners.count=9"});
    EXPECT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_TRUE(contains(ok.out, "\ncount = 9 ")) << ok.out;
    EXPECT_TRUE(contains(ok.out, "\nmonths = 6 ")) << ok.out;

    const ProcessResult bad =
        partnersim({"check", scenario_.string(), "--set", "partners.count=0"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_TRUE(contains(bad.err, "partners.count")) << bad.err;
}

TEST_F(App, CheckAcceptsTheBundledScenarios) {
    // Every scenario shipped under scenarios/ is valid as it stands. Files with a [sweep] table
    // describe experiments rather than one scenario and are left to the sweep commands.
    const fs::path scenarios = fs::path(PARTNERSIM_SOURCE_DIR) / "scenarios";
    ASSERT_TRUE(fs::is_directory(scenarios));
    int checked = 0;
    for (const auto& entry : fs::recursive_directory_iterator(scenarios)) {
        if (entry.path().extension() != ".toml") continue;
        const std::string text = test::read_file_bytes(entry.path());
        if (text.starts_with("[sweep") || contains(text, "\n[sweep")) continue;
        const ProcessResult result = partnersim({"check", entry.path().string()});
        EXPECT_EQ(result.exit_code, 0) << entry.path() << ": " << result.err;
        EXPECT_TRUE(contains(result.out, ": valid.")) << entry.path();
        ++checked;
    }
    EXPECT_GE(checked, 1);
}

TEST_F(App, ParamsListsParameters) {
    const ProcessResult result = partnersim({"params"});
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_TRUE(contains(result.out, "[run]")) << result.out;
    EXPECT_TRUE(contains(result.out, "  duration ")) << result.out;
}

// A missing file is bad input (2) for every command, summary included (it was 1 before).
TEST_F(App, SummaryOfAMissingFileExitsTwo) {
    const ProcessResult result = partnersim({"summary", (dir_ / "missing.h5").string()});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_TRUE(contains(result.err, "missing.h5")) << result.err;
}

TEST_F(App, SummaryOfAResultsFile) {
    ASSERT_EQ(partnersim({"run", scenario_.string(), "-o", output_.string(), "-q"}).exit_code, 0);
    const ProcessResult result = partnersim({"summary", output_.string()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(contains(result.out, ": 4 runs x 6 months")) << result.out;
}

TEST_F(App, NoProgressBarWhenStderrIsNotATerminal) {
    const ProcessResult result =
        partnersim({"run", scenario_.string(), "-o", output_.string(), "--replicates", "300"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_FALSE(shows_a_progress_bar(result.err)) << result.err;
    EXPECT_TRUE(contains(result.err, "wrote 300 runs")) << result.err;
}

TEST_F(App, QuietPrintsNothingOnStderr) {
    const ProcessResult result =
        partnersim({"run", scenario_.string(), "-o", output_.string(), "--quiet"});
    ASSERT_EQ(result.exit_code, 0);
    EXPECT_EQ(result.err, "");
}

TEST_F(App, QuietPrintsNothingOnStderrEvenWithMoreThreadsThanCores) {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const ProcessResult result = partnersim({"run", scenario_.string(), "-o", output_.string(),
                                             "--quiet", "--threads", std::to_string(cores + 2)});
    ASSERT_EQ(result.exit_code, 0);
    EXPECT_EQ(result.err, "");
}

TEST_F(App, NegativeTraceIsBadInput) {
    const ProcessResult result =
        partnersim({"run", scenario_.string(), "-o", output_.string(), "--trace", "-1", "-q"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_TRUE(contains(result.err, "--trace")) << result.err;
    EXPECT_FALSE(fs::exists(output_));
    EXPECT_FALSE(fs::exists(partial_of(output_)));
}

TEST_F(App, NegativeSeedIsBadInputNamingTheOption) {
    const ProcessResult result =
        partnersim({"run", scenario_.string(), "-o", output_.string(), "--seed", "-1", "-q"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_FALSE(fs::exists(output_));
    EXPECT_FALSE(fs::exists(partial_of(output_)));
    EXPECT_TRUE(contains(result.err, "--seed")) << result.err;
    EXPECT_FALSE(contains(result.err, "--set")) << result.err;
}

TEST_F(App, ProgressBarIsDrawnOnATerminal) {
    const int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) {
        GTEST_SKIP() << "no pseudo-terminal available";
    }
    const int terminal = open(ptsname(master), O_RDWR | O_NOCTTY);
    ASSERT_GE(terminal, 0);
    ProcessResult result;
    std::string drawn;
    {
        test::Subprocess child(
            {executable, "run", scenario_.string(), "-o", output_.string(), "--replicates", "50"},
            terminal);
        close(terminal);
        // Read the terminal while the child writes to it; EIO once the child has closed it.
        char buffer[4096];
        for (;;) {
            const ssize_t n = read(master, buffer, sizeof buffer);
            if (n > 0) {
                drawn.append(buffer, static_cast<std::size_t>(n));
            } else if (n < 0 && errno == EINTR) {
                continue;
            } else {
                break;
            }
        }
        result = child.wait();
    }
    close(master);
    ASSERT_EQ(result.exit_code, 0) << drawn;
    EXPECT_TRUE(contains(drawn, "\r[" + std::string(30, '#') + "] 100%  50/50 runs")) << drawn;
    EXPECT_TRUE(contains(drawn, "wrote 50 runs")) << drawn;
}

// Waits (polling, up to a generous 5 minutes) until the run's partial file holds at least one run:
// by then the signal handlers are installed (they come before the file) and there is finished
// work to keep. Returns whether it got there.
bool wait_until_runs_are_saved(const test::Subprocess& child, const fs::path& output) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
    while (child.running() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (!fs::exists(partial_of(output))) continue;
        try {
            if (!read_run_column(partial_of(output), "run_index").empty()) return true;
        } catch (const std::exception&) {
            // Still being created: the file is readable once it streams (SWMR).
        }
    }
    return false;
}

// Starts a long run, waits until it has saved runs, and sends it `signal_number`.
ProcessResult interrupt_a_long_run(const fs::path& scenario, const fs::path& output,
                                   int signal_number) {
    test::Subprocess child({executable, "run", scenario.string(), "-o", output.string(),
                            "--replicates", "10000000", "--threads", "2"});
    EXPECT_TRUE(wait_until_runs_are_saved(child, output)) << "the run never saved a run";
    EXPECT_TRUE(child.running()) << "ten million runs finished already?";
    child.send_signal(signal_number);
    return child.wait(std::chrono::minutes(5));
}

TEST_F(App, InterruptExits130AndKeepsFinishedRunsForResume) {
    const ProcessResult result = interrupt_a_long_run(scenario_, output_, SIGINT);
    EXPECT_FALSE(result.timed_out) << "the run did not stop after SIGINT";
    EXPECT_EQ(result.term_signal, 0) << "killed by the signal instead of handling it";
    EXPECT_EQ(result.exit_code, 130) << result.err;
    EXPECT_TRUE(contains(result.err, "interrupted")) << result.err;
    EXPECT_TRUE(contains(result.err, "--resume")) << "the message must say how to resume";
    EXPECT_FALSE(fs::exists(output_)) << "nothing may appear under the final name";
    ASSERT_TRUE(fs::exists(partial_of(output_)));
    // What finished is readable: a prefix of the runs, in order.
    const auto indices = read_run_column(partial_of(output_), "run_index");
    ASSERT_FALSE(indices.empty());
    for (std::size_t i = 0; i < indices.size(); ++i) EXPECT_EQ(indices[i], i);
}

TEST_F(App, TerminateIsHandledLikeInterrupt) {
    const ProcessResult result = interrupt_a_long_run(scenario_, output_, SIGTERM);
    EXPECT_FALSE(result.timed_out);
    EXPECT_EQ(result.exit_code, 130) << result.err;
    EXPECT_FALSE(fs::exists(output_));
    EXPECT_TRUE(fs::exists(partial_of(output_)));
}

TEST_F(App, InterruptKeepsAnExistingFileReplacedWithForce) {
    // With --force the old file is only replaced when the new one is complete.
    test::write_text_file(output_, "previous results\n");
    test::Subprocess child({executable, "run", scenario_.string(), "-o", output_.string(),
                            "--force", "--replicates", "10000000", "--threads", "2", "-q"});
    EXPECT_TRUE(wait_until_runs_are_saved(child, output_)) << "the run never saved a run";
    child.send_signal(SIGINT);
    const ProcessResult result = child.wait(std::chrono::minutes(5));
    EXPECT_EQ(result.exit_code, 130) << result.err;
    EXPECT_EQ(test::read_file_bytes(output_), "previous results\n");
}

TEST_F(App, AnUnfinishedRunIsNotStartedOverWithoutResumeOrForce) {
    interrupt_a_long_run(scenario_, output_, SIGINT);
    ASSERT_TRUE(fs::exists(partial_of(output_)));
    const ProcessResult again = partnersim({"run", scenario_.string(), "-o", output_.string()});
    EXPECT_EQ(again.exit_code, 2) << again.err;
    EXPECT_TRUE(contains(again.err, "--resume")) << again.err;
    EXPECT_TRUE(fs::exists(partial_of(output_))) << "the earlier work must not be lost";
}

// A sweep of a few thousand runs, long enough to be killed mid-way after a flush or two.
std::string killable_sweep(int replicates = 1500) {
    return "[run]\nmonths = 48\nreplicates = " + std::to_string(replicates) +
           "\nseed = 99\n\n"
           "[sweep]\nmethod = \"grid\"\n[sweep.grid]\n"
           "\"setup.duration\" = [\"time_bound\", \"open_ended\"]\n";
}

// The issue's promise: kill a real sweep at any moment, SIGKILL included, and --resume finishes
// it with every dataset bit-identical to an uninterrupted run's.
TEST_F(App, ResumeAfterSigkillGivesTheUninterruptedResult) {
    const fs::path sweep = dir_ / "sweep.toml";
    test::write_text_file(sweep, killable_sweep());
    const fs::path whole = dir_ / "whole.h5";
    const ProcessResult reference =
        partnersim({"run", sweep.string(), "-o", whole.string(), "--threads", "2", "-q"});
    ASSERT_EQ(reference.exit_code, 0) << reference.err;

    test::Subprocess child(
        {executable, "run", sweep.string(), "-o", output_.string(), "--threads", "2", "-q"});
    // Kill once at least one flush has put runs on disk (flushes come every 2 s).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
    while (child.running() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (!fs::exists(partial_of(output_))) continue;
        try {
            if (!read_run_column(partial_of(output_), "run_index").empty()) break;
        } catch (const std::exception&) {
            // Still being created: the file is readable once it streams (SWMR).
        }
    }
    ASSERT_TRUE(child.running()) << "the sweep finished before it could be killed";
    child.send_signal(SIGKILL);
    const ProcessResult killed = child.wait(std::chrono::minutes(5));
    EXPECT_EQ(killed.term_signal, SIGKILL);
    ASSERT_FALSE(fs::exists(output_));
    ASSERT_TRUE(fs::exists(partial_of(output_)));

    const ProcessResult resumed = partnersim(
        {"run", sweep.string(), "-o", output_.string(), "--threads", "1", "--resume", "-q"});
    ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
    EXPECT_FALSE(fs::exists(partial_of(output_)));
    test::expect_same_datasets(whole, output_);
}

// The runs of a partial file that a resume would keep (0 if it is missing or unreadable yet).
std::uint64_t saved_runs(const fs::path& output) {
    if (!fs::exists(partial_of(output))) return 0;
    try {
        return read_run_column(partial_of(output), "run_index").size();
    } catch (const std::exception&) {
        return 0;  // being created or replaced by a resume's copy
    }
}

// Issue 16's crash test: one sweep killed (SIGKILL) at 20 random moments, resumed each time,
// then finished: the result is the uninterrupted one, bit for bit. A moment is "at once"
// (before or while the partial file is created or a resume copies it) or "once more runs are
// on disk than before" - a condition, polled, never a sleep that hopes. How many kills one sweep
// survives before a resume finishes it depends on the machine's speed, so the test does not
// count on it: when a resume finishes the sweep, that result is compared and the sweep starts
// again from nothing, until 20 kills have been made. Pass or fail never depends on timing.
TEST_F(App, TwentyKillsInARowThenResumeGiveTheUninterruptedResult) {
    const fs::path sweep = dir_ / "sweep.toml";
    test::write_text_file(sweep, killable_sweep(8000));
    const fs::path whole = dir_ / "whole.h5";
    ASSERT_EQ(
        partnersim({"run", sweep.string(), "-o", whole.string(), "--threads", "2", "-q"}).exit_code,
        0);
    std::mt19937 moments(16);  // fixed seed: the same choice of moments every time
    int kills = 0;
    int finished_sweeps = 0;
    // Generous bound: every attempt either kills or finishes a sweep; a sweep takes many kills.
    for (int attempt = 0; attempt < 400 && kills < 20; ++attempt) {
        const std::uint64_t before = saved_runs(output_);
        test::Subprocess child({executable, "run", sweep.string(), "-o", output_.string(),
                                "--threads", "2", "--resume", "-q"});
        if (std::uniform_int_distribution<int>(0, 3)(moments) != 0) {
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
            while (child.running() && saved_runs(output_) <= before &&
                   std::chrono::steady_clock::now() < deadline) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        }
        child.send_signal(SIGKILL);
        const ProcessResult ended = child.wait(std::chrono::minutes(5));
        if (ended.term_signal == SIGKILL) {
            ++kills;
            ASSERT_FALSE(fs::exists(output_)) << "a killed run left a final file";
            continue;
        }
        ASSERT_EQ(ended.exit_code, 0) << ended.err;  // it finished before the kill
        EXPECT_FALSE(fs::exists(partial_of(output_)));
        test::expect_same_datasets(whole, output_);
        ++finished_sweeps;
        fs::remove(output_);  // the next attempt starts the sweep again from nothing
    }
    ASSERT_EQ(kills, 20);
    const ProcessResult last = partnersim(
        {"run", sweep.string(), "-o", output_.string(), "--threads", "1", "--resume", "-q"});
    ASSERT_EQ(last.exit_code, 0) << last.err;
    EXPECT_FALSE(fs::exists(partial_of(output_)));
    test::expect_same_datasets(whole, output_);
    RecordProperty("kills", kills);
    RecordProperty("sweeps_finished_by_a_resume", finished_sweeps);
}

TEST_F(App, ShardsMergeIntoTheSingleProcessResult) {
    const fs::path sweep = dir_ / "sweep.toml";
    test::write_text_file(sweep,
                          "[run]\nmonths = 12\nreplicates = 7\nseed = 5\n\n"
                          "[sweep]\n[sweep.grid]\n\"setup.join_month\" = [0, 3, 6]\n");
    const fs::path whole = dir_ / "whole.h5";
    ASSERT_EQ(partnersim({"run", sweep.string(), "-o", whole.string(), "-q"}).exit_code, 0);
    std::vector<std::string> merge_args{"merge", output_.string()};
    for (int k = 1; k <= 3; ++k) {
        const fs::path shard = dir_ / ("shard" + std::to_string(k) + ".h5");
        const ProcessResult part =
            partnersim({"run", sweep.string(), "-o", shard.string(), "--shard",
                        std::to_string(k) + "/3", "--threads", std::to_string(k % 2 + 1), "-q"});
        ASSERT_EQ(part.exit_code, 0) << part.err;
        merge_args.push_back(shard.string());
    }
    const ProcessResult merged = partnersim(merge_args);
    ASSERT_EQ(merged.exit_code, 0) << merged.err;
    test::expect_same_datasets(whole, output_);
}

TEST_F(App, ABadShardIsBadInput) {
    const ProcessResult result =
        partnersim({"run", scenario_.string(), "-o", output_.string(), "--shard", "4/3"});
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_TRUE(contains(result.err, "--shard")) << result.err;
    EXPECT_FALSE(fs::exists(output_));
}

}  // namespace
}  // namespace partnersim

// --- Outputs that lose nothing (issue 16) ------------------------------------------------------

#include <sys/mount.h>
#include <sys/statvfs.h>
#include <sys/wait.h>

namespace partnersim {
namespace {

// Two runs with one -o, and --force over a live run: the second is refused at once, and the
// first one's work is untouched and finishes.
TEST_F(App, ASecondRunOfTheSameOutputIsRefusedWhileTheFirstWrites) {
    const fs::path sweep = dir_ / "sweep.toml";
    test::write_text_file(sweep, killable_sweep());
    test::Subprocess first(
        {executable, "run", sweep.string(), "-o", output_.string(), "--threads", "1", "-q"});
    ASSERT_TRUE(wait_until_runs_are_saved(first, output_)) << "the first run saved nothing";
    for (const bool force : {false, true}) {
        std::vector<std::string> args{"run", sweep.string(), "-o", output_.string(), "-q"};
        if (force) args.push_back("--force");
        const ProcessResult second = partnersim(args);
        EXPECT_EQ(second.exit_code, 2) << second.err;
        EXPECT_TRUE(contains(second.err, "another partnersim process")) << second.err;
        EXPECT_TRUE(fs::exists(partial_of(output_))) << "the second run removed the first's work";
    }
    const ProcessResult finished = first.wait(std::chrono::seconds(300));
    ASSERT_EQ(finished.exit_code, 0) << finished.err;
    EXPECT_EQ(read_results_info(output_).runs, 3000u);
    EXPECT_FALSE(fs::exists(dir_ / "results.h5.lock"));
}

TEST_F(App, ResumeRefusesASymbolicLinkAsThePartialFile) {
    const fs::path victim = dir_ / "victim";
    test::write_text_file(victim, "someone else's file\n");
    fs::create_symlink(victim, partial_of(output_));
    const ProcessResult result =
        partnersim({"run", scenario_.string(), "-o", output_.string(), "--resume", "-q"});
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_TRUE(contains(result.err, "symbolic link")) << result.err;
    EXPECT_EQ(test::read_file_bytes(victim), "someone else's file\n");
    EXPECT_FALSE(fs::exists(output_));
}

TEST_F(App, AnEmptyOutputNameIsRefusedBeforeRunning) {
    const ProcessResult result =
        partnersim({"run", scenario_.string(), "-o", "", "--replicates", "10000000", "-q"});
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_TRUE(contains(result.err, "output file name is empty")) << result.err;
}

TEST_F(App, AnOutputLargerThanTheFreeSpaceIsRefusedBeforeRunning) {
    // 10^7 replicates of 600 months: terabytes, on any test machine's disk.
    const ProcessResult result =
        partnersim({"run", scenario_.string(), "-o", output_.string(), "--replicates", "10000000",
                    "--set", "run.months=600", "-q"});
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_TRUE(contains(result.err, "MiB free")) << result.err;
    EXPECT_FALSE(fs::exists(partial_of(output_)));
}

// An LHS sweep of 10^9 samples: every command that reads a sweep refuses it with a located
// exit 2 before allocating its design (in the ASan build such an allocation would abort the
// program instead: the issue-16 finding), and nothing is written.
TEST_F(App, ABillionSampleSweepIsRefusedBeforeAllocating) {
    const fs::path sweep = dir_ / "lhs.toml";
    test::write_text_file(sweep,
                          "[run]\nreplicates = 1\nmonths = 12\n[sweep]\n"
                          "method = \"latin_hypercube\"\nsamples = 1000000000\n"
                          "[sweep.ranges]\n\"setup.budget_hours\" = [40.0, 200.0]\n");
    for (const char* command : {"check", "plan", "run"}) {
        std::vector<std::string> arguments{command, sweep.string()};
        if (std::string(command) == "run") {
            arguments.insert(arguments.end(), {"-o", output_.string(), "-q"});
        }
        const ProcessResult result = partnersim(arguments);
        EXPECT_EQ(result.exit_code, 2) << command << ": " << result.err;
        EXPECT_TRUE(contains(result.err, "lhs.toml:4")) << command << ": " << result.err;
        EXPECT_TRUE(contains(result.err, "MiB of memory")) << command << ": " << result.err;
    }
    EXPECT_FALSE(fs::exists(output_));
    EXPECT_FALSE(fs::exists(partial_of(output_)));
}

TEST_F(App, AMillionThreadsIsBadInput) {
    const ProcessResult result = partnersim(
        {"run", scenario_.string(), "-o", output_.string(), "--threads", "1000000", "-q"});
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_TRUE(contains(result.err, "--threads")) << result.err;
    EXPECT_FALSE(fs::exists(partial_of(output_)));
}

TEST_F(App, AnEmptyShardIsBadInput) {
    const ProcessResult result =
        partnersim({"run", scenario_.string(), "-o", output_.string(), "--shard", "", "-q"});
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_TRUE(contains(result.err, "--shard")) << result.err;
    EXPECT_FALSE(fs::exists(output_));
}

// A small tmpfs (root only; skipped elsewhere) that fills up mid-run. The run must end with a
// clear error (exit 1), no signal, no final file, and a partial file that --resume finishes,
// once there is room, into the uninterrupted result.
class FullDisk : public App {
protected:
    void SetUp() override {
        fs::create_directories(disk_);
        if (::mount("tmpfs", disk_.c_str(), "tmpfs", 0, "size=8m") != 0) {
            GTEST_SKIP() << "cannot mount a tmpfs (not root?): the disk-full tests need one";
        }
        mounted_ = true;
    }
    void TearDown() override {
        if (mounted_) ::umount2(disk_.c_str(), MNT_DETACH);
    }
    void grow_disk() {
        ASSERT_EQ(::mount("tmpfs", disk_.c_str(), "tmpfs", MS_REMOUNT, "size=256m"), 0);
    }

    fs::path disk_ = dir_ / "disk";
    bool mounted_ = false;
};

// Filled while the run streams, by a margin no output can meet: once runs are on disk the run
// is frozen (SIGSTOP), the disk is shrunk to the pages in use (a remount: nothing is written, no
// byte is left over, as a filler file's last partial write could leave), and the run goes on.
// Every further page it needs, for its next runs or for the compacted copy beside them, is then
// refused, however well the model's output compresses; no step depends on how long a run takes.
TEST_F(FullDisk, ADiskThatFillsMidRunEndsCleanlyAndResumes) {
    const fs::path sweep = dir_ / "sweep.toml";
    test::write_text_file(sweep, killable_sweep());
    const fs::path whole = dir_ / "whole.h5";
    ASSERT_EQ(partnersim({"run", sweep.string(), "-o", whole.string(), "-q"}).exit_code, 0);
    const fs::path output = disk_ / "results.h5";
    grow_disk();  // room for the check before running; taken away below
    test::Subprocess child(
        {executable, "run", sweep.string(), "-o", output.string(), "--threads", "1", "-q"});
    ASSERT_TRUE(wait_until_runs_are_saved(child, output));
    child.send_signal(SIGSTOP);
    siginfo_t stopped{};  // SIGSTOP is delivered asynchronously: wait until it has taken hold
    ASSERT_EQ(
        ::waitid(P_PID, static_cast<id_t>(child.pid()), &stopped, WSTOPPED | WEXITED | WNOWAIT), 0);
    ASSERT_EQ(stopped.si_code, CLD_STOPPED) << "the run ended before it could be frozen";
    ASSERT_FALSE(fs::exists(output)) << "the run finished before it could be frozen";
    struct statvfs disk {};
    ASSERT_EQ(::statvfs(disk_.c_str(), &disk), 0);
    const std::uint64_t used = (disk.f_blocks - disk.f_bfree) * disk.f_frsize;
    ASSERT_GT(used, 0u);  // size=0 would mean no limit
    const std::string size = "size=" + std::to_string(used);
    ASSERT_EQ(::mount("tmpfs", disk_.c_str(), "tmpfs", MS_REMOUNT, size.c_str()), 0)
        << std::strerror(errno);
    ASSERT_EQ(::statvfs(disk_.c_str(), &disk), 0);
    ASSERT_EQ(disk.f_bfree, 0u) << "the disk must have no page left";
    child.send_signal(SIGCONT);
    const ProcessResult failed = child.wait(std::chrono::seconds(300));
    EXPECT_EQ(failed.term_signal, 0) << "killed by a signal: " << failed.err;
    EXPECT_EQ(failed.exit_code, 1) << failed.err;
    EXPECT_TRUE(contains(failed.err, "error:")) << failed.err;
    EXPECT_FALSE(fs::exists(output));
    ASSERT_TRUE(fs::exists(partial_of(output))) << "the runs done before the disk filled are lost";
    grow_disk();
    const ProcessResult resumed =
        partnersim({"run", sweep.string(), "-o", output.string(), "--resume", "-q"});
    ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
    test::expect_same_datasets(whole, output);
}

// The closing compaction needs room for the compressed copy beside the streamed file: on a
// disk without it, the streamed file (every run) must stay, and --resume finish it later.
TEST_F(FullDisk, ADiskFullDuringTheClosingCompactionKeepsEveryRun) {
    const fs::path sweep = dir_ / "sweep.toml";
    // About 7 MB streamed (uncompressed) into 8 MB: the compressed copy (3 MB) does not fit.
    test::write_text_file(sweep,
                          "[run]\nmonths = 120\nreplicates = 500\nseed = 3\n\n[partners]\n"
                          "count = 5\n");
    const fs::path whole = dir_ / "whole.h5";
    ASSERT_EQ(partnersim({"run", sweep.string(), "-o", whole.string(), "-q"}).exit_code, 0);
    const fs::path output = disk_ / "results.h5";
    const ProcessResult failed = partnersim({"run", sweep.string(), "-o", output.string(), "-q"});
    if (failed.exit_code == 0) GTEST_SKIP() << "the compacted copy fitted after all";
    EXPECT_EQ(failed.term_signal, 0) << failed.err;
    EXPECT_EQ(failed.exit_code, 1) << failed.err;
    EXPECT_FALSE(fs::exists(output));
    ASSERT_TRUE(fs::exists(partial_of(output))) << "the compaction lost the finished runs";
    EXPECT_EQ(read_results_info(partial_of(output)).runs, 500u);
    EXPECT_TRUE(contains(failed.err, "compacting")) << failed.err;
    grow_disk();
    const ProcessResult resumed =
        partnersim({"run", sweep.string(), "-o", output.string(), "--resume", "-q"});
    ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
    test::expect_same_datasets(whole, output);
}

}  // namespace
}  // namespace partnersim
