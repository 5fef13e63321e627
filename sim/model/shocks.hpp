#pragma once
#include "model/random_stream.hpp"
#include "model/world.hpp"

namespace partnersim {

// Process 1: context shocks move partners' true effectiveness and push them into survival
// mode; focal points leave and are replaced; funding security follows uncertainty.
void apply_shocks(World& world, RandomStream& random);

// The funding security a partner settles at, given the funder's uncertainty, its dependence
// and the pressure of a time-bound end.
double baseline_funding_security(const World& world, std::size_t partner);

}  // namespace partnersim
