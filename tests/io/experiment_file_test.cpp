#include "io/experiment_file.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/parameters.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

const std::string kFile = "sweep.toml";

ScenarioError error_of(const std::string& text) {
    try {
        parse_experiment(text, kFile);
    } catch (const ScenarioError& error) {
        return error;
    }
    ADD_FAILURE() << "no ScenarioError for:\n" << text;
    return ScenarioError("", 0, "", "");
}

// The error is located at `line` of the test file, on `key`, and its message says `says`.
void expect_error(const std::string& text, int line, const std::string& key,
                  const std::string& says) {
    const ScenarioError error = error_of(text);
    EXPECT_EQ(error.file(), kFile) << error.what();
    EXPECT_EQ(error.line(), line) << error.what();
    EXPECT_EQ(error.key(), key) << error.what();
    EXPECT_NE(error.message().find(says), std::string::npos)
        << "expected '" << says << "' in: " << error.what();
}

// A valid sweep to spoil one line at a time.
const std::string kValid = R"([run]
replicates = 4

[sweep]
method = "latin_hypercube"
samples = 8

[sweep.grid]
"setup.duration" = ["time_bound", "open_ended"]
"setup.join_month" = [0, 6, 12]

[sweep.ranges]
"setup.budget_hours" = [40.0, 200.0]
"funder.accountability_focus" = [0, 1]
)";

TEST(SweepFile, NoSweepSectionGivesNoSweep) {
    const ExperimentFile e = parse_experiment("[run]\nreplicates = 9\n", kFile);
    EXPECT_FALSE(e.sweep.has_value());
    EXPECT_EQ(e.base.run.replicates, 9);
    EXPECT_EQ(design_of(e).points(), 1u);
    EXPECT_EQ(design_of(e).runs(), 9u);
}

TEST(SweepFile, ReadsGridRangesMethodAndSamplesInFileOrder) {
    const ExperimentFile e = parse_experiment(kValid, kFile);
    ASSERT_TRUE(e.sweep.has_value());
    const SweepSpec& s = *e.sweep;
    EXPECT_EQ(e.base.run.replicates, 4);
    EXPECT_EQ(s.method, SamplingMethod::latin_hypercube);
    EXPECT_EQ(s.samples, 8u);
    EXPECT_TRUE(s.common_random_numbers);  // the default
    ASSERT_EQ(s.grid.size(), 2u);
    EXPECT_EQ(s.grid[0].parameter, "setup.duration");
    EXPECT_TRUE(s.grid[0].levels == (std::vector<ParameterValue>{std::string("time_bound"),
                                                                 std::string("open_ended")}));
    EXPECT_EQ(s.grid[1].parameter, "setup.join_month");
    EXPECT_TRUE(s.grid[1].levels ==
                (std::vector<ParameterValue>{std::int64_t{0}, std::int64_t{6}, std::int64_t{12}}));
    ASSERT_EQ(s.ranges.size(), 2u);
    EXPECT_EQ(s.ranges[0].parameter, "setup.budget_hours");
    EXPECT_EQ(s.ranges[0].low, 40.0);
    EXPECT_EQ(s.ranges[0].high, 200.0);
    EXPECT_EQ(s.ranges[1].parameter, "funder.accountability_focus");
    EXPECT_EQ(s.ranges[1].low, 0.0);  // integers accepted for a number
    EXPECT_EQ(s.ranges[1].high, 1.0);
    EXPECT_EQ(design_of(e).points(), 2u * 3u * 8u);
    EXPECT_EQ(design_of(e).runs(), 2u * 3u * 8u * 4u);
}

TEST(SweepFile, ReadsSobolAndCommonRandomNumbersOff) {
    const ExperimentFile e = parse_experiment(R"([sweep]
method = "sobol"
samples = 32
common_random_numbers = false
[sweep.ranges]
"setup.budget_hours" = [40.0, 200.0]
)",
                                              kFile);
    EXPECT_EQ(e.sweep->method, SamplingMethod::sobol);
    EXPECT_EQ(e.sweep->samples, 32u);
    EXPECT_FALSE(e.sweep->common_random_numbers);
    EXPECT_TRUE(e.sweep->grid.empty());
    EXPECT_EQ(design_of(e).points(), 32u * 3u);
}

