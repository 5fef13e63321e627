#pragma once
// One month of a learning partnership. The order of the processes is part of the model
// (docs/model.md, "Process overview and scheduling"). A step advances the world and does no
// I/O; observers in engine/ record what they need after it.

#include "model/random_stream.hpp"
#include "model/world.hpp"

namespace partnersim {

// A world at month 0, with the facilitator in place if it joins from the start.
World start_world(const Scenario& scenario, RandomStream& random);

void step_month(World& world, RandomStream& random);

}  // namespace partnersim
