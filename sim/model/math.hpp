#pragma once
// Small shapes the model's equations are built from.

#include <algorithm>
#include <cmath>
#include <vector>

namespace partnersim {

inline double clamp01(double v) {
    return std::clamp(v, 0.0, 1.0);
}

inline double logistic(double x) {
    return 1.0 / (1.0 + std::exp(-x));
}

// Diminishing returns: 0 at 0, 1/2 at `half`, approaching 1.
inline double saturating(double amount, double half) {
    return amount <= 0.0 ? 0.0 : amount / (amount + half);
}

// Scales non-negative shares (the funder's support after a partner leaves or is cut) to sum to
// 1; shares that are all 0 stay as they are.
inline void normalise_shares(std::vector<double>& shares) {
    double total = 0.0;
    for (const double share : shares) total += share;
    if (total <= 0.0) return;
    for (auto& share : shares) share /= total;
}

}  // namespace partnersim
