#pragma once
// Partnership-level events (docs/model.md 7.15): the facilitator's lead person leaves; the
// funder changes leadership or strategy; the facilitator's budget is cut; a crisis hits the
// whole field; the funder breaks partners' trust; partners lose their grant and leave; a new
// partner joins.

#include "model/world.hpp"

namespace partnersim {

// Monthly probability of an event with a yearly rate.
double monthly_chance(double rate_per_year);

// Process 1b. Every month draws the same numbers from the run's event sub-stream whatever the
// design (a candidate and a size for each kind, a candidate for each partner slot); the design
// acts on them only through thresholds (whether a facilitator is there to lose its lead,
// how secure a partner's funding is, how accountability-driven and flexible the funder is).
void apply_partnership_events(World& world);

// The effects, one per kind; `size` and `successor_fit` are standard normal draws.
void lose_lead_facilitator(World& world, double successor_fit);
void change_funder_leadership(World& world, double size);
void cut_budget(World& world, double size);
void hit_field_with_crisis(World& world, double size);
void breach_partners_trust(World& world);

}  // namespace partnersim
