#include "engine/run.hpp"

#include "engine/random_streams.hpp"
#include "model/outcome.hpp"
#include "model/step.hpp"

namespace partnersim {
namespace {

// The observer: records the measures after each month's step. Kept apart from step_month so
// the model never does I/O and recording can change without touching it.
class MonthlyRecorder {
public:
    MonthlyRecorder(RunResult& result, bool trace) : result_(result), trace_(trace) {}

    void record(const World& world, int month) {
        const MeasureValues values = measure_world(world, scratch_);
        const auto months = static_cast<std::size_t>(result_.months);
        for (std::size_t m = 0; m < measure_count; ++m) {
            result_.timeseries[m * months + static_cast<std::size_t>(month)] =
                static_cast<float>(values[m]);
        }
        result_.final_values = values;
        if (trace_) {
            const auto partners = static_cast<std::size_t>(result_.partners);
            trace_partners(world, result_.trace.data() + static_cast<std::size_t>(month) * partners,
                           months * partners);
        }
    }

private:
    RunResult& result_;
    bool trace_;
    MeasureScratch scratch_;
};

}  // namespace

RunId make_run_id(std::uint64_t master_seed, std::uint64_t design_point, std::uint64_t replicate,
                  std::uint64_t replicates_per_point) {
    RunId id;
    id.design_point = design_point;
    id.replicate = replicate;
    id.run_index = design_point * replicates_per_point + replicate;
    id.stream_seed = stream_seed(master_seed, design_point, replicate);
    return id;
}

namespace {

RunResult run_model(const Scenario& scenario, const RunId& id, RunOptions options) {
    RunResult result;
    result.id = id;
    result.months = scenario.run.months;
    result.partners = scenario.partners.count;
    const auto months = static_cast<std::size_t>(result.months);
    result.timeseries.assign(measure_count * months, 0.0f);
    if (options.trace_partners) {
        result.trace.assign(
            partner_trace_count * months * static_cast<std::size_t>(result.partners), 0.0f);
    }

    RandomStream random(id.stream_seed);
    World world = start_world(scenario, random);
    MonthlyRecorder recorder(result, options.trace_partners);
    for (int month = 0; month < result.months; ++month) {
        step_month(world, random);
        // A partnership not judged by its last month is judged as it stands, before the last
        // record, so the outcome's final values and last monthly values agree.
        if (month + 1 == result.months) finalise_outcome(world);
        recorder.record(world, month);
    }
    result.outcome = world.outcome.kind;
    result.outcome_month = world.outcome.month;
    result.outcome_cause = world.outcome.cause;
    return result;
}

}  // namespace

RunResult run_partnership(const Scenario& scenario, const RunId& id, RunOptions options) {
    if (scenario.uncertainty.model_constants != ModelUncertainty::plausible) {
        return run_model(scenario, id, options);
    }
    // This replicate's model: the constants not held, drawn from their plausible ranges.
    Scenario drawn = scenario;
    draw_model_constants(drawn, model_draw_seed(id.stream_seed));
    RunResult result = run_model(drawn, id, options);
    result.model_constants = model_constant_values(drawn);
    return result;
}

}  // namespace partnersim
