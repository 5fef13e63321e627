#include "analysis/factor_levels.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace partnersim::analysis {
namespace {

DesignFactor factor_of(std::string name, std::vector<std::string> categories,
                       std::vector<double> values) {
    DesignFactor factor;
    factor.name = std::move(name);
    factor.categories = std::move(categories);
    factor.values = std::move(values);
    return factor;
}

TEST(FactorLevels, CategoriesKeepTheirOrder) {
    const DesignFactor factor =
        factor_of("setup.duration", {"time_bound", "open_ended"}, {0, 1, 1, 0});
    const FactorLevels levels = factor_levels(factor);
    EXPECT_EQ(levels.labels, (std::vector<std::string>{"time_bound", "open_ended"}));
    EXPECT_EQ(levels.level_of_point, (std::vector<int>{0, 1, 1, 0}));
    EXPECT_FALSE(levels.binned);
}

TEST(FactorLevels, FewDistinctNumbersAreLevelsInAscendingOrder) {
    const DesignFactor factor = factor_of("setup.join_month", {}, {12, 0, 6, 0, 12});
    const FactorLevels levels = factor_levels(factor);
    EXPECT_EQ(levels.labels, (std::vector<std::string>{"0", "6", "12"}));
    EXPECT_EQ(levels.level_of_point, (std::vector<int>{2, 0, 1, 0, 2}));
}

TEST(FactorLevels, SampledNumbersFallIntoEqualCountBins) {
    DesignFactor factor = factor_of("setup.budget_hours", {}, {});
    for (int i = 0; i < 100; ++i) factor.values.push_back(99 - i);  // 99 .. 0, unsorted order
    const FactorLevels levels = factor_levels(factor, {.max_distinct = 8, .bins = 4});
    ASSERT_EQ(levels.labels.size(), 4u);
    EXPECT_TRUE(levels.binned);
    for (int bin = 0; bin < 4; ++bin) {
        EXPECT_EQ(std::count(levels.level_of_point.begin(), levels.level_of_point.end(), bin), 25)
            << "bin " << bin;
    }
    // The highest values are in the last bin, the lowest in the first.
    EXPECT_EQ(levels.level_of_point.front(), 3);  // value 99
    EXPECT_EQ(levels.level_of_point.back(), 0);   // value 0
    EXPECT_EQ(levels.labels.front(), "[0, 24]");
    EXPECT_EQ(levels.labels.back(), "[75, 99]");
}

TEST(FactorLevels, TiedValuesStayInOneBin) {
    // Integer parameters sampled over a range repeat values: 30 points over 0..9 ranks ties
    // together, so no value is split between two bins.
    DesignFactor factor = factor_of("setup.join_month", {}, {});
    for (int i = 0; i < 30; ++i) factor.values.push_back(i % 10);
    const FactorLevels levels = factor_levels(factor, {.max_distinct = 8, .bins = 4});
    for (std::size_t a = 0; a < 30; ++a) {
        for (std::size_t b = 0; b < 30; ++b) {
            if (factor.values[a] == factor.values[b]) {
                EXPECT_EQ(levels.level_of_point[a], levels.level_of_point[b]);
            }
        }
    }
    EXPECT_EQ(levels.level_of_point[0], 0);  // value 0
    EXPECT_EQ(levels.level_of_point[9], 3);  // value 9
}

TEST(FactorLevels, BinsLeftEmptyByTiesAreDropped) {
    // Integers 0..12 over 100 points in 20 bins: most values fill several bins' worth of
    // points, so many bins stay empty. Every level must hold points, with labels in order.
    DesignFactor factor = factor_of("setup.setup_months", {}, {});
    for (int i = 0; i < 100; ++i) factor.values.push_back(i % 13);
    const FactorLevels levels = factor_levels(factor, {.max_distinct = 8, .bins = 20});
    ASSERT_EQ(levels.labels.size(), 13u);  // one bin per distinct value at most
    for (int level = 0; level < static_cast<int>(levels.labels.size()); ++level) {
        EXPECT_GT(std::count(levels.level_of_point.begin(), levels.level_of_point.end(), level), 0)
            << "level " << level << " (" << levels.labels[static_cast<std::size_t>(level)]
            << ") is empty";
    }
    EXPECT_EQ(levels.labels.front(), "[0, 0]");
    EXPECT_EQ(levels.labels.back(), "[12, 12]");
}

}  // namespace
}  // namespace partnersim::analysis
