#include "workshop/bundled_scenarios.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "workshop/embedded_files.hpp"

namespace partnersim::workshop {
namespace {

TEST(WorkshopScenarios, NameAndPurposeComeFromTheOpeningComment) {
    const BundledScenario s = describe_scenario(
        "archetypes/x",
        "# Archetype 9: Test partner \xE2\x80\x94 \"does a thing\"\n# (a source).\n#\n# More.\n"
        "[run]\nmonths = 12\n");
    EXPECT_EQ(s.name, "Archetype 9: Test partner");
    EXPECT_EQ(s.purpose,
              "Archetype 9: Test partner \xE2\x80\x94 \"does a thing\" (a source). More.");
    const BundledScenario c = describe_scenario(
        "cases/y", "# Case study: Y (Porticus; a table).\n#\n# From the study: it is Y.\n");
    EXPECT_EQ(c.name, "Case study: Y");
    EXPECT_EQ(describe_scenario("z", "[run]\n").name, "z");
}

TEST(WorkshopScenarios, TheDefaultArchetypesAndCasesAreBuiltIn) {
    const auto& all = bundled_scenarios();
    ASSERT_FALSE(all.empty());
    EXPECT_EQ(all.front().id, "default");
    EXPECT_NE(find_scenario("archetypes/sense_maker"), nullptr);
    EXPECT_NE(find_scenario("cases/ignite_labour_pathways"), nullptr);
    EXPECT_EQ(find_scenario("stress/duration"), nullptr);  // sweeps are not for the room
    for (const BundledScenario& s : all) {
        EXPECT_FALSE(s.name.empty());
        EXPECT_FALSE(s.purpose.empty()) << s.id;
    }
}

TEST(WorkshopScenarios, TheBuiltInTextIsTheSourceTreesFile) {
    for (const BundledScenario& s : bundled_scenarios()) {
        const auto path =
            std::filesystem::path(PARTNERSIM_SOURCE_DIR) / "scenarios" / (s.id + ".toml");
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        EXPECT_EQ(text.str(), s.text) << path;
    }
}

TEST(EmbeddedFiles, ThePageAndTheChartLibraryAreBuiltIn) {
    for (const char* name :
         {"index.html", "phone.html", "common.js", "facilitator.js", "story.js", "phone.js",
          "style.css", "vendor/uPlot.iife.min.js", "vendor/uPlot.min.css"}) {
        const EmbeddedFile* file = find_file(web_files(), name);
        ASSERT_NE(file, nullptr) << name;
        EXPECT_GT(file->bytes.size(), 100u) << name;
    }
    EXPECT_TRUE(find_file(web_files(), "vendor/uPlot.iife.min.js")
                    ->bytes.starts_with("/*! https://github.com/leeoniya/uPlot (v1.6.32) */"));
    EXPECT_EQ(find_file(web_files(), "package.json"), nullptr);
}

}  // namespace
}  // namespace partnersim::workshop