TEST(SweepFile, ReadsMorrisWithAndWithoutLevels) {
    const std::string ranges = R"([sweep.ranges]
"setup.budget_hours" = [40.0, 200.0]
"setup.join_month" = [0, 12]
)";
    const ExperimentFile e = parse_experiment(R"([sweep]
method = "morris"
samples = 10
levels = 6
)" + ranges,
                                              kFile);
    ASSERT_TRUE(e.sweep.has_value());
    EXPECT_EQ(e.sweep->method, SamplingMethod::morris);
    EXPECT_EQ(e.sweep->samples, 10u);
    EXPECT_EQ(e.sweep->morris_levels, 6);
    const ExperimentDesign d = design_of(e);
    EXPECT_EQ(d.points(), 10u * 3u);
    EXPECT_EQ(d.morris_factor.front(), morris_start);
    const ExperimentFile usual =
        parse_experiment("[sweep]\nmethod = \"morris\"\nsamples = 10\n" + ranges, kFile);
    EXPECT_EQ(usual.sweep->morris_levels, 4);  // the default
}

TEST(SweepFile, MorrisLevelsMustBeAnEvenIntegerOfAtLeastTwo) {
    const std::string head = "[sweep]\nmethod = \"morris\"\nsamples = 10\n";
    const std::string ranges = "[sweep.ranges]\n\"setup.budget_hours\" = [40.0, 200.0]\n";
    expect_error(head + "levels = 1\n" + ranges, 4, "sweep.levels", "at least 2");
    expect_error(head + "levels = -4\n" + ranges, 4, "sweep.levels", "at least 2");
    expect_error(head + "levels = 5\n" + ranges, 4, "sweep.levels", "must be even");
    expect_error(head + "levels = 4.0\n" + ranges, 4, "sweep.levels", "expected an even integer");
    expect_error(head + "levels = \"4\"\n" + ranges, 4, "sweep.levels", "expected an even integer");
    expect_error(head + "levels = 1000000\n" + ranges, 4, "sweep.levels", "at most 1000");
}

TEST(SweepFile, LevelsAreForMorrisOnly) {
    const std::string ranges = "[sweep.ranges]\n\"setup.budget_hours\" = [40.0, 200.0]\n";
    expect_error("[sweep]\nmethod = \"latin_hypercube\"\nsamples = 8\nlevels = 4\n" + ranges, 4,
                 "sweep.levels", "levels is for method = \"morris\"");
    expect_error("[sweep]\nlevels = 4\n[sweep.grid]\n\"setup.review\" = [false, true]\n", 2,
                 "sweep.levels", "[sweep.grid]");
}

TEST(SweepFile, MorrisNeedsRangesAndTrajectories) {
    expect_error(R"([sweep]
method = "morris"
samples = 10
[sweep.grid]
"setup.review" = [false, true]
)",
                 2, "sweep.method", "method = \"morris\" samples the parameters of [sweep.ranges]");
    expect_error(R"([sweep]
method = "morris"
[sweep.ranges]
"setup.budget_hours" = [40.0, 200.0]
)",
                 2, "sweep.samples", "the number of trajectories");
    expect_error("[sweep]\nmethod = \"elementary_effects\"\n", 2, "sweep.method",
                 "did you mean \"morris\"?");
}

TEST(SweepFile, TooManyMorrisRuns) {
    // 300 million trajectories x 2 points x 4 replicates.
    expect_error(R"([run]
replicates = 4
[sweep]
method = "morris"
samples = 300000000
[sweep.ranges]
"setup.budget_hours" = [40.0, 200.0]
)",
                 3, "sweep", "2,400,000,000 runs");
}

