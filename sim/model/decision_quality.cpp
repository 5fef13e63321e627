#include "model/decision_quality.hpp"

#include <algorithm>
#include <cmath>

#include "model/adaptation.hpp"

namespace partnersim {
namespace {

bool ranks_before(const RankedPartner& a, const RankedPartner& b) {
    return a.value > b.value || (a.value == b.value && a.slot < b.slot);
}

// Enrolled partners best first by `value`; equal values in slot order, so the order is unique
// and the same on every platform (equal values share their ranks' shares anyway). The measure is
// recorded every month and rankings move little from one month to the next, so the sort starts
// from last month's order when the same partners are enrolled (an insertion sort is then close
// to one pass); the order is a strict total one, so where it starts does not change the result.
template <class Value>
void rank_best_first(std::vector<RankedPartner>& ranked, const PartnerPopulation& p,
                     std::size_t enrolled, Value value) {
    bool same_partners = ranked.size() == enrolled;
    for (std::size_t k = 0; same_partners && k < ranked.size(); ++k) {
        same_partners = p.enrolled[ranked[k].slot] != 0;
    }
    if (same_partners) {
        for (auto& r : ranked) r.value = value(r.slot);
    } else {
        ranked.clear();
        for (std::size_t i = 0; i < p.count; ++i) {
            if (p.enrolled[i]) ranked.push_back({value(i), i});
        }
    }
    for (std::size_t k = 1; k < ranked.size(); ++k) {
        const RankedPartner moving = ranked[k];
        std::size_t to = k;
        for (; to > 0 && ranks_before(moving, ranked[to - 1]); --to) ranked[to] = ranked[to - 1];
        ranked[to] = moving;
    }
}

}  // namespace

double decision_quality(const PartnerPopulation& p, const std::vector<double>& belief,
                        double sharpness, DecisionScratch& scratch) {
    // Over the partners enrolled now, as every mean is: one that left, or a slot no newcomer
    // has taken, is no longer the funder's to back.
    const std::size_t n = p.enrolled_count();
    if (n == 0) return 0.0;
    auto& ranked = scratch.by_truth;
    auto& ideal = scratch.ideal_shares;
    auto& truth_by_rank = scratch.truth_by_rank;
    const auto truth = [&p](std::size_t i) { return p.true_effectiveness(i); };

    // What knowing the truth would buy: the funder's own rule applied to the truth.
    rank_best_first(ranked, p, n, truth);
    ideal.resize(n);
    double even = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
        ideal[k] = ranked[k].value;
        even += ideal[k];
    }
    even /= static_cast<double>(n);
    support_shares(ideal, sharpness, ideal);
    double informed = 0.0;
    for (std::size_t k = 0; k < n; ++k) informed += ideal[k] * ranked[k].value;
    const double attainable = informed - even;
    if (!(attainable > 1e-12)) return 0.0;  // everyone equally effective: nothing to decide

    // What the funder's knowledge buys: the same shares, in the order of its beliefs; partners
    // it cannot tell apart share their ranks' shares.
    auto& by_belief = scratch.by_belief;
    rank_best_first(by_belief, p, n, [&belief](std::size_t i) { return belief[i]; });
    truth_by_rank.resize(n);
    for (std::size_t k = 0; k < n; ++k) truth_by_rank[k] = truth(by_belief[k].slot);
    double achieved = 0.0;
    for (std::size_t first = 0; first < n;) {
        std::size_t last = first + 1;
        while (last < n && by_belief[last].value == by_belief[first].value) ++last;
        double shares = 0.0, truths = 0.0;
        for (std::size_t k = first; k < last; ++k) {
            shares += ideal[k];
            truths += truth_by_rank[k];
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
