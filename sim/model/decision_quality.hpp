#pragma once
// Decision quality: how much of what the funder could gain by knowing the truth its knowledge
// lets it gain (docs/model.md, 7.12 and section 10).

#include <cstddef>
#include <vector>

#include "model/world.hpp"

namespace partnersim {

// Working memory, so that a measure recorded every month allocates nothing once sized.
struct RankedPartner {
    double value = 0.0;  // what the partner is ranked by (true effectiveness or belief)
    std::size_t slot = 0;
};
struct DecisionScratch {
    std::vector<double> ideal_shares;     // the support it would give knowing the truth, best first
    std::vector<RankedPartner> by_truth;  // enrolled partners, truly best first
    std::vector<RankedPartner> by_belief;  // enrolled partners, best first in the funder's eyes
    std::vector<double> truth_by_rank;     // true effectiveness in the order of the funder's belief
};

// The regret of backing partners in the order the funder believes them effective, against
// backing them in the order of their true effectiveness, relative to what knowing the truth
// gains over an even spread:
//   regret_share = (V(truth's ranking) - V(funder's ranking)) / (V(truth's ranking) - V(even))
//   quality      = 1 - sqrt(regret_share)
// where V(ranking) = sum of ideal_share[k] * truth[partner ranked k] and the ideal shares are
// the funder's own allocation rule applied to the truth (support_shares, with `sharpness`).
// Partners the funder cannot tell apart (equal beliefs) share their ranks' shares equally. 1 when
// the funder ranks partners as the truth does, 0 when it can do no better than an even spread (e.g.
// before it learns anything), below 0 when its ranking is worse than even (about -0.4 when
// reversed). Only the order of beliefs counts, so timid (shrunk) beliefs that rank partners rightly
// score as well as bold ones. 0 when every partner is equally effective (nothing to gain). Over
// enrolled partners only (a partner that left, or a newcomer's slot not yet taken, is skipped).
double decision_quality(const PartnerPopulation& partners, const std::vector<double>& belief,
                        double sharpness, DecisionScratch& scratch);
double decision_quality(const PartnerPopulation& partners, const std::vector<double>& belief,
                        double sharpness);

}  // namespace partnersim