void expect_same_spec(const SweepSpec& a, const SweepSpec& b) {
    ASSERT_EQ(a.grid.size(), b.grid.size());
    for (std::size_t i = 0; i < a.grid.size(); ++i) {
        EXPECT_EQ(a.grid[i].parameter, b.grid[i].parameter);
        EXPECT_TRUE(a.grid[i].levels == b.grid[i].levels) << a.grid[i].parameter;
    }
    ASSERT_EQ(a.ranges.size(), b.ranges.size());
    for (std::size_t i = 0; i < a.ranges.size(); ++i) {
        EXPECT_EQ(a.ranges[i].parameter, b.ranges[i].parameter);
        EXPECT_EQ(a.ranges[i].low, b.ranges[i].low);
        EXPECT_EQ(a.ranges[i].high, b.ranges[i].high);
    }
    EXPECT_EQ(a.method, b.method);
    EXPECT_EQ(a.samples, b.samples);
    EXPECT_EQ(a.morris_levels, b.morris_levels);
}

TEST(SweepFile, NestedTablesDottedKeysAndQuotedNamesAgree) {
    const std::string quoted = R"([sweep]
method = "sobol"
samples = 16
[sweep.grid]
"setup.duration" = ["time_bound", "open_ended"]
"setup.review" = [false, true]
[sweep.ranges]
"funder.flexibility" = [0.0, 1.0]
)";
    const std::string nested = R"([sweep]
method = "sobol"
samples = 16
[sweep.grid.setup]
duration = ["time_bound", "open_ended"]
review = [false, true]
[sweep.ranges.funder]
flexibility = [0.0, 1.0]
)";
    const std::string dotted = R"([sweep]
method = "sobol"
samples = 16
[sweep.grid]
setup.duration = ["time_bound", "open_ended"]
setup.review = [false, true]
[sweep.ranges]
funder.flexibility = [0.0, 1.0]
)";
    const SweepSpec expected = *parse_experiment(quoted, kFile).sweep;
    ASSERT_EQ(expected.grid.size(), 2u);
    EXPECT_EQ(expected.grid[1].parameter, "setup.review");
    expect_same_spec(*parse_experiment(nested, kFile).sweep, expected);
    expect_same_spec(*parse_experiment(dotted, kFile).sweep, expected);
}

TEST(SweepFile, UnknownParameterInTheGridIsLocatedWithASuggestion) {
    expect_error(R"([sweep]
[sweep.grid.setup]
duraton = ["time_bound"]
)",
                 3, "sweep.grid.setup.duraton", "did you mean 'setup.duration'?");
    expect_error(R"([sweep]
[sweep.grid]
"setup.duraton" = ["time_bound"]
)",
                 3, "sweep.grid.setup.duraton", "unknown parameter 'setup.duraton'");
}

TEST(SweepFile, UnknownParameterInTheRangesIsLocatedWithASuggestion) {
    expect_error(R"([sweep]
method = "latin_hypercube"
samples = 4

[sweep.ranges]
"setup.budget_hour" = [40.0, 200.0]
)",
                 6, "sweep.ranges.setup.budget_hour", "did you mean 'setup.budget_hours'?");
}

TEST(SweepFile, EmptyListOfLevels) {
    expect_error("[sweep.grid]\n\"setup.review\" = []\n", 2, "sweep.grid.setup.review", "empty");
}

TEST(SweepFile, LevelOfTheWrongType) {
    expect_error("[sweep.grid]\n\"setup.join_month\" = [0, \"six\"]\n", 2,
                 "sweep.grid.setup.join_month", "expected an integer");
    expect_error("[sweep.grid]\n\"setup.join_month\" = [0, 6.5]\n", 2,
                 "sweep.grid.setup.join_month", "expected an integer");
    expect_error("[sweep.grid]\n\"setup.review\" = [1]\n", 2, "sweep.grid.setup.review",
                 "expected true or false");
    expect_error("[sweep.grid]\n\"setup.review\" = [[true]]\n", 2, "sweep.grid.setup.review",
                 "expected a boolean");
    expect_error("[sweep.grid]\n\"setup.review\" = true\n", 2, "sweep.grid.setup.review",
                 "expected a list of levels");
}

