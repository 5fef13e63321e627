#include "model/partnership_traits.hpp"

#include <algorithm>
#include <cmath>

#include "model/math.hpp"

namespace partnersim {

PartnershipTraits draw_partnership_traits(const Scenario& scenario, RandomStream& traits) {
    const auto& spread = scenario.partnership;
    // Drawn before any use and unconditionally, so the count of draws never depends on the
    // design; the design acts on the traits only through the values they shift.
    const double buy_in_z = traits.normal();
    const double flexibility_z = traits.normal();
    const double fit_z = traits.normal();
    const double volatility_z = traits.normal();
    // Drawn after the first four, so adding them left those draws as they were.
    const double absorption_z = traits.normal();
    const double staff_time_z = traits.normal();
    PartnershipTraits t;
    t.buy_in = clamp01(scenario.funder.senior_buy_in + spread.buy_in_spread * buy_in_z);
    t.flexibility =
        clamp01(scenario.funder.flexibility + spread.flexibility_spread * flexibility_z);
    t.fit = spread.fit_spread * fit_z;
    // Lognormal with mean 1: volatility scales risk up or down without moving its average.
    const double s = spread.volatility_spread;
    t.volatility = std::exp(s * volatility_z - 0.5 * s * s);
    const double a = spread.absorption_spread;
    t.absorption = std::exp(a * absorption_z - 0.5 * a * a);
    t.staff_time = clamp01(scenario.funder.staff_time + spread.staff_time_spread * staff_time_z);
    return t;
}

Scenario realise_traits(const Scenario& stated, const PartnershipTraits& traits) {
    Scenario realised = stated;
    realised.funder.senior_buy_in = traits.buy_in;
    realised.funder.flexibility = traits.flexibility;
    // "98% call [relationships] important, 36% spend the time" (CEP, model brief): the staff
    // time a funder gives is not the time it planned.
    realised.funder.staff_time = traits.staff_time;
    // "Getting the mix of skills and experience wrong can risk undermining participant trust
    // and willingness to engage": fit moves what partners meet, the soft and contextual skills.
    auto& facilitator = realised.facilitator;
    facilitator.soft_skills = clamp01(facilitator.soft_skills + traits.fit);
    facilitator.contextual = clamp01(facilitator.contextual + traits.fit);
    auto& partners = realised.partners;
    partners.shock_rate = std::min(1.0, partners.shock_rate * traits.volatility);
    partners.regional_shock_rate = std::min(1.0, partners.regional_shock_rate * traits.volatility);
    partners.effectiveness_drift *= std::sqrt(traits.volatility);
    // "It can take time to understand needs and what participants can absorb at a given
    // moment" (Itad/Porticus, set-up): how fast support, peers' example and practice learning
    // take hold is a property of these partners (absorptive capacity, Cohen and Levinthal 1990).
    auto& constants = realised.constants;
    constants.support.capacity_learning_rate *= traits.absorption;
    constants.convenings.spillover_rate *= traits.absorption;
    constants.adaptation.practice_learning_rate *= traits.absorption;
    return realised;
}

}  // namespace partnersim
