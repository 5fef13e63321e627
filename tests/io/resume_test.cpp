#include "io/resume.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "io/design_tables.hpp"
#include "io/hdf5_reader.hpp"
#include "support/hdf5_compare.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

constexpr int months = 4;
constexpr int partners = 3;
constexpr std::uint64_t traced = 5;

ResultsMetadata metadata(const std::string& command_line = "partnersim run s.toml") {
    return ResultsMetadata{"0.1.0-test", "[run]\nmonths = 4\nseed = 42\n", command_line,
                           "2024-05-01T12:00:00Z"};
}

ExperimentDesign design_of(std::uint64_t runs) {
    Scenario scenario;
    scenario.run.replicates = static_cast<std::int64_t>(runs);
    return single_point_design(scenario);
}

ResultsShape shape() {
    return ResultsShape{months, traced, partners};
}

RunResult known(std::uint64_t run) {
    return test::make_known_run(run, months,
                                run < traced ? partners - static_cast<int>(run % 2) : 0);
}

// The file an uninterrupted run writes.
std::filesystem::path write_reference(const test::TempDir& dir, std::uint64_t runs,
                                      const ResultsShape& results_shape = shape()) {
    const auto path = dir / "reference.h5";
    const ExperimentDesign design = design_of(runs);
    Hdf5ResultWriter writer(path, results_shape, metadata(), design_prologue(design));
    const std::uint64_t first = results_shape.shard ? shard_range(*results_shape.shard).first : 0;
    const std::uint64_t end = results_shape.shard ? shard_range(*results_shape.shard).second : runs;
    for (std::uint64_t run = first; run < end; ++run) writer.write(known(run));
    writer.close();
    return path;
}

// Every row of `path` is the known run of its index, counting from `first`.
void expect_known_prefix(const std::filesystem::path& path, std::uint64_t rows,
                         std::uint64_t first = 0) {
    ResultsRowReader reader(path);
    ASSERT_GE(reader.rows(), rows);
    const std::vector<RunResult> runs = reader.runs(0, rows);
    for (std::uint64_t i = 0; i < rows; ++i) {
        const RunResult expected = known(first + i);
        const RunResult& actual = runs[i];
        ASSERT_EQ(actual.id.run_index, expected.id.run_index) << "row " << i;
        ASSERT_EQ(actual.id.stream_seed, expected.id.stream_seed) << "row " << i;
        ASSERT_EQ(actual.timeseries, expected.timeseries) << "row " << i;
        ASSERT_EQ(actual.final_values, expected.final_values) << "row " << i;
    }
}

// In a child process: ends it by SIGKILL right here, with every object still alive.
[[noreturn]] void die_now() {
    raise(SIGKILL);
    _exit(4);
}

// In a child process: waits, objects alive, for the parent's SIGKILL.
[[noreturn]] void wait_to_be_killed() {
    for (;;) pause();
}

// Runs `body` in a child process that must die of SIGKILL: `body` ends with die_now(), or with
// wait_to_be_killed() when the parent kills it after `kill_after`, wherever it has got to.
template <class Body>
void run_killed_child(Body&& body, std::optional<std::chrono::microseconds> kill_after = {}) {
    const pid_t pid = fork();
    ASSERT_GE(pid, 0) << "fork failed";
    if (pid == 0) {
        try {
            body();
        } catch (...) {
            _exit(3);
        }
        _exit(5);  // body returned: its objects were destroyed normally, not killed
    }
    if (kill_after) {
        std::this_thread::sleep_for(*kill_after);
        kill(pid, SIGKILL);
    }
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the child exited with " << WEXITSTATUS(status);
    ASSERT_EQ(WTERMSIG(status), SIGKILL);
}

// Writes runs [first, last), flushing every `flush_every` runs.
void write_runs(Hdf5ResultWriter& writer, std::uint64_t first, std::uint64_t last,
                std::uint64_t flush_every) {
    for (std::uint64_t run = first; run < last; ++run) {
        writer.write(known(run));
        if ((run + 1) % flush_every == 0) writer.flush();
    }
}

// Resumes `partial`, writes the rest of [0, runs) and closes: what `run --resume` does.
std::uint64_t finish(const std::filesystem::path& partial, std::uint64_t runs) {
    const ExperimentDesign design = design_of(runs);
    Resumption resumed =
        resume_results(partial, shape(), metadata("partnersim run --resume"), design);
    const std::uint64_t kept = resumed.completed;
    write_runs(*resumed.writer, kept, runs, 1000);
    resumed.writer->close();
    return kept;
}

