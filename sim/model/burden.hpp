#pragma once
#include "model/world.hpp"

namespace partnersim {

// Monthly hours of the funder's own reporting for a partner under this evidence model and
// accountability focus (CEP surveys: about 20 hours a year at a typical funder).
double reporting_hours(const World& world);

// Hours a partner has for learning and reporting in a month.
double available_hours(const World& world, std::size_t partner);

// Hours a partner spends in one-to-one support this month: its share of the facilitator's hours
// with it (burden.partner_share_of_support), but no more than it can absorb
// (burden.absorbable_share of its available hours).
double time_in_support(const World& world, std::size_t partner);

// Process 4d: partners' burden in hours (reporting plus learning activities), the strain it
// puts on them, and how the funder treats partners in crisis.
void account_burden(World& world);

}  // namespace partnersim
