#include "io/calibration_targets.hpp"

#include <gtest/gtest.h>

#include <string>

#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

const std::string good = R"([[target]]
name = "hours"
measure = "reporting_hours"
scenario = "base.toml"
set = ["setup.evidence=funder_reporting"]
months = [1, 36]
value = 20.0
tolerance = 5
source = "CEP"
quote = "about 20 hours a year"

[[target]]
name = "core"
measure = "core_share"
scenario = "../net.toml"
range = [0.10, 0.15]
tolerance = 0.05
source = "Wenger et al."
)";

// The message of the ScenarioError that parsing `text` throws.
std::string error_of(const std::string& text) {
    try {
        parse_calibration_targets(text, "targets.toml", "/data");
    } catch (const ScenarioError& error) {
        return error.what();
    }
    return "no error";
}

TEST(CalibrationTargets, ReadsValuesRangesMonthsOverridesAndSources) {
    const CalibrationTargets file = parse_calibration_targets(good, "targets.toml", "/data");
    ASSERT_EQ(file.targets.size(), 2u);
    const CalibrationTarget& hours = file.targets[0];
    EXPECT_EQ(hours.name, "hours");
    EXPECT_EQ(hours.measure, Measure::reporting_hours);
    EXPECT_EQ(hours.scenario, std::filesystem::path("/data/base.toml"));
    EXPECT_EQ(hours.overrides, std::vector<std::string>{"setup.evidence=funder_reporting"});
    EXPECT_EQ(hours.first_month, 1);
    EXPECT_EQ(hours.last_month, 36);
    EXPECT_EQ(hours.low, 20.0);
    EXPECT_EQ(hours.high, 20.0);
    EXPECT_EQ(hours.tolerance, 5.0);
    EXPECT_EQ(hours.quote, "about 20 hours a year");
    EXPECT_EQ(hours.line, 1);
    const CalibrationTarget& core = file.targets[1];
    EXPECT_EQ(core.measure, Measure::core_share);
    EXPECT_EQ(core.last_month, 0) << "no month: the scenario's last, resolved by the caller";
    EXPECT_EQ(core.low, 0.10);
    EXPECT_EQ(core.high, 0.15);
    EXPECT_EQ(core.line, 12);
}

TEST(CalibrationTargets, MistakesNameTheFileTheLineAndTheKey) {
    auto replace = [](std::string text, const std::string& from, const std::string& to) {
        return text.replace(text.find(from), from.size(), to);
    };
    EXPECT_EQ(error_of(replace(good, "tolerance = 5\n", "tolerance = 5\ntolerence = 1\n")),
              "targets.toml:9: key 'target.1.tolerence': unknown key 'tolerence'");
    EXPECT_EQ(error_of(replace(good, "\"core_share\"", "\"core_shares\"")),
              "targets.toml:14: key 'target.2.measure': unknown measure 'core_shares'; did you "
              "mean 'core_share'?");
    EXPECT_EQ(error_of(replace(good, "tolerance = 0.05", "tolerance = 0")),
              "targets.toml:17: key 'target.2.tolerance': must be a positive number");
    EXPECT_EQ(error_of(replace(good, "[0.10, 0.15]", "[0.15, 0.10]")),
              "targets.toml:16: key 'target.2.range': low is above high");
    EXPECT_EQ(error_of(replace(good, "range = [0.10, 0.15]", "value = 0.1\nrange = [0.1, 0.2]")),
              "targets.toml:12: key 'target.2.value': give either value or range = [low, high]");
    EXPECT_EQ(error_of(replace(good, "months = [1, 36]", "months = [0, 36]")),
              "targets.toml:6: key 'target.1.months': months count from 1 (the first month) to "
              "100000; found 0");
    EXPECT_EQ(error_of(replace(good, "name = \"core\"", "name = \"hours\"")),
              "targets.toml:13: key 'target.2.name': the name 'hours' is already used by another "
              "target");
    EXPECT_EQ(error_of(replace(good, "source = \"Wenger et al.\"\n", "")),
              "targets.toml:12: key 'target.2.source': missing; every target needs source");
    EXPECT_EQ(error_of("[target]\nname = 1\n"),
              "targets.toml:1: key 'target': no [[target]] tables: nothing to fit");
    EXPECT_NE(error_of("[[target]\n").find("targets.toml:1: malformed TOML"), std::string::npos);
}

TEST(CalibrationTargets, AMissingFileIsAnErrorNamingIt) {
    const test::TempDir dir;
    try {
        load_calibration_targets(dir / "none.toml");
        FAIL() << "no error";
    } catch (const ScenarioError& error) {
        EXPECT_NE(std::string(error.what()).find("none.toml"), std::string::npos);
    }
}

TEST(CalibrationTargets, TheBundledTargetsFileReads) {
    const auto path =
        std::filesystem::path(PARTNERSIM_SOURCE_DIR) / "docs/calibration/targets.toml";
    const CalibrationTargets file = load_calibration_targets(path);
    EXPECT_EQ(file.targets.size(), 5u);
    for (const auto& t : file.targets) {
        EXPECT_TRUE(std::filesystem::exists(t.scenario)) << t.scenario;
        EXPECT_FALSE(t.quote.empty()) << t.name;
    }
}

}  // namespace
}  // namespace partnersim
