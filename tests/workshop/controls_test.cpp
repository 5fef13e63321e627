#include "workshop/controls.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace partnersim::workshop {
namespace {

TEST(Controls, EveryControlIsARegistrySettingWithAQuestionAndExplanation) {
    for (const Control& control : facilitator_controls()) {
        const ParameterSpec* spec = find_parameter(control.parameter);
        ASSERT_NE(spec, nullptr) << control.parameter;
        EXPECT_FALSE(spec->is_model_constant()) << control.parameter;
        EXPECT_FALSE(control.question.empty());
        EXPECT_GT(control.explanation.size(), 40u) << control.parameter;
        EXPECT_LE(control_max(control), spec->max);
        EXPECT_GE(control_min(control), spec->min);
    }
}

TEST(Controls, ChoiceLabelsCoverTheRegistrysChoicesInOrder) {
    for (const Control& control : facilitator_controls()) {
        const ParameterSpec& spec = spec_of(control);
        if (spec.kind != ParameterKind::choice) {
            EXPECT_TRUE(control.choices.empty()) << control.parameter;
            continue;
        }
        ASSERT_EQ(control.choices.size(), spec.choices.size()) << control.parameter;
        for (std::size_t i = 0; i < spec.choices.size(); ++i) {
            EXPECT_EQ(control.choices[i].value, spec.choices[i]) << control.parameter;
        }
    }
}

TEST(Controls, TheStudysSetUpChoicesAreAllThere) {
    for (const char* name :
         {"facilitator.kind", "setup.duration", "setup.participation", "setup.join_month",
          "setup.budget_hours", "funder.focal_points", "funder.accountability_focus",
          "partners.count", "partners.diversity"}) {
        EXPECT_NE(find_control(name), nullptr) << name;
    }
    EXPECT_EQ(find_control("trust.gain_rate"), nullptr);
}

TEST(Controls, ShownWhenNamesAControlAndOneOfItsChoices) {
    for (const Control& control : facilitator_controls()) {
        if (control.shown_when.empty()) continue;
        const auto equals = control.shown_when.find('=');
        ASSERT_NE(equals, std::string_view::npos);
        const Control* other = find_control(control.shown_when.substr(0, equals));
        ASSERT_NE(other, nullptr);
        const auto value = control.shown_when.substr(equals + 1);
        EXPECT_TRUE(std::ranges::any_of(other->choices,
                                        [&](const ChoiceLabel& c) { return c.value == value; }));
    }
}

}  // namespace
}  // namespace partnersim::workshop
