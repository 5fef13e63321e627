// Runs under uncertainty.model_constants = "plausible" (--uncertainty): every run records its
// drawn model; replicate r draws the same model at every design point (common random numbers),
// constants set or swept are held, and results stay bit-identical across thread counts,
// shards, resume and merge.

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>

#include "app/compare_designs.hpp"
#include "app/run_experiment.hpp"
#include "engine/error.hpp"
#include "io/hdf5_reader.hpp"
#include "io/merge.hpp"
#include "model/model_uncertainty.hpp"
#include "support/hdf5_compare.hpp"
#include "support/test_helpers.hpp"

namespace partnersim::app {
namespace {

namespace fs = std::filesystem;

class StopAfter final : public RunObserver {
public:
    explicit StopAfter(std::uint64_t runs) : runs_(runs) {}
    void progress(std::uint64_t done, std::uint64_t) override {
        if (runs_ > 0 && done >= runs_) stop.store(true);
    }
    void finished() override {}
    void resumed(const ResumeNotice&) override {}
    std::atomic<bool> stop{false};

private:
    std::uint64_t runs_;
};

// A grid over the set-up (two points) crossed with a swept model constant (two levels), one
// constant set in the file, 5 replicates per point.
std::string sweep_toml() {
    return "[run]\nmonths = 8\nreplicates = 5\nseed = 31\n\n[partners]\ncount = 6\n\n"
           "[convenings]\ntie_formation_rate = 0.25\n\n"
           "[sweep]\n[sweep.grid]\n\"setup.duration\" = [\"time_bound\", \"open_ended\"]\n"
           "\"support.capacity_learning_rate\" = [0.04, 0.08]\n";
}

class Uncertainty : public testing::Test {
protected:
    void SetUp() override { test::write_text_file(scenario_, sweep_toml()); }

    RunRequest request(const fs::path& output, int threads = 1) const {
        RunRequest r;
        r.scenario.file = scenario_;
        r.scenario.uncertainty = true;
        r.output = output;
        r.threads = threads;
        return r;
    }

    static std::vector<RunResult> runs_of(const fs::path& file) {
        ResultsRowReader reader(file);
        return reader.runs(0, reader.rows());
    }

    test::TempDir dir_;
    fs::path scenario_ = dir_ / "sweep.toml";
};

TEST_F(Uncertainty, EveryRunRecordsItsModelTheSameAtEveryPointOfItsReplicate) {
    const fs::path output = dir_ / "u.h5";
    run_experiment(request(output));
    const ResultsShape shape = read_results_shape(output);
    ASSERT_EQ(shape.model_constants, model_constant_names());
    EXPECT_EQ(shape.held_constants, (std::vector<std::string>{"convenings.tie_formation_rate",
                                                              "support.capacity_learning_rate"}));
    const std::vector<RunResult> runs = runs_of(output);
    ASSERT_EQ(runs.size(), 20u);
    const auto column = [&](std::string_view name) {
        const auto& names = shape.model_constants;
        return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) -
                                        names.begin());
    };
    const std::size_t set_in_file = column("convenings.tie_formation_rate");
    const std::size_t swept = column("support.capacity_learning_rate");
    for (const RunResult& run : runs) {
        ASSERT_EQ(run.model_constants.size(), shape.model_constants.size());
        EXPECT_EQ(run.model_constants[set_in_file], 0.25) << "held at the file's value";
        const double level = (run.id.design_point % 2 == 0) ? 0.04 : 0.08;
        EXPECT_EQ(run.model_constants[swept], level) << "held at the design point's value";
        const RunResult& first_point = runs[run.id.replicate];  // point 0, same replicate
        for (std::size_t c = 0; c < run.model_constants.size(); ++c) {
            if (c == swept) continue;
            ASSERT_EQ(run.model_constants[c], first_point.model_constants[c])
                << shape.model_constants[c] << ": replicate " << run.id.replicate
                << " drew another model at point " << run.id.design_point;
        }
    }
    EXPECT_NE(runs[0].model_constants, runs[1].model_constants)
        << "replicates draw their own models";
}

TEST_F(Uncertainty, WithoutTheOptionNoModelIsRecorded) {
    const fs::path output = dir_ / "fixed.h5";
    RunRequest fixed = request(output);
    fixed.scenario.uncertainty = false;
    run_experiment(fixed);
    EXPECT_TRUE(read_results_shape(output).model_constants.empty());
    EXPECT_TRUE(runs_of(output).front().model_constants.empty());
}

TEST_F(Uncertainty, ThreadsShardsResumeAndMergeGiveTheSameFile) {
    const fs::path whole = dir_ / "whole.h5";
    run_experiment(request(whole, 1));

    const fs::path threaded = dir_ / "threaded.h5";
    run_experiment(request(threaded, 2));
    test::expect_same_datasets(whole, threaded);

    const fs::path resumed = dir_ / "resumed.h5";
    StopAfter stopper(7);
    RunRequest stopped = request(resumed, 2);
    stopped.stop = &stopper.stop;
    stopped.observer = &stopper;
    ASSERT_TRUE(run_experiment(stopped).interrupted);
    RunRequest resume = request(resumed, 1);
    resume.resume = true;
    ASSERT_FALSE(run_experiment(resume).interrupted);
    test::expect_same_datasets(whole, resumed);

    std::vector<fs::path> shards;
    for (int k = 1; k <= 3; ++k) {
        shards.push_back(dir_ / ("shard" + std::to_string(k) + ".h5"));
        RunRequest shard = request(shards.back(), k % 2 + 1);
        shard.shard = std::to_string(k) + "/3";
        run_experiment(shard);
    }
    const fs::path merged = dir_ / "merged.h5";
    merge_results(shards, merged, false, "merge");
    test::expect_same_datasets(whole, merged);
}

TEST_F(Uncertainty, AbsurdCombinationsAreBadInputThatSaysWhere) {
    const fs::path output = dir_ / "bad.h5";
    RunRequest one = request(output);
    one.scenario.replicates = 1;
    try {
        run_experiment(one);
        FAIL() << "one replicate under the option was accepted";
    } catch (const InputError& error) {
        EXPECT_TRUE(test::contains(error.what(), "run.replicates = 1")) << error.what();
    }
    test::write_text_file(scenario_,
                          "[run]\nreplicates = 3\n[sweep]\n[sweep.grid]\n"
                          "\"uncertainty.model_constants\" = [\"fixed\", \"plausible\"]\n");
    try {
        run_experiment(request(output));
        FAIL() << "a sweep over the option was accepted";
    } catch (const InputError& error) {
        EXPECT_EQ(error.file(), scenario_.string());
        EXPECT_EQ(error.line(), 5);
        EXPECT_TRUE(test::contains(error.what(), "not a design factor")) << error.what();
    }
    EXPECT_FALSE(fs::exists(output));
}

// compare --uncertainty: both scenarios' replicate r run the same drawn model, so the pair
// differs in the design alone: with a variant identical to the baseline every difference is 0.
TEST_F(Uncertainty, CompareRunsTheSameModelInBothScenariosOfAPair) {
    test::write_text_file(scenario_, test::small_scenario_toml(8, 6, 6, 3));
    CompareRequest same;
    same.baseline = scenario_;
    same.variant_overrides = {"trust.gain_rate=1.0"};  // the default value: the same design
    same.uncertainty = true;
    same.threads = 2;
    const ComparisonOutcome outcome = compare_designs(same);
    for (const auto& m : outcome.comparison.measures) {
        EXPECT_EQ(m.final.difference.estimate, 0.0) << m.measure;
    }
}

}  // namespace
}  // namespace partnersim::app
