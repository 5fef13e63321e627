// Benchmarks of the model's hot path: the monthly step at several programme sizes, and a whole
// run of the default scenario. Run with `cmake --build build --target bench` or directly:
//   ./build/bench/partnersim_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>

#include "engine/run.hpp"
#include "model/step.hpp"

namespace partnersim {
namespace {

// One month of a partnership with `partners` organisations, measured on a world that has
// already run a year (ties formed, beliefs moving), so the step does its full work.
void BM_MonthlyStep(benchmark::State& state) {
    Scenario scenario;
    scenario.partners.count = static_cast<int>(state.range(0));
    scenario.setup.duration = Duration::open_ended;
    scenario.run.months = 1'000'000;
    RandomStream random(42);
    World world = start_world(scenario, random);
    for (int month = 0; month < 12; ++month) step_month(world, random);
    for (auto _ : state) {
        step_month(world, random);
        benchmark::DoNotOptimize(world.partners.capacity.data());
    }
    state.counters["partner_months/s"] = benchmark::Counter(
        static_cast<double>(state.iterations()) * static_cast<double>(state.range(0)),
        benchmark::Counter::kIsRate);
}
BENCHMARK(BM_MonthlyStep)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMicrosecond);

// A whole run of the default scenario (20 partners, 60 months), observer included.
void BM_DefaultRun(benchmark::State& state) {
    const Scenario scenario;
    std::uint64_t replicate = 0;
    for (auto _ : state) {
        const RunResult result =
            run_partnership(scenario, make_run_id(scenario.run.seed, 0, replicate++, 1u << 30));
        benchmark::DoNotOptimize(result.final_values.data());
    }
    state.counters["runs/s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DefaultRun)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace partnersim
