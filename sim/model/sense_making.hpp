#pragma once
#include "model/world.hpp"

namespace partnersim {

// How far learning reaches the level where decisions are made (0..1): focal points with
// political capital, senior buy-in, the fit between the partnership's level and where the
// funder decides, and goals still shared.
double decision_reach(const World& world);

// Process 4c: sense-making with the funder. The facilitator's synthesis this month (0..1) rises
// with hours, strategic learning skill, the funder staff's time, understanding of the funder
// (embeddedness) and objectivity (lost when too embedded). Useful synthesis builds the
// funder's trust in the facilitator; a facilitator who delivers nothing loses it.
void make_sense_with_funder(World& world);

}  // namespace partnersim
