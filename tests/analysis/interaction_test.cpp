#include "analysis/interaction.hpp"

#include <gtest/gtest.h>

#include "support/synthetic_results.hpp"

namespace partnersim::analysis {
namespace {

// An early facilitator (join month 0 rather than 12) adds 1 under time_bound and 3 under
// open_ended: the interaction is 2. Noise is independent per run, so estimates are not exact.
ResultsTable early_matters_more_when_open_ended() {
    std::uint64_t call = 0;
    return test::synthetic_grid(
        {{"setup.join_month", {}, {0, 12}}, {"setup.duration", {"time_bound", "open_ended"}, {}}},
        100, [&](const std::vector<int>& level, RandomStream&) {
            RandomStream own(++call);
            const bool early = level[0] == 0;  // join month 0
            const bool open = level[1] == 1;
            return (early ? (open ? 3.0 : 1.0) : 0.0) + own.normal(0.0, 0.5);
        });
}

TEST(Interaction, RecoversAPlantedDifferenceOfDifferences) {
    InteractionOptions options{"setup.join_month", "setup.duration", {}, {}, {}};
    const Interaction result = interaction(early_matters_more_when_open_ended(), options);
    // Rows: effect of join month (0 -> 12) at time_bound, at open_ended, then the difference.
    ASSERT_EQ(result.effects.rows(), 3u);
    const auto& at = result.effects.text_column("at_b");
    const auto& estimate = result.effects.number_column("estimate");
    const auto& low = result.effects.number_column("low");
    const auto& high = result.effects.number_column("high");
    EXPECT_EQ(result.effects.text_column("from_a")[0], "0");
    EXPECT_EQ(result.effects.text_column("to_a")[0], "12");
    EXPECT_EQ(at[0], "time_bound");
    EXPECT_EQ(at[2], interaction_row_label);
    // Moving the join month from 0 to 12 loses 1 (time-bound) and 3 (open-ended). With 100
    // runs per cell and s.d. 0.5, each estimate has s.e. 0.07 (0.1 for the difference); 0.3
    // is three of those.
    EXPECT_NEAR(estimate[0], -1.0, 0.3);
    EXPECT_NEAR(estimate[1], -3.0, 0.3);
    EXPECT_NEAR(estimate[2], -2.0, 0.3);
    EXPECT_LT(high[2], 0.0);
    EXPECT_LT(low[2], estimate[2]);
    EXPECT_EQ(result.cell_means.rows(), 4u);
}

TEST(Interaction, NoInteractionGivesAnIntervalAroundZero) {
    std::uint64_t call = 0;
    const ResultsTable additive =
        test::synthetic_grid({{"a", {}, {0, 1}}, {"b", {"x", "y"}, {}}}, 100,
                             [&](const std::vector<int>& level, RandomStream&) {
                                 RandomStream own(++call);
                                 return level[0] * 1.0 + level[1] * 2.0 + own.normal(0.0, 0.5);
                             });
    const Interaction result = interaction(additive, {"a", "b", {}, {}, {}});
    EXPECT_LT(result.effects.number_column("low")[2], 0.0);
    EXPECT_GT(result.effects.number_column("high")[2], 0.0);
}

TEST(Interaction, RejectsTheSameParameterTwiceAndUnknownOnes) {
    const ResultsTable table = early_matters_more_when_open_ended();
    EXPECT_THROW(interaction(table, {"setup.duration", "setup.duration", {}, {}, {}}),
                 std::invalid_argument);
    EXPECT_THROW(interaction(table, {"setup.duraton", "setup.join_month", {}, {}, {}}),
                 std::invalid_argument);
}

}  // namespace
}  // namespace partnersim::analysis
