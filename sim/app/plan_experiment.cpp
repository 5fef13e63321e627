#include "app/plan_experiment.hpp"

#include "model/measures.hpp"

namespace partnersim::app {
namespace {

// Bytes each run adds to a results file before compression, at most.
constexpr std::uint64_t timeseries_value_bytes = 4;  // float, per measure and month
constexpr std::uint64_t final_value_bytes = 8;       // double, per measure
constexpr std::uint64_t run_record_bytes = 32;       // the run's id: four 64-bit integers

ResultsSizeEstimate size_of(const ExperimentDesign& design) {
    ResultsSizeEstimate size;
    size.runs = design.runs();
    size.measures = measure_count;
    size.months = static_cast<std::uint64_t>(design.base.run.months);
    size.timeseries_value_bytes = timeseries_value_bytes;
    size.final_value_bytes = final_value_bytes;
    size.run_record_bytes = run_record_bytes;
    const auto runs = static_cast<double>(size.runs);
    size.timeseries = runs * static_cast<double>(measure_count) *
                      static_cast<double>(size.months * timeseries_value_bytes);
    size.finals = runs * static_cast<double>(measure_count * final_value_bytes);
    size.records = runs * static_cast<double>(run_record_bytes);
    return size;
}

}  // namespace

ExperimentPlan plan_experiment(const ScenarioRequest& request) {
    const ExperimentFile experiment = resolve_experiment(request);
    ExperimentPlan plan{experiment.sweep.has_value(), design_of(experiment), {}};
    plan.size = size_of(plan.design);
    return plan;
}

}  // namespace partnersim::app
