#pragma once
#include "model/world.hpp"

namespace partnersim {

// Power asymmetry follows from a partner's dependence on the funder and the funder's
// accountability focus.
void refresh_power_asymmetry(World& world);

// How far an independent, trusted facilitator shields a partner from the funder's power
// (0..1): "An external learning facilitator can help navigate the power dynamics".
double facilitator_buffer(const World& world, std::size_t partner);

// The candour a partner would settle at, given its safety and the threat it feels.
double candour_target(const World& world, std::size_t partner);

// Process 6: candour moves toward its target; power asymmetry under an accountability focus
// pushes partners to tell "the cleanest version of the story".
void update_candour(World& world);

}  // namespace partnersim
