#pragma once
#include "model/random_stream.hpp"
#include "model/world.hpp"

namespace partnersim {

// Partners have activities to join: a facilitator at work, or a network that meets by itself.
bool activities_on_offer(const World& world);

// A partner's wish to take part this month (0..1), from perceived value, trust in the
// facilitator, slack, funding security (which counts for less in survival mode) and programme
// identity.
double participation_propensity(const World& world, std::size_t partner);

// Process 3: who takes part and how engaged. Optional participation lets partners choose;
// mandatory brings everyone, and the unwilling attend tokenistically.
void decide_participation(World& world, RandomStream& random);

// Engagement below this while present is tokenistic attendance.
inline constexpr double tokenism_threshold = 0.4;

}  // namespace partnersim
