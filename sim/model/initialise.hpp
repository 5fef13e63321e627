#pragma once
// Initialisation: a heterogeneous population of partners, a funder and a facilitator from a
// scenario and the run's random stream (ODD "Initialization").

#include "model/random_stream.hpp"
#include "model/world.hpp"

namespace partnersim {

// Contexts (region, language, sector) grow with diversity: 1 context at 0, 8 at 1.
int context_count(double diversity, const PopulationConstants& constants);

World create_world(const Scenario& scenario, RandomStream& random);

}  // namespace partnersim
