#include "model/candour.hpp"

#include "model/math.hpp"
#include "model/trust.hpp"

namespace partnersim {
namespace {

// Evidence routed through the facilitator can be shielded; reports made straight to the
// funder cannot.
double routed_through_facilitator(Evidence evidence, const CandourConstants& c) {
    switch (evidence) {
        case Evidence::funder_reporting:
            return c.routed_funder_reporting;
        case Evidence::shared_questions:
            return c.routed_shared_questions;
        case Evidence::partner_led:
            return c.routed_partner_led;
    }
    return 0.5;
}

}  // namespace

void refresh_power_asymmetry(World& world) {
    auto& p = world.partners;
    const double focus = world.scenario.funder.accountability_focus;
    const double floor = world.scenario.constants.candour.asymmetry_floor;
    const double exposure = floor + (1.0 - floor) * focus;
    for (std::size_t i = 0; i < p.count; ++i) {
        p.power_asymmetry[i] = p.dependence[i] * exposure;
    }
}

double facilitator_buffer(const World& world, std::size_t i) {
    if (!world.facilitator.active) return 0.0;
    return routed_through_facilitator(world.scenario.setup.evidence,
                                      world.scenario.constants.candour) *
           world.facilitator.profile.independence * trust_of(world.partners.trust_facilitator, i);
}

double candour_target(const World& world, std::size_t i) {
    const auto& p = world.partners;
    const auto& funder = world.scenario.funder;
    const auto& c = world.scenario.constants.candour;
    // "creating spaces where open engagement is possible (e.g. ensuring funding decisions
    // don't hinge on the outcomes of learning discussions)": disclosure risk adds to the threat,
    // as does the pressure to show results before a time-bound end.
    const double threat = p.power_asymmetry[i] * (c.disclosure_floor + (1.0 - c.disclosure_floor) *
                                                                           funder.disclosure_risk) +
                          c.end_pressure_threat * world.end_pressure;
    const double facilitator_trust =
        world.facilitator.active ? trust_of(p.trust_facilitator, i) : 0.0;
    const double safety = c.safety_funder_trust * trust_of(p.trust_funder, i) +
                          c.safety_facilitator_trust * facilitator_trust +
                          c.safety_buy_in * funder.senior_buy_in;
    const double felt_threat = threat * (1.0 - facilitator_buffer(world, i));
    return logistic(c.decisiveness * (safety - felt_threat));
}

void update_candour(World& world) {
    refresh_power_asymmetry(world);
    auto& p = world.partners;
    const double candour_adjustment = world.scenario.constants.candour.adjustment;
    for (std::size_t i = 0; i < p.slots_taken(); ++i) {
        p.candour[i] += candour_adjustment * (candour_target(world, i) - p.candour[i]);
    }
}

}  // namespace partnersim
