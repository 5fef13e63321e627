// The MPI program end to end (issue 15): `mpirun -n K` over loopback, oversubscribed on a
// small machine, against the default program's single-process file. Every wait is on a
// condition with a generous bound; nothing depends on timing.

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "io/hdf5_reader.hpp"
#include "support/hdf5_compare.hpp"
#include "support/subprocess.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

namespace fs = std::filesystem;
using test::ProcessResult;

const std::string single = PARTNERSIM_EXECUTABLE;        // the default program
const std::string distributed = PARTNERSIM_MPI_PROGRAM;  // build/mpi/partnersim
const std::string mpirun = PARTNERSIM_MPIEXEC;
const fs::path bundled_sweep =
    fs::path(PARTNERSIM_SOURCE_DIR) / "scenarios/examples/sweep_duration_budget.toml";

// Loopback only, more ranks than cores allowed, root allowed (CI runs as root).
std::vector<std::string> mpirun_args(int ranks) {
    return {mpirun,  "-n",  std::to_string(ranks), "--oversubscribe", "--allow-run-as-root",
            "--mca", "btl", "self,vader"};
}

std::vector<std::string> joined(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

int count_of(const std::string& text, const std::string& part) {
    int n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

fs::path partial_of(const fs::path& output) {
    fs::path partial = output;
    partial += ".partial";
    return partial;
}

std::uint64_t saved_runs(const fs::path& output) {
    if (!fs::exists(partial_of(output))) return 0;
    try {
        return read_run_column(partial_of(output), "run_index").size();
    } catch (const std::exception&) {
        return 0;  // being created
    }
}

class MpiRun : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = test::unique_temp_path("partnersim_mpi", "");
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    // The default program's file: what every MPI run must reproduce.
    fs::path reference(const std::vector<std::string>& scenario) {
        const fs::path whole = dir_ / "whole.h5";
        const ProcessResult run = test::run_process(
            joined({single, "run"},
                   joined(scenario, {"-o", whole.string(), "--threads", "2", "-q"})),
            std::chrono::minutes(10));
        EXPECT_EQ(run.exit_code, 0) << run.err;
        return whole;
    }

    ProcessResult mpi_run(int ranks, const std::vector<std::string>& args) {
        return test::run_process(joined(mpirun_args(ranks), joined({distributed, "run"}, args)),
                                 std::chrono::minutes(10));
    }

    fs::path dir_;
};

// The test: the bundled sweep over 2 and 3 ranks (rank 0 runs chunks too, so 3 ranks
// are 3 runners on 2 cores: chunks finish in an order nobody chose) gives the single-process
// file, every dataset bit for bit. Progress and the summary come from rank 0 alone.
TEST_F(MpiRun, TwoAndThreeRanksWriteTheSingleProcessFile) {
    const std::vector<std::string> sweep{bundled_sweep.string(), "--replicates", "4"};
    const fs::path whole = reference(sweep);
    for (const int ranks : {2, 3}) {
        const fs::path output = dir_ / ("ranks" + std::to_string(ranks) + ".h5");
        const ProcessResult run =
            mpi_run(ranks, joined(sweep, {"-o", output.string(), "--threads", "1"}));
        ASSERT_EQ(run.exit_code, 0) << run.err;
        test::expect_same_datasets(whole, output);
        EXPECT_FALSE(fs::exists(partial_of(output)));
        EXPECT_EQ(count_of(run.err, "wrote 128 runs"), 1) << run.err;
        EXPECT_EQ(
            count_of(run.out, "final month"),
            count_of(test::run_process({single, "summary", whole.string()}).out, "final month"))
            << run.out;
    }
}

// Design points of very different cost (10 vs 300 partners): the dear ones do not hold the
// others back, and the file is still the single-process one, with traced runs.
TEST_F(MpiRun, UnevenDesignPointsAndTracesGiveTheSingleProcessFile) {
    const fs::path sweep = dir_ / "uneven.toml";
    test::write_text_file(sweep,
                          "[run]\nmonths = 24\nreplicates = 6\nseed = 3\n\n"
                          "[sweep]\n[sweep.grid]\n\"partners.count\" = [300, 10, 20, 40]\n");
    const std::vector<std::string> scenario{sweep.string(), "--trace", "7"};
    const fs::path whole = reference(scenario);
    const fs::path output = dir_ / "uneven.h5";
    const ProcessResult run =
        mpi_run(3, joined(scenario, {"-o", output.string(), "--threads", "1", "-q"}));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    test::expect_same_datasets(whole, output);
}

// Ranks given different experiments (here another seed): one clear error from rank 0, exit
// 2, nothing written.
TEST_F(MpiRun, RanksThatDisagreeAboutTheScenarioStopWithOneError) {
    const fs::path output = dir_ / "out.h5";
    const ProcessResult run = test::run_process(
        joined(mpirun_args(1),
               {distributed, "run", bundled_sweep.string(), "-o", output.string(), ":", "-n", "1",
                distributed, "run", bundled_sweep.string(), "-o", output.string(), "--seed", "2"}),
        std::chrono::minutes(5));
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_EQ(count_of(run.err, "error:"), 1) << run.err;
    EXPECT_TRUE(test::contains(run.err, "rank 1 of 2 resolved another experiment")) << run.err;
    EXPECT_FALSE(fs::exists(output));
    EXPECT_FALSE(fs::exists(partial_of(output)));
}

// Another build of the same version (a byte appended to the program: it runs the same, but
// it is another file) is refused too: another build could round differently.
TEST_F(MpiRun, RanksRunningAnotherBuildStopWithOneError) {
    const fs::path other = dir_ / "partnersim";
    fs::copy_file(distributed, other);
    std::ofstream(other, std::ios::app | std::ios::binary) << '\n';
    const fs::path output = dir_ / "out.h5";
    const ProcessResult run = test::run_process(
        joined(mpirun_args(1),
               {distributed, "run", bundled_sweep.string(), "-o", output.string(), ":", "-n", "1",
                other.string(), "run", bundled_sweep.string(), "-o", output.string()}),
        std::chrono::minutes(5));
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_EQ(count_of(run.err, "error:"), 1) << run.err;
    EXPECT_TRUE(test::contains(run.err, "rank 1 of 2 runs another partnersim program")) << run.err;
    EXPECT_FALSE(fs::exists(output));
}

// A rank that cannot even read its scenario says so itself (prefixed with its rank), and
// rank 0 says which rank stopped; nothing hangs.
TEST_F(MpiRun, ARankThatFailsBeforeStartingIsNamed) {
    const fs::path output = dir_ / "out.h5";
    const ProcessResult run = test::run_process(
        joined(mpirun_args(1),
               {distributed, "run", bundled_sweep.string(), "-o", output.string(), ":", "-n", "1",
                distributed, "run", (dir_ / "missing.toml").string(), "-o", output.string()}),
        std::chrono::minutes(5));
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_TRUE(test::contains(run.err, "rank 1 of 2 stopped before")) << run.err;
    EXPECT_TRUE(test::contains(run.err, "rank 1: error:")) << run.err;
    EXPECT_TRUE(test::contains(run.err, "missing.toml")) << run.err;
}

// The pid of MPI rank `rank` among the children of `mpirun_pid` (OpenMPI sets
// OMPI_COMM_WORLD_RANK in each rank's environment); 0 while they are not all started.
pid_t rank_pid(pid_t mpirun_pid, int rank) {
    const std::string wanted = "OMPI_COMM_WORLD_RANK=" + std::to_string(rank);
    for (const auto& entry : fs::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        std::ifstream stat(entry.path() / "stat");
        std::string text((std::istreambuf_iterator<char>(stat)), {});
        const auto close = text.rfind(')');
        if (close == std::string::npos) continue;
        std::istringstream fields(text.substr(close + 2));
        std::string state;
        pid_t parent = 0;
        fields >> state >> parent;
        if (parent != mpirun_pid) continue;
        std::ifstream environ(entry.path() / "environ", std::ios::binary);
        for (std::string variable; std::getline(environ, variable, '\0');) {
            if (variable == wanted) return static_cast<pid_t>(std::stoi(name));
        }
    }
    return 0;
}

// Kills rank `victim` of a 3-rank run once runs are on disk (the partial file's run count,
// polled with a generous bound). True when the kill landed mid-way: the job ended, no final file
// appeared, and the partial file keeps some of the `total` runs but not all. False when the
// sweep was too short for that on this machine (it ended, or had every run on disk, first).
bool killed_midway(const std::vector<std::string>& command, const fs::path& output, int victim,
                   std::uint64_t total) {
    test::Subprocess job(command);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
    pid_t pid = 0;
    while (job.running() && std::chrono::steady_clock::now() < deadline &&
           (saved_runs(output) == 0 || pid == 0)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (pid == 0) pid = rank_pid(job.pid(), victim);
    }
    EXPECT_LT(std::chrono::steady_clock::now(), deadline) << "no runs on disk in 5 minutes";
    // A rank that has just ended is no longer there to kill: the sweep is ending anyway.
    if (job.running() && pid != 0) ::kill(pid, SIGKILL);
    const ProcessResult ended = job.wait(std::chrono::minutes(5));
    EXPECT_FALSE(ended.timed_out) << "the job did not end after rank " << victim << " died";
    if (ended.exit_code == 0 || fs::exists(output) || saved_runs(output) >= total) return false;
    EXPECT_TRUE(fs::exists(partial_of(output)));
    return saved_runs(output) > 0;
}

// "resuming: N of M runs were already done": N, checked to be mid-way.
void expect_resumed_midway(const ProcessResult& resumed) {
    std::smatch found;
    ASSERT_TRUE(
        std::regex_search(resumed.err, found, std::regex("resuming: ([0-9]+) of ([0-9]+) runs")))
        << resumed.err;
    EXPECT_GT(std::stoull(found[1]), 0U);
    EXPECT_LT(std::stoull(found[1]), std::stoull(found[2]));
}

// A sweep of two design points, `replicates` runs each, long enough to kill mid-way.
std::vector<std::string> long_sweep_args(const fs::path& dir, std::uint64_t replicates,
                                         const fs::path& output) {
    const fs::path sweep = dir / ("long" + std::to_string(replicates) + ".toml");
    test::write_text_file(sweep, "[run]\nmonths = 48\nreplicates = " + std::to_string(replicates) +
                                     "\nseed = 99\n\n[sweep]\n[sweep.grid]\n"
                                     "\"setup.duration\" = [\"time_bound\", \"open_ended\"]\n");
    return {sweep.string(), "-o", output.string(), "--threads", "1"};
}

// Kills rank `victim` of a 3-rank run of the long sweep mid-way, doubling the sweep until the
// kill lands (as App.TwentyKillsInARow, the sweep's length is the machine's business, not the
// test's); returns the replicates per point it landed at, or 0 after a failure.
std::uint64_t kill_growing_sweep(const fs::path& dir, const fs::path& output, int victim) {
    for (std::uint64_t replicates = 250; replicates <= 250u << 12; replicates *= 2) {
        const std::vector<std::string> command = joined(
            joined(mpirun_args(3), {distributed, "run"}), long_sweep_args(dir, replicates, output));
        if (killed_midway(command, output, victim, 2 * replicates)) return replicates;
        if (::testing::Test::HasFailure()) return 0;
        fs::remove(output);
        fs::remove(partial_of(output));
    }
    ADD_FAILURE() << "no kill of rank " << victim << " landed mid-way, even at 1,024,000 runs";
    return 0;
}

// Crash safety across ranks: a worker rank killed mid-way, resumed under MPI (2 ranks); then
// rank 0 (the writer) killed mid-way, resumed on one machine by the default program. Both
// finish with the single-process file, every dataset bit for bit.
TEST_F(MpiRun, KilledRankThenResumeGivesTheSingleProcessFile) {
    const fs::path output = dir_ / "killed.h5";
    std::map<std::uint64_t, fs::path> references;  // by replicates per point
    const auto reference_of = [&](std::uint64_t replicates) {
        if (references.count(replicates) == 0) {
            const fs::path whole = reference({long_sweep_args(dir_, replicates, output)[0]});
            references[replicates] = dir_ / ("whole" + std::to_string(replicates) + ".h5");
            fs::rename(whole, references[replicates]);
        }
        return references[replicates];
    };

    const std::uint64_t worker_killed = kill_growing_sweep(dir_, output, 1);
    ASSERT_NE(worker_killed, 0U);
    const ProcessResult under_mpi =
        mpi_run(2, joined(long_sweep_args(dir_, worker_killed, output), {"--resume"}));
    ASSERT_EQ(under_mpi.exit_code, 0) << under_mpi.err;
    expect_resumed_midway(under_mpi);
    test::expect_same_datasets(reference_of(worker_killed), output);

    fs::remove(output);
    const std::uint64_t writer_killed = kill_growing_sweep(dir_, output, 0);
    ASSERT_NE(writer_killed, 0U);
    const ProcessResult alone = test::run_process(
        joined({single, "run"}, joined(long_sweep_args(dir_, writer_killed, output), {"--resume"})),
        std::chrono::minutes(10));
    ASSERT_EQ(alone.exit_code, 0) << alone.err;
    expect_resumed_midway(alone);
    test::expect_same_datasets(reference_of(writer_killed), output);
}

}  // namespace
}  // namespace partnersim
