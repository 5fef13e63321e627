#include "analysis/results_table.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/hdf5_reader.hpp"
#include "support/small_sweeps.hpp"
#include "support/test_helpers.hpp"

namespace partnersim::analysis {
namespace {

namespace fs = std::filesystem;

using test::contains;

// The message of the std::invalid_argument `action` throws, or "" if it throws nothing.
template <class Action>
std::string invalid_argument_of(Action&& action) {
    try {
        action();
    } catch (const std::invalid_argument& error) {
        return error.what();
    }
    return "";
}

std::vector<double> column(const Eigen::MatrixXd& outcomes, std::size_t m) {
    std::vector<double> values;
    for (Eigen::Index r = 0; r < outcomes.rows(); ++r)
        values.push_back(outcomes(r, static_cast<Eigen::Index>(m)));
    return values;
}

// The 8-point grid of test::grid_sweep_toml: 6 months, 3 replicates.
class GridResultsTable : public testing::Test {
protected:
    test::TempDir dir_;
    fs::path path_ = test::run_small_sweep(dir_, "grid", test::grid_sweep_toml());
};

TEST_F(GridResultsTable, ShapeAndRunsMatchTheFile) {
    const ResultsTable table = read_results_table(path_);
    EXPECT_EQ(table.file, path_);
    EXPECT_EQ(table.months, 6);
    EXPECT_EQ(table.month, 6);
    EXPECT_EQ(table.design_points, 8u);
    EXPECT_EQ(table.replicates_per_point, 3u);
    EXPECT_EQ(table.runs(), 24u);
    EXPECT_TRUE(contains(table.sweep, "grid")) << table.sweep;
    EXPECT_EQ(table.design_point, read_run_column(path_, "design_point"));
    EXPECT_EQ(table.replicate, read_run_column(path_, "replicate"));
    EXPECT_EQ(table.measures, read_results_info(path_).measures);
    EXPECT_EQ(table.grid_cell, (std::vector<std::uint64_t>{0, 1, 2, 3, 4, 5, 6, 7}));
    EXPECT_EQ(table.saltelli_role, std::vector<int>(8, -1));
    EXPECT_EQ(table.morris_factor, std::vector<int>(8, -1));
    EXPECT_FALSE(table.is_saltelli());
    EXPECT_FALSE(table.is_morris());
}

TEST_F(GridResultsTable, ChoicesAndBooleansAreCategoriesInTheOrderListed) {
    const ResultsTable table = read_results_table(path_);
    ASSERT_EQ(table.factors.size(), 3u);

    // Listed open_ended first, although the model declares time_bound first.
    const DesignFactor& duration = table.factors[table.factor_index("setup.duration")];
    EXPECT_EQ(duration.categories, (std::vector<std::string>{"open_ended", "time_bound"}));
    EXPECT_EQ(duration.values, (std::vector<double>{0, 0, 0, 0, 1, 1, 1, 1}));
    EXPECT_EQ(duration.label(0), "open_ended");
    EXPECT_EQ(duration.label(5), "time_bound");
    EXPECT_FALSE(duration.range_index.has_value());

    // A boolean is a category "true" or "false", listed true first.
    const DesignFactor& review = table.factors[table.factor_index("setup.review")];
    EXPECT_EQ(review.categories, (std::vector<std::string>{"true", "false"}));
    EXPECT_EQ(review.values, (std::vector<double>{0, 0, 1, 1, 0, 0, 1, 1}));
    EXPECT_EQ(review.label(2), "false");

    const DesignFactor& join = table.factors[table.factor_index("setup.join_month")];
    EXPECT_FALSE(join.categorical());
    EXPECT_EQ(join.values, (std::vector<double>{0, 3, 0, 3, 0, 3, 0, 3}));
    EXPECT_EQ(join.label(1), "3");
    // A grid factor has no sampled range.
    EXPECT_FALSE(join.low.has_value());
    EXPECT_FALSE(join.high.has_value());
    EXPECT_FALSE(join.range_index.has_value());
}

TEST_F(GridResultsTable, OutcomesAreTheFinalValues) {
    const ResultsTable table = read_results_table(path_);
    ASSERT_EQ(table.outcomes.rows(), 24);
    ASSERT_EQ(static_cast<std::size_t>(table.outcomes.cols()), table.measures.size());
    for (std::size_t m = 0; m < table.measures.size(); ++m) {
        EXPECT_TRUE(
            test::bitwise_equal(column(table.outcomes, m), read_final(path_, table.measures[m])))
            << table.measures[m];
    }
    // Asking for the last month by number is the same as asking for nothing.
    const ResultsTable last = read_results_table(path_, 6);
    EXPECT_EQ(last.month, 6);
    for (std::size_t m = 0; m < table.measures.size(); ++m) {
        EXPECT_TRUE(test::bitwise_equal(column(last.outcomes, m), column(table.outcomes, m)))
            << table.measures[m];
    }
}

TEST_F(GridResultsTable, AnEarlierMonthIsReadFromTheTimeseries) {
    for (const int month : {1, 2, 5}) {
        const ResultsTable table = read_results_table(path_, month);
        EXPECT_EQ(table.month, month);
        EXPECT_EQ(table.months, 6);
        for (std::size_t m = 0; m < table.measures.size(); ++m) {
            const std::vector<float> series = read_timeseries(path_, table.measures[m]);
            std::vector<double> expected;
            for (std::size_t r = 0; r < 24; ++r)
                expected.push_back(series[r * 6 + static_cast<std::size_t>(month - 1)]);
            EXPECT_TRUE(test::bitwise_equal(column(table.outcomes, m), expected))
                << table.measures[m] << " at month " << month;
        }
    }
}

TEST_F(GridResultsTable, AMonthOutsideTheRunIsRefused) {
    for (const int month : {0, 7, -1}) {
        const std::string message = invalid_argument_of([&] { read_results_table(path_, month); });
        EXPECT_TRUE(contains(message, "month " + std::to_string(month))) << message;
        EXPECT_TRUE(contains(message, "1..6")) << message;
    }
}

TEST_F(GridResultsTable, UnknownNamesAreRefusedWithTheNearestOne) {
    const ResultsTable table = read_results_table(path_);
    EXPECT_EQ(table.measures[table.measure_index("candour")], "candour");
    const std::string measure = invalid_argument_of([&] { table.measure_index("candor"); });
    EXPECT_TRUE(contains(measure, "'candor'")) << measure;
    EXPECT_TRUE(contains(measure, "did you mean 'candour'?")) << measure;

    const std::string factor = invalid_argument_of([&] { table.factor_index("setup.join_mnth"); });
    EXPECT_TRUE(contains(factor, "'setup.join_mnth' was not varied")) << factor;
    EXPECT_TRUE(contains(factor, "did you mean 'setup.join_month'?")) << factor;
    EXPECT_TRUE(contains(factor, "setup.review")) << factor;  // the list of what was varied
}

TEST(ResultsTable, ASingleScenarioReadsAsOnePointWithoutFactors) {
    const test::TempDir dir;
    const fs::path path = test::run_small_sweep(dir, "single", test::single_scenario_toml());
    const ResultsTable table = read_results_table(path);
    EXPECT_TRUE(table.factors.empty());
    EXPECT_EQ(table.design_points, 1u);
    EXPECT_EQ(table.runs(), 4u);
    EXPECT_EQ(table.replicates_per_point, 4u);
    EXPECT_EQ(table.design_point, std::vector<std::uint64_t>(4, 0));
    EXPECT_EQ(table.grid_cell.size(), 1u);
    const std::string message = invalid_argument_of([&] { table.factor_index("setup.review"); });
    EXPECT_TRUE(contains(message, "this results file has no sweep")) << message;
}

TEST(ResultsTable, RangeFactorsCarryTheirRangeAndIndex) {
    const test::TempDir dir;
    const fs::path path = test::run_small_sweep(dir, "lhs", test::latin_hypercube_sweep_toml());
    const ResultsTable table = read_results_table(path);
    ASSERT_EQ(table.factors.size(), 2u);
    EXPECT_EQ(table.design_points, 5u);
    const DesignFactor& budget = table.factors[table.factor_index("setup.budget_hours")];
    ASSERT_TRUE(budget.low && budget.high && budget.range_index);
    EXPECT_EQ(*budget.low, 40.0);
    EXPECT_EQ(*budget.high, 240.0);
    EXPECT_EQ(*budget.range_index, 1);
    const DesignFactor& join = table.factors[table.factor_index("setup.join_month")];
    ASSERT_TRUE(join.low && join.high && join.range_index);
    EXPECT_EQ(*join.low, 0.0);
    EXPECT_EQ(*join.high, 3.0);
    EXPECT_EQ(*join.range_index, 2);
    EXPECT_EQ(budget.values, read_table(path, "design", "setup.budget_hours"));
    for (const double v : join.values) EXPECT_EQ(v, std::round(v)) << "an integer range";
    // A Latin hypercube puts one point in each fifth of every range.
    std::vector<int> strata(5, 0);
    for (const double v : budget.values) ++strata[static_cast<std::size_t>((v - 40.0) / 40.0)];
    EXPECT_EQ(strata, std::vector<int>(5, 1));
    EXPECT_FALSE(table.is_saltelli());
}

TEST(ResultsTable, ASobolFileHasItsSaltelliRoles) {
    const test::TempDir dir;
    const fs::path path = test::run_small_sweep(dir, "sobol", test::sobol_sweep_toml(4));
    const ResultsTable table = read_results_table(path);
    EXPECT_TRUE(table.is_saltelli());
    EXPECT_FALSE(table.is_morris());
    EXPECT_EQ(table.design_points, 16u);  // N (k + 2) = 4 x 4
    // SALib's order per sample: A, AB_1, AB_2, B.
    for (std::size_t p = 0; p < 16; ++p) {
        EXPECT_EQ(table.saltelli_role[p], static_cast<int>(p % 4)) << p;
        EXPECT_EQ(table.sample_index[p], p / 4) << p;
    }
    const DesignFactor& trust =
        table.factors[table.factor_index("partners.initial_trust_facilitator")];
    ASSERT_TRUE(trust.range_index.has_value());
    EXPECT_EQ(*trust.range_index, 2);
    EXPECT_EQ(trust.low, 0.2);
    EXPECT_EQ(trust.high, 0.8);
}

TEST(ResultsTable, AFileThatIsNotResultsIsAnErrorNamingIt) {
    const test::TempFile garbage("not HDF5", ".h5");
    try {
        read_results_table(garbage.path());
        FAIL() << "read a file that is not HDF5";
    } catch (const std::runtime_error& error) {
        EXPECT_TRUE(contains(error.what(), garbage.path().string())) << error.what();
    }
}

}  // namespace
}  // namespace partnersim::analysis