TEST(SweepFile, LevelOutOfTheParametersRange) {
    // The offending level's own line, in a list written over several lines.
    expect_error(R"([sweep.grid]
"funder.flexibility" = [
  0.2,
  1.5,
]
)",
                 4, "sweep.grid.funder.flexibility", "out of range [0, 1]");
}

TEST(SweepFile, UnknownChoiceWithASuggestion) {
    expect_error("[sweep.grid]\n\"setup.duration\" = [\"time_bound\", \"open_ende\"]\n", 2,
                 "sweep.grid.setup.duration", "did you mean \"open_ended\"?");
}

TEST(SweepFile, DuplicateLevel) {
    expect_error(R"([sweep.grid]
"setup.join_month" = [0,
   6,
   0]
)",
                 4, "sweep.grid.setup.join_month", "listed twice");
    // 1 and 1.0 are the same number for a real parameter.
    expect_error("[sweep.grid]\n\"funder.flexibility\" = [1, 1.0]\n", 2,
                 "sweep.grid.funder.flexibility", "listed twice");
}

TEST(SweepFile, ADuplicateAmongAHundredThousandLevelsIsFoundAtItsLine) {
    // Each level used to be compared with every earlier one: 10^5 levels took over 150 s in
    // `check`. They are checked through a sorted set now; the answer must be the same. One
    // level a line: toml11 itself scans a value's whole line for comments, so 10^5 levels on
    // one line stay quadratic inside toml11 (left alone; see issue 16's report).
    std::string levels;
    for (int i = 0; i < 100000; ++i) levels += std::to_string(i * 0.125) + ",\n";
    const std::string head = "[sweep.grid]\n\"setup.budget_hours\" = [\n";
    expect_error(head + levels + "  12.5]\n", 100003, "sweep.grid.setup.budget_hours",
                 "level 12.5 is listed twice");
    const ExperimentFile distinct = parse_experiment(head + levels + "]\n", kFile);
    ASSERT_TRUE(distinct.sweep.has_value());
    EXPECT_EQ(distinct.sweep->grid.at(0).levels.size(), 100000u);
}

TEST(SweepFile, SameParameterInGridAndRanges) {
    expect_error(R"([sweep]
method = "latin_hypercube"
samples = 4
[sweep.grid]
"setup.budget_hours" = [40.0, 80.0]
[sweep.ranges]
"setup.budget_hours" = [40.0, 200.0]
)",
                 7, "sweep.ranges.setup.budget_hours", "already varied at line 5");
}

TEST(SweepFile, SameParameterTwiceInTheGrid) {
    expect_error(R"([sweep.grid]
"setup.review" = [false, true]
[sweep.grid.setup]
review = [true]
)",
                 4, "sweep.grid.setup.review", "already varied at line 2");
}

TEST(SweepFile, RangeThatIsNotLowHigh) {
    const std::string head = "[sweep]\nmethod = \"sobol\"\nsamples = 8\n[sweep.ranges]\n";
    expect_error(head + "\"setup.budget_hours\" = 40.0\n", 5, "sweep.ranges.setup.budget_hours",
                 "expected a range [low, high]");
    expect_error(head + "\"setup.budget_hours\" = [40.0, 80.0, 120.0]\n", 5,
                 "sweep.ranges.setup.budget_hours", "expected a range [low, high]");
    expect_error(head + "\"setup.budget_hours\" = [200.0, 40.0]\n", 5,
                 "sweep.ranges.setup.budget_hours", "low must be below high");
    expect_error(head + "\"setup.budget_hours\" = [40.0, 40.0]\n", 5,
                 "sweep.ranges.setup.budget_hours", "low must be below high");
    expect_error(head + "\"setup.budget_hours\" = [40.0, \"lots\"]\n", 5,
                 "sweep.ranges.setup.budget_hours", "expected a number");
    expect_error(head + "\"setup.join_month\" = [0, 12.5]\n", 5, "sweep.ranges.setup.join_month",
                 "expected an integer");
}

