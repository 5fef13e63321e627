#include "analysis/morris_analysis.hpp"

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

const BootstrapOptions quick{200, 0.95, 7};

// Ranges in range order (range_index 1, 2, 3), whose names sort in another order, listed by
// name as a results file lists them.
const std::vector<test::SampledRange> ranges{test::sampled_range("setup.quick_wins", 0.0, 1.0),
                                             test::sampled_range("funder.flexibility", 10.0, 30.0),
                                             test::sampled_range("partners.diversity", 0.2, 0.8)};
const std::vector<std::size_t> by_name{1, 2, 0};

// y = 2 x1 - 0.5 x2 + 10 x3: an elementary effect per whole range is slope x range, the same
// everywhere: mu = (2, -10, 6), mu* = |mu|, sigma = 0.
double linear(std::size_t, const std::vector<double>& x) {
    return 2.0 * x[0] - 0.5 * x[1] + 10.0 * x[2];
}
const std::vector<double> linear_mu{2.0, -10.0, 6.0};

// Outputs are below 30 and steps 2/3 of a range, so each effect is exact to ~1e-14; the
// replicate means (y + e and y - e, |e| <= 5) add rounding of the same size. 1e-9 is well
// above that and far below any wiring mistake (the effects differ by 4 and more).
constexpr double exact = 1e-9;

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

TEST(MorrisTable, ALinearFunctionHasSlopeTimesRangeAsEveryEffect) {
    const ResultsTable table =
        test::synthetic_design_table(test::morris_design(8, 3, 4, 42), ranges, by_name, {linear});
    ASSERT_TRUE(table.is_morris());
    const AnalysisTable morris = morris_table(table, {}, quick);
    EXPECT_EQ(morris.name, "morris");
    ASSERT_EQ(morris.rows(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        // Rows in range order, each named by the factor whose range_index is i + 1.
        EXPECT_EQ(morris.text_column("parameter")[i], ranges[i].name);
        EXPECT_EQ(morris.text_column("measure")[i], "measure_0");
        EXPECT_EQ(morris.text_column("cell")[i], "all");
        EXPECT_NEAR(morris.number_column("mu")[i], linear_mu[i], exact) << ranges[i].name;
        EXPECT_NEAR(morris.number_column("mu_star")[i], std::abs(linear_mu[i]), exact)
            << ranges[i].name;
        EXPECT_NEAR(morris.number_column("sigma")[i], 0.0, exact) << ranges[i].name;
        // Every trajectory gives the same effect, so every resample does too.
        EXPECT_NEAR(morris.number_column("mu_star_low")[i], std::abs(linear_mu[i]), exact);
        EXPECT_NEAR(morris.number_column("mu_star_high")[i], std::abs(linear_mu[i]), exact);
    }
}

// Cell 0 (time_bound): the linear function; cell 1 (open_ended): x1 x3, whose effects vary.
double depends_on_cell(std::size_t cell, const std::vector<double>& x) {
    return cell == 0 ? linear(cell, x) : 5.0 * x[0] * x[2];
}

TEST(MorrisTable, AGridCrossedWithMorrisIsScreenedPerCell) {
    const ResultsTable table = test::synthetic_design_table(test::morris_design(8, 3, 4, 42),
                                                            ranges, by_name, {depends_on_cell}, 2);
    const AnalysisTable morris = morris_table(table, {}, quick);
    ASSERT_EQ(morris.rows(), 6u);
    for (std::size_t i = 0; i < 3; ++i) {
        const std::size_t tb =
            row_of(morris, "measure_0", ranges[i].name, "setup.duration=time_bound");
        EXPECT_NEAR(morris.number_column("mu")[tb], linear_mu[i], exact) << ranges[i].name;
        const std::size_t oe =
            row_of(morris, "measure_0", ranges[i].name, "setup.duration=open_ended");
        const double mu = morris.number_column("mu")[oe];
        if (i == 1) {  // x2 does not enter 5 x1 x3
            EXPECT_NEAR(morris.number_column("mu_star")[oe], 0.0, exact);
        } else if (i == 0) {
            // The effect of x1 over its range is 5 x3, x3 on the grid {0.2, 0.4, 0.6, 0.8}: the
            // mean of values in [1, 4], which differ between trajectories.
            EXPECT_GE(mu, 1.0 - exact);
            EXPECT_LE(mu, 4.0 + exact);
            EXPECT_GT(morris.number_column("sigma")[oe], 0.1);
        } else {
            // The effect of x3 over its range (0.6) is 3 x1, x1 on {0, 1/3, 2/3, 1}: in [0, 3].
            EXPECT_GE(mu, 0.0);
            EXPECT_LE(mu, 3.0 + exact);
            EXPECT_GT(morris.number_column("sigma")[oe], 0.1);
        }
    }
}

TEST(MorrisTable, RefusesMissingRangesAndOtherDesigns) {
    const ResultsTable table =
        test::synthetic_design_table(test::morris_design(4, 3, 4, 42), ranges, by_name, {linear});
    ResultsTable no_index = table;
    no_index.factors[table.factor_index("setup.quick_wins")].range_index.reset();
    EXPECT_THROW(morris_table(no_index, {}, quick), std::invalid_argument);
    ResultsTable no_low = table;
    no_low.factors[table.factor_index("funder.flexibility")].low.reset();
    EXPECT_THROW(morris_table(no_low, {}, quick), std::invalid_argument);
    ResultsTable last_missing = table;
    last_missing.factors[table.factor_index("partners.diversity")].range_index.reset();
    EXPECT_THROW(morris_table(last_missing, {}, quick), std::invalid_argument);
    EXPECT_THROW(morris_table(table, {"nothing"}, quick), std::invalid_argument);

    const ResultsTable saltelli =
        test::synthetic_design_table(test::saltelli_design(4, 3), ranges, by_name, {linear});
    try {
        morris_table(saltelli, {}, quick);
        FAIL() << "screened a Saltelli design as Morris trajectories";
    } catch (const std::invalid_argument& error) {
        EXPECT_NE(std::string(error.what()).find("method = \"morris\""), std::string::npos)
            << error.what();
    }
}

// A real Morris sweep (test::morris_sweep_toml, 4 trajectories): facilitator_hours equals the
// budget at every point, so its effect is the budget's range, 200 hours, on every trajectory,
// and the initial trust has none.
TEST(MorrisTable, FromARealMorrisSweep) {
    const test::TempDir dir;
    const fs::path path = test::run_small_sweep(dir, "morris", test::morris_sweep_toml(4));
    const ResultsTable table = read_results_table(path);
    const AnalysisTable morris = morris_table(table, {}, quick);
    const std::vector<std::size_t> measures = chosen_measures(table, {});  // continuous
    ASSERT_EQ(morris.rows(), measures.size() * 2);
    const std::size_t budget = row_of(morris, "facilitator_hours", "setup.budget_hours");
    // facilitator_hours differs from the budget by at most 3e-14 (rounding in the model's
    // split of hours): effects of 200 are exact to 1e-9.
    EXPECT_NEAR(morris.number_column("mu")[budget], 200.0, exact);
    EXPECT_NEAR(morris.number_column("sigma")[budget], 0.0, exact);
    const std::size_t trust =
        row_of(morris, "facilitator_hours", "partners.initial_trust_facilitator");
    EXPECT_NEAR(morris.number_column("mu_star")[trust], 0.0, exact);
}

}  // namespace
}  // namespace partnersim::analysis
