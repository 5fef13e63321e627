#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "model/parameters.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

using test::contains;

// One listed parameter: its line and the line of its meaning.
struct Listed {
    std::string line;
    std::string meaning;
    std::string source;  // model constants only
    int times = 0;
};

struct Listing {
    std::map<std::string, Listed> parameters;  // by dotted name
    std::vector<std::string> sections;         // in the order printed
};

// Reads `partnersim params` output: "[section]" headers, each key on a line starting with two
// spaces, its meaning on the next line (six spaces).
Listing read_listing(const std::string& text) {
    Listing listing;
    std::istringstream lines(text);
    std::string line;
    std::string section;
    std::string last;
    while (std::getline(lines, line)) {
        if (line.empty()) continue;
        if (line.front() == '[' && line.back() == ']') {
            section = line.substr(1, line.size() - 2);
            listing.sections.push_back(section);
        } else if (line.starts_with("      source: ")) {
            if (!last.empty()) listing.parameters[last].source = line.substr(14);
        } else if (line.starts_with("      ")) {
            if (!last.empty()) listing.parameters[last].meaning = line.substr(6);
        } else if (line.starts_with("  ")) {
            const std::string key = line.substr(2, line.find(' ', 2) - 2);
            last = section + "." + key;
            listing.parameters[last].line = line;
            ++listing.parameters[last].times;
        }
    }
    return listing;
}

// The two numbers of "range MIN .. MAX" on a listed line.
bool read_range(const std::string& line, double& min, double& max) {
    const auto at = line.find(" range ");
    if (at == std::string::npos) return false;
    const char* text = line.c_str() + at + 7;
    char* end = nullptr;
    min = std::strtod(text, &end);
    if (end == text || std::string_view(end).substr(0, 4) != " .. ") return false;
    text = end + 4;
    max = std::strtod(text, &end);
    return end != text;
}

std::string printed(ParamsListing which = ParamsListing::all) {
    std::ostringstream out;
    EXPECT_EQ(params_command(which, out), exit_ok);
    return out.str();
}

TEST(ParamsCommand, ListsEveryRegistryParameterOnce) {
    const Listing listing = read_listing(printed());
    EXPECT_EQ(listing.parameters.size(), parameter_registry().size());
    for (const ParameterSpec& spec : parameter_registry()) {
        const auto found = listing.parameters.find(spec.name);
        ASSERT_NE(found, listing.parameters.end()) << spec.name << " is not listed";
        EXPECT_EQ(found->second.times, 1) << spec.name;
    }
}

TEST(ParamsCommand, ListsSectionsOnceInRegistryOrder) {
    std::vector<std::string> expected;
    for (const ParameterSpec& spec : parameter_registry()) {
        if (expected.empty() || expected.back() != spec.section()) {
            expected.emplace_back(spec.section());
        }
    }
    EXPECT_EQ(read_listing(printed()).sections, expected);
}

TEST(ParamsCommand, ShowsEachDefaultRangeAndMeaning) {
    const Listing listing = read_listing(printed());
    const Scenario defaults;
    for (const ParameterSpec& spec : parameter_registry()) {
        SCOPED_TRACE(spec.name);
        const auto found = listing.parameters.find(spec.name);
        ASSERT_NE(found, listing.parameters.end());
        const std::string& line = found->second.line;
        EXPECT_TRUE(contains(line, " default " + format_value(spec.get(defaults)) + " ")) << line;
        EXPECT_EQ(found->second.meaning, spec.meaning);
        switch (spec.kind) {
            case ParameterKind::real:
            case ParameterKind::integer: {
                double min = 0;
                double max = 0;
                ASSERT_TRUE(read_range(line, min, max)) << line;
                EXPECT_DOUBLE_EQ(min, spec.min) << line;
                EXPECT_NEAR(max, spec.max, 1e-5 * std::abs(spec.max)) << line;
                if (!spec.unit.empty()) {
                    EXPECT_TRUE(line.ends_with(" " + spec.unit)) << line;
                }
                break;
            }
            case ParameterKind::boolean:
                EXPECT_TRUE(contains(line, "range true | false")) << line;
                break;
            case ParameterKind::choice:
                for (const std::string& choice : spec.choices) {
                    EXPECT_TRUE(contains(line, choice)) << line;
                }
                break;
        }
    }
}

TEST(ParamsCommand, PlainListingHasTheSettingsAndSaysHowToSeeTheConstants) {
    const std::string text = printed(ParamsListing::settings);
    const Listing listing = read_listing(text);
    std::size_t settings = 0;
    for (const ParameterSpec& spec : parameter_registry()) {
        const bool listed = listing.parameters.contains(spec.name);
        EXPECT_EQ(listed, !spec.is_model_constant()) << spec.name;
        settings += spec.is_model_constant() ? 0 : 1;
    }
    EXPECT_EQ(listing.parameters.size(), settings);
    const std::size_t constants = parameter_registry().size() - settings;
    EXPECT_GT(constants, 150u);
    EXPECT_TRUE(contains(text, std::to_string(constants) + " model constants")) << text;
    EXPECT_TRUE(contains(text, "params --constants")) << text;
}

TEST(ParamsCommand, ConstantsListingShowsPlausibleRangeAndSource) {
    Listing listing = read_listing(printed(ParamsListing::constants));
    for (const ParameterSpec& spec : parameter_registry()) {
        SCOPED_TRACE(spec.name);
        const auto found = listing.parameters.find(spec.name);
        ASSERT_EQ(found != listing.parameters.end(), spec.is_model_constant());
        if (!spec.is_model_constant()) continue;
        std::ostringstream plausible;
        plausible << " plausible " << spec.plausible_min << " .. " << spec.plausible_max << " ";
        EXPECT_TRUE(contains(found->second.line, plausible.str())) << found->second.line;
        EXPECT_EQ(found->second.source, spec.source);
    }
    EXPECT_TRUE(contains(listing.parameters["convenings.tie_formation_rate"].line, "default 0.2 "));
}

TEST(ParamsCommand, DefaultsAreThoseOfTheDefaultScenario) {
    // A spot check against scenario.hpp, independent of the registry's own getters.
    Listing listing = read_listing(printed());
    EXPECT_TRUE(contains(listing.parameters["run.months"].line, "default 60 "))
        << listing.parameters["run.months"].line;
    EXPECT_TRUE(contains(listing.parameters["partners.count"].line, "default 20 "));
    EXPECT_TRUE(contains(listing.parameters["setup.duration"].line, "default \"time_bound\" "));
    EXPECT_TRUE(contains(listing.parameters["trust.loss_rate"].line, "default 3.0 "));
}

}  // namespace
}  // namespace partnersim
