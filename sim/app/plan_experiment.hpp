#pragma once
// What a scenario file, with or without a [sweep], would run, without running it: the design
// (its points) and an upper bound on the size of the results file.

#include <cstdint>

#include "app/scenario_request.hpp"
#include "engine/experiment_design.hpp"

namespace partnersim::app {

// Bytes the results of `runs` runs take before compression, at most (traces not included).
struct ResultsSizeEstimate {
    std::uint64_t runs = 0;
    std::uint64_t measures = 0;
    std::uint64_t months = 0;
    std::uint64_t timeseries_value_bytes = 0;        // per measure and month of a run
    std::uint64_t final_value_bytes = 0;             // per measure of a run
    std::uint64_t run_record_bytes = 0;              // a run's id
    double timeseries = 0, finals = 0, records = 0;  // bytes of each part

    double total() const { return timeseries + finals + records; }
};

struct ExperimentPlan {
    bool has_sweep = false;
    ExperimentDesign design;
    ResultsSizeEstimate size;
};

// Throws ScenarioError (an InputError) for any mistake in the file or the overrides.
ExperimentPlan plan_experiment(const ScenarioRequest& request);

}  // namespace partnersim::app
