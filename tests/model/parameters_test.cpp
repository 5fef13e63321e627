#include "model/parameters.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>

namespace partnersim {
namespace {

TEST(ParameterRegistry, NamesAreUniqueAndDottedSectionKey) {
    std::set<std::string> names;
    for (const auto& spec : parameter_registry()) {
        EXPECT_TRUE(names.insert(spec.name).second) << "duplicate " << spec.name;
        const auto dot = spec.name.find('.');
        ASSERT_NE(dot, std::string::npos) << spec.name;
        EXPECT_EQ(spec.section(), spec.name.substr(0, dot));
        EXPECT_EQ(spec.key(), spec.name.substr(dot + 1));
        EXPECT_FALSE(spec.meaning.empty()) << spec.name;
    }
    EXPECT_GT(names.size(), 50u);
}

TEST(ParameterRegistry, EveryDefaultIsAValidValueOfItsParameter) {
    // The defaults live in Scenario's initialisers; a default outside its own range would
    // make the default scenario unloadable.
    const Scenario defaults;
    for (const auto& spec : parameter_registry()) {
        ParameterValue v = spec.get(defaults);
        EXPECT_EQ(check_value(spec, v), std::nullopt) << spec.name << " = " << format_value(v);
    }
    EXPECT_EQ(check_consistency(defaults), std::nullopt);
}

TEST(ParameterRegistry, SettingEachParameterChangesOnlyThatParameter) {
    const Scenario defaults;
    for (const auto& spec : parameter_registry()) {
        // A valid value different from the default.
        ParameterValue other;
        switch (spec.kind) {
            case ParameterKind::real: {
                const double d = std::get<double>(spec.get(defaults));
                other = d == spec.max ? spec.min : spec.max;
                break;
            }
            case ParameterKind::integer: {
                const auto d = std::get<std::int64_t>(spec.get(defaults));
                other = static_cast<std::int64_t>(
                    d == static_cast<std::int64_t>(spec.max) ? spec.min : spec.max);
                break;
            }
            case ParameterKind::boolean:
                other = !std::get<bool>(spec.get(defaults));
                break;
            case ParameterKind::choice: {
                const auto d = std::get<std::string>(spec.get(defaults));
                other = spec.choices.front() == d ? spec.choices.back() : spec.choices.front();
                break;
            }
        }
        ASSERT_EQ(check_value(spec, other), std::nullopt) << spec.name;
        Scenario changed = defaults;
        spec.set(changed, other);
        EXPECT_TRUE(spec.get(changed) == other) << spec.name;
        for (const auto& rest : parameter_registry()) {
            if (rest.name == spec.name) continue;
            EXPECT_TRUE(rest.get(changed) == rest.get(defaults))
                << "setting " << spec.name << " changed " << rest.name;
        }
    }
}

TEST(ParameterRegistry, ReachesTheScenarioFieldItNames) {
    Scenario s;
    find_parameter("trust.loss_rate")->set(s, 7.5);
    find_parameter("partners.count")->set(s, std::int64_t{42});
    find_parameter("setup.review")->set(s, true);
    find_parameter("setup.archetype")->set(s, std::string("sense_maker"));
    find_parameter("facilitator.external_kind")->set(s, std::string("consortium"));
    EXPECT_EQ(s.trust.loss_rate, 7.5);
    EXPECT_EQ(s.partners.count, 42);
    EXPECT_TRUE(s.setup.review);
    EXPECT_EQ(s.setup.archetype, Archetype::sense_maker);
    EXPECT_EQ(s.facilitator.external_kind, ExternalKind::consortium);
}

TEST(FindParameter, FindsKnownNamesOnly) {
    ASSERT_NE(find_parameter("setup.budget_hours"), nullptr);
    EXPECT_EQ(find_parameter("setup.budget_hours")->kind, ParameterKind::real);
    EXPECT_EQ(find_parameter("budget_hours"), nullptr);
    EXPECT_EQ(find_parameter("setup.budget"), nullptr);
    EXPECT_EQ(find_parameter(""), nullptr);
}

TEST(NearestParameterName, SuggestsTheIntendedNameForNearMisses) {
    EXPECT_EQ(nearest_parameter_name("setup.budjet_hours"), "setup.budget_hours");
    EXPECT_EQ(nearest_parameter_name("setup.budjet"), "setup.budget_hours");
    EXPECT_EQ(nearest_parameter_name("funder.loss_rate"), "trust.loss_rate");
    EXPECT_EQ(nearest_parameter_name("trust.los_rate"), "trust.loss_rate");
    // A swap in a shortening: one edit for edit_distance (optimal string alignment), two for the
    // Levenshtein distance this used before, which put it out of reach and suggested nothing.
    EXPECT_EQ(nearest_parameter_name("setup.budgte"), "setup.budget_hours");
    EXPECT_EQ(nearest_parameter_name("completely.unrelated_words_here"), std::nullopt);
}

TEST(NearestChoice, SuggestsTheIntendedChoice) {
    const ParameterSpec* archetype = find_parameter("setup.archetype");
    ASSERT_NE(archetype, nullptr);
    EXPECT_EQ(nearest_choice(*archetype, "sense_makr"), "sense_maker");
    EXPECT_EQ(nearest_choice(*archetype, "zzzzzzzzzzzzzzzzzzzzzzzzzzz"), std::nullopt);
}

TEST(CheckValue, AcceptsValuesInRangeAndRejectsOthersWithAReason) {
    const ParameterSpec& rate = *find_parameter("trust.gain_rate");  // real, [0, 20]
    ParameterValue ok = 3.0;
    EXPECT_EQ(check_value(rate, ok), std::nullopt);
    ParameterValue edge = 20.0;
    EXPECT_EQ(check_value(rate, edge), std::nullopt);
    ParameterValue high = 20.5;
    ASSERT_TRUE(check_value(rate, high).has_value());
    EXPECT_NE(check_value(rate, high)->find("out of range"), std::string::npos);
    ParameterValue negative = -0.1;
    EXPECT_TRUE(check_value(rate, negative).has_value());
    ParameterValue nan = std::nan("");
    EXPECT_TRUE(check_value(rate, nan).has_value());
    ParameterValue word = std::string("fast");
    EXPECT_TRUE(check_value(rate, word).has_value());
}

TEST(CheckValue, ConvertsAnIntegerGivenForARealParameter) {
    const ParameterSpec& budget = *find_parameter("setup.budget_hours");
    ParameterValue v = std::int64_t{120};
    EXPECT_EQ(check_value(budget, v), std::nullopt);
    ASSERT_TRUE(std::holds_alternative<double>(v));
    EXPECT_EQ(std::get<double>(v), 120.0);
}

TEST(CheckValue, RejectsARealForAnIntegerParameterAndUnknownChoices) {
    ParameterValue real = 3.5;
    EXPECT_TRUE(check_value(*find_parameter("partners.count"), real).has_value());
    ParameterValue too_few = std::int64_t{1};
    EXPECT_TRUE(check_value(*find_parameter("partners.count"), too_few).has_value());
    ParameterValue unknown = std::string("sense_makr");
    const auto message = check_value(*find_parameter("setup.archetype"), unknown);
    ASSERT_TRUE(message.has_value());
    EXPECT_NE(message->find("sense_maker"), std::string::npos);  // the suggestion
    ParameterValue not_bool = std::int64_t{1};
    EXPECT_TRUE(check_value(*find_parameter("setup.review"), not_bool).has_value());
}

TEST(ParseValueText, ReadsEachKindAndRejectsTrailingText) {
    const auto& real = *find_parameter("setup.budget_hours");
    const auto& integer = *find_parameter("partners.count");
    const auto& boolean = *find_parameter("setup.review");
    const auto& choice = *find_parameter("setup.level");
    EXPECT_TRUE(parse_value_text(real, "12.5") == ParameterValue{12.5});
    EXPECT_EQ(parse_value_text(real, "12.5h"), std::nullopt);
    EXPECT_TRUE(parse_value_text(integer, "40") == ParameterValue{std::int64_t{40}});
    EXPECT_EQ(parse_value_text(integer, "4.0"), std::nullopt);
    EXPECT_TRUE(parse_value_text(boolean, "true") == ParameterValue{true});
    EXPECT_EQ(parse_value_text(boolean, "yes"), std::nullopt);
    EXPECT_TRUE(parse_value_text(choice, "\"portfolio\"") ==
                ParameterValue{std::string("portfolio")});
    EXPECT_TRUE(parse_value_text(choice, "portfolio") == ParameterValue{std::string("portfolio")});
}

TEST(FormatValue, WritesValuesAsAScenarioFileWould) {
    EXPECT_EQ(format_value(ParameterValue{2.0}), "2.0");
    EXPECT_EQ(format_value(ParameterValue{0.25}), "0.25");
    EXPECT_EQ(format_value(ParameterValue{std::int64_t{12}}), "12");
    EXPECT_EQ(format_value(ParameterValue{false}), "false");
    EXPECT_EQ(format_value(ParameterValue{std::string("mandatory")}), "\"mandatory\"");
}

TEST(CheckConsistency, FacilitatorMustJoinWithinTheSimulatedHorizon) {
    Scenario s;
    s.run.months = 24;
    s.setup.join_month = 23;
    EXPECT_EQ(check_consistency(s), std::nullopt);
    s.setup.join_month = 24;
    const auto message = check_consistency(s);
    ASSERT_TRUE(message.has_value());
    EXPECT_NE(message->find("join_month"), std::string::npos);
}

TEST(CheckConsistency, ATimeBoundFacilitatorMustJoinBeforeTheEnd) {
    Scenario s;
    s.run.months = 60;
    s.setup.end_month = 24;
    s.setup.join_month = 24;
    EXPECT_TRUE(check_consistency(s).has_value());
    s.setup.duration = Duration::open_ended;  // no end to join before
    EXPECT_EQ(check_consistency(s), std::nullopt);
}

TEST(ParameterRegistry, RangesLeaveEveryPartnerSomeHoursForLearning) {
    // Strain divides by the hours a partner has; a legal scenario must never make that zero.
    EXPECT_GT(find_parameter("partners.learning_hours_per_month")->min, 0.0);
}

TEST(ParameterRegistry, ChoiceParametersListEveryChoiceInEnumOrder) {
    const auto& spec = *find_parameter("setup.evidence");
    ASSERT_EQ(spec.kind, ParameterKind::choice);
    ASSERT_EQ(spec.choices.size(), 3u);
    for (std::size_t i = 0; i < spec.choices.size(); ++i) {
        EXPECT_EQ(parse_choice<Evidence>(spec.choices[i]), static_cast<Evidence>(i));
    }
}

}  // namespace
}  // namespace partnersim
