// Cost of the analyses on a sweep the size of scenarios/enablers.toml (1,024 design points x 4
// replicates, 14 sampled parameters): bootstrap main effects of one measure, by resample count
// (the cost should grow in proportion), and the Sobol table from the same points.
#include <benchmark/benchmark.h>

#include "analysis/factor_levels.hpp"
#include "analysis/grouped_means.hpp"
#include "analysis/main_effects.hpp"
#include "analysis/sobol_analysis.hpp"
#include "engine/sampling.hpp"
#include "model/random_stream.hpp"

namespace partnersim {
namespace {

constexpr std::size_t factors = 14;
constexpr std::size_t base_samples = 64;
constexpr std::uint64_t replicates = 4;

// A Saltelli design over 14 unit ranges with outcome = sum of i * x_i + noise, laid out as a
// results file would hold it.
analysis::ResultsTable enablers_sized_table() {
    const SampleMatrix points = saltelli_points(saltelli(base_samples, factors));
    analysis::ResultsTable table;
    table.months = table.month = 48;
    table.design_points = points.size();
    table.replicates_per_point = replicates;
    table.measures = {"outcome"};
    for (std::size_t f = 0; f < factors; ++f) {
        analysis::DesignFactor factor;
        factor.name = "factor_" + std::to_string(f);
        for (const auto& point : points) factor.values.push_back(point[f]);
        table.factors.push_back(std::move(factor));
    }
    for (std::size_t p = 0; p < points.size(); ++p) {
        table.grid_cell.push_back(0);
        table.sample_index.push_back(p / (factors + 2));
        table.saltelli_role.push_back(saltelli_role_of(p, factors));
        table.morris_factor.push_back(-1);
    }
    table.outcomes.resize(static_cast<Eigen::Index>(points.size() * replicates), 1);
    RandomStream noise(1);
    for (std::size_t p = 0; p < points.size(); ++p) {
        for (std::uint64_t r = 0; r < replicates; ++r) {
            double y = 0;
            for (std::size_t f = 0; f < factors; ++f) y += double(f) * points[p][f];
            table.outcomes(static_cast<Eigen::Index>(table.design_point.size()), 0) =
                y + noise.normal();
            table.design_point.push_back(p);
            table.replicate.push_back(r);
        }
    }
    return table;
}

void BM_MainEffects(benchmark::State& state) {
    const analysis::ResultsTable table = enablers_sized_table();
    analysis::MainEffectOptions options;
    options.bootstrap.resamples = static_cast<int>(state.range(0));
    for (auto _ : state) {
        auto effects = analysis::main_effects(table, options);
        benchmark::DoNotOptimize(effects.effects.numbers.data());
    }
}
BENCHMARK(BM_MainEffects)->Arg(200)->Arg(1000)->Unit(benchmark::kMillisecond);

// One parameter's quartile means on one measure, drawing the 1,000 resamples for the call (as
// every call did before resample counts were shared) or reusing counts drawn once: the ratio
// is what sharing saves per (measure, parameter) pair.
void BM_GroupedMeans(benchmark::State& state) {
    const analysis::ResultsTable table = enablers_sized_table();
    const analysis::FactorLevels levels = analysis::factor_levels(table.factors[3]);
    const int groups = static_cast<int>(levels.labels.size());
    const analysis::BootstrapOptions options;
    const Eigen::MatrixXd shared = analysis::unit_resamples(table, options);
    const bool reuse = state.range(0) == 1;
    for (auto _ : state) {
        auto means = analysis::grouped_means(table, 0, levels.level_of_point, groups, {}, options,
                                             reuse ? &shared : nullptr);
        benchmark::DoNotOptimize(means.means.data());
    }
    state.SetLabel(reuse ? "shared resamples" : "drawn per call");
}
BENCHMARK(BM_GroupedMeans)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_SobolTable(benchmark::State& state) {
    const analysis::ResultsTable table = enablers_sized_table();
    analysis::BootstrapOptions options;
    options.resamples = static_cast<int>(state.range(0));
    for (auto _ : state) {
        auto sobol = analysis::sobol_table(table, {}, options);
        benchmark::DoNotOptimize(sobol.numbers.data());
    }
}
BENCHMARK(BM_SobolTable)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace partnersim