TEST(Resume, AKilledWriterLeavesEveryFlushedRunAndTheRestFinishesBitIdentical) {
    const test::TempDir dir;
    constexpr std::uint64_t runs = 400;
    const auto reference = write_reference(dir, runs);
    const auto partial = dir / "results.h5.partial";

    run_killed_child([&] {
        const ExperimentDesign design = design_of(runs);
        Hdf5ResultWriter writer(partial, shape(), metadata(), design_prologue(design));
        write_runs(writer, 0, 250, 100);  // flushed at 100 and 200; 50 more not flushed
        die_now();
    });

    EXPECT_EQ(complete_runs(partial), 200u);
    expect_known_prefix(partial, 200);
    EXPECT_EQ(read_results_info(partial).metadata.scenario_toml, metadata().scenario_toml);

    EXPECT_EQ(finish(partial, runs), 200u);
    EXPECT_FALSE(std::filesystem::exists(dir / "results.h5.partial.recovering"));
    test::expect_same_datasets(reference, partial);
    EXPECT_EQ(test::root_uint_attribute(partial, "runs"), runs);
}

// Kill attempts of the random crash test; PARTNERSIM_CRASH_ATTEMPTS=500 makes a soak test.
int crash_attempts() {
    const char* text = std::getenv("PARTNERSIM_CRASH_ATTEMPTS");
    return text ? std::max(1, std::atoi(text)) : 8;
}

TEST(Resume, KillsAtRandomMomentsIncludingDuringRecoveryStillFinishBitIdentical) {
    const test::TempDir dir;
    constexpr std::uint64_t runs = 3000;
    constexpr std::uint64_t flush_every = 37;
    const auto reference = write_reference(dir, runs);

    // How long a writer in a child process takes from the fork to its last flush, so the
    // kills can fall anywhere in it: in the constructor, between flushes, inside a flush.
    const auto started = std::chrono::steady_clock::now();
    const pid_t timing = fork();
    ASSERT_GE(timing, 0);
    if (timing == 0) {
        try {
            const ExperimentDesign design = design_of(runs);
            Hdf5ResultWriter writer(dir / "timing.h5", shape(), metadata(),
                                    design_prologue(design));
            write_runs(writer, 0, runs, flush_every);
            writer.flush();
            die_now();
        } catch (...) {
            _exit(3);
        }
    }
    ASSERT_EQ(waitpid(timing, nullptr, 0), timing);
    const auto lifetime = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - started);

    std::mt19937 random(20240501);
    std::uniform_int_distribution<std::int64_t> delay_us(0, lifetime.count() * 6 / 5);
    std::uint64_t resumed_midway = 0;
    const int attempts = crash_attempts();
    // On a loaded machine every kill can land before or after the writing; then keep trying
    // (up to five times as many attempts) until one lands mid-way, rather than fail on timing.
    for (int attempt = 0; attempt < attempts || (resumed_midway == 0 && attempt < 5 * attempts);
         ++attempt) {
        const auto partial = dir / ("attempt" + std::to_string(attempt) + ".h5.partial");
        const std::chrono::microseconds first_kill(delay_us(random));
        const std::chrono::microseconds second_kill(delay_us(random));
        SCOPED_TRACE("attempt " + std::to_string(attempt) + ": killed after " +
                     std::to_string(first_kill.count()) + " us, then while resuming after " +
                     std::to_string(second_kill.count()) + " us");

        run_killed_child(
            [&] {
                const ExperimentDesign design = design_of(runs);
                Hdf5ResultWriter writer(partial, shape(), metadata(), design_prologue(design));
                write_runs(writer, 0, runs, flush_every);
                writer.flush();
                wait_to_be_killed();
            },
            first_kill);
        std::uint64_t after_first = 0;
        try {
            after_first = complete_runs(partial);
        } catch (const std::runtime_error&) {
            // Killed before the file existed or was complete enough to read: starts over.
        }
        if (after_first > 0) expect_known_prefix(partial, after_first);

        // Killed again while recovering and continuing.
        run_killed_child(
            [&] {
                const ExperimentDesign design = design_of(runs);
                Resumption resumed = resume_results(partial, shape(), metadata(), design);
                write_runs(*resumed.writer, resumed.completed, runs, flush_every);
                resumed.writer->flush();
                wait_to_be_killed();
            },
            second_kill);

        const std::uint64_t kept = finish(partial, runs);
        EXPECT_GE(kept, after_first);  // what was complete stays complete
        if (kept > 0 && kept < runs) ++resumed_midway;
        test::expect_same_datasets(reference, partial);
        if (HasFailure()) return;
        std::filesystem::remove(partial);
    }
    // The kills should mostly land while runs were being written, not before or after.
    EXPECT_GT(resumed_midway, 0u);
}

