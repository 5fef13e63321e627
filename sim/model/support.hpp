#pragma once
#include "model/world.hpp"

namespace partnersim {

// Quality of the facilitator's one-to-one support for a partner (0..1): MEL skill, contextual
// match and sectoral credibility, lifted by an accompaniment role.
double support_quality(const World& world, std::size_t partner);

// Process 4a: one-to-one support and relationship building. Support grows MEL capacity with
// diminishing returns; both build trust in the facilitator; a partner left without contact by
// a facilitator spread too thin has a bad experience.
void provide_support(World& world);

}  // namespace partnersim
