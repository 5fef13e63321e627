#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "io/scenario_file.hpp"
#include "model/parameters.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

using test::contains;

struct Checked {
    int code;
    std::string out;
    std::string err;
};

Checked check(const ScenarioChoice& choice) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = check_command(choice, out, err);
    return {code, out.str(), err.str()};
}

// The printed scenario without the first line ("# FILE: valid. ...").
std::string body_of(const std::string& printed) {
    const auto newline = printed.find('\n');
    return newline == std::string::npos ? std::string() : printed.substr(newline + 1);
}

TEST(CheckCommand, PrintsTheResolvedScenarioAndExitsZero) {
    const test::TempFile file(test::small_scenario_toml(6, 4, 5, 7));
    const Checked result = check(ScenarioChoice{file.path(), {}, {}, {}});
    ASSERT_EQ(result.code, exit_ok) << result.err;
    EXPECT_EQ(result.err, "");
    EXPECT_TRUE(result.out.starts_with("# " + file.path().string() + ": valid")) << result.out;

    // What it prints is itself a scenario file, and the same scenario.
    const Scenario printed = parse_scenario(body_of(result.out), "printed");
    EXPECT_EQ(printed.run.months, 6);
    EXPECT_EQ(printed.run.replicates, 4);
    EXPECT_EQ(printed.run.seed, 7u);
    EXPECT_EQ(printed.partners.count, 5);
    EXPECT_EQ(body_of(result.out), scenario_to_toml(load_scenario(file.path())));
}

TEST(CheckCommand, PrintsEveryParameterIncludingDefaults) {
    const test::TempFile file("[run]\nmonths = 6\n");
    const Checked result = check(ScenarioChoice{file.path(), {}, {}, {}});
    ASSERT_EQ(result.code, exit_ok) << result.err;
    for (const ParameterSpec& spec : parameter_registry()) {
        const std::string key_line = std::string("\n").append(spec.key()).append(" = ");
        const std::string header = std::string("[").append(spec.section()).append("]");
        EXPECT_TRUE(contains(result.out, key_line)) << spec.name << " is not printed";
        EXPECT_TRUE(contains(result.out, header)) << spec.name;
    }
}

TEST(CheckCommand, AppliesOverridesSeedAndReplicates) {
    const test::TempFile file(test::small_scenario_toml());
    const Checked result = check(ScenarioChoice{
        file.path(), {"setup.duration=open_ended", "funder.flexibility=0.25"}, 12345, 9});
    ASSERT_EQ(result.code, exit_ok) << result.err;
    const Scenario printed = parse_scenario(body_of(result.out), "printed");
    EXPECT_EQ(printed.setup.duration, Duration::open_ended);
    EXPECT_EQ(printed.funder.flexibility, 0.25);
    EXPECT_EQ(printed.run.seed, 12345u);
    EXPECT_EQ(printed.run.replicates, 9);
    EXPECT_EQ(printed.run.months, 6) << "keys not overridden keep the file's values";
}

TEST(CheckCommand, BadScenarioExitsTwoWithALocatedMessage) {
    const test::TempFile file("[run]\nmonths = 6\nreplicates = 0\n");
    const Checked result = check(ScenarioChoice{file.path(), {}, {}, {}});
    EXPECT_EQ(result.code, exit_bad_input);
    EXPECT_EQ(result.out, "");
    EXPECT_TRUE(
        result.err.starts_with("error: " + file.path().string() + ":3: key 'run.replicates'"))
        << result.err;
    EXPECT_TRUE(contains(result.err, "out of range")) << result.err;
}

TEST(CheckCommand, UnknownKeySuggestsTheNearestOne) {
    const test::TempFile file("[setup]\nbudget_hour = 100\n");
    const Checked result = check(ScenarioChoice{file.path(), {}, {}, {}});
    EXPECT_EQ(result.code, exit_bad_input);
    EXPECT_TRUE(contains(result.err, file.path().string() + ":2:")) << result.err;
    EXPECT_TRUE(contains(result.err, "did you mean 'setup.budget_hours'")) << result.err;
}

