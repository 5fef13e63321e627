#pragma once
// Partners leaving the programme for good (docs/model.md 7.15): a partner that loses its grant,
// or one that has stayed away while finding little of value, gives up its slot. Slots are fixed
// for the run (structure-of-arrays, no resizing); a partner that left keeps enrolled = 0.

#include <cstddef>

#include "model/world.hpp"

namespace partnersim {

// The partner leaves: it takes no further part, and the funder's support goes to the others.
void withdraw_partner(World& world, std::size_t partner);

// Process 8b: partners who stayed away for months while finding the partnership of little
// value disengage for good ("[partners] lose interest quickly").
void let_disengaged_partners_go(World& world);

// Months away, with low perceived value, after which a partner leaves for good.
inline constexpr int months_away_before_leaving = 6;
inline constexpr double value_below_which_partners_leave = 0.3;

}  // namespace partnersim
