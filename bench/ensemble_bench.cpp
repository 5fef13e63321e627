// Sweep throughput: the whole ensemble machinery (TBB pipeline, in-order hand-off) with a writer
// that discards, on 1 and 2 threads, so the ratio measures parallel efficiency in one run.
#include <benchmark/benchmark.h>

#include "engine/ensemble.hpp"

namespace partnersim {
namespace {

class DiscardingWriter final : public ResultWriter {
public:
    void write(const RunResult& result) override { checksum_ += result.final_values[0]; }
    void flush() override {}
    double checksum() const { return checksum_; }

private:
    double checksum_ = 0.0;
};

void BM_EnsembleThroughput(benchmark::State& state) {
    Scenario scenario;
    scenario.run.replicates = 200;
    const auto threads = static_cast<int>(state.range(0));
    const RunSource source = replicate_source(scenario);
    std::uint64_t runs = 0;
    for (auto _ : state) {
        DiscardingWriter writer;
        EnsembleOptions options;
        options.threads = threads;
        runs += run_ensemble(source, 0, 200, writer, options).completed;
        benchmark::DoNotOptimize(writer.checksum());
    }
    state.counters["runs/s"] =
        benchmark::Counter(static_cast<double>(runs), benchmark::Counter::kIsRate);
    state.counters["partner_months/s"] = benchmark::Counter(
        static_cast<double>(runs) * scenario.partners.count * scenario.run.months,
        benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EnsembleThroughput)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace partnersim
