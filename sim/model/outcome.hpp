#pragma once
// Failure as an outcome (docs/model.md 7.16): every run ends thriving, struggling or collapsed,
// with the month and the cause. A partnership collapses when the funder ends one it sees as
// dispensable, when its partners disengage for good, or when the facilitator withdraws; one that
// runs its course is judged at its end from the same readings.

#include "model/world.hpp"

namespace partnersim {

// The partnership's worth in the funder's own eyes this month, 0..1: its trust in the
// facilitator, carried by focal points with political capital and by senior buy-in ("Without
// this the learning partnership can be seen as dispensable").
double funder_worth_now(const World& world);

// The partnership ends now, before its time, for `cause`; the facilitator stops.
void collapse_partnership(World& world, OutcomeCause cause);

// Process 8c: update the readings; the funder may end the partnership at a decision window;
// partners may have disengaged for good; a time-bound partnership is judged in its last month.
void judge_partnership(World& world);

// At the end of a run: a partnership not yet judged (open-ended, or a horizon before its end)
// is judged as it stands in its last simulated month.
void finalise_outcome(World& world);

// The judgement of a partnership that ran its course, from its running readings.
void judge_completed(World& world, int month);

}  // namespace partnersim
