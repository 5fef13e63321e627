#include "model/model_constants.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <set>
#include <string>

#include "model/measures.hpp"
#include "model/parameters.hpp"
#include "support/world_builder.hpp"

namespace partnersim {
namespace {

TEST(ModelConstants, EachIsDocumentedWithAPlausibleRangeInsideItsLegalRange) {
    const Scenario defaults;
    std::size_t count = 0;
    for (const auto& spec : parameter_registry()) {
        if (!spec.is_model_constant()) continue;
        SCOPED_TRACE(spec.name);
        ++count;
        EXPECT_FALSE(spec.unit.empty());
        EXPECT_FALSE(spec.meaning.empty());
        EXPECT_FALSE(spec.source.empty());
        EXPECT_TRUE(spec.kind == ParameterKind::real || spec.kind == ParameterKind::integer);
        EXPECT_LT(spec.plausible_min, spec.plausible_max);
        EXPECT_LE(spec.min, spec.plausible_min);
        EXPECT_GE(spec.max, spec.plausible_max);
        const ParameterValue value = spec.get(defaults);
        const double v = spec.kind == ParameterKind::real
                             ? std::get<double>(value)
                             : static_cast<double>(std::get<std::int64_t>(value));
        EXPECT_LE(spec.plausible_min, v);
        EXPECT_GE(spec.plausible_max, v);
    }
    EXPECT_GT(count, 150u);
}

TEST(ModelConstants, ComeAfterTheSettingsInSectionsOfTheirOwn) {
    std::set<std::string> setting_sections;
    bool constants_started = false;
    for (const auto& spec : parameter_registry()) {
        if (spec.is_model_constant()) {
            constants_started = true;
            EXPECT_FALSE(setting_sections.contains(std::string(spec.section()))) << spec.name;
        } else {
            EXPECT_FALSE(constants_started) << spec.name << " comes after a model constant";
            setting_sections.emplace(spec.section());
        }
    }
}

TEST(ModelConstants, TheRegistryReachesEveryOneOfThem) {
    // Every constant is a double (whole numbers included), so ModelConstants is an array of
    // doubles with no padding. Fill it with a bit pattern no real value has, set every
    // registered constant to a value of its own, and no double may keep the pattern: a field
    // without a registry entry would.
    static_assert(sizeof(ModelConstants) % sizeof(double) == 0);
    Scenario s;
    std::memset(static_cast<void*>(&s.constants), 0xFF, sizeof(ModelConstants));
    for (const auto& spec : parameter_registry()) {
        if (!spec.is_model_constant()) continue;
        if (spec.kind == ParameterKind::integer) {
            spec.set(s, static_cast<std::int64_t>(spec.plausible_min));
        } else {
            spec.set(s, spec.plausible_min);
        }
    }
    const std::size_t doubles = sizeof(ModelConstants) / sizeof(double);
    std::size_t registered = 0;
    for (const auto& spec : parameter_registry()) registered += spec.is_model_constant() ? 1 : 0;
    EXPECT_EQ(registered, doubles) << "a field of ModelConstants without a registry entry, or two";
    const auto* bytes = reinterpret_cast<const unsigned char*>(&s.constants);
    for (std::size_t d = 0; d < doubles; ++d) {
        bool untouched = true;
        for (std::size_t b = 0; b < sizeof(double); ++b) {
            untouched = untouched && bytes[d * sizeof(double) + b] == 0xFF;
        }
        EXPECT_FALSE(untouched) << "double number " << d << " of ModelConstants has no entry";
    }
}

TEST(ModelConstants, ARowOfEffortSharesThatAreAllZeroIsRejected) {
    Scenario s;
    EXPECT_EQ(check_consistency(s), std::nullopt);
    for (const char* name :
         {"effort.sense_maker_one_to_one", "effort.sense_maker_convening",
          "effort.sense_maker_sense_making", "effort.sense_maker_relationship"}) {
        find_parameter(name)->set(s, 0.0);
    }
    const auto message = check_consistency(s);
    ASSERT_TRUE(message.has_value());
    EXPECT_NE(message->find("effort.sense_maker"), std::string::npos) << *message;
}

// The model reads the scenario's constants, not copies of its own: a constant set through the
// registry changes what happens. With no tie formation a network never forms; at the default
// rate 24 months of convenings leave working ties.
TEST(ModelConstants, AConstantSetThroughTheRegistryChangesTheRun) {
    auto density_after_two_years = [](double formation_rate) {
        Scenario s = test::small_scenario(12);
        s.setup.archetype = Archetype::network_builder;
        find_parameter("convenings.tie_formation_rate")->set(s, formation_rate);
        World world = test::make_world(s);
        RandomStream random(test::model_test_seed + 1);
        test::run_months(world, random, 24);
        return measure_world(world)[static_cast<std::size_t>(Measure::network_density)];
    };
    EXPECT_EQ(density_after_two_years(0.0), 0.0);
    EXPECT_GT(density_after_two_years(0.2), 0.0);
}

}  // namespace
}  // namespace partnersim