TEST(SweepFile, RangeBeyondTheParametersRange) {
    expect_error(R"([sweep]
method = "latin_hypercube"
samples = 8
[sweep.ranges]
"funder.flexibility" = [-0.5, 1.0]
)",
                 5, "sweep.ranges.funder.flexibility", "out of range [0, 1]");
}

TEST(SweepFile, RangeOverAChoiceOrBooleanBelongsInTheGrid) {
    const std::string head = "[sweep]\nmethod = \"sobol\"\nsamples = 8\n[sweep.ranges]\n";
    expect_error(head + "\"setup.duration\" = [\"time_bound\", \"open_ended\"]\n", 5,
                 "sweep.ranges.setup.duration", "[sweep.grid]");
    expect_error(head + "\"setup.review\" = [false, true]\n", 5, "sweep.ranges.setup.review",
                 "[sweep.grid]");
}

TEST(SweepFile, RangesNeedASamplingMethod) {
    expect_error(R"([sweep]
samples = 8
[sweep.ranges]
"setup.budget_hours" = [40.0, 200.0]
)",
                 3, "sweep.ranges", "needs a sampling method");
    expect_error(R"([sweep]
method = "grid"

[sweep.ranges]
"setup.budget_hours" = [40.0, 200.0]
)",
                 4, "sweep.ranges", "needs a sampling method");
    expect_error(R"([sweep]
samples = 8
[sweep.grid]
"setup.review" = [false, true]
)",
                 2, "sweep.samples", "samples is for");
}

TEST(SweepFile, ASamplingMethodNeedsRanges) {
    expect_error(R"([sweep]
method = "latin_hypercube"
samples = 8
[sweep.grid]
"setup.review" = [false, true]
)",
                 2, "sweep.method", "there are none");
}

TEST(SweepFile, SamplesMissingOrNotPositive) {
    const std::string ranges = "[sweep.ranges]\n\"setup.budget_hours\" = [40.0, 200.0]\n";
    expect_error("[sweep]\nmethod = \"sobol\"\n" + ranges, 2, "sweep.samples", "needs samples");
    expect_error("[sweep]\nmethod = \"latin_hypercube\"\n" + ranges, 2, "sweep.samples",
                 "needs samples");
    expect_error("[sweep]\nmethod = \"sobol\"\nsamples = 0\n" + ranges, 3, "sweep.samples",
                 "positive");
    expect_error("[sweep]\nmethod = \"sobol\"\nsamples = -4\n" + ranges, 3, "sweep.samples",
                 "positive");
    expect_error("[sweep]\nmethod = \"sobol\"\nsamples = 8.0\n" + ranges, 3, "sweep.samples",
                 "positive integer");
}

TEST(SweepFile, UnknownMethod) {
    expect_error("[sweep]\nmethod = \"lhs\"\nsamples = 4\n", 2, "sweep.method",
                 "did you mean \"latin_hypercube\"?");
    expect_error("[sweep]\nmethod = 3\n", 2, "sweep.method", "\"grid\", \"latin_hypercube\"");
}

TEST(SweepFile, UnknownKeysInSweep) {
    expect_error(R"([sweep]
method = "sobol"
sample = 16
)",
                 3, "sweep.sample", "unknown key 'sample' in [sweep]");
    expect_error(R"([sweep]
"setup.review" = [false, true]
)",
                 2, "sweep.setup.review", "goes under [sweep.grid]");
    expect_error("[sweep]\ncommon_random_numbers = \"yes\"\n", 2, "sweep.common_random_numbers",
                 "expected true or false");
}

TEST(SweepFile, RunSettingsAreNotDesignFactors) {
    expect_error("[sweep.grid]\n\"run.months\" = [12, 24]\n", 2, "sweep.grid.run.months",
                 "not design factors");
    expect_error(R"([sweep]
method = "latin_hypercube"
samples = 4
[sweep.ranges.run]
seed = [1, 100]
)",
                 5, "sweep.ranges.run.seed", "not design factors");
}

