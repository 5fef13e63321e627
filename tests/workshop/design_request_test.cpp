#include "workshop/design_request.hpp"

#include <gtest/gtest.h>

#include "workshop/limits.hpp"

namespace partnersim::workshop {
namespace {

using nlohmann::json;

std::string field_of(const json& body) {
    try {
        parse_design(body);
    } catch (const RequestError& e) {
        return e.field();
    }
    return "(accepted)";
}

std::string message_of(const json& body) {
    try {
        parse_design(body);
    } catch (const RequestError& e) {
        return e.what();
    }
    return "(accepted)";
}

TEST(DesignRequest, SettingsBecomeOverridesInThePagesOrder) {
    const DesignRequest design =
        parse_design({{"scenario", "default"},
                      {"settings", {{"partners.count", 30}, {"setup.duration", "open_ended"}}},
                      {"replicates", 50},
                      {"seed", 7}});
    EXPECT_EQ(design.scenario, "default");
    // setup.duration comes before partners.count on the page.
    ASSERT_EQ(design.overrides.size(), 2u);
    EXPECT_EQ(design.overrides[0], "setup.duration=open_ended");
    EXPECT_EQ(design.overrides[1], "partners.count=30");
    EXPECT_EQ(design.replicates, 50);
    EXPECT_EQ(design.seed, 7u);
}

TEST(DesignRequest, DefaultsAreTheWorkshopsReplicatesAndSeedOne) {
    const DesignRequest design = parse_design({{"scenario", "archetypes/sense_maker"}});
    EXPECT_TRUE(design.overrides.empty());
    EXPECT_EQ(design.replicates, default_replicates);
    EXPECT_EQ(design.seed, 1u);
}

TEST(DesignRequest, EveryMistakeNamesItsField) {
    EXPECT_EQ(field_of({{"scenario", "../../etc/passwd"}}), "scenario");
    EXPECT_EQ(field_of(json::array()), "");
    EXPECT_EQ(field_of({{"scenario", "default"}, {"settings", {{"trust.gain_rate", 2}}}}),
              "trust.gain_rate");
    EXPECT_EQ(field_of({{"scenario", "default"}, {"settings", {{"partners.count", 201}}}}),
              "partners.count");
    EXPECT_EQ(field_of({{"scenario", "default"}, {"settings", {{"partners.count", 2.5}}}}),
              "partners.count");
    EXPECT_EQ(field_of({{"scenario", "default"}, {"settings", {{"run.months", 121}}}}),
              "run.months");
    EXPECT_EQ(field_of({{"scenario", "default"}, {"settings", {{"setup.duration", "forever"}}}}),
              "setup.duration");
    EXPECT_EQ(field_of({{"scenario", "default"}, {"settings", {{"setup.duration", 3}}}}),
              "setup.duration");
    EXPECT_EQ(
        field_of({{"scenario", "default"}, {"settings", {{"funder.accountability_focus", -0.1}}}}),
        "funder.accountability_focus");
    EXPECT_EQ(field_of({{"scenario", "default"}, {"replicates", max_replicates + 1}}),
              "replicates");
    EXPECT_EQ(field_of({{"scenario", "default"}, {"replicates", 1}}), "replicates");
    EXPECT_EQ(field_of({{"scenario", "default"}, {"seed", -1}}), "seed");
}

TEST(DesignRequest, ARangeMistakeSaysTheQuestionAndTheRange) {
    EXPECT_EQ(message_of({{"scenario", "default"}, {"settings", {{"partners.count", 900}}}}),
              "Number of partners: 900 is outside 2 to 200");
}

TEST(DesignRequest, SettingsComeBackAsTheyWereSent) {
    const json settings{{"setup.duration", "open_ended"},
                        {"partners.count", 30},
                        {"funder.accountability_focus", 0.25}};
    const DesignRequest design = parse_design({{"scenario", "default"}, {"settings", settings}});
    EXPECT_EQ(settings_json(design), settings);
}

}  // namespace
}  // namespace partnersim::workshop
