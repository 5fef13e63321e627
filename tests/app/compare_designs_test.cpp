// The comparison use case as a library: results as data, a stop flag, errors as the family.

#include "app/compare_designs.hpp"

#include <gtest/gtest.h>

#include <atomic>

#include "engine/error.hpp"
#include "model/measures.hpp"
#include "support/test_helpers.hpp"

namespace partnersim::app {
namespace {

namespace fs = std::filesystem;

class CountingObserver final : public ProgressObserver {
public:
    void progress(std::uint64_t done, std::uint64_t total) override {
        last_done = done;
        last_total = total;
    }
    std::uint64_t last_done = 0, last_total = 0;
};

class CompareDesigns : public testing::Test {
protected:
    void SetUp() override { test::write_text_file(scenario_, test::small_scenario_toml(6, 8)); }
    CompareRequest request() const {
        CompareRequest r;
        r.baseline = scenario_;
        r.variant_overrides = {"setup.duration=open_ended"};
        r.threads = 2;
        return r;
    }
    test::TempDir dir_;
    fs::path scenario_ = dir_ / "small.toml";
};

TEST_F(CompareDesigns, ReturnsTheDifferencesAndTheComparisonOfEveryMeasure) {
    CountingObserver observer;
    CompareRequest r = request();
    r.observer = &observer;
    const ComparisonOutcome outcome = compare_designs(r);
    ASSERT_EQ(outcome.differences.size(), 1u);
    EXPECT_EQ(outcome.differences[0], "setup.duration: \"time_bound\" -> \"open_ended\"");
    EXPECT_EQ(outcome.variant_label, scenario_.string() + " --set setup.duration=open_ended");
    EXPECT_EQ(outcome.comparison.replicates, 8u);
    EXPECT_EQ(outcome.comparison.months, 6);
    EXPECT_EQ(outcome.comparison.measures.size(), measure_count - 3)
        << "every measure but the class codes and the month (outcome, outcome_cause, "
           "outcome_month)";
    EXPECT_EQ(observer.last_done, 16u) << "both scenarios' runs are counted";
    EXPECT_EQ(observer.last_total, 16u);
    EXPECT_TRUE(outcome.saved.empty());
}

TEST_F(CompareDesigns, AStopFlagThrowsInterruptedAndWritesNothing) {
    std::atomic<bool> stop{true};
    CompareRequest r = request();
    r.stop = &stop;
    r.output = dir_ / "comparison.h5";
    EXPECT_THROW(compare_designs(r), Interrupted);
    EXPECT_FALSE(fs::exists(r.output));
}

TEST_F(CompareDesigns, NothingToCompareIsBadInput) {
    CompareRequest r = request();
    r.variant_overrides.clear();
    EXPECT_THROW(compare_designs(r), InputError);
}

}  // namespace
}  // namespace partnersim::app
