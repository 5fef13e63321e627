#include "model/decision_quality.hpp"

#include <algorithm>
#include <cmath>

#include "model/adaptation.hpp"

namespace partnersim {
namespace {

// Enrolled partners best first by `value`; equal values in slot order, so the order is the same
// on every platform (equal values share their ranks' shares anyway).
template <class Value>
void rank_best_first(std::vector<std::size_t>& order, const PartnerPopulation& p, Value value) {
    order.clear();
    for (std::size_t i = 0; i < p.count; ++i) {
        if (p.enrolled[i]) order.push_back(i);
    }
    std::sort(order.begin(), order.end(), [&value](std::size_t a, std::size_t b) {
        const double va = value(a), vb = value(b);
        return va > vb || (va == vb && a < b);
    });
}

}  // namespace

double decision_quality(const PartnerPopulation& p, const std::vector<double>& belief,
                        double sharpness, DecisionScratch& scratch) {
    // Over the partners enrolled now, as every mean is: one that left, or a slot no newcomer
    // has taken, is no longer the funder's to back.
    const std::size_t n = p.enrolled_count();
    if (n == 0) return 0.0;
    auto& order = scratch.order;
    auto& ideal = scratch.ideal_shares;
    const auto truth = [&p](std::size_t i) { return p.true_effectiveness(i); };

    // What knowing the truth would buy: the funder's own rule applied to the truth.
    rank_best_first(order, p, truth);
    ideal.resize(n);
    double even = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
        ideal[k] = truth(order[k]);
        even += ideal[k];
    }
    even /= static_cast<double>(n);
    support_shares(ideal, sharpness, ideal);
    double informed = 0.0;
    for (std::size_t k = 0; k < n; ++k) informed += ideal[k] * truth(order[k]);
    const double attainable = informed - even;
    if (!(attainable > 1e-12)) return 0.0;  // everyone equally effective: nothing to decide

    // What the funder's knowledge buys: the same shares, in the order of its beliefs; partners
    // it cannot tell apart share their ranks' shares.
    rank_best_first(order, p, [&belief](std::size_t i) { return belief[i]; });
    double achieved = 0.0;
    for (std::size_t first = 0; first < n;) {
        std::size_t last = first + 1;
        while (last < n && belief[order[last]] == belief[order[first]]) ++last;
        double shares = 0.0, truths = 0.0;
        for (std::size_t k = first; k < last; ++k) {
            shares += ideal[k];
            truths += truth(order[k]);
        }
        achieved += shares / static_cast<double>(last - first) * truths;
        first = last;
    }
    // Regret is second order in the funder's errors (a near swap near the top costs little), so
    // its share of the attainable gain crowds every well-informed funder near 0; its square root
    // is on the scale of the errors themselves, as a root mean square error is to a variance.
    const double regret_share = std::max(0.0, informed - achieved) / attainable;
    return 1.0 - std::sqrt(regret_share);
}

double decision_quality(const PartnerPopulation& partners, const std::vector<double>& belief,
                        double sharpness) {
    DecisionScratch scratch;
    return decision_quality(partners, belief, sharpness, scratch);
}

}  // namespace partnersim
