#include "engine/sweep_rules.hpp"

#include <gtest/gtest.h>

#include "io/experiment_file.hpp"

namespace partnersim {
namespace {

const ParameterSpec& parameter(const std::string& name) {
    return *find_parameter(name);
}

TEST(SweepRules, RunSettingsAreNotDesignFactors) {
    EXPECT_FALSE(is_design_factor(parameter("run.replicates")));
    EXPECT_FALSE(is_design_factor(parameter("run.seed")));
    EXPECT_TRUE(is_design_factor(parameter("setup.duration")));
}

TEST(SweepRules, OnlyNumbersHaveRanges) {
    EXPECT_TRUE(has_range(parameter("setup.budget_hours")));
    EXPECT_FALSE(has_range(parameter("setup.duration")));  // a choice
}

TEST(SweepRules, ARangeIsNonEmptyWithinBoundsAndHoldsAnIntegerForIntegers) {
    const ParameterSpec& hours = parameter("setup.budget_hours");
    EXPECT_TRUE(is_range_of(hours, hours.min, hours.max));
    EXPECT_FALSE(is_range_of(hours, 50, 50));
    EXPECT_FALSE(is_range_of(hours, 60, 50));
    EXPECT_FALSE(is_range_of(hours, hours.min - 1, hours.max));
    const ParameterSpec& partners = parameter("partners.count");
    EXPECT_TRUE(is_range_of(partners, 5, 6));
    EXPECT_FALSE(is_range_of(partners, 5.2, 5.8)) << "no integer inside";
}

TEST(SweepRules, MorrisLevelsAreEvenAndAtLeastTwo) {
    EXPECT_TRUE(is_morris_levels(2));
    EXPECT_TRUE(is_morris_levels(4));
    EXPECT_FALSE(is_morris_levels(0));
    EXPECT_FALSE(is_morris_levels(3));
}

TEST(SweepRules, RangesAndASamplingMethodComeTogether) {
    EXPECT_TRUE(method_agrees(SamplingMethod::none, false));
    EXPECT_TRUE(method_agrees(SamplingMethod::sobol, true));
    EXPECT_FALSE(method_agrees(SamplingMethod::none, true));
    EXPECT_FALSE(method_agrees(SamplingMethod::latin_hypercube, false));
}

// The same rule refuses a spec built in code and a [sweep] in a file.
TEST(SweepRules, MakeDesignAndTheFileReaderRefuseTheSameOddMorrisLevels) {
    SweepSpec spec;
    spec.ranges = {{"setup.budget_hours", 40.0, 200.0}};
    spec.method = SamplingMethod::morris;
    spec.samples = 2;
    spec.morris_levels = 3;
    EXPECT_THROW(make_design(Scenario{}, spec), std::invalid_argument);
    EXPECT_THROW(parse_experiment("[sweep]\nmethod = \"morris\"\nsamples = 2\nlevels = 3\n"
                                  "[sweep.ranges]\n\"setup.budget_hours\" = [40.0, 200.0]\n",
                                  "odd.toml"),
                 ScenarioError);
}

}  // namespace
}  // namespace partnersim
