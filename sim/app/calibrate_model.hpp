#pragma once
// Calibrating the model constants against figures from the literature (a targets file,
// io/calibration_targets.hpp) by approximate Bayesian computation with rejection
// (analysis/abc_rejection.hpp): a Latin hypercube over the chosen constants' plausible ranges
// (a uniform prior), each sample run `replicates` times on every target's base scenario, each
// target's statistic the mean over replicates, the samples nearest the targets accepted.
// Reports what the targets pin down (posterior against prior range per constant) and how well
// the default model and the accepted ones meet each target; optionally kept as HDF5 tables
// (io/calibration_layout.hpp).
//
// Deterministic: replicate r of a target's scenario draws stream (seed, scenario, r) in every
// sample (common random numbers, so samples differ by their constants, not their luck), and
// everything is summed in run order, so the posterior is the same on any number of threads.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "analysis/abc_rejection.hpp"
#include "app/progress.hpp"

namespace partnersim::app {

struct CalibrateRequest {
    std::filesystem::path targets;       // empty: docs/calibration/targets.toml beside the program
    std::uint64_t samples = 200;         // prior samples (Latin hypercube points)
    std::int64_t replicates = 20;        // runs per sample and target scenario
    std::vector<std::string> constants;  // shell patterns over dotted names; empty: every one
    std::vector<std::string> only;       // names of the targets to fit; empty: every one
    double accept = 0.1;                 // fraction of samples kept
    std::uint64_t seed = 20251;
    int threads = 0;
    std::filesystem::path output;  // optional: the tables as HDF5
    bool force = false;
    const std::atomic<bool>* stop = nullptr;  // set to stop: nothing is reported or written
    ProgressObserver* observer = nullptr;
};

struct CalibratedConstant {
    std::string name;
    std::string unit;
    double default_value = 0.0;  // in the first target's base scenario
    analysis::PosteriorRange range;
};

struct TargetFit {
    std::string name;
    std::string measure;
    std::string scenario;  // the base scenario and its overrides, as written
    std::string months;    // "months 1-36", "month 48"
    std::string source;
    analysis::TargetBand band;
    double default_value = 0.0;  // the default constants' statistic, its standard error over
    double default_se = 0.0;     // replicates and its deviation in tolerances
    double default_deviation = 0.0;
    double accepted_low = 0.0;  // 5%, 50% and 95% of the statistic over accepted samples
    double accepted_median = 0.0;
    double accepted_high = 0.0;
    double accepted_deviation = 0.0;  // median over accepted samples
};

struct CalibrationOutcome {
    std::string targets_file;
    std::uint64_t samples = 0;
    std::uint64_t accepted = 0;
    std::int64_t replicates = 0;
    std::uint64_t runs = 0;
    double threshold = 0.0;                     // distance of the farthest accepted sample
    double default_distance = 0.0;              // distance of the default constants
    std::vector<CalibratedConstant> constants;  // in registry order
    std::vector<TargetFit> targets;             // in file order
    // The accepted sample nearest the targets: its index, distance and constants (one value
    // per entry of `constants`), e.g. to run validate at a posterior point.
    std::uint64_t best_sample = 0;
    double best_distance = 0.0;
    std::vector<double> best_values;
    std::filesystem::path saved;
};

// Largest prior sample, replicates, and values kept in memory (samples x (constants + targets)).
inline constexpr std::uint64_t max_calibration_samples = 1'000'000;
inline constexpr std::int64_t max_calibration_replicates = 100'000;
inline constexpr std::uint64_t max_calibration_values = 50'000'000;

// Throws InputError for a bad targets file or base scenario (located), a pattern that names no
// constant, sizes out of range or an existing output, all before anything runs; Interrupted
// when `stop` was set.
CalibrationOutcome calibrate_model(const CalibrateRequest& request);

}  // namespace partnersim::app
