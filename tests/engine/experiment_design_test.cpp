#include "engine/experiment_design.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/ensemble.hpp"
#include "engine/random_streams.hpp"
#include "engine/run.hpp"
#include "engine/sampling.hpp"
#include "model/parameters.hpp"

namespace partnersim {
namespace {

Scenario base_scenario(int replicates = 3) {
    Scenario s;
    s.run.replicates = replicates;
    s.run.seed = 777;
    return s;
}

GridFactor grid(std::string name, std::vector<ParameterValue> levels) {
    return {std::move(name), std::move(levels)};
}

SweepSpec three_factor_grid() {
    SweepSpec spec;
    spec.grid = {grid("setup.duration", {std::string("time_bound"), std::string("open_ended")}),
                 grid("funder.flexibility", {0.1, 0.5, 0.9}), grid("setup.review", {false, true})};
    return spec;
}

double as_double(const ParameterValue& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
    return std::get<double>(v);
}

// Every registry parameter of `actual` equals that of `expected`, except those named.
void expect_same_parameters(const Scenario& actual, const Scenario& expected,
                            const std::vector<std::string>& except, const std::string& where) {
    for (const auto& spec : parameter_registry()) {
        if (std::find(except.begin(), except.end(), spec.name) != except.end()) continue;
        EXPECT_TRUE(spec.get(actual) == spec.get(expected)) << where << ": " << spec.name;
    }
}

TEST(ExperimentDesign, GridSizesMultiplyAndEveryCombinationAppearsOnce) {
    const ExperimentDesign d = make_design(base_scenario(), three_factor_grid());
    ASSERT_EQ(d.points(), 2u * 3u * 2u);
    EXPECT_EQ(d.runs(), 12u * 3u);
    EXPECT_EQ(d.grid_cells(), 12u);
    ASSERT_EQ(d.parameters,
              (std::vector<std::string>{"setup.duration", "funder.flexibility", "setup.review"}));
    std::set<std::string> combinations;
    for (std::uint64_t p = 0; p < d.points(); ++p) {
        combinations.insert(format_value(d.values[0][p]) + "|" + format_value(d.values[1][p]) +
                            "|" + format_value(d.values[2][p]));
        EXPECT_EQ(d.grid_cell[p], p);
        EXPECT_EQ(d.sample_index[p], 0u);
        EXPECT_EQ(d.saltelli_role[p], not_saltelli);
    }
    EXPECT_EQ(combinations.size(), 12u);
}

TEST(ExperimentDesign, FirstGridFactorVariesSlowestAndLastFastest) {
    const ExperimentDesign d = make_design(base_scenario(), three_factor_grid());
    for (std::uint64_t p = 0; p < d.points(); ++p) {
        EXPECT_TRUE(d.values[0][p] ==
                    ParameterValue(std::string(p < 6 ? "time_bound" : "open_ended")))
            << p;
        const std::vector<double> flexibility{0.1, 0.5, 0.9};
        EXPECT_TRUE(d.values[1][p] == ParameterValue(flexibility[(p / 2) % 3])) << p;
        EXPECT_TRUE(d.values[2][p] == ParameterValue(p % 2 == 1)) << p;
    }
}

TEST(ExperimentDesign, GridLevelsKeepTheirParameterKind) {
    SweepSpec spec;
    // An integer level of a real parameter becomes a number, as in a scenario file.
    spec.grid = {grid("funder.flexibility", {std::int64_t{0}, 0.5}),
                 grid("setup.join_month", {std::int64_t{0}, std::int64_t{12}})};
    const ExperimentDesign d = make_design(base_scenario(), spec);
    for (std::uint64_t p = 0; p < d.points(); ++p) {
        EXPECT_TRUE(std::holds_alternative<double>(d.values[0][p]));
        EXPECT_TRUE(std::holds_alternative<std::int64_t>(d.values[1][p]));
    }
    EXPECT_EQ(d.scenario_at(2).setup.join_month, 0);
    EXPECT_EQ(d.scenario_at(3).setup.join_month, 12);
    EXPECT_EQ(d.scenario_at(3).funder.flexibility, 0.5);
}

SweepSpec grid_by_latin_hypercube(std::uint64_t samples) {
    SweepSpec spec;
    spec.grid = {grid("setup.duration", {std::string("time_bound"), std::string("open_ended")}),
                 grid("setup.review", {false, true})};
    spec.ranges = {{"setup.budget_hours", 40.0, 240.0}, {"setup.join_month", 0.0, 18.0}};
    spec.method = SamplingMethod::latin_hypercube;
    spec.samples = samples;
    return spec;
}

TEST(ExperimentDesign, GridCrossedWithALatinHypercubeRepeatsOneSampleSetInEveryCell) {
    const ExperimentDesign d = make_design(base_scenario(), grid_by_latin_hypercube(8));
    ASSERT_EQ(d.points(), 4u * 8u);
    EXPECT_EQ(d.points_per_cell(), 8u);
    ASSERT_EQ(d.parameters.back(), "setup.join_month");
    for (std::uint64_t p = 0; p < d.points(); ++p) {
        EXPECT_EQ(d.grid_cell[p], p / 8);
        EXPECT_EQ(d.sample_index[p], p % 8);
        EXPECT_EQ(d.saltelli_role[p], not_saltelli);
        EXPECT_EQ(d.morris_factor[p], not_morris);
        const std::uint64_t same_in_cell_0 = p % 8;
        EXPECT_TRUE(d.values[2][p] == d.values[2][same_in_cell_0]) << p;
        EXPECT_TRUE(d.values[3][p] == d.values[3][same_in_cell_0]) << p;
        // The grid factors are constant within a cell.
        EXPECT_TRUE(d.values[0][p] == d.values[0][d.grid_cell[p] * 8]);
        EXPECT_TRUE(d.values[1][p] == d.values[1][d.grid_cell[p] * 8]);
    }
    // ... and the samples differ from one another.
    EXPECT_FALSE(d.values[2][0] == d.values[2][1]);
}

TEST(ExperimentDesign, RealRangesMapTheLatinHypercubeLinearlyAndStratify) {
    const Scenario base = base_scenario();
    const ExperimentDesign d = make_design(base, grid_by_latin_hypercube(10));
    const SampleMatrix unit = latin_hypercube(10, 2, latin_hypercube_seed(base.run.seed));
    std::vector<int> per_stratum(10, 0);
    for (std::uint64_t j = 0; j < 10; ++j) {
        const double x = std::get<double>(d.values[2][j]);
        EXPECT_DOUBLE_EQ(x, 40.0 + unit[j][0] * 200.0);
        ASSERT_GE(x, 40.0);
        ASSERT_LT(x, 240.0);
        ++per_stratum[static_cast<std::size_t>((x - 40.0) / 20.0)];
    }
    for (const int count : per_stratum) EXPECT_EQ(count, 1);
}

TEST(ExperimentDesign, IntegerRangesAreRoundedToTheNearestIntegerWithinTheRange) {
    const Scenario base = base_scenario();
    const ExperimentDesign d = make_design(base, grid_by_latin_hypercube(50));
    const SampleMatrix unit = latin_hypercube(50, 2, latin_hypercube_seed(base.run.seed));
    std::set<std::int64_t> seen;
    for (std::uint64_t j = 0; j < 50; ++j) {
        ASSERT_TRUE(std::holds_alternative<std::int64_t>(d.values[3][j]));
        const std::int64_t month = std::get<std::int64_t>(d.values[3][j]);
        EXPECT_EQ(month, std::llround(unit[j][1] * 18.0));
        EXPECT_GE(month, 0);
        EXPECT_LE(month, 18);
        seen.insert(month);
    }
    // With 50 strata, the first rounds down to 0 and the last up to 18.
    EXPECT_TRUE(seen.count(0) == 1 && seen.count(18) == 1);
}

TEST(ExperimentDesign, LatinHypercubeDesignDependsOnTheMasterSeedOnly) {
    Scenario a = base_scenario();
    Scenario b = base_scenario();
    b.funder.flexibility = 0.1;  // other parameters do not change the sample
    const auto da = make_design(a, grid_by_latin_hypercube(6));
    EXPECT_TRUE(da.values == make_design(b, grid_by_latin_hypercube(6)).values);
    b.run.seed = a.run.seed + 1;
    EXPECT_FALSE(da.values == make_design(b, grid_by_latin_hypercube(6)).values);
}

SweepSpec saltelli_spec(std::uint64_t n) {
    SweepSpec spec;
    spec.grid = {grid("setup.review", {false, true})};
    spec.ranges = {{"setup.budget_hours", 40.0, 240.0},
                   {"funder.accountability_focus", 0.0, 1.0},
                   {"setup.setup_months", 0.0, 12.0}};
    spec.method = SamplingMethod::sobol;
    spec.samples = n;
    return spec;
}

TEST(ExperimentDesign, SaltelliGivesNTimesKPlusTwoPointsPerCellWithTheirRoles) {
    const std::size_t k = 3;
    const std::uint64_t n = 16;
    const ExperimentDesign d = make_design(base_scenario(), saltelli_spec(n));
    ASSERT_EQ(d.points(), 2 * n * (k + 2));
    EXPECT_EQ(d.points_per_cell(), n * (k + 2));
    for (std::uint64_t p = 0; p < d.points(); ++p) {
        const std::uint64_t row = p % (n * (k + 2));
        EXPECT_EQ(d.grid_cell[p], p / (n * (k + 2)));
        EXPECT_EQ(d.sample_index[p], row / (k + 2));
        EXPECT_EQ(d.saltelli_role[p], static_cast<int>(row % (k + 2)));
    }
    // AB_i takes parameter i from B and every other from A.
    for (std::uint64_t j = 0; j < n; ++j) {
        const std::uint64_t a = j * (k + 2);
        const std::uint64_t b = a + k + 1;
        for (std::size_t i = 1; i <= k; ++i) {
            for (std::size_t r = 0; r < k; ++r) {
                const auto& column = d.values[1 + r];  // after the one grid factor
                EXPECT_TRUE(column[a + i] == column[r + 1 == i ? b : a])
                    << "sample " << j << ", AB_" << i << ", range " << r;
            }
        }
    }
    EXPECT_EQ(saltelli_role_name(saltelli_a, k), "A");
    EXPECT_EQ(saltelli_role_name(2, k), "AB2");
    EXPECT_EQ(saltelli_role_name(static_cast<int>(k) + 1, k), "B");
    EXPECT_EQ(saltelli_role_name(not_saltelli, k), "");
}

TEST(ExperimentDesign, SaltelliValuesAreTheSobolMatricesOnTheRanges) {
    const ExperimentDesign d = make_design(base_scenario(), saltelli_spec(8));
    const SaltelliMatrices m = saltelli(8, 3);
    for (std::uint64_t j = 0; j < 8; ++j) {
        EXPECT_DOUBLE_EQ(as_double(d.values[1][j * 5]), 40.0 + m.a[j][0] * 200.0);
        EXPECT_DOUBLE_EQ(as_double(d.values[2][j * 5 + 4]), m.b[j][1]);
        EXPECT_EQ(std::get<std::int64_t>(d.values[3][j * 5]), std::llround(m.a[j][2] * 12.0));
    }
}

SweepSpec morris_spec(std::uint64_t trajectories, int levels = 4) {
    SweepSpec spec;
    spec.grid = {grid("setup.review", {false, true})};
    spec.ranges = {{"setup.budget_hours", 40.0, 240.0},
                   {"funder.accountability_focus", 0.0, 1.0},
                   {"setup.setup_months", 0.0, 12.0}};
    spec.method = SamplingMethod::morris;
    spec.samples = trajectories;
    spec.morris_levels = levels;
    return spec;
}

TEST(ExperimentDesign, MorrisGivesRTrajectoriesOfKPlusOnePointsPerCell) {
    const std::size_t k = 3;
    const std::uint64_t r = 10;
    const Scenario base = base_scenario();
    const ExperimentDesign d = make_design(base, morris_spec(r));
    ASSERT_EQ(d.points(), 2 * r * (k + 1));
    EXPECT_EQ(d.points_per_cell(), r * (k + 1));
    ASSERT_EQ(d.morris_factor.size(), d.points());
    const SampleMatrix unit = morris_trajectories(r, k, 4, morris_seed(base.run.seed));
    const std::vector<int> moved = morris_moved_factors(unit, k);
    for (std::uint64_t p = 0; p < d.points(); ++p) {
        const std::uint64_t row = p % (r * (k + 1));
        EXPECT_EQ(d.grid_cell[p], p / (r * (k + 1)));
        EXPECT_EQ(d.sample_index[p], row / (k + 1));
        EXPECT_EQ(d.saltelli_role[p], not_saltelli);
        EXPECT_EQ(d.morris_factor[p], moved[row]);
        EXPECT_EQ(d.morris_factor[p] == morris_start, row % (k + 1) == 0);
        EXPECT_DOUBLE_EQ(as_double(d.values[1][p]), 40.0 + unit[row][0] * 200.0);
        EXPECT_DOUBLE_EQ(as_double(d.values[2][p]), unit[row][1]);
        EXPECT_EQ(std::get<std::int64_t>(d.values[3][p]), std::llround(unit[row][2] * 12.0));
        if (d.morris_factor[p] <= morris_start) continue;
        // Only the factor named moved since the previous point, the previous row.
        for (std::size_t i = 0; i < k; ++i) {
            const bool same = d.values[1 + i][p] == d.values[1 + i][p - 1];
            EXPECT_EQ(same, static_cast<int>(i) + 1 != d.morris_factor[p])
                << "point " << p << ", range " << i;
        }
    }
}

TEST(ExperimentDesign, MorrisValuesAreTheGridLevelsOfEachRange) {
    // 4 levels: a third of the range apart, ends included; setup.setup_months [0, 12] gives
    // 0, 4, 8, 12 exactly.
    const ExperimentDesign d = make_design(base_scenario(), morris_spec(40));
    std::set<double> budgets;
    std::set<std::int64_t> months;
    for (std::uint64_t p = 0; p < d.points(); ++p) {
        budgets.insert(std::get<double>(d.values[1][p]));
        months.insert(std::get<std::int64_t>(d.values[3][p]));
    }
    ASSERT_EQ(budgets.size(), 4u);
    const std::vector<double> expected{40.0, 40.0 + 200.0 / 3.0, 40.0 + 400.0 / 3.0, 240.0};
    std::size_t i = 0;
    for (const double budget : budgets) EXPECT_DOUBLE_EQ(budget, expected[i++]);
    EXPECT_EQ(months, (std::set<std::int64_t>{0, 4, 8, 12}));
}

TEST(ExperimentDesign, MorrisDesignDependsOnTheMasterSeedOnly) {
    Scenario a = base_scenario();
    Scenario b = base_scenario();
    b.funder.flexibility = 0.1;
    const auto da = make_design(a, morris_spec(6));
    EXPECT_TRUE(da.values == make_design(b, morris_spec(6)).values);
    EXPECT_EQ(da.morris_factor, make_design(b, morris_spec(6)).morris_factor);
    b.run.seed = a.run.seed + 1;
    EXPECT_FALSE(da.values == make_design(b, morris_spec(6)).values);
    EXPECT_NE(morris_seed(a.run.seed), latin_hypercube_seed(a.run.seed));
    EXPECT_FALSE(da.values == make_design(a, morris_spec(6, 6)).values);
}

TEST(ExperimentDesign, OtherDesignsHaveNoMorrisFactor) {
    for (const SweepSpec& spec : {three_factor_grid(), saltelli_spec(4)}) {
        const ExperimentDesign d = make_design(base_scenario(), spec);
        EXPECT_EQ(d.morris_factor, std::vector<int>(d.points(), not_morris));
    }
    EXPECT_EQ(single_point_design(base_scenario()).morris_factor, std::vector<int>{not_morris});
}

TEST(ExperimentDesign, ScenarioAtSetsExactlyTheVariedParameters) {
    const Scenario base = base_scenario();
    const ExperimentDesign d = make_design(base, grid_by_latin_hypercube(4));
    for (std::uint64_t p = 0; p < d.points(); ++p) {
        const Scenario s = d.scenario_at(p);
        for (std::size_t i = 0; i < d.parameters.size(); ++i) {
            EXPECT_TRUE(find_parameter(d.parameters[i])->get(s) == d.values[i][p])
                << d.parameters[i] << " at point " << p;
        }
        expect_same_parameters(s, base, d.parameters, "point " + std::to_string(p));
    }
    EXPECT_THROW(d.scenario_at(d.points()), std::out_of_range);
}

TEST(ExperimentDesign, CommonRandomNumbersPairReplicatesAcrossPoints) {
    SweepSpec spec = three_factor_grid();
    spec.common_random_numbers = true;
    const ExperimentDesign crn = make_design(base_scenario(4), spec);
    spec.common_random_numbers = false;
    const ExperimentDesign independent = make_design(base_scenario(4), spec);

    for (std::uint64_t point = 0; point < crn.points(); ++point) {
        for (std::uint64_t r = 0; r < 4; ++r) {
            const std::uint64_t index = point * 4 + r;
            const RunId id = crn.run_id(index);
            EXPECT_EQ(id.run_index, index);
            EXPECT_EQ(id.design_point, point);
            EXPECT_EQ(id.replicate, r);
            EXPECT_EQ(id.stream_seed, crn.run_id(r).stream_seed);  // same as at point 0
            EXPECT_EQ(id.stream_seed, stream_seed(777, 0, r));
            const RunId own = independent.run_id(index);
            EXPECT_EQ(own.design_point, point);
            EXPECT_EQ(own.stream_seed, stream_seed(777, point, r));
        }
    }
    EXPECT_NE(crn.run_id(0).stream_seed, crn.run_id(1).stream_seed);  // replicates differ
    EXPECT_NE(independent.run_id(0).stream_seed, independent.run_id(4).stream_seed);
    EXPECT_THROW(crn.run_id(crn.runs()), std::out_of_range);
}

TEST(ExperimentDesign, DesignSourceHandsOutEachRunsScenarioAndId) {
    const ExperimentDesign d = make_design(base_scenario(2), grid_by_latin_hypercube(3));
    const RunSource source = design_source(d);
    for (std::uint64_t index = 0; index < d.runs(); ++index) {
        const RunSpec spec = source(index);
        const RunId expected = d.run_id(index);
        EXPECT_EQ(spec.id.run_index, expected.run_index);
        EXPECT_EQ(spec.id.design_point, expected.design_point);
        EXPECT_EQ(spec.id.replicate, expected.replicate);
        EXPECT_EQ(spec.id.stream_seed, expected.stream_seed);
        expect_same_parameters(spec.scenario, d.scenario_at(index / 2), {},
                               "run " + std::to_string(index));
    }
}

TEST(ExperimentDesign, DesignSourceOutlivesItsDesign) {
    RunSource source;
    Scenario expected;
    {
        const ExperimentDesign d = make_design(base_scenario(2), three_factor_grid());
        expected = d.scenario_at(5);
        source = design_source(d);
    }
    expect_same_parameters(source(11).scenario, expected, {}, "run 11");
}

TEST(ExperimentDesign, SinglePointDesignKeepsTheReplicateConvention) {
    const Scenario s = base_scenario(5);
    const ExperimentDesign d = single_point_design(s);
    EXPECT_EQ(d.points(), 1u);
    EXPECT_EQ(d.replicates, 5u);
    EXPECT_EQ(d.runs(), 5u);
    EXPECT_TRUE(d.parameters.empty());
    const RunSource plain = replicate_source(s);
    const RunSource designed = design_source(d);
    for (std::uint64_t r = 0; r < 5; ++r) {
        const RunId id = d.run_id(r);
        EXPECT_EQ(id.stream_seed, stream_seed(s.run.seed, 0, r));
        EXPECT_EQ(id.stream_seed, make_run_id(s.run.seed, 0, r, 5).stream_seed);
        EXPECT_EQ(designed(r).id.stream_seed, plain(r).id.stream_seed);
        EXPECT_EQ(id.design_point, 0u);
        EXPECT_EQ(id.replicate, r);
        expect_same_parameters(designed(r).scenario, s, {}, "replicate " + std::to_string(r));
    }
}

TEST(ExperimentDesign, DescribeNamesTheMethodFactorsAndCounts) {
    const std::string text = make_design(base_scenario(20), grid_by_latin_hypercube(8)).describe();
    for (const std::string part :
         {"Latin hypercube", "setup.duration", "\"time_bound\", \"open_ended\"", "false, true",
          "setup.budget_hours", "[40.0, 240.0]", "[0, 18]", "drawn from run.seed = 777",
          "points: 32", "replicates: 20", "runs: 640", "common random numbers: on"}) {
        EXPECT_NE(text.find(part), std::string::npos) << "no '" << part << "' in:\n" << text;
    }
    SweepSpec off = grid_by_latin_hypercube(8);
    off.common_random_numbers = false;
    EXPECT_NE(make_design(base_scenario(), off).describe().find("common random numbers: off"),
              std::string::npos);
    const std::string sobol = make_design(base_scenario(), saltelli_spec(16)).describe();
    EXPECT_NE(sobol.find("Saltelli"), std::string::npos) << sobol;
    EXPECT_NE(sobol.find("points: 160"), std::string::npos) << sobol;
    const std::string morris = make_design(base_scenario(), morris_spec(20)).describe();
    for (const std::string part :
         {"Morris", "r = 20 trajectories x (k + 1) = 80 points per grid cell", "4-level grid",
          "by 2/3 of its range", "drawn from run.seed = 777",
          "points: 160 (2 grid cells x 80 "
          "points)",
          "[0, 12], rounded to the nearest integer\n"}) {
        EXPECT_NE(morris.find(part), std::string::npos) << "no '" << part << "' in:\n" << morris;
    }
    // 0, 0.6, 1.2, 1.8, 2.4, 3 round to 0, 1, 1, 2, 2, 3: steps of 3 levels are 2, 1 and 2.
    SweepSpec uneven = morris_spec(5, 6);
    uneven.ranges[2].high = 3.0;
    const std::string rounded = make_design(base_scenario(), uneven).describe();
    EXPECT_NE(rounded.find("[0, 3], rounded to the nearest integer (so its steps are 1 or 2 "
                           "rather than 1.8)"),
              std::string::npos)
        << rounded;
    EXPECT_NE(rounded.find("by 3/5 of its range"), std::string::npos) << rounded;
    const std::string single = single_point_design(base_scenario(7)).describe();
    EXPECT_NE(single.find("points: 1\n"), std::string::npos) << single;
    EXPECT_NE(single.find("runs: 7"), std::string::npos) << single;
}

TEST(ExperimentDesign, DesignPointCountMatchesTheExpansionWithoutExpanding) {
    EXPECT_EQ(design_point_count(three_factor_grid()), 12u);
    EXPECT_EQ(design_point_count(grid_by_latin_hypercube(8)), 32u);
    EXPECT_EQ(design_point_count(saltelli_spec(16)), 2u * 16u * 5u);
    EXPECT_EQ(design_point_count(morris_spec(20)), 2u * 20u * 4u);
    SweepSpec huge = grid_by_latin_hypercube(std::numeric_limits<std::uint64_t>::max() / 2);
    EXPECT_EQ(design_point_count(huge), std::numeric_limits<std::uint64_t>::max());
}

TEST(ExperimentDesign, MakeDesignRejectsSpecsItCannotExpand) {
    const Scenario base = base_scenario();
    auto rejects = [&base](SweepSpec spec, const char* why) {
        EXPECT_THROW(make_design(base, spec), std::invalid_argument) << why;
    };
    SweepSpec s = three_factor_grid();
    s.grid[0].parameter = "setup.duraton";
    rejects(s, "unknown parameter");
    s = three_factor_grid();
    s.grid[1].levels.clear();
    rejects(s, "no levels");
    s = three_factor_grid();
    s.grid[1].levels = {0.1, 0.1};
    rejects(s, "duplicate level");
    s = three_factor_grid();
    s.grid[1].levels = {2.0};
    rejects(s, "level out of range");
    s = three_factor_grid();
    s.grid.push_back(grid("run.months", {std::int64_t{12}}));
    rejects(s, "run.* factor");
    s = three_factor_grid();
    s.grid.push_back(grid("setup.review", {true}));
    rejects(s, "parameter twice");
    s = grid_by_latin_hypercube(4);
    s.method = SamplingMethod::none;
    rejects(s, "ranges without a method");
    s = three_factor_grid();
    s.method = SamplingMethod::sobol;
    s.samples = 4;
    rejects(s, "method without ranges");
    s = grid_by_latin_hypercube(0);
    rejects(s, "no samples");
    s = grid_by_latin_hypercube(4);
    s.ranges[0].low = 300.0;
    rejects(s, "empty range");
    s = grid_by_latin_hypercube(4);
    s.ranges.push_back({"setup.review", 0.0, 1.0});
    rejects(s, "range over a boolean");
    s = grid_by_latin_hypercube(100'000'000);
    rejects(s, "more than max_design_runs runs");
    rejects(morris_spec(4, 3), "odd Morris levels");
    rejects(morris_spec(4, 0), "too few Morris levels");
    rejects(morris_spec(0), "no trajectories");
    rejects(morris_spec(50'000'000), "Morris beyond max_design_runs runs");
}

}  // namespace
}  // namespace partnersim
