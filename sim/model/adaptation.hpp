#pragma once
#include "model/world.hpp"

namespace partnersim {

// Whether this month closes one of the funder's decision windows.
bool is_decision_month(const World& world);

// Correlation between the funder's support and partners' true effectiveness (-1..1; 0 when
// support is uniform).
double support_truth_correlation(const World& world);

// Process 8: partners improve practice from what they learn; at decision windows the funder
// reallocates support from its beliefs, may punish disclosed failure, and partners who see
// their learning used feel heard.
void adapt(World& world);

}  // namespace partnersim
