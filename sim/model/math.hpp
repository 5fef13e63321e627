#pragma once
// Small shapes the model's equations are built from.

#include <algorithm>
#include <cmath>

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

}  // namespace partnersim
