#include "analysis/sobol_analysis.hpp"

#include <gtest/gtest.h>

#include "analysis/main_effects.hpp"

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/small_sweeps.hpp"
#include "support/synthetic_designs.hpp"
#include "support/synthetic_results.hpp"

namespace partnersim::analysis {
namespace {

namespace fs = std::filesystem;

const BootstrapOptions quick{200, 0.95, 7};  // fewer resamples: the estimates do not use them

// Ranges in range order (range_index 1, 2, 3), whose names sort in another order.
const std::vector<test::SampledRange> ranges{test::sampled_range("setup.quick_wins", 0.0, 1.0),
                                             test::sampled_range("funder.flexibility", 10.0, 12.0),
                                             test::sampled_range("partners.diversity", -1.0, 2.0)};
// Listed by name, as a results file lists them: range 2, range 3, range 1.
const std::vector<std::size_t> by_name{1, 2, 0};

// y = 3 x1 + x2 + 0.5 x3 over the ranges above: each term's spread is its slope times its
// range, c = (3, 2, 1.5); a sum of independent uniform terms has no interactions, so
// S1_i = ST_i = c_i^2 / sum c^2 = (0.590, 0.262, 0.148).
double linear(std::size_t, const std::vector<double>& x) {
    return 3.0 * x[0] + 1.0 * x[1] + 0.5 * x[2];
}
const std::vector<double> linear_share{9.0 / 15.25, 4.0 / 15.25, 2.25 / 15.25};

// Only range 3 matters, non-linearly: S1_3 = ST_3 = 1, and the others' indices are 0, since
// moving them leaves every output as it was (up to the rounding of the replicate mean).
double third_only(std::size_t, const std::vector<double>& x) {
    return x[2] * x[2];
}

// Measured on this design with N = 256 base samples (1280 points): the largest error of an
// index of `linear` is 1.3e-3, of `third_only` 5.7e-3 (at N = 64 to 512 they stay below 4.1e-3
// and 6.5e-3). Tolerances 0.01 and 0.03 keep five times that; a name matched to the wrong
// column is off by 0.11 at least (linear) or 1 (third_only).
constexpr std::size_t base_samples = 256;
constexpr double linear_tolerance = 0.01;
constexpr double nonlinear_tolerance = 0.03;

std::size_t row_of(const AnalysisTable& table, const std::string& measure,
                   const std::string& parameter, const std::string& cell = "all") {
    for (std::size_t r = 0; r < table.rows(); ++r) {
        if (table.text_column("measure")[r] == measure &&
            table.text_column("parameter")[r] == parameter && table.text_column("cell")[r] == cell)
            return r;
    }
    ADD_FAILURE() << "no row for " << measure << ", " << parameter << ", " << cell;
    return 0;
}

TEST(SobolTable, KnownIndicesWithParametersMatchedToTheirColumns) {
    const ResultsTable table = test::synthetic_design_table(test::saltelli_design(base_samples, 3),
                                                            ranges, by_name, {linear, third_only});
    const AnalysisTable sobol = sobol_table(table, {}, quick);
    EXPECT_EQ(sobol.name, "sobol_indices");
    ASSERT_EQ(sobol.rows(), 2u * 3u);
    // One block per measure, parameters in range order (the order of the design's AB_i).
    for (std::size_t m = 0; m < 2; ++m) {
        for (std::size_t i = 0; i < 3; ++i) {
            EXPECT_EQ(sobol.text_column("measure")[3 * m + i], "measure_" + std::to_string(m));
            EXPECT_EQ(sobol.text_column("parameter")[3 * m + i], ranges[i].name);
            EXPECT_EQ(sobol.text_column("cell")[3 * m + i], "all");
        }
    }
    const auto& s1 = sobol.number_column("first_order");
    const auto& st = sobol.number_column("total");
    for (std::size_t i = 0; i < 3; ++i) {
        const std::size_t row = row_of(sobol, "measure_0", ranges[i].name);
        EXPECT_NEAR(s1[row], linear_share[i], linear_tolerance) << ranges[i].name;
        EXPECT_NEAR(st[row], linear_share[i], linear_tolerance) << ranges[i].name;
        EXPECT_LE(sobol.number_column("first_low")[row], sobol.number_column("first_high")[row]);
        EXPECT_LE(sobol.number_column("total_low")[row], sobol.number_column("total_high")[row]);
    }
    const std::size_t third = row_of(sobol, "measure_1", "partners.diversity");
    EXPECT_NEAR(s1[third], 1.0, nonlinear_tolerance);
    EXPECT_NEAR(st[third], 1.0, nonlinear_tolerance);
    for (const std::size_t i : {0u, 1u}) {
        const std::size_t row = row_of(sobol, "measure_1", ranges[i].name);
        EXPECT_NEAR(s1[row], 0.0, 1e-9) << ranges[i].name;
        EXPECT_NEAR(st[row], 0.0, 1e-9) << ranges[i].name;
    }
}

TEST(SobolTable, OnlyTheMeasuresAsked) {
    const ResultsTable table = test::synthetic_design_table(test::saltelli_design(64, 3), ranges,
                                                            by_name, {linear, third_only});
    const AnalysisTable sobol = sobol_table(table, {"measure_1"}, quick);
    ASSERT_EQ(sobol.rows(), 3u);
    for (std::size_t r = 0; r < 3; ++r) EXPECT_EQ(sobol.text_column("measure")[r], "measure_1");
    EXPECT_THROW(sobol_table(table, {"measure_9"}, quick), std::invalid_argument);
}

// In cell 0 (time_bound) the linear function; in cell 1 (open_ended) only range 1 matters.
double depends_on_cell(std::size_t cell, const std::vector<double>& x) {
    return cell == 0 ? linear(cell, x) : 4.0 * x[0];
}

TEST(SobolTable, AGridCrossedWithSobolGetsIndicesPerCell) {
    const ResultsTable table = test::synthetic_design_table(test::saltelli_design(base_samples, 3),
                                                            ranges, by_name, {depends_on_cell}, 2);
    const AnalysisTable sobol = sobol_table(table, {}, quick);
    ASSERT_EQ(sobol.rows(), 2u * 3u);
    for (std::size_t r = 0; r < 3; ++r) {
        EXPECT_EQ(sobol.text_column("cell")[r], "setup.duration=time_bound");
        EXPECT_EQ(sobol.text_column("cell")[3 + r], "setup.duration=open_ended");
    }
    const auto& s1 = sobol.number_column("first_order");
    const auto& st = sobol.number_column("total");
    for (std::size_t i = 0; i < 3; ++i) {
        const std::size_t row =
            row_of(sobol, "measure_0", ranges[i].name, "setup.duration=time_bound");
        EXPECT_NEAR(s1[row], linear_share[i], linear_tolerance) << ranges[i].name;
        const std::size_t open =
            row_of(sobol, "measure_0", ranges[i].name, "setup.duration=open_ended");
        // 4 x1 alone: all of the variance is range 1's, exactly none the others'.
        EXPECT_NEAR(s1[open], i == 0 ? 1.0 : 0.0, i == 0 ? linear_tolerance : 1e-9);
        EXPECT_NEAR(st[open], i == 0 ? 1.0 : 0.0, i == 0 ? linear_tolerance : 1e-9);
    }
}

TEST(SobolTable, GridCellsAndPointMeans) {
    const ResultsTable table =
        test::synthetic_design_table(test::saltelli_design(4, 3), ranges, by_name, {linear}, 2);
    const std::vector<GridCell> cells = grid_cells(table);
    ASSERT_EQ(cells.size(), 2u);
    EXPECT_EQ(cells[0].points.size(), 20u);  // N (k + 2) = 4 x 5
    EXPECT_EQ(cells[1].points.front(), 20u);
    EXPECT_EQ(cells[1].label, "setup.duration=open_ended");
    // The replicates are y + e and y - e: their mean is the model itself.
    const Eigen::MatrixXd means = point_means(table);
    ASSERT_EQ(means.rows(), 40);
    for (std::size_t p = 0; p < 40; ++p) {
        std::vector<double> x(3);
        for (std::size_t i = 0; i < 3; ++i) {
            const auto& f = table.factors[table.factor_index(ranges[i].name)];
            x[i] = f.values[p];
        }
        EXPECT_NEAR(means(static_cast<Eigen::Index>(p), 0), linear(0, x), 1e-12) << p;
    }
    const ResultsTable single =
        test::synthetic_design_table(test::saltelli_design(4, 3), ranges, by_name, {linear});
    ASSERT_EQ(grid_cells(single).size(), 1u);
    EXPECT_EQ(grid_cells(single)[0].label, "all");
}

TEST(SobolTable, RefusesATableWithoutASaltelliDesign) {
    const ResultsTable grid = test::synthetic_grid(
        {{"setup.budget_hours", {}, {40, 240}}}, 2,
        [](const std::vector<int>& level, RandomStream&) { return double(level[0]); });
    try {
        sobol_table(grid, {});
        FAIL() << "computed Sobol indices from a grid";
    } catch (const std::invalid_argument& error) {
        EXPECT_NE(std::string(error.what()).find("method = \"sobol\""), std::string::npos)
            << error.what();
    }
}

// A real Sobol sweep (test::sobol_sweep_toml, N = 8): facilitator_hours equals the budget at
// every point, so all of its variance is the budget's and none the initial trust's.
TEST(SobolTable, FromARealSobolSweep) {
    const test::TempDir dir;
    const fs::path path = test::run_small_sweep(dir, "sobol", test::sobol_sweep_toml(8));
    const ResultsTable table = read_results_table(path);
    const AnalysisTable sobol = sobol_table(table, {}, quick);
    const std::vector<std::size_t> measures = chosen_measures(table, {});  // continuous
    ASSERT_EQ(sobol.rows(), measures.size() * 2);
    for (std::size_t m = 0; m < measures.size(); ++m) {
        EXPECT_EQ(sobol.text_column("measure")[2 * m], table.measures[measures[m]]);
        EXPECT_EQ(sobol.text_column("parameter")[2 * m], "setup.budget_hours");
        EXPECT_EQ(sobol.text_column("parameter")[2 * m + 1], "partners.initial_trust_facilitator");
    }
    for (std::size_t r = 0; r < sobol.rows(); ++r) {
        EXPECT_EQ(sobol.text_column("cell")[r], "all");
        const double st = sobol.number_column("total")[r];
        // Jansen's ST is a mean of squares over a variance: never negative (NaN for a measure
        // that does not vary).
        if (!std::isnan(st)) {
            EXPECT_GE(st, 0.0) << r;
        }
    }
    const auto& s1 = sobol.number_column("first_order");
    const auto& st = sobol.number_column("total");
    const std::size_t budget = row_of(sobol, "facilitator_hours", "setup.budget_hours");
    const std::size_t trust =
        row_of(sobol, "facilitator_hours", "partners.initial_trust_facilitator");
    // A function of one factor has S1 = ST = 1. With only 8 base samples both estimates were
    // 0.952 here (V is estimated from 16 values); 0.15 allows for that, and a parameter matched
    // to the wrong column would read 0. The trust does not move facilitator_hours at all:
    // f(AB_2) = f(A), so both its indices are 0 up to rounding.
    EXPECT_NEAR(st[budget], 1.0, 0.15);
    EXPECT_NEAR(s1[budget], 1.0, 0.15);
    EXPECT_NEAR(s1[trust], 0.0, 1e-9);
    EXPECT_NEAR(st[trust], 0.0, 1e-9);
}

TEST(SobolTable, FromARealGridCrossedWithSobolSweep) {
    const test::TempDir dir;
    const fs::path path = test::run_small_sweep(dir, "grid_sobol", test::sobol_sweep_toml(8, true));
    const ResultsTable table = read_results_table(path);
    const AnalysisTable sobol = sobol_table(table, {"facilitator_hours", "candour"}, quick);
    ASSERT_EQ(sobol.rows(), 2u * 2u * 2u);  // cells x measures x parameters
    for (std::size_t r = 0; r < 4; ++r) {
        EXPECT_EQ(sobol.text_column("cell")[r], "setup.duration=time_bound");
        EXPECT_EQ(sobol.text_column("cell")[4 + r], "setup.duration=open_ended");
    }
    for (const std::string cell : {"setup.duration=time_bound", "setup.duration=open_ended"}) {
        const std::size_t budget = row_of(sobol, "facilitator_hours", "setup.budget_hours", cell);
        EXPECT_NEAR(sobol.number_column("total")[budget], 1.0, 0.15) << cell;
        const std::size_t trust =
            row_of(sobol, "facilitator_hours", "partners.initial_trust_facilitator", cell);
        EXPECT_NEAR(sobol.number_column("total")[trust], 0.0, 1e-9) << cell;
    }
}

}  // namespace
}  // namespace partnersim::analysis
