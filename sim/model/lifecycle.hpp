#pragma once
#include "model/world.hpp"

namespace partnersim {

// The facilitator arrives. Arriving after the work has begun is a bad event for partners:
// the risk "that participants see them as an outsider imposing new expectations and processes
// once work has already begun".
void join_facilitator(World& world);

// Process 9: the partnership's life course, preparing the next month: the facilitator joins;
// a time-bound partnership feels pressure near its end and stops at it; an open-ended one
// drifts from its goals unless reviewed; the facilitator grows embedded in the funder.
void advance_lifecycle(World& world);

// Pressure for short-term results in the months before a time-bound end (0..1), for the
// month `month` about to be simulated.
void update_end_pressure(World& world, int month);

// Facilitator hours the funder pays for this month: those delivered plus a consortium's own
// management overhead (cost counts them all).
double paid_hours(const FacilitatorState& facilitator);

// Drift of shared goals per month without review.
double goal_drift_per_month(const World& world);

}  // namespace partnersim