TEST(CheckCommand, MissingFileExitsTwo) {
    const test::TempDir dir;
    const auto missing = dir / "nowhere.toml";
    const Checked result = check(ScenarioChoice{missing, {}, {}, {}});
    EXPECT_EQ(result.code, exit_bad_input);
    EXPECT_TRUE(contains(result.err, missing.string())) << result.err;
    EXPECT_TRUE(contains(result.err, "no such scenario file")) << result.err;
}

TEST(CheckCommand, BadOverrideExitsTwo) {
    const test::TempFile file(test::small_scenario_toml());
    const Checked result = check(ScenarioChoice{file.path(), {"setup.level=galaxy"}, {}, {}});
    EXPECT_EQ(result.code, exit_bad_input);
    EXPECT_TRUE(contains(result.err, "--set: key 'setup.level'")) << result.err;
    EXPECT_EQ(result.out, "");
}

TEST(ResolveScenario, LaterOverridesWin) {
    const test::TempFile file(test::small_scenario_toml());
    const Scenario scenario =
        resolve_scenario(ScenarioChoice{file.path(), {"run.months=10", "run.months=12"}, {}, {}});
    EXPECT_EQ(scenario.run.months, 12);
}

TEST(ResolveScenario, ConsistencyIsCheckedOnceAllOverridesAreApplied) {
    // join_month must be before run.months: an override may fix what an earlier one broke...
    const test::TempFile file(test::small_scenario_toml(6));
    const Scenario fixed = resolve_scenario(
        ScenarioChoice{file.path(), {"setup.join_month=8", "run.months=12"}, {}, {}});
    EXPECT_EQ(fixed.setup.join_month, 8);
    // ...but what is still inconsistent at the end is an error.
    EXPECT_THROW(resolve_scenario(ScenarioChoice{file.path(), {"setup.join_month=8"}, {}, {}}),
                 ScenarioError);
}

TEST(ResolveScenario, SeedAndReplicatesOptionsAreValidatedLikeSet) {
    const test::TempFile file(test::small_scenario_toml());
    EXPECT_THROW(resolve_scenario(ScenarioChoice{file.path(), {}, {}, 0}), ScenarioError);
    EXPECT_THROW(resolve_scenario(ScenarioChoice{file.path(), {}, {}, 20'000'000}), ScenarioError);
    try {
        resolve_scenario(ScenarioChoice{file.path(), {}, {}, -1});
        FAIL() << "expected ScenarioError";
    } catch (const ScenarioError& error) {
        EXPECT_EQ(error.key(), "run.replicates");
    }
    const Scenario scenario = resolve_scenario(ScenarioChoice{file.path(), {"run.seed=5"}, 6, {}});
    EXPECT_EQ(scenario.run.seed, 6u) << "--seed is applied after --set";
}

}  // namespace
}  // namespace partnersim

#include "support/subprocess.hpp"

namespace partnersim {
namespace {

// The real executable on the inputs that crashed it (issue 16): exit 2 with the file and line,
// never a signal. 200,000 unclosed `[` after a key was a segmentation fault (exit 139).
TEST(CheckCommand, HostileScenarioFilesAreLocatedErrorsNotCrashes) {
    const struct {
        std::string text;
        std::string location;
    } cases[] = {
        {"[run]\nseed = " + std::string(200000, '['), ":2:"},
        {"[run]\nseed = " + std::string(1000, '{') + "\n", ":2:"},
        {"\"a\\n99999999999 | x\" = 1\n\"a\\n99999999999 | x\" = 2\n", ":2:"},
    };
    for (const auto& hostile : cases) {
        const test::TempFile file(hostile.text);
        const test::ProcessResult result =
            test::run_process({PARTNERSIM_EXECUTABLE, "check", file.path().string()});
        EXPECT_EQ(result.term_signal, 0) << "killed by a signal";
        EXPECT_EQ(result.exit_code, exit_bad_input) << result.err;
        EXPECT_TRUE(contains(result.err, file.path().string() + hostile.location)) << result.err;
    }
}

}  // namespace
}  // namespace partnersim
