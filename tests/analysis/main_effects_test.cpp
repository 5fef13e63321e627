#include "analysis/main_effects.hpp"

#include <gtest/gtest.h>

#include "support/synthetic_results.hpp"

namespace partnersim::analysis {
namespace {

using test::SyntheticFactor;

// outcome = 1.0 for open_ended (0 for time_bound) + 0 * budget + N(0, 0.5) noise.
ResultsTable duration_matters() {
    return test::synthetic_grid({{"setup.duration", {"time_bound", "open_ended"}, {}},
                                 {"setup.budget_hours", {}, {40, 120, 240}}},
                                50, [](const std::vector<int>& level, RandomStream& noise) {
                                    return (level[0] == 1 ? 1.0 : 0.0) + noise.normal(0.0, 0.5);
                                });
}

std::size_t row_of(const AnalysisTable& table, const std::string& parameter) {
    const auto& parameters = table.text_column("parameter");
    for (std::size_t r = 0; r < parameters.size(); ++r)
        if (parameters[r] == parameter) return r;
    throw std::out_of_range(parameter);
}

TEST(MainEffects, RecoverAPlantedEffectAndNoEffectWhereThereIsNone) {
    const MainEffects effects = main_effects(duration_matters());
    ASSERT_EQ(effects.effects.rows(), 2u);
    const std::size_t duration = row_of(effects.effects, "setup.duration");
    EXPECT_EQ(effects.effects.text_column("from")[duration], "time_bound");
    EXPECT_EQ(effects.effects.text_column("to")[duration], "open_ended");
    // Noise is shared by replicate across points (CRN), so the paired estimate of the 1.0
    // effect is exact: every replicate's noise cancels in the difference.
    EXPECT_NEAR(effects.effects.number_column("estimate")[duration], 1.0, 1e-12);
    EXPECT_GT(effects.effects.number_column("low")[duration], 0.9);

    // Budget has no effect: its estimate is exactly 0 under CRN and the interval holds 0.
    const std::size_t budget = row_of(effects.effects, "setup.budget_hours");
    EXPECT_NEAR(effects.effects.number_column("estimate")[budget], 0.0, 1e-12);
    EXPECT_LE(effects.effects.number_column("low")[budget], 0.0);
    EXPECT_GE(effects.effects.number_column("high")[budget], 0.0);
}

TEST(MainEffects, LevelMeansAndStandardisedEffect) {
    const MainEffects effects = main_effects(duration_matters());
    // 2 levels of duration + 3 of budget.
    ASSERT_EQ(effects.level_means.rows(), 5u);
    const auto& mean = effects.level_means.number_column("mean");
    const auto& runs = effects.level_means.number_column("runs");
    EXPECT_NEAR(mean[1] - mean[0], 1.0, 1e-12);
    EXPECT_EQ(runs[0], 150.0);  // 3 budget levels x 50 replicates
    EXPECT_EQ(runs[2], 100.0);  // 2 duration levels x 50 replicates
    // The outcome's s.d. over all runs is sqrt(0.25 + 0.25) ~ 0.71 (noise plus the 0/1 split),
    // so the standardised effect is about 1.4; within 0.2 allows for the sample noise s.d.
    EXPECT_NEAR(effects.effects.number_column("standardised")[0], 1.41, 0.2);
}

TEST(MainEffects, IntervalWidensWithNoiseThatIsNotShared) {
    // Independent noise at every point (no CRN): the estimate is near 1, not exact, and the
    // interval has width; with 50 x 3 runs per level and s.d. 0.5, its half-width is about
    // 1.96 * 0.5 * sqrt(2/150) = 0.11.
    std::uint64_t call = 0;
    const ResultsTable table =
        test::synthetic_grid({{"setup.duration", {"time_bound", "open_ended"}, {}},
                              {"setup.budget_hours", {}, {40, 120, 240}}},
                             50, [&](const std::vector<int>& level, RandomStream&) {
                                 RandomStream own(++call);
                                 return (level[0] == 1 ? 1.0 : 0.0) + own.normal(0.0, 0.5);
                             });
    const MainEffects effects = main_effects(table);
    const std::size_t duration = row_of(effects.effects, "setup.duration");
    const double low = effects.effects.number_column("low")[duration];
    const double high = effects.effects.number_column("high")[duration];
    EXPECT_NEAR((high - low) / 2, 0.11, 0.03);
    EXPECT_NEAR(effects.effects.number_column("estimate")[duration], 1.0, 0.2);
}

TEST(MainEffects, RejectsTablesWithoutFactorsAndUnknownMeasures) {
    ResultsTable single = duration_matters();
    single.factors.clear();
    EXPECT_THROW(main_effects(single), std::invalid_argument);
    MainEffectOptions options;
    options.measures = {"trust"};
    EXPECT_THROW(main_effects(duration_matters(), options), std::invalid_argument);
}

}  // namespace
}  // namespace partnersim::analysis
