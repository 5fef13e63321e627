// The run use case as the library a server or Python would call: progress through an observer,
// a stop flag instead of a signal, results as data, errors as the partnersim family.

#include "app/run_experiment.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>

#include "engine/error.hpp"
#include "io/hdf5_reader.hpp"
#include "support/test_helpers.hpp"

namespace partnersim::app {
namespace {

namespace fs = std::filesystem;

// Records what it is told, and can ask the run to stop once `stop_after` runs are done.
class RecordingObserver final : public RunObserver {
public:
    void progress(std::uint64_t done, std::uint64_t total) override {
        EXPECT_GE(done, last_done) << "progress went backwards";
        last_done = done;
        last_total = total;
        ++updates;
        if (stop_after > 0 && done >= stop_after) stop.store(true);
    }
    void finished() override { ++finishes; }
    void resumed(const ResumeNotice& notice) override { notices.push_back(notice); }

    std::uint64_t last_done = 0, last_total = 0, stop_after = 0;
    int updates = 0, finishes = 0;
    std::vector<ResumeNotice> notices;
    std::atomic<bool> stop{false};
};

class RunExperiment : public testing::Test {
protected:
    void SetUp() override {
        test::write_text_file(scenario_, test::small_scenario_toml(6, 12, 5, 3));
    }
    RunRequest request(RecordingObserver& observer) const {
        RunRequest r;
        r.scenario.file = scenario_;
        r.output = output_;
        r.threads = 2;
        r.stop = &observer.stop;
        r.observer = &observer;
        return r;
    }

    test::TempDir dir_;
    fs::path scenario_ = dir_ / "small.toml";
    fs::path output_ = dir_ / "small.h5";
};

TEST_F(RunExperiment, WritesTheFileReportsProgressAndReturnsItsSummary) {
    RecordingObserver observer;
    const RunOutcome outcome = run_experiment(request(observer));
    EXPECT_FALSE(outcome.interrupted);
    EXPECT_EQ(outcome.done, 12u);
    EXPECT_EQ(outcome.total, 12u);
    EXPECT_EQ(observer.last_done, 12u);
    EXPECT_EQ(observer.last_total, 12u);
    EXPECT_GT(observer.updates, 0);
    EXPECT_EQ(observer.finishes, 1);
    EXPECT_TRUE(observer.notices.empty()) << "no --resume, nothing to say about resuming";
    ASSERT_TRUE(outcome.summary.has_value());
    EXPECT_EQ(outcome.summary->runs, 12u);
    EXPECT_EQ(outcome.summary->months, 6);
    EXPECT_EQ(outcome.summary->measures.size(), read_results_info(output_).measures.size() - 3)
        << "every measure but the class codes and the month, which the risks show";
    EXPECT_EQ(outcome.summary->risks.size(), 1u);
    EXPECT_TRUE(fs::exists(output_));
    EXPECT_FALSE(fs::exists(outcome.partial));
}

TEST_F(RunExperiment, AStopFlagKeepsFinishedRunsInThePartialFileAndResumeFinishesThem) {
    RecordingObserver observer;
    observer.stop.store(true);  // asked to stop before any run starts
    const RunOutcome stopped = run_experiment(request(observer));
    EXPECT_TRUE(stopped.interrupted);
    EXPECT_LT(stopped.done, 12u);
    EXPECT_FALSE(stopped.summary.has_value());
    EXPECT_FALSE(fs::exists(output_)) << "nothing under the final name";
    EXPECT_TRUE(fs::exists(stopped.partial));

    RecordingObserver again;
    RunRequest resume = request(again);
    resume.resume = true;
    const RunOutcome finished = run_experiment(resume);
    EXPECT_FALSE(finished.interrupted);
    EXPECT_EQ(finished.done, 12u);
    ASSERT_EQ(again.notices.size(), 1u);
    EXPECT_EQ(again.notices[0].total, 12u);
    EXPECT_EQ(again.notices[0].completed, stopped.done);
    EXPECT_TRUE(fs::exists(output_));
}

TEST_F(RunExperiment, BadInputIsAnInputErrorThatSaysWhere) {
    RecordingObserver observer;
    RunRequest sharded = request(observer);
    sharded.shard = "3/2";
    try {
        run_experiment(sharded);
        FAIL() << "a shard outside 1..N was accepted";
    } catch (const InputError& error) {
        EXPECT_EQ(error.file(), "--shard");
        EXPECT_TRUE(test::contains(error.what(), "3/2")) << error.what();
    }
    RecordingObserver first;
    run_experiment(request(first));
    RecordingObserver second;
    EXPECT_THROW(run_experiment(request(second)), InputError) << "an existing output";
    test::write_text_file(scenario_, "[setup]\nduraton = 3\n");
    try {
        run_experiment(request(second));
        FAIL() << "a misspelt key was accepted";
    } catch (const InputError& error) {
        EXPECT_EQ(error.file(), scenario_.string());
        EXPECT_EQ(error.line(), 2);
        EXPECT_EQ(error.key(), "setup.duraton");
    }
}

}  // namespace
}  // namespace partnersim::app
