#pragma once
// Partners leaving the programme for good, and new partners joining it (docs/model.md 7.15): a
// partner that loses its grant, or one that has stayed away while finding little of value,
// gives up its slot; a newcomer takes the next slot set aside for newcomers at month 0. Slots
// are fixed for the run (structure-of-arrays, no resizing); a partner that left keeps
// enrolled = 0, a slot not yet taken has enrolled = 0 too.

#include <cstddef>

#include "model/world.hpp"

namespace partnersim {

// The partner leaves: it takes no further part, and the funder's support goes to the others.
void withdraw_partner(World& world, std::size_t partner);

// A new partner joins in the next free newcomer slot, if one is left (false if none): it
// starts as a founding partner started at month 0 (prior trust, the capacity it brings, no
// ties), the funder knows nothing of it yet (belief 0, the prior mean), and it gets an even
// share of the funder's support, the others' shares scaled down to make room.
bool admit_newcomer(World& world);

// Share of pairs of enrolled partners with a tie at least `threshold` (0 with fewer than two).
double enrolled_tie_density(const PartnerPopulation& partners, float threshold);

// Process 8b: partners who stayed away for months while finding the partnership of little
// value disengage for good ("[partners] lose interest quickly").
void let_disengaged_partners_go(World& world);

}  // namespace partnersim
