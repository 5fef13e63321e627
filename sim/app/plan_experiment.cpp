#include "app/plan_experiment.hpp"

#include "io/results_layout.hpp"
#include "model/measures.hpp"
#include "model/model_uncertainty.hpp"

namespace partnersim::app {
namespace {

// Bytes each run adds to a results file before compression, at most: the results contract's
// storage sizes.
ResultsSizeEstimate size_of(const ExperimentDesign& design) {
    ResultsSizeEstimate size;
    size.runs = design.runs();
    size.measures = measure_count;
    size.months = static_cast<std::uint64_t>(design.base.run.months);
    size.timeseries_value_bytes = layout::timeseries_value_bytes;
    size.final_value_bytes = layout::final_value_bytes;
    size.run_record_bytes = layout::run_record_bytes;
    const layout::RunBytes per_run = layout::bytes_per_run(size.measures, size.months);
    const auto runs = static_cast<double>(size.runs);
    size.timeseries = runs * static_cast<double>(per_run.timeseries);
    size.finals = runs * static_cast<double>(per_run.final_values);
    size.records = runs * static_cast<double>(per_run.run_record);
    // Under --uncertainty every run also records its drawn model (/runs/model_constants).
    if (design.base.uncertainty.model_constants == ModelUncertainty::plausible) {
        size.records += runs * static_cast<double>(model_constant_entries().size() *
                                                   sizeof(layout::ModelConstantValue));
    }
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
