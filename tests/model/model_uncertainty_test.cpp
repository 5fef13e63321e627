// The uncertainty draw (model/model_uncertainty.hpp): every drawn model is a legal, consistent
// scenario; the draw depends on its seed alone; held constants stay put and move no other draw.

#include "model/model_uncertainty.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "model/parameters.hpp"
#include "model/scenario.hpp"

namespace partnersim {
namespace {

double number(const ParameterValue& value) {
    if (const auto* real = std::get_if<double>(&value)) return *real;
    return static_cast<double>(std::get<std::int64_t>(value));
}

Scenario drawn(std::uint64_t seed, Scenario scenario = {}) {
    scenario.uncertainty.model_constants = ModelUncertainty::plausible;
    draw_model_constants(scenario, seed);
    return scenario;
}

bool is_effort_share(const std::string& name) {
    return name.starts_with("effort.") &&
           (name.ends_with("_one_to_one") || name.ends_with("_convening") ||
            name.ends_with("_sense_making") || name.ends_with("_relationship"));
}

TEST(ModelUncertainty, TriangularQuantileHasItsEndsModeAndKnownMedian) {
    EXPECT_DOUBLE_EQ(triangular_quantile(1, 2, 4, 0.0), 1.0);
    EXPECT_DOUBLE_EQ(triangular_quantile(1, 2, 4, 1.0), 4.0);
    EXPECT_NEAR(triangular_quantile(1, 2, 4, 1.0 / 3.0), 2.0, 1e-12) << "F(mode) = 1/3 here";
    // A right triangle on [0, 1] with its mode at 0: median 1 - sqrt(1/2).
    EXPECT_NEAR(triangular_quantile(0, 0, 1, 0.5), 1 - std::sqrt(0.5), 1e-12);
    EXPECT_DOUBLE_EQ(triangular_quantile(3, 3, 3, 0.7), 3.0) << "an empty range is its point";
}

// 2000 drawn models: each value inside its legal range; inside its plausible range unless it
// is an effort share (rescaled so its row sums to 1, which the shares' legal range [0, 1] and
// the row sum check); whole numbers whole; and check_consistency, the registry's cross-checks,
// passes for every one.
TEST(ModelUncertainty, EveryDrawIsLegalPlausibleAndConsistent) {
    for (std::uint64_t seed = 0; seed < 2000; ++seed) {
        const Scenario s = drawn(seed);
        ASSERT_EQ(check_consistency(s), std::nullopt) << "seed " << seed;
        for (const ParameterSpec* spec : model_constant_entries()) {
            const double v = number(spec->get(s));
            ASSERT_GE(v, spec->min) << spec->name << " seed " << seed;
            ASSERT_LE(v, spec->max) << spec->name << " seed " << seed;
            if (spec->kind == ParameterKind::integer) {
                ASSERT_EQ(v, std::round(v)) << spec->name;
            }
            if (!is_effort_share(spec->name)) {
                ASSERT_GE(v, spec->plausible_min - 1e-12) << spec->name;
                ASSERT_LE(v, spec->plausible_max + 1e-12) << spec->name;
            }
        }
        const EffortConstants& e = s.constants.effort;
        ASSERT_NEAR(e.practice_partner_one_to_one + e.practice_partner_convening +
                        e.practice_partner_sense_making + e.practice_partner_relationship,
                    1.0, 1e-12);
        ASSERT_NEAR(
            e.setup_one_to_one + e.setup_convening + e.setup_sense_making + e.setup_relationship,
            1.0, 1e-12);
    }
}

// The mean of a triangular (a, c, b) is (a + b + c) / 3. For lifecycle.review_realignment
// (0.4, 0.6, 0.8): 0.6, s.d. sqrt((a²+b²+c²-ab-ac-bc)/18) = 0.0816; over 4000 draws the mean's
// s.e. is 0.0013, so 0.006 is above 4 s.e.: a uniform draw would pass too (same mean), which
// the spread check catches: a uniform's s.d. is 0.115.
TEST(ModelUncertainty, DrawsFollowATriangleAroundTheDefault) {
    const ParameterSpec& spec = *find_parameter("lifecycle.review_realignment");
    double sum = 0, squares = 0;
    const int draws = 4000;
    for (int seed = 0; seed < draws; ++seed) {
        const double v = number(spec.get(drawn(static_cast<std::uint64_t>(seed))));
        sum += v;
        squares += v * v;
    }
    const double mean = sum / draws;
    const double sd = std::sqrt(squares / draws - mean * mean);
    EXPECT_NEAR(mean, 0.6, 0.006);
    EXPECT_NEAR(sd, 0.0816, 0.006);
}

TEST(ModelUncertainty, TheDrawDependsOnItsSeedAlone) {
    const std::vector<double> a = model_constant_values(drawn(11));
    EXPECT_EQ(a, model_constant_values(drawn(11)));
    const std::vector<double> b = model_constant_values(drawn(12));
    std::size_t differ = 0;
    for (std::size_t i = 0; i < a.size(); ++i) differ += a[i] != b[i];
    EXPECT_GT(differ, a.size() / 2) << "another seed draws another model";
    EXPECT_NE(a, model_constant_values(Scenario{})) << "a drawn model is not the default one";
}

// A constant set through the registry (a file, --set, a sweep) is held: the draw leaves it at
// its value and every other constant draws exactly what it draws without the hold.
TEST(ModelUncertainty, HeldConstantsStayAndMoveNoOtherDraw) {
    Scenario set;
    find_parameter("trust.gain_rate")->set(set, 2.0);  // a setting: holds nothing
    EXPECT_TRUE(set.uncertainty.held.empty());
    find_parameter("convenings.tie_formation_rate")->set(set, 0.33);
    ASSERT_EQ(set.uncertainty.held, std::vector<std::string>{"convenings.tie_formation_rate"});
    const Scenario free_draw = drawn(5);
    const Scenario held_draw = drawn(5, set);
    EXPECT_EQ(held_draw.constants.convenings.tie_formation_rate, 0.33);
    const auto names = model_constant_names();
    const auto free_values = model_constant_values(free_draw);
    const auto held_values = model_constant_values(held_draw);
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == "convenings.tie_formation_rate") continue;
        EXPECT_EQ(free_values[i], held_values[i]) << names[i];
    }
}

TEST(ModelUncertainty, AHeldEffortShareKeepsItsValueAndTheRowStillSumsToOne) {
    Scenario set;
    find_parameter("effort.setup_relationship")->set(set, 0.4);
    const EffortConstants& e = drawn(9, set).constants.effort;
    EXPECT_EQ(e.setup_relationship, 0.4);
    EXPECT_NEAR(e.setup_one_to_one + e.setup_convening + e.setup_sense_making, 0.6, 1e-12);
}

TEST(ModelUncertainty, AbsurdCombinationsAreRefused) {
    Scenario s;
    s.uncertainty.model_constants = ModelUncertainty::plausible;
    EXPECT_EQ(check_consistency(s), std::nullopt);
    s.run.replicates = 1;
    const auto one = check_consistency(s);
    ASSERT_TRUE(one.has_value());
    EXPECT_NE(one->find("run.replicates = 1"), std::string::npos) << *one;
    s.run.replicates = 10;
    for (const ParameterSpec* spec : model_constant_entries()) spec->set(s, spec->get(s));
    const auto all = check_consistency(s);
    ASSERT_TRUE(all.has_value());
    EXPECT_NE(all->find("nothing is left to draw"), std::string::npos) << *all;
}

}  // namespace
}  // namespace partnersim