TEST(Resume, AnInterruptedRunsSuspendedFileResumes) {
    const test::TempDir dir;
    constexpr std::uint64_t runs = 300;
    const auto reference = write_reference(dir, runs);
    const auto partial = dir / "results.h5.partial";
    {
        const ExperimentDesign design = design_of(runs);
        Hdf5ResultWriter writer(partial, shape(), metadata(), design_prologue(design));
        write_runs(writer, 0, 123, 1000);
        writer.suspend();  // Ctrl-C: no flush was due, but suspending flushes
    }
    EXPECT_EQ(complete_runs(partial), 123u);
    EXPECT_EQ(finish(partial, runs), 123u);
    test::expect_same_datasets(reference, partial);
}

TEST(Resume, ACompleteButUnclosedFileNeedsNoNewRuns) {
    const test::TempDir dir;
    constexpr std::uint64_t runs = 50;
    const auto reference = write_reference(dir, runs);
    const auto partial = dir / "results.h5.partial";
    run_killed_child([&] {
        const ExperimentDesign design = design_of(runs);
        Hdf5ResultWriter writer(partial, shape(), metadata(), design_prologue(design));
        write_runs(writer, 0, runs, 1000);
        writer.flush();
        die_now();
    });
    EXPECT_EQ(finish(partial, runs), runs);
    test::expect_same_datasets(reference, partial);
}

TEST(Resume, AMissingPartialFileStartsFresh) {
    const test::TempDir dir;
    constexpr std::uint64_t runs = 20;
    const auto reference = write_reference(dir, runs);
    const auto partial = dir / "results.h5.partial";
    const ExperimentDesign design = design_of(runs);
    Resumption resumed = resume_results(partial, shape(), metadata(), design);
    EXPECT_EQ(resumed.start, ResumeStart::no_partial_file);
    EXPECT_EQ(resumed.completed, 0u);
    write_runs(*resumed.writer, 0, runs, 1000);
    resumed.writer->close();
    test::expect_same_datasets(reference, partial);
}

TEST(Resume, AnUnreadablePartialFileIsReplacedAndTheReasonGiven) {
    const test::TempDir dir;
    constexpr std::uint64_t runs = 20;
    const auto reference = write_reference(dir, runs);
    const auto partial = dir / "results.h5.partial";
    {
        std::ofstream garbage(partial, std::ios::binary);
        garbage << "killed before the first flush";
    }
    const ExperimentDesign design = design_of(runs);
    Resumption resumed = resume_results(partial, shape(), metadata(), design);
    EXPECT_EQ(resumed.start, ResumeStart::unreadable_partial_file);
    EXPECT_NE(resumed.reason.find("not an HDF5 file"), std::string::npos) << resumed.reason;
    EXPECT_EQ(resumed.completed, 0u);
    write_runs(*resumed.writer, 0, runs, 1000);
    resumed.writer->close();
    test::expect_same_datasets(reference, partial);
}

template <class Change>
void expect_mismatch(Change&& change, const std::string& expected_part) {
    const test::TempDir dir;
    const auto partial = dir / "results.h5.partial";
    {
        const ExperimentDesign design = design_of(10);
        Hdf5ResultWriter writer(partial, shape(), metadata(), design_prologue(design));
        write_runs(writer, 0, 4, 1000);
        writer.suspend();
    }
    ResultsShape new_shape = shape();
    ResultsMetadata new_metadata = metadata();
    ExperimentDesign new_design = design_of(10);
    change(new_shape, new_metadata, new_design);
    try {
        resume_results(partial, new_shape, new_metadata, new_design);
        FAIL() << "expected ResumeMismatch";
    } catch (const ResumeMismatch& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find(partial.string()), std::string::npos) << message;
        EXPECT_NE(message.find(expected_part), std::string::npos) << message;
        EXPECT_NE(message.find("--force"), std::string::npos) << message;
    }
    // Refused without touching the partial file.
    EXPECT_EQ(complete_runs(partial), 4u);
    EXPECT_FALSE(std::filesystem::exists(dir / "results.h5.partial.recovering"));
}

