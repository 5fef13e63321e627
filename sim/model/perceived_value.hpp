#pragma once
#include "model/world.hpp"

namespace partnersim {

// Process 4e: each partner's sense that the partnership is worth it moves toward what it got
// this month: tangible benefit, shared purpose, early quick wins, minus strain and insecurity.
void update_perceived_value(World& world);

}  // namespace partnersim
