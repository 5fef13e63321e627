#pragma once
#include "model/random_stream.hpp"
#include "model/world.hpp"

namespace partnersim {

// What a partner tells the funder about itself: what it knows, made rosier as candour falls
// (the "cleanest version of the story").
// `clean_story` is the result it would like to be seen to have (learning.clean_story).
double partner_report(double self_estimate, double candour, double clean_story);

// Process 7: partners learn their own effectiveness in proportion to capacity and engagement;
// reports carry it in proportion to candour; the facilitator synthesises; the funder updates
// its beliefs through its own reading and, as far as learning reaches, through the synthesis.
void learn_and_report(World& world, RandomStream& random);

}  // namespace partnersim
