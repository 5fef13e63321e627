#pragma once
// Initialisation: a heterogeneous population of partners, a funder and a facilitator from a
// scenario and the run's random stream (ODD "Initialization").

#include "model/random_stream.hpp"
#include "model/world.hpp"

namespace partnersim {

// Contexts (region, language, sector) grow with diversity: 1 context at 0, 8 at 1.
int context_count(double diversity, const PopulationConstants& constants);

// Sub-stream of a run for the traits of partners who may join later (7.15).
inline constexpr std::uint64_t newcomers_substream = 0x6e6577636f6d6501ULL;

// The world at month 0: `partners.count` founding partners, enrolled, and
// `partnership.newcomer_slots` slots set aside (not enrolled) for partners who may join.
World create_world(const Scenario& scenario, RandomStream& random);

// How well the facilitator's contextual skill reaches each partner (its match of contexts).
void match_contexts(World& world);

// A partner's states as it starts in the programme: prior trust in facilitator and funder,
// the capacity it brings, the initial worth it sees, its funding security, no self-knowledge
// beyond a unit prior. Its traits (drawn at month 0) and ties are left as they are.
void start_partner(World& world, std::size_t partner);

}  // namespace partnersim
