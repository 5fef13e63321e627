#pragma once
// Trust as beta reputation with asymmetric weights and forgetting (process 5).

#include <cstddef>

#include "model/scenario.hpp"
#include "model/world.hpp"

namespace partnersim {

// A ledger of `trusters` entries, all starting at trust `initial` held with `prior_strength`
// pseudo-experiences.
TrustLedger make_trust_ledger(std::size_t trusters, double initial, double prior_strength);

inline double trust_of(const TrustLedger& ledger, std::size_t i) {
    return ledger.good[i] / (ledger.good[i] + ledger.bad[i]);
}
double mean_trust(const TrustLedger& ledger);

// One month of experience for one truster: fade toward the prior, then add this month's good
// and bad experience with their separate weights. Bad weighs loss_rate/gain_rate times more
// than good of the same size (Slovic 1993).
void record_experience(TrustLedger& ledger, std::size_t i, double good, double bad,
                       const TrustParameters& rates);

// Process 5: turn the month's experiences into trust in all three directions, then clear them.
void update_trust(World& world);

}  // namespace partnersim
