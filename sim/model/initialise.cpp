#include "model/initialise.hpp"

#include <algorithm>
#include <cmath>

#include "model/candour.hpp"
#include "model/trust.hpp"

namespace partnersim {
namespace {

double clamp_to(double v, double low = 0.0, double high = 1.0) {
    return std::clamp(v, low, high);
}

// One partner's traits, drawn from `random`: a founding partner's from the run's stream, a
// newcomer's (drawn at month 0 for its slot) from the newcomers' sub-stream.
void draw_partner_traits(World& world, std::size_t i, RandomStream& random) {
    const auto& spec = world.scenario.partners;
    const auto& c = world.scenario.constants.population;
    auto& p = world.partners;
    const double diversity = spec.diversity;
    // Resources are right-skewed (a few large organisations, many small): lognormal with a
    // spread that grows with diversity, mean preserved.
    const double resource_sd = c.resource_spread_base + c.resource_spread_per_diversity * diversity;
    const double capacity_sd = c.capacity_spread_base + c.capacity_spread_per_diversity * diversity;
    p.context[i] = static_cast<int>(random.below(static_cast<std::uint64_t>(world.contexts)));
    const double lognormal =
        std::exp(random.normal(0.0, resource_sd) - 0.5 * resource_sd * resource_sd);
    p.resources[i] = clamp_to(spec.resources_mean * lognormal, 0.02, 1.0);
    const double resource_gap = p.resources[i] - spec.resources_mean;
    // Better-resourced partners tend to have stronger MEL systems and depend less on
    // any one funder; small organisations depend more (our assumption).
    p.capacity[i] = clamp_to(spec.capacity_mean + capacity_sd * random.normal() +
                                 c.capacity_per_resources * resource_gap,
                             0.01, 0.99);
    p.dependence[i] = clamp_to(spec.dependence_mean + c.dependence_spread * random.normal() -
                               c.dependence_per_resources * resource_gap);
    p.unified_identity[i] = clamp_to(spec.unified_identity + c.identity_spread * random.normal() -
                                     c.identity_per_diversity * (diversity - 0.5));
    p.baseline_effectiveness[i] = random.normal();
    p.indicator_bias[i] = random.normal();
}

void draw_population(World& world, RandomStream& random) {
    auto& p = world.partners;
    for (std::size_t i = 0; i < p.founders; ++i) draw_partner_traits(world, i, random);
    // Newcomers' traits come from a sub-stream of their own, so the founding partners' traits
    // are drawn as they would be with no slot set aside.
    RandomStream newcomers = random.substream(newcomers_substream);
    for (std::size_t i = p.founders; i < p.count; ++i) draw_partner_traits(world, i, newcomers);
}

}  // namespace

// The facilitator matches the first `coverage` share of contexts (labels are exchangeable);
// matched partners get its full contextual skill, others a remote share of it.
void match_contexts(World& world) {
    auto& p = world.partners;
    const auto& profile = world.facilitator.profile;
    const int covered = static_cast<int>(std::ceil(profile.coverage * world.contexts - 1e-9));
    const double contextual = profile.skill(Skill::contextual);
    for (std::size_t i = 0; i < p.count; ++i) {
        p.contextual_match[i] =
            p.context[i] < covered
                ? contextual
                : world.scenario.constants.population.remote_contextual_share * contextual;
    }
}

namespace {

void size_partner_states(PartnerPopulation& p, std::size_t founders, std::size_t n) {
    p.count = n;
    p.founders = founders;
    p.joined = 0;
    for (auto* v : {&p.resources,        &p.indicator_bias,   &p.dependence,
                    &p.unified_identity, &p.contextual_match, &p.baseline_effectiveness,
                    &p.practice_gain,    &p.capacity,         &p.initial_capacity,
                    &p.power_asymmetry,  &p.perceived_value,  &p.candour,
                    &p.funding_security, &p.engagement,       &p.burden_hours,
                    &p.report_hours,     &p.one_to_one_hours, &p.benefit,
                    &p.strain,           &p.self_estimate,    &p.self_precision,
                    &p.report,           &p.support,          &p.participation_habit}) {
        v->assign(n, 0.0);
    }
    p.context.assign(n, 0);
    p.enrolled.assign(n, 1);
    p.absent_months.assign(n, 0);
    p.stress_months.assign(n, 0);
    p.present.assign(n, 0);
    p.months_on_offer.assign(n, 0);
    p.months_present.assign(n, 0);
    p.met_obstacle.assign(n, 0);
    p.ties = TieNetwork(n);
}

void size_experiences(MonthlyExperiences& e, std::size_t n) {
    e.partner_facilitator_good.assign(n, 0.0);
    e.partner_facilitator_bad.assign(n, 0.0);
    e.partner_funder_good.assign(n, 0.0);
    e.partner_funder_bad.assign(n, 0.0);
}

}  // namespace

void start_partner(World& world, std::size_t i) {
    const auto& s = world.scenario;
    auto& p = world.partners;
    const auto& population = s.constants.population;
    const double insecurity_floor = s.constants.shocks.insecurity_floor;
    for (auto* ledger : {&p.trust_facilitator, &p.trust_funder}) {
        ledger->good[i] = ledger->prior_good[i];
        ledger->bad[i] = ledger->prior_bad[i];
    }
    p.initial_capacity[i] = p.capacity[i];
    p.practice_gain[i] = 0.0;
    p.perceived_value[i] = population.initial_value_base +
                           population.initial_value_per_clarity * s.setup.clarity_of_purpose;
    p.funding_security[i] =
        1.0 - s.funder.funding_uncertainty *
                  (insecurity_floor + (1.0 - insecurity_floor) * p.dependence[i]);
    p.stress_months[i] = 0;
    p.absent_months[i] = 0;
    p.participation_habit[i] = s.constants.participation.initial_habit;
    p.self_estimate[i] = 0.0;
    p.self_precision[i] = 1.0;  // a unit-variance prior around 0, like the funder's
    p.report[i] = 0.0;
}

namespace {

void initialise_partner_states(World& world) {
    const auto& s = world.scenario;
    auto& p = world.partners;
    const double prior = s.trust.prior_strength;
    // An internal facilitator is seen as the funder ("conflation of 'learner' and
    // 'facilitator' role"): partners start trusting it as they trust the funder.
    const double trust_in_facilitator = s.facilitator.kind == FacilitatorKind::internal
                                            ? s.partners.initial_trust_funder
                                            : s.partners.initial_trust_facilitator;
    p.trust_facilitator = make_trust_ledger(p.count, trust_in_facilitator, prior);
    p.trust_funder = make_trust_ledger(p.count, s.partners.initial_trust_funder, prior);
    const double uniform_support = 1.0 / static_cast<double>(p.founders);
    for (std::size_t i = 0; i < p.count; ++i) {
        start_partner(world, i);
        // A newcomer's slot waits, outside the programme, until someone joins in it.
        const bool founder = i < p.founders;
        p.enrolled[i] = founder ? 1 : 0;
        p.support[i] = founder ? uniform_support : 0.0;
    }
    refresh_power_asymmetry(world);
    for (std::size_t i = 0; i < p.count; ++i) p.candour[i] = candour_target(world, i);
}

void initialise_funder(World& world) {
    const auto& f = world.scenario.funder;
    world.funder.belief.assign(world.partners.count, 0.0);
    world.funder.focal_points.assign(static_cast<std::size_t>(f.focal_points),
                                     FocalPoint{f.focal_point_capital, -1});
    world.funder.trust_facilitator = make_trust_ledger(
        1, world.facilitator.profile.funder_prior_trust, world.scenario.trust.prior_strength);
}

}  // namespace

int context_count(double diversity, const PopulationConstants& constants) {
    return 1 + static_cast<int>(std::lround(
                   static_cast<double>(constants.extra_contexts_at_full_diversity) * diversity));
}

World create_world(const Scenario& scenario, RandomStream& random) {
    World world;
    world.scenario = scenario;
    world.contexts = context_count(scenario.partners.diversity, scenario.constants.population);
    world.facilitator.profile =
        make_facilitator_profile(scenario.facilitator, scenario.constants.facilitator_kinds);
    world.facilitator.embeddedness = world.facilitator.profile.initial_embeddedness;
    const double alignment_floor = scenario.constants.lifecycle.initial_alignment_floor;
    world.goal_alignment =
        alignment_floor + (1.0 - alignment_floor) * scenario.setup.clarity_of_purpose;

    const auto founders = static_cast<std::size_t>(scenario.partners.count);
    const auto n = founders + static_cast<std::size_t>(scenario.partnership.newcomer_slots);
    size_partner_states(world.partners, founders, n);
    size_experiences(world.experiences, n);
    draw_population(world, random);
    match_contexts(world);
    initialise_funder(world);
    initialise_partner_states(world);
    world.initial_partners = static_cast<int>(founders);
    return world;
}

}  // namespace partnersim
