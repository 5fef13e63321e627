#include "model/candour.hpp"

#include "model/math.hpp"
#include "model/trust.hpp"

namespace partnersim {
namespace {

constexpr double candour_adjustment = 0.1;  // monthly share of the gap closed

// Evidence routed through the facilitator can be shielded; reports made straight to the
// funder cannot.
double routed_through_facilitator(Evidence evidence) {
    switch (evidence) {
        case Evidence::funder_reporting:
            return 0.3;
        case Evidence::shared_questions:
            return 0.7;
        case Evidence::partner_led:
            return 0.9;
    }
    return 0.5;
}

}  // namespace

void refresh_power_asymmetry(World& world) {
    auto& p = world.partners;
    const double focus = world.scenario.funder.accountability_focus;
    for (std::size_t i = 0; i < p.count; ++i) {
        p.power_asymmetry[i] = p.dependence[i] * (0.4 + 0.6 * focus);
    }
}

double facilitator_buffer(const World& world, std::size_t i) {
    if (!world.facilitator.active) return 0.0;
    return routed_through_facilitator(world.scenario.setup.evidence) *
           world.facilitator.profile.independence * trust_of(world.partners.trust_facilitator, i);
}

double candour_target(const World& world, std::size_t i) {
    const auto& p = world.partners;
    const auto& funder = world.scenario.funder;
    // "creating spaces where open engagement is possible (e.g. ensuring funding decisions
    // don't hinge on the outcomes of learning discussions)": disclosure risk adds to the threat,
    // as does the pressure to show results before a time-bound end.
    const double threat =
        p.power_asymmetry[i] * (0.5 + 0.5 * funder.disclosure_risk) + 0.2 * world.end_pressure;
    const double facilitator_trust =
        world.facilitator.active ? trust_of(p.trust_facilitator, i) : 0.0;
    const double safety =
        0.5 * trust_of(p.trust_funder, i) + 0.3 * facilitator_trust + 0.2 * funder.senior_buy_in;
    const double felt_threat = threat * (1.0 - facilitator_buffer(world, i));
    return logistic(6.0 * (safety - felt_threat));
}

void update_candour(World& world) {
    refresh_power_asymmetry(world);
    auto& p = world.partners;
    for (std::size_t i = 0; i < p.count; ++i) {
        p.candour[i] += candour_adjustment * (candour_target(world, i) - p.candour[i]);
    }
}

}  // namespace partnersim
