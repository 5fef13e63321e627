#pragma once
#include "model/world.hpp"

namespace partnersim {

// Process 4b: convenings form and strengthen ties between partners who attend together;
// capacity spills over along ties; ties decay without a backbone role; attending is worth
// more the more relevant the others' practice is.
void hold_convenings(World& world);

}  // namespace partnersim