TEST(SweepFile, ASweepThatVariesNothing) {
    expect_error("[run]\nmonths = 12\n\n[sweep]\ncommon_random_numbers = true\n", 4, "sweep",
                 "varies nothing");
    expect_error("sweep = 3\n", 1, "sweep", "must be a section");
}

TEST(SweepFile, TooManyRuns) {
    // 2 x 10^7 Latin hypercube points x 100 replicates; rejected before anything is expanded.
    expect_error(R"([run]
replicates = 100
[sweep]
method = "latin_hypercube"
samples = 20000000
[sweep.ranges]
"setup.budget_hours" = [40.0, 200.0]
)",
                 3, "sweep", "2,000,000,000 runs");
    // Grids multiply: 11^9 cells.
    std::string grid = "[sweep.grid]\n";
    for (const char* name :
         {"funder.accountability_focus", "funder.senior_buy_in", "funder.flexibility",
          "funder.staff_time", "partners.diversity", "facilitator.facilitation",
          "partners.capacity_mean", "partners.dependence_mean", "partners.unified_identity"}) {
        grid += std::string("\"") + name +
                "\" = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]\n";
    }
    expect_error(grid, 1, "sweep", "the limit is 1,000,000,000");
}

// 10^9 Latin hypercube points of one replicate are within the run limit, but laying their design
// out would take about 160 GB: refused by its size before anything is allocated. The ASan build
// runs this too, and there an allocation of that size aborts the test instead of throwing.
TEST(SweepFile, ABillionSamplesAreRefusedBeforeTheirDesignIsLaidOut) {
    expect_error(R"([run]
replicates = 1
[sweep]
method = "latin_hypercube"
samples = 1000000000
[sweep.ranges]
"setup.budget_hours" = [40.0, 200.0]
)",
                 3, "sweep", "MiB of memory to lay out");
}

TEST(SweepFile, EveryDesignPointMustBeAConsistentScenario) {
    // setup.join_month must be before run.months = 24.
    expect_error(R"([run]
months = 24
[sweep.grid]
"setup.join_month" = [0, 12, 30]
)",
                 4, "sweep.grid.setup.join_month", "at setup.join_month = 30");
    expect_error(R"([run]
months = 24
[sweep]
method = "latin_hypercube"
samples = 8
[sweep.ranges]
"setup.join_month" = [0, 24]
)",
                 7, "sweep.ranges.setup.join_month", "must be before run.months");
}

TEST(SweepFile, CombinationsOfFactorsMustBeConsistentToo) {
    // Each factor alone is fine with the base scenario (time-bound, ending at month 36); a
    // time-bound partnership ending at 12 with a facilitator joining at 24 is not.
    const ScenarioError error = error_of(R"([run]
months = 60
[sweep]
[sweep.grid]
"setup.duration" = ["open_ended", "time_bound"]
"setup.end_month" = [12, 48]
"setup.join_month" = [0, 24]
)");
    EXPECT_EQ(error.line(), 3) << error.what();
    EXPECT_EQ(error.key(), "sweep") << error.what();
    EXPECT_NE(error.message().find("setup.duration = \"time_bound\", setup.end_month = 12, "
                                   "setup.join_month = 24"),
              std::string::npos)
        << error.what();
}

TEST(SweepFile, ErrorsInTheBaseScenarioComeFirstAndLocated) {
    const ScenarioError error =
        error_of("[setup]\nbudget_hours = -1.0\n[sweep.grid]\n\"x\" = [1]\n");
    EXPECT_EQ(error.line(), 2);
    EXPECT_EQ(error.key(), "setup.budget_hours");
    const ScenarioError syntax = error_of("[sweep]\nmethod = sobol\n");
    EXPECT_EQ(syntax.line(), 2);
}

