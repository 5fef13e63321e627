#pragma once
#include "model/world.hpp"

namespace partnersim {

// The archetype's division of the facilitator's hours among one-to-one support, convenings,
// sense-making with the funder and relationship building, as shares summing to 1.
// `navigator_phase` (0..1) moves a programme navigator from partner support toward
// cross-programme learning.
EffortSplit archetype_shares(Archetype archetype, double navigator_phase,
                             const EffortConstants& constants);

// Strength of the backbone role (0..1) that convening hours buy for a network of this size.
double convening_intensity(double convening_hours, std::size_t partners,
                           const EffortConstants& constants);

// Process 2: the facilitator's hours this month and their split.
void allocate_effort(World& world);

}  // namespace partnersim
