#pragma once
// What happened to the partnership as a whole in one month (docs/model.md 7.15 and 7.11), as
// flags the processes set and the observers read: the story of one traced run marks them on
// its timeline. Recording them draws nothing and changes no state the processes read, so a
// run's results are the same bit for bit with or without anyone looking.

#include <array>
#include <cstdint>
#include <string_view>

namespace partnersim {

enum class MonthEvent : std::uint32_t {
    focal_point_left = 1u << 0,
    lead_facilitator_left = 1u << 1,
    funder_leadership_changed = 1u << 2,
    budget_cut = 1u << 3,
    field_crisis = 1u << 4,
    funder_breach = 1u << 5,
    partner_joined = 1u << 6,
};

struct MonthEventInfo {
    MonthEvent event;
    std::string_view name;   // a stable identifier, for files and pages
    std::string_view label;  // in the study's words, for people
};

inline constexpr std::array<MonthEventInfo, 7> month_event_catalogue{{
    {MonthEvent::focal_point_left, "focal_point_left", "A focal point at the funder leaves"},
    {MonthEvent::lead_facilitator_left, "lead_facilitator_left",
     "The facilitator's lead person leaves"},
    {MonthEvent::funder_leadership_changed, "funder_leadership_changed",
     "The funder's leadership or strategy changes"},
    {MonthEvent::budget_cut, "budget_cut", "The facilitator's budget is cut"},
    {MonthEvent::field_crisis, "field_crisis", "A crisis hits the whole field"},
    {MonthEvent::funder_breach, "funder_breach", "The funder breaks partners' trust"},
    {MonthEvent::partner_joined, "partner_joined", "A new partner joins"},
}};

// The set of this month's events, as the processes add to it.
struct MonthEvents {
    std::uint32_t flags = 0;

    void note(MonthEvent e) { flags |= static_cast<std::uint32_t>(e); }
    bool has(MonthEvent e) const { return (flags & static_cast<std::uint32_t>(e)) != 0; }
};

}  // namespace partnersim
