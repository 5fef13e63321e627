#pragma once
// The categorical set-up choices of a learning partnership (Itad/Porticus 2025, section 2,
// "Key dimensions", and section 6, "Archetypes"), with the names used in scenario files.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace partnersim {

enum class Archetype { practice_partner, sense_maker, network_builder, programme_navigator };
enum class FacilitatorKind { internal, external, self_managed };
enum class ExternalKind { established, emerging, consortium };
enum class Duration { time_bound, open_ended };
enum class Participation { optional, mandatory };
enum class Level { programme, portfolio };
enum class Evidence { funder_reporting, shared_questions, partner_led };

// Names of each choice as written in scenario files, in enum order.
template <class Choice>
struct ChoiceNames;

template <>
struct ChoiceNames<Archetype> {
    static constexpr std::array<std::string_view, 4> names{
        "practice_partner", "sense_maker", "network_builder", "programme_navigator"};
};
template <>
struct ChoiceNames<FacilitatorKind> {
    static constexpr std::array<std::string_view, 3> names{"internal", "external", "self_managed"};
};
template <>
struct ChoiceNames<ExternalKind> {
    static constexpr std::array<std::string_view, 3> names{"established", "emerging", "consortium"};
};
template <>
struct ChoiceNames<Duration> {
    static constexpr std::array<std::string_view, 2> names{"time_bound", "open_ended"};
};
template <>
struct ChoiceNames<Participation> {
    static constexpr std::array<std::string_view, 2> names{"optional", "mandatory"};
};
template <>
struct ChoiceNames<Level> {
    static constexpr std::array<std::string_view, 2> names{"programme", "portfolio"};
};
template <>
struct ChoiceNames<Evidence> {
    static constexpr std::array<std::string_view, 3> names{"funder_reporting", "shared_questions",
                                                           "partner_led"};
};

template <class Choice>
std::string_view choice_name(Choice value) {
    return ChoiceNames<Choice>::names[static_cast<std::size_t>(value)];
}

template <class Choice>
std::optional<Choice> parse_choice(std::string_view name) {
    const auto& names = ChoiceNames<Choice>::names;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == name) return static_cast<Choice>(i);
    }
    return std::nullopt;
}

template <class Choice>
std::vector<std::string> choice_names() {
    const auto& names = ChoiceNames<Choice>::names;
    return {names.begin(), names.end()};
}

}  // namespace partnersim
