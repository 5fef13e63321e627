#pragma once
// What each partner has been through so far, kept for the measures (not read by any process):
// how many months it had activities on offer while enrolled and how many of those it took part
// in (a community of practice's core, active ring and periphery, Wenger, McDermott and Snyder
// 2002), and whether it has met an obstacle, a spell in survival mode after a context shock or
// a field crisis (Open Road Alliance: about one project in five meets one).

#include "model/world.hpp"

namespace partnersim {

// Called once a month, after participation is decided (step.cpp).
void note_partner_history(World& world);

}  // namespace partnersim
