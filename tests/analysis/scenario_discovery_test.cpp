#include "analysis/scenario_discovery.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/success_condition.hpp"
#include "support/synthetic_results.hpp"

namespace partnersim::analysis {
namespace {

// A grid of 2 durations x 11 clarity levels (0, 0.1, ..., 1) x 3 budgets, 2 replicates:
// 132 runs. The outcome is 1 exactly when duration is open_ended and clarity > 0.5 (30 of the
// 132 runs, 22.7%), else 0; the budget plays no part. A little noise keeps values apart from
// the threshold without crossing it.
ResultsTable planted_box() {
    std::vector<double> clarity;
    for (int i = 0; i <= 10; ++i) clarity.push_back(i / 10.0);
    return test::synthetic_grid({{"setup.duration", {"time_bound", "open_ended"}, {}},
                                 {"setup.clarity_of_purpose", {}, clarity},
                                 {"setup.budget_hours", {}, {40, 140, 240}}},
                                2, [](const std::vector<int>& level, RandomStream& noise) {
                                    const bool inside = level[0] == 1 && level[1] > 5;
                                    return (inside ? 1.0 : 0.0) + 0.2 * (noise.uniform() - 0.5);
                                });
}

bool planted_success(const ResultsTable& table, std::size_t run) {
    const std::size_t p = table.design_point[run];
    const auto& duration = table.factors[table.factor_index("setup.duration")];
    const auto& clarity = table.factors[table.factor_index("setup.clarity_of_purpose")];
    return duration.label(p) == "open_ended" && clarity.values[p] > 0.5;
}

DiscoveryOptions options_for(const std::string& condition) {
    DiscoveryOptions options;
    options.condition = condition;
    return options;
}

const AnalysisTable& table_named(const Discovery& found, const std::string& name) {
    for (const auto& table : found.tables)
        if (table.name == name) return table;
    throw std::out_of_range("no table " + name);
}

TEST(Discover, TheFirstBoxIsThePlantedOne) {
    const ResultsTable table = planted_box();
    const Discovery found = discover(table, options_for("score > 0.5"));
    EXPECT_EQ(found.successes, 30u);
    ASSERT_FALSE(found.boxes.empty());
    const PrimBox& box = found.boxes.front();
    EXPECT_EQ(box.cases, 30u);
    EXPECT_EQ(box.successes, 30u);
    EXPECT_DOUBLE_EQ(box.coverage, 1.0);
    EXPECT_DOUBLE_EQ(box.density, 1.0);
    EXPECT_TRUE(box.meets_threshold);

    // Exactly two limits: duration in {open_ended} and clarity in [0.6, 1]; budget free.
    const AnalysisTable& limits = table_named(found, "prim_limits");
    std::map<std::string, std::size_t> first_box;
    for (std::size_t r = 0; r < limits.rows(); ++r)
        if (limits.number_column("box")[r] == 1.0)
            first_box[limits.text_column("parameter")[r]] = r;
    ASSERT_EQ(first_box.size(), 2u);
    ASSERT_TRUE(first_box.count("setup.duration"));
    ASSERT_TRUE(first_box.count("setup.clarity_of_purpose"));
    const std::size_t duration = first_box["setup.duration"];
    EXPECT_EQ(limits.text_column("categories")[duration], "open_ended");
    const std::size_t clarity = first_box["setup.clarity_of_purpose"];
    EXPECT_EQ(limits.text_column("categories")[clarity], "");
    EXPECT_DOUBLE_EQ(limits.number_column("low")[clarity], 0.6);
    EXPECT_DOUBLE_EQ(limits.number_column("high")[clarity], 1.0);
    EXPECT_DOUBLE_EQ(limits.number_column("range_low")[clarity], 0.0);
    EXPECT_DOUBLE_EQ(limits.number_column("range_high")[clarity], 1.0);
    // Both limits matter: without either, the box's successes would be unlikely by chance.
    EXPECT_LT(limits.number_column("quasi_p")[duration], 0.05);
    EXPECT_LT(limits.number_column("quasi_p")[clarity], 0.05);

    const AnalysisTable& boxes = table_named(found, "prim_boxes");
    ASSERT_GE(boxes.rows(), 1u);
    EXPECT_EQ(boxes.text_column("condition")[0], "score > 0.5");
    EXPECT_EQ(boxes.text_column("description")[0], describe_box(box, found.inputs));
    EXPECT_NE(boxes.text_column("description")[0].find("setup.duration in {open_ended}"),
              std::string::npos)
        << boxes.text_column("description")[0];
    EXPECT_DOUBLE_EQ(boxes.number_column("mass")[0], 30.0 / 132.0);
    EXPECT_EQ(boxes.number_column("meets_threshold")[0], 1.0);
}

TEST(Discover, TheTablesAgreeWithEachOther) {
    const ResultsTable table = planted_box();
    const Discovery found = discover(table, options_for("score > 0.5"));
    ASSERT_EQ(found.tables.size(), 4u);

    const AnalysisTable& success = table_named(found, "prim_success");
    ASSERT_EQ(success.rows(), table.runs());
    for (std::size_t r = 0; r < table.runs(); ++r) {
        EXPECT_EQ(success.number_column("run")[r], double(r));
        EXPECT_EQ(success.number_column("success")[r], planted_success(table, r) ? 1.0 : 0.0)
            << "run " << r;
    }

    const AnalysisTable& boxes = table_named(found, "prim_boxes");
    ASSERT_EQ(boxes.rows(), found.boxes.size());
    std::set<double> numbers;
    for (std::size_t b = 0; b < boxes.rows(); ++b) {
        EXPECT_EQ(boxes.number_column("box")[b], double(b + 1));
        numbers.insert(boxes.number_column("box")[b]);
        EXPECT_EQ(boxes.number_column("cases")[b], double(found.boxes[b].cases));
        EXPECT_EQ(boxes.number_column("successes")[b], double(found.boxes[b].successes));
    }
    const AnalysisTable& limits = table_named(found, "prim_limits");
    for (std::size_t r = 0; r < limits.rows(); ++r)
        EXPECT_TRUE(numbers.count(limits.number_column("box")[r])) << "limit row " << r;

    const AnalysisTable& trajectory = table_named(found, "prim_trajectory");
    std::map<double, int> chosen;
    std::map<double, std::size_t> steps;
    for (std::size_t r = 0; r < trajectory.rows(); ++r) {
        const double box = trajectory.number_column("box")[r];
        EXPECT_TRUE(numbers.count(box)) << "trajectory row " << r;
        EXPECT_EQ(trajectory.number_column("step")[r], double(steps[box]++));
        if (trajectory.number_column("chosen")[r] == 1.0) ++chosen[box];
    }
    for (const double box : numbers) {
        EXPECT_EQ(chosen[box], 1) << "box " << box;
        const PrimBox& found_box = found.boxes[static_cast<std::size_t>(box) - 1];
        EXPECT_EQ(steps[box], found_box.trajectory.size());
        // The chosen step is the box reported.
        for (std::size_t r = 0; r < trajectory.rows(); ++r) {
            if (trajectory.number_column("box")[r] != box ||
                trajectory.number_column("chosen")[r] != 1.0)
                continue;
            EXPECT_DOUBLE_EQ(trajectory.number_column("coverage")[r], found_box.coverage);
            EXPECT_DOUBLE_EQ(trajectory.number_column("density")[r], found_box.density);
            EXPECT_EQ(trajectory.number_column("step")[r], double(found_box.chosen));
        }
    }
}

TEST(Discover, OnlyTheParametersAllowedMayBoundABox) {
    const ResultsTable table = planted_box();
    DiscoveryOptions options = options_for("score > 0.5");
    options.parameters = {"setup.clarity_of_purpose"};
    const Discovery found = discover(table, options);
    ASSERT_EQ(found.inputs.names, std::vector<std::string>{"setup.clarity_of_purpose"});
    const AnalysisTable& limits = table_named(found, "prim_limits");
    for (std::size_t r = 0; r < limits.rows(); ++r)
        EXPECT_EQ(limits.text_column("parameter")[r], "setup.clarity_of_purpose");
    // Clarity alone cannot reach the planted density: half the runs above 0.5 fail.
    ASSERT_FALSE(found.boxes.empty());
    EXPECT_LE(found.boxes.front().density, 0.5 + 1e-12);

    options.parameters = {"setup.clarity"};
    EXPECT_THROW(discover(table, options), std::invalid_argument);
}

TEST(Discover, ABadConditionOrNoSweepIsRefused) {
    const ResultsTable table = planted_box();
    EXPECT_THROW(discover(table, options_for("outcom > 0.5")), ConditionError);
    EXPECT_THROW(discover(table, options_for("score >")), ConditionError);
    EXPECT_THROW(discover(table, options_for("")), ConditionError);
    ResultsTable single = table;
    single.factors.clear();
    EXPECT_THROW(discover(single, options_for("score > 0.5")), std::invalid_argument);
}

TEST(Discover, NoSuccessFindsNoBox) {
    const Discovery found = discover(planted_box(), options_for("score > 5"));
    EXPECT_EQ(found.successes, 0u);
    EXPECT_TRUE(found.boxes.empty());
    EXPECT_EQ(table_named(found, "prim_boxes").rows(), 0u);
    EXPECT_EQ(table_named(found, "prim_success").rows(), 132u);
}

}  // namespace
}  // namespace partnersim::analysis