TEST(Resume, RefusesAPartialFileOfAnotherScenario) {
    expect_mismatch([](ResultsShape&, ResultsMetadata& m,
                       ExperimentDesign&) { m.scenario_toml = "[run]\nmonths = 4\nseed = 43\n"; },
                    "belongs to a different scenario");
    expect_mismatch([](ResultsShape&, ResultsMetadata& m,
                       ExperimentDesign&) { m.scenario_toml = "[run]\nmonths = 4\nseed = 43\n"; },
                    "line 3: 'seed = 43' for this run, 'seed = 42' in the partial file");
}

TEST(Resume, RefusesAPartialFileOfAnotherSweep) {
    expect_mismatch([](ResultsShape&, ResultsMetadata&, ExperimentDesign& d) { d = design_of(11); },
                    "belongs to a different scenario");
}

TEST(Resume, RefusesAPartialFileOfAnotherVersionTraceOrShard) {
    expect_mismatch([](ResultsShape&, ResultsMetadata& m,
                       ExperimentDesign&) { m.partnersim_version = "0.2.0"; },
                    "written by partnersim 0.1.0-test");
    expect_mismatch([](ResultsShape& s, ResultsMetadata&, ExperimentDesign&) { s.trace_runs = 6; },
                    "--trace");
    expect_mismatch(
        [](ResultsShape& s, ResultsMetadata&, ExperimentDesign&) {
            s.shard = ShardInfo{1, 2, 10};
        },
        "shard 1/2");
}

TEST(Resume, IgnoresTheCommandLineAndCreationTime) {
    const test::TempDir dir;
    const auto partial = dir / "results.h5.partial";
    {
        const ExperimentDesign design = design_of(10);
        Hdf5ResultWriter writer(partial, shape(), metadata(), design_prologue(design));
        write_runs(writer, 0, 4, 1000);
        writer.suspend();
    }
    ResultsMetadata later = metadata("partnersim run s.toml -o other --resume");
    later.created_utc = "2025-01-01T00:00:00Z";
    const ExperimentDesign design = design_of(10);
    EXPECT_NO_THROW(check_resumable(partial, shape(), later, design));
    Resumption resumed = resume_results(partial, shape(), later, design);
    EXPECT_EQ(resumed.completed, 4u);
}

TEST(Resume, AShardResumesWithinItsSlice) {
    const test::TempDir dir;
    constexpr std::uint64_t runs = 100;
    ResultsShape shard_shape = shape();
    shard_shape.shard = ShardInfo{2, 3, runs};  // runs 33..65
    const auto reference = write_reference(dir, runs, shard_shape);
    const auto partial = dir / "shard.h5.partial";
    const ExperimentDesign design = design_of(runs);
    run_killed_child([&] {
        Hdf5ResultWriter writer(partial, shard_shape, metadata(), design_prologue(design));
        for (std::uint64_t run = 33; run < 50; ++run) {
            writer.write(known(run));
            if (run == 44) writer.flush();
        }
        die_now();
    });
    EXPECT_EQ(complete_runs(partial), 12u);  // runs 33..44
    expect_known_prefix(partial, 12, 33);
    Resumption resumed = resume_results(partial, shard_shape, metadata(), design);
    ASSERT_EQ(resumed.completed, 12u);
    for (std::uint64_t run = 33 + resumed.completed; run < 66; ++run) {
        resumed.writer->write(known(run));
    }
    resumed.writer->close();
    test::expect_same_datasets(reference, partial);
}

TEST(Resume, CompleteRunsStopsAtTheFirstRowOutOfSequence) {
    const test::TempDir dir;
    const auto path = dir / "results.h5";
    {
        Hdf5ResultWriter writer(path, ResultsShape{months}, metadata());
        for (const std::uint64_t run : {0, 1, 2, 5, 6})
            writer.write(test::make_known_run(run, months));
        writer.close();
    }
    EXPECT_EQ(complete_runs(path), 3u);
}

TEST(Resume, CrashedFilesAreReadableByTheReader) {
    const test::TempDir dir;
    const auto partial = dir / "results.h5.partial";
    run_killed_child([&] {
        const ExperimentDesign design = design_of(10);
        Hdf5ResultWriter writer(partial, shape(), metadata(), design_prologue(design));
        write_runs(writer, 0, 7, 5);
        die_now();
    });
    const ResultsFileInfo info = read_results_info(partial);
    EXPECT_EQ(info.runs, 5u);
    EXPECT_EQ(info.months, months);
    EXPECT_EQ(read_final(partial, "cost").size(), 5u);
    const TraceValues trace = read_trace(partial, partner_trace_catalogue()[0].name);
    EXPECT_EQ(trace.runs, traced);
    EXPECT_EQ(trace.values[0], test::known_trace_value(0, 0, 0, 0));
}

}  // namespace
}  // namespace partnersim
