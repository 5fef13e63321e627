#include "model/shocks.hpp"

#include "model/math.hpp"

namespace partnersim {
namespace {

void shock_contexts(World& world, RandomStream& random) {
    const auto& spec = world.scenario.partners;
    const auto stress_min_months =
        static_cast<int>(world.scenario.constants.shocks.stress_min_months);
    const auto stress_extra_months =
        static_cast<std::uint64_t>(world.scenario.constants.shocks.stress_extra_months);
    auto& p = world.partners;
    // A regional shock (conflict, policy change) hits every partner in one context together.
    const auto contexts = static_cast<std::size_t>(world.contexts);
    auto& regional = Scratch::fresh(world.scratch.regional_shift, contexts, 0.0);
    auto& regional_hit = Scratch::fresh(world.scratch.regional_hit, contexts, std::uint8_t{0});
    for (std::size_t c = 0; c < regional.size(); ++c) {
        if (random.chance(spec.regional_shock_rate)) {
            regional_hit[c] = 1;
            regional[c] = random.normal(0.0, spec.shock_size);
        }
    }
    for (std::size_t i = 0; i < p.count; ++i) {
        if (p.stress_months[i] > 0) --p.stress_months[i];
        double change = random.normal(0.0, spec.effectiveness_drift);
        const auto c = static_cast<std::size_t>(p.context[i]);
        bool shocked = regional_hit[c] != 0;
        change += regional[c];
        if (random.chance(spec.shock_rate)) {
            shocked = true;
            change += random.normal(0.0, spec.shock_size);
        }
        p.baseline_effectiveness[i] += change;
        if (shocked) {
            p.stress_months[i] =
                stress_min_months + static_cast<int>(random.below(stress_extra_months));
        }
    }
}

// Losing the last broker in post destabilises the partnership (damage 1); losing one of a team
// that stays costs only a share of it ("Ideally any single focal point will be supported by a
// wider team who are bought into the learning goals").
double departure_damage(const std::vector<FocalPoint>& focal_points, const ShockConstants& c) {
    std::size_t in_post = 0;
    for (const auto& focal : focal_points) in_post += focal.vacant_until < 0 ? 1 : 0;
    if (in_post == 0) return c.last_broker_damage;
    return c.team_departure_damage / static_cast<double>(focal_points.size());
}

// "relying on a single focal point can be risky—it can destabilise the learning partnership
// if they leave": a departure is a bad event for the funder's trust in the facilitator (the
// successor does not know them) and, more mildly, for partners' trust in the funder.
void turn_over_focal_points(World& world, RandomStream& random) {
    const auto& f = world.scenario.funder;
    const auto& c = world.scenario.constants.shocks;
    for (auto& focal : world.funder.focal_points) {
        if (focal.vacant_until >= 0) {
            if (world.month >= focal.vacant_until) {
                focal.vacant_until = -1;
                focal.capital =
                    c.newcomer_capital_share * f.focal_point_capital;  // a newcomer builds capital
            }
            continue;
        }
        focal.capital += c.capital_growth * (f.focal_point_capital - focal.capital);
        if (random.chance(f.focal_point_turnover)) {
            focal.vacant_until = world.month + f.focal_point_vacancy_months;
            focal.capital = 0.0;
            world.events.note(MonthEvent::focal_point_left);
            const double damage = departure_damage(world.funder.focal_points, c);
            world.experiences.funder_facilitator_bad += damage;
            for (auto& bad : world.experiences.partner_funder_bad)
                bad += c.partner_share_of_damage * damage;
        }
    }
}

void update_funding_security(World& world) {
    auto& p = world.partners;
    const double security_recovery = world.scenario.constants.shocks.security_recovery;
    for (std::size_t i = 0; i < p.count; ++i) {
        p.funding_security[i] +=
            security_recovery * (baseline_funding_security(world, i) - p.funding_security[i]);
    }
}

}  // namespace

double baseline_funding_security(const World& world, std::size_t partner) {
    const double dependence = world.partners.dependence[partner];
    const double uncertainty = world.scenario.funder.funding_uncertainty;
    const auto& c = world.scenario.constants.shocks;
    return clamp01(1.0 -
                   uncertainty * (c.insecurity_floor + (1.0 - c.insecurity_floor) * dependence) -
                   c.end_pressure_insecurity * world.end_pressure * dependence);
}

void apply_shocks(World& world, RandomStream& random) {
    shock_contexts(world, random);
    turn_over_focal_points(world, random);
    update_funding_security(world);
}

}  // namespace partnersim
