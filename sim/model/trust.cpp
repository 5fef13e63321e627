#include "model/trust.hpp"

#include <algorithm>
#include <numeric>

namespace partnersim {

TrustLedger make_trust_ledger(std::size_t trusters, double initial, double prior_strength) {
    TrustLedger ledger;
    ledger.prior_good.assign(trusters, initial * prior_strength);
    ledger.prior_bad.assign(trusters, (1.0 - initial) * prior_strength);
    ledger.good = ledger.prior_good;
    ledger.bad = ledger.prior_bad;
    return ledger;
}

double mean_trust(const TrustLedger& ledger) {
    if (ledger.good.empty()) return 0.0;
    double sum = 0.0;
    for (std::size_t i = 0; i < ledger.good.size(); ++i) sum += trust_of(ledger, i);
    return sum / static_cast<double>(ledger.good.size());
}

void record_experience(TrustLedger& ledger, std::size_t i, double good, double bad,
                       const TrustParameters& rates) {
    // Forgetting pulls the evidence back toward the prior rather than toward nothing, so an
    // absent relationship returns to where it started instead of to ignorance (0.5).
    const double keep = 1.0 - 1.0 / rates.memory_months;
    ledger.good[i] = keep * ledger.good[i] + (1.0 - keep) * ledger.prior_good[i] +
                     rates.gain_rate * std::max(0.0, good);
    ledger.bad[i] = keep * ledger.bad[i] + (1.0 - keep) * ledger.prior_bad[i] +
                    rates.loss_rate * std::max(0.0, bad);
}

void update_trust(World& world) {
    const auto& rates = world.scenario.trust;
    auto& partners = world.partners;
    auto& lived = world.experiences;
    // A slot no newcomer has taken has no relationship yet (start_partner sets its ledgers when
    // one joins) and nothing experienced.
    for (std::size_t i = 0; i < partners.slots_taken(); ++i) {
        record_experience(partners.trust_facilitator, i, lived.partner_facilitator_good[i],
                          lived.partner_facilitator_bad[i], rates);
        record_experience(partners.trust_funder, i, lived.partner_funder_good[i],
                          lived.partner_funder_bad[i], rates);
    }
    record_experience(world.funder.trust_facilitator, 0, lived.funder_facilitator_good,
                      lived.funder_facilitator_bad, rates);

    std::fill(lived.partner_facilitator_good.begin(), lived.partner_facilitator_good.end(), 0.0);
    std::fill(lived.partner_facilitator_bad.begin(), lived.partner_facilitator_bad.end(), 0.0);
    std::fill(lived.partner_funder_good.begin(), lived.partner_funder_good.end(), 0.0);
    std::fill(lived.partner_funder_bad.begin(), lived.partner_funder_bad.end(), 0.0);
    lived.funder_facilitator_good = 0.0;
    lived.funder_facilitator_bad = 0.0;
}

}  // namespace partnersim
