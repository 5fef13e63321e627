#pragma once
#include <vector>

#include "model/world.hpp"

namespace partnersim {

// Whether this month closes one of the funder's decision windows.
bool is_decision_month(const World& world);

// The funder's allocation rule: shares proportional to exp(sharpness * value), summing to 1
// (the support it aims at when `values` are its beliefs and `sharpness` is
// adaptation.support_sharpness). `shares` may be `values` itself.
void support_shares(const std::vector<double>& values, double sharpness,
                    std::vector<double>& shares);

// Process 8: what learning added fades where it is not used; partners improve practice from
// what they learn; at decision windows the funder
// reallocates support from its beliefs, may punish disclosed failure, and partners who see
// their learning used feel heard.
void adapt(World& world);

}  // namespace partnersim
