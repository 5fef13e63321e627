// The calibration use case as a library: the known-answer test (synthetic targets made at
// known constants are recovered), determinism across thread counts, the HDF5 tables, and the
// refusals that come before anything runs.

#include "app/calibrate_model.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>

#include "engine/error.hpp"
#include "engine/run.hpp"
#include "io/analysis_file.hpp"
#include "io/calibration_layout.hpp"
#include "io/scenario_file.hpp"
#include "model/parameters.hpp"
#include "support/test_helpers.hpp"

namespace partnersim::app {
namespace {

namespace fs = std::filesystem;
namespace names = layout::calibration;

constexpr int months = 24;
constexpr int partners = 12;

// The partnership's per-run traits and events (issue 10) are switched off: they add a spread
// between runs that the Monte Carlo argument for the tolerances below does not allow for, and
// this test is about the calibration, not about the spread.
std::string scenario_toml() {
    return "[run]\nmonths = " + std::to_string(months) + "\nreplicates = 10\nseed = 5\n\n" +
           "[partners]\ncount = " + std::to_string(partners) +
           "\n\n[setup]\nevidence = \"funder_reporting\"\n\n[partnership]\n"
           "buy_in_spread = 0\nflexibility_spread = 0\nfit_spread = 0\nvolatility_spread = 0\n"
           "absorption_spread = 0\nstaff_time_spread = 0\nfacilitator_turnover_rate = 0\n"
           "leadership_change_rate = 0\nbudget_cut_rate = 0\nfield_crisis_rate = 0\n"
           "funder_breach_rate = 0\npartner_exit_rate = 0\nnewcomer_rate = 0\n";
}

const char* const truth_factor = "burden.funder_reporting_factor";    // plausible 1.2-1.8
const char* const truth_threshold = "participation.drive_threshold";  // plausible 0.4-0.6
const char* const nuisance = "learning.reading_noise";  // the funder's reading, not attendance

// Mean over `replicates` runs of a measure's mean over all months, at the constants given,
// with seeds unrelated to the calibration's (synthetic "observed" data has its own noise).
double observed(const Scenario& scenario, Measure m, int replicates) {
    double total = 0.0;
    for (int r = 0; r < replicates; ++r) {
        const RunResult run =
            run_partnership(scenario, make_run_id(987654321, 0, static_cast<std::uint64_t>(r), 1));
        double sum = 0.0;
        for (int month = 0; month < months; ++month) sum += run.at(m, month);
        total += sum / months;
    }
    return total / replicates;
}

class CalibrateModel : public testing::Test {
protected:
    void SetUp() override {
        test::write_text_file(scenario_, scenario_toml());
        Scenario truth = load_scenario(scenario_);
        find_parameter(truth_factor)->set(truth, 1.35);     // default 1.25
        find_parameter(truth_threshold)->set(truth, 0.45);  // default 0.5
        hours_ = observed(truth, Measure::reporting_hours, 200);
        participation_ = observed(truth, Measure::participation, 200);
        // Tolerances: reporting hours move 0.7 h a year per 0.05 of the factor and hardly vary
        // between runs (only waivers in a crisis), so 0.3 h is the factor to about +-0.02;
        // participation moves about 0.1 per 0.05 of the threshold (the logistic's slope 8
        // times p(1 - p)); runs differ more than they did (partners who stay away for months
        // leave, a partnership can collapse: participation's s.d. across runs of the 12-partner,
        // 24-month mean is near 0.06), so 40 replicates put its Monte Carlo s.e. near 0.01 and
        // 0.02 is twice the noise and the threshold to +-0.01 (10 replicates no longer did).
        test::write_text_file(targets_,
                              "[[target]]\nname = \"hours\"\nmeasure = \"reporting_hours\"\n"
                              "scenario = \"small.toml\"\nmonths = [1, " +
                                  std::to_string(months) + "]\nvalue = " + std::to_string(hours_) +
                                  "\ntolerance = 0.3\nsource = \"synthetic\"\n\n"
                                  "[[target]]\nname = \"attendance\"\nmeasure = "
                                  "\"participation\"\nscenario = \"small.toml\"\nmonths = [1, " +
                                  std::to_string(months) +
                                  "]\nvalue = " + std::to_string(participation_) +
                                  "\ntolerance = 0.02\nsource = \"synthetic\"\n");
    }
    CalibrateRequest request(int threads = 2) const {
        CalibrateRequest r;
        r.targets = targets_;
        r.samples = 300;
        r.replicates = 40;
        r.accept = 0.1;
        r.constants = {truth_factor, truth_threshold, nuisance};
        r.threads = threads;
        return r;
    }
    test::TempDir dir_;
    fs::path scenario_ = dir_ / "small.toml";
    fs::path targets_ = dir_ / "targets.toml";
    double hours_ = 0.0;
    double participation_ = 0.0;
};

const CalibratedConstant& constant(const CalibrationOutcome& outcome, const std::string& name) {
    for (const auto& c : outcome.constants) {
        if (c.name == name) return c;
    }
    throw std::runtime_error("no constant " + name);
}

// 300 Latin hypercube samples, the nearest 30 kept: with two constants pinned, the kept
// region is about a tenth of their square, so each is pinned to roughly a third of its prior
// (ratio well under 0.6), while the nuisance constant, which neither statistic reads, keeps a
// ratio near 1 (above 0.6: 30 values spread over its whole prior).
TEST_F(CalibrateModel, RecoversTheConstantsSyntheticTargetsWereMadeWith) {
    const CalibrationOutcome outcome = calibrate_model(request());
    EXPECT_EQ(outcome.accepted, 30u);
    EXPECT_EQ(outcome.runs, 301u * 40u);
    const auto& factor = constant(outcome, truth_factor).range;
    EXPECT_LT(factor.low, 1.35);
    EXPECT_GT(factor.high, 1.35);
    EXPECT_LT(factor.width_ratio, 0.6);
    const auto& threshold = constant(outcome, truth_threshold).range;
    EXPECT_LT(threshold.low, 0.45);
    EXPECT_GT(threshold.high, 0.45);
    EXPECT_LT(threshold.width_ratio, 0.6);
    EXPECT_GT(constant(outcome, nuisance).range.width_ratio, 0.6);
    // The defaults (1.25, 0.5) are off the truth: the default model misses the hours target.
    ASSERT_EQ(outcome.targets.size(), 2u);
    // The accepted samples are far nearer both targets than the defaults (a tenth of a 3-D
    // prior is wider than the tolerances, so not within them).
    EXPECT_GT(outcome.targets[0].default_deviation, 1.0);
    for (const TargetFit& fit : outcome.targets) {
        EXPECT_LT(fit.accepted_deviation, 0.5 * fit.default_deviation) << fit.name;
    }
    EXPECT_LE(outcome.best_distance, outcome.threshold);
    EXPECT_GT(outcome.default_distance, outcome.threshold);
}

TEST_F(CalibrateModel, GivesTheSamePosteriorOnOneThreadAsOnTwoAndWritesItsTables) {
    CalibrateRequest one = request(1);
    one.samples = 20;
    one.replicates = 3;
    CalibrateRequest two = request(2);
    two.samples = 20;
    two.replicates = 3;
    two.output = dir_ / "calibration.h5";
    const CalibrationOutcome a = calibrate_model(one);
    const CalibrationOutcome b = calibrate_model(two);
    ASSERT_EQ(a.constants.size(), b.constants.size());
    for (std::size_t c = 0; c < a.constants.size(); ++c) {
        EXPECT_EQ(a.constants[c].range.low, b.constants[c].range.low);
        EXPECT_EQ(a.constants[c].range.high, b.constants[c].range.high);
    }
    EXPECT_EQ(a.best_values, b.best_values);
    EXPECT_EQ(a.targets[1].accepted_median, b.targets[1].accepted_median);
    EXPECT_EQ(b.saved, two.output);

    const auto tables = analysis::read_analysis_file(two.output);
    ASSERT_EQ(tables.size(), 3u);
    auto table = [&](std::string_view name) -> const analysis::AnalysisTable& {
        for (const auto& stored : tables) {
            if (stored.table.name == name) return stored.table;
        }
        throw std::runtime_error("no table " + std::string(name));
    };
    const auto& samples = table(names::samples_table);
    EXPECT_EQ(samples.rows(), 20u);
    double accepted = 0.0;
    for (const double flag : samples.number_column(names::accepted)) accepted += flag;
    EXPECT_EQ(accepted, 2.0);
    EXPECT_EQ(samples.number_column(truth_factor).size(), 20u);
    EXPECT_EQ(samples.number_column(names::statistic_column("hours")).size(), 20u);
    EXPECT_EQ(table(names::constants_table).text_column(names::constant).size(), 3u);
    EXPECT_EQ(table(names::targets_table).text_column(names::target).size(), 2u);

    // Never silently overwritten.
    EXPECT_THROW(calibrate_model(two), InputError);

    // --only fits the targets named, and nothing else.
    one.only = {"attendance"};
    const CalibrationOutcome only = calibrate_model(one);
    ASSERT_EQ(only.targets.size(), 1u);
    EXPECT_EQ(only.targets[0].name, "attendance");
}

TEST_F(CalibrateModel, RefusesBadRequestsBeforeRunningAnything) {
    std::atomic<bool> never{false};
    CalibrateRequest r = request();
    r.constants = {"burden.no_such_*"};
    EXPECT_THROW(calibrate_model(r), InputError);
    r = request();
    r.samples = 0;
    EXPECT_THROW(calibrate_model(r), InputError);
    r = request();
    r.constants = {};  // every constant: 200 columns
    r.samples = max_calibration_samples;
    EXPECT_THROW(calibrate_model(r), InputError) << "too many values to keep, refused up front";
    r = request();
    r.only = {"hours", "attendence"};
    EXPECT_THROW(calibrate_model(r), InputError);
    r = request();
    r.accept = 0.0;
    EXPECT_THROW(calibrate_model(r), InputError);
    r = request();
    r.output = dir_ / "no" / "such" / "folder.h5";
    EXPECT_THROW(calibrate_model(r), InputError);
    r = request();
    test::write_text_file(targets_,
                          "[[target]]\nname = \"x\"\nmeasure = \"participation\"\n"
                          "scenario = \"small.toml\"\nmonth = 99\nvalue = 0.5\n"
                          "tolerance = 0.1\nsource = \"s\"\n");
    try {
        calibrate_model(r);
        FAIL() << "no error";
    } catch (const InputError& error) {
        EXPECT_EQ(std::string(error.what()), targets_.string() +
                                                 ":1: key 'target.1.months': month 99 is past the "
                                                 "scenario's 24 months");
    }
}

TEST_F(CalibrateModel, AStopFlagThrowsInterrupted) {
    std::atomic<bool> stop{true};
    CalibrateRequest r = request();
    r.stop = &stop;
    r.output = dir_ / "stopped.h5";
    EXPECT_THROW(calibrate_model(r), Interrupted);
    EXPECT_FALSE(fs::exists(r.output));
}

}  // namespace
}  // namespace partnersim::app