TEST(SweepFile, LoadAppliesOverridesToTheBase) {
    const test::TempFile file(kValid);
    const std::vector<std::string> overrides{"run.replicates=2", "funder.flexibility=0.25"};
    const ExperimentFile e = load_experiment(file.path(), overrides);
    EXPECT_EQ(e.base.run.replicates, 2);
    EXPECT_EQ(e.base.funder.flexibility, 0.25);
    ASSERT_TRUE(e.sweep.has_value());
    EXPECT_EQ(design_of(e).runs(), 2u * 3u * 8u * 2u);
}

TEST(SweepFile, OverridingAVariedParameterIsAnError) {
    const test::TempFile file(kValid);
    const std::vector<std::string> overrides{"setup.join_month=3"};
    try {
        load_experiment(file.path(), overrides);
        ADD_FAILURE() << "no error";
    } catch (const ScenarioError& error) {
        EXPECT_EQ(error.file(), "--set");
        EXPECT_EQ(error.key(), "setup.join_month");
        EXPECT_NE(error.message().find("varies 'setup.join_month' (line 10)"), std::string::npos)
            << error.what();
    }
}

TEST(SweepFile, OverridesThatBreakTheSweepAreCaught) {
    const test::TempFile file(kValid);
    // join_month is varied up to 12: 12 months leave no room for it.
    const std::vector<std::string> months{"run.months=12"};
    try {
        load_experiment(file.path(), months);
        ADD_FAILURE() << "no error";
    } catch (const ScenarioError& error) {
        EXPECT_EQ(error.line(), 10) << error.what();
        EXPECT_EQ(error.key(), "sweep.grid.setup.join_month");
    }
    // 2 x 3 x 200 points x 10^7 replicates.
    std::string bigger = kValid;
    bigger.replace(bigger.find("samples = 8"), 11, "samples = 200");
    const test::TempFile big(bigger);
    const std::vector<std::string> replicates{"run.replicates=10000000"};
    try {
        load_experiment(big.path(), replicates);
        ADD_FAILURE() << "no error";
    } catch (const ScenarioError& error) {
        EXPECT_EQ(error.key(), "sweep") << error.what();
        EXPECT_NE(error.message().find("the limit is"), std::string::npos) << error.what();
    }
}

TEST(SweepFile, MissingFileIsNamed) {
    try {
        load_experiment("/nonexistent/sweep.toml");
        ADD_FAILURE() << "no error";
    } catch (const ScenarioError& error) {
        EXPECT_EQ(error.file(), "/nonexistent/sweep.toml");
        EXPECT_NE(error.message().find("no such scenario file"), std::string::npos);
    }
}

TEST(SweepFile, TheExampleSweepReadsAsDocumented) {
    const ExperimentFile e = load_experiment(std::string(PARTNERSIM_SOURCE_DIR) +
                                             "/scenarios/examples/sweep_duration_budget.toml");
    ASSERT_TRUE(e.sweep.has_value());
    EXPECT_EQ(e.base.run.replicates, 20);
    EXPECT_EQ(e.base.run.months, 60);
    EXPECT_EQ(e.sweep->method, SamplingMethod::latin_hypercube);
    EXPECT_EQ(e.sweep->samples, 8u);
    ASSERT_EQ(e.sweep->grid.size(), 2u);
    EXPECT_EQ(e.sweep->grid[0].parameter, "setup.duration");
    EXPECT_EQ(e.sweep->grid[1].parameter, "setup.review");
    ASSERT_EQ(e.sweep->ranges.size(), 2u);
    EXPECT_EQ(e.sweep->ranges[0].parameter, "setup.budget_hours");
    EXPECT_EQ(e.sweep->ranges[0].low, 40.0);
    EXPECT_EQ(e.sweep->ranges[0].high, 240.0);
    EXPECT_EQ(e.sweep->ranges[1].parameter, "setup.join_month");
    EXPECT_EQ(e.sweep->ranges[1].high, 18.0);
    const ExperimentDesign d = design_of(e);
    EXPECT_EQ(d.points(), 32u);
    EXPECT_EQ(d.runs(), 640u);
}

}  // namespace
}  // namespace partnersim
