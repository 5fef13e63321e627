#include "model/partnership_events.hpp"

#include <algorithm>
#include <cmath>

#include "model/enrolment.hpp"
#include "model/math.hpp"
#include "model/outcome.hpp"
#include "model/trust.hpp"

namespace partnersim {
namespace {

enum EventKind : std::size_t {
    facilitator_turnover,
    leadership_change,
    budget_cut,
    field_crisis,
    funder_breach,
    event_kinds
};

// Relationships are with people: a successor inherits only part of what partners (or a new
// funder leadership) had learned of its predecessor. Evidence beyond the prior shrinks by this.
constexpr double relationship_carried_over = 0.5;
// A facilitator that has lost its lead withdraws rather than rebuild when its standing with
// partners and funder, averaged, is below this (our assumption).
constexpr double standing_to_stay = 0.5;

void shrink_toward_prior(TrustLedger& ledger, std::size_t i, double kept) {
    ledger.good[i] = ledger.prior_good[i] + kept * (ledger.good[i] - ledger.prior_good[i]);
    ledger.bad[i] = ledger.prior_bad[i] + kept * (ledger.bad[i] - ledger.prior_bad[i]);
}

double facilitator_standing(const World& world) {
    const auto& p = world.partners;
    double sum = 0.0;
    for (std::size_t i = 0; i < p.count; ++i) {
        if (p.enrolled[i]) sum += trust_of(p.trust_facilitator, i);
    }
    const double partners = sum / static_cast<double>(std::max<std::size_t>(1, p.enrolled_count()));
    return 0.5 * partners + 0.5 * trust_of(world.funder.trust_facilitator, 0);
}

// A partner loses its grant more readily the less secure its funding (1 at security 0.5).
double exit_threshold(const World& world, std::size_t i, double base_chance) {
    return base_chance * (1.5 - world.partners.funding_security[i]);
}

}  // namespace

double monthly_chance(double rate_per_year) {
    return 1.0 - std::exp(-rate_per_year / 12.0);
}

void lose_lead_facilitator(World& world) {
    auto& p = world.partners;
    auto& facilitator = world.facilitator;
    facilitator.embeddedness *= relationship_carried_over;
    for (std::size_t i = 0; i < p.count; ++i) {
        shrink_toward_prior(p.trust_facilitator, i, relationship_carried_over);
    }
    world.experiences.funder_facilitator_bad += 0.5;
    if (facilitator_standing(world) < standing_to_stay) {
        collapse_partnership(world, OutcomeCause::facilitator_withdrew);
    }
}

// "relying on a single focal point can be risky—it can destabilise the learning partnership if
// they leave or if the scope of work changes": new leadership brings its own view of learning
// (buy-in redrawn around the present one), shifts the scope (shared goals lose a quarter), and
// neither knows the facilitator nor honours its focal points' standing as before.
void change_funder_leadership(World& world, double size) {
    auto& funder = world.scenario.funder;
    funder.senior_buy_in =
        clamp01(funder.senior_buy_in + 1.5 * world.scenario.partnership.buy_in_spread * size);
    world.goal_alignment *= 0.75;
    for (auto& focal : world.funder.focal_points) focal.capital *= 0.5;
    shrink_toward_prior(world.funder.trust_facilitator, 0, relationship_carried_over);
}

// A cut of 20% to 50% of the facilitator's hours (centred on 35%; our assumption).
void cut_budget(World& world, double size) {
    world.scenario.setup.budget_hours *= 1.0 - std::clamp(0.35 + 0.1 * size, 0.2, 0.5);
}

// Open Road Alliance: about one project in five meets an obstacle that needs contingency
// funding. Here the obstacle hits the whole field at once: every partner's effectiveness moves
// together, every partner turns to survival for three to six months, and its funding is less
// secure. How the funder answers (waived reports, or not) is burden.cpp's, from its flexibility.
void hit_field_with_crisis(World& world, double size) {
    auto& p = world.partners;
    const double shift = world.scenario.partners.shock_size * size;
    const int stress = 3 + static_cast<int>(std::lround(1.5 + 1.5 * std::tanh(size)));
    for (std::size_t i = 0; i < p.count; ++i) {
        p.baseline_effectiveness[i] += shift;
        p.stress_months[i] = std::max(p.stress_months[i], stress);
        p.funding_security[i] = clamp01(p.funding_security[i] - 0.3 * p.dependence[i]);
    }
}

// A breach of partners' trust by the funder (a promise broken, a report used against them):
// a bad experience for every partner, heavier for those who depend on it. Its timing matters
// through the beta reputation itself: early, little evidence is there to absorb it (Lount et
// al. 2008: an early breach does lasting damage).
void breach_partners_trust(World& world) {
    auto& p = world.partners;
    for (std::size_t i = 0; i < p.count; ++i) {
        if (!p.enrolled[i]) continue;
        world.experiences.partner_funder_bad[i] += 1.0 + p.dependence[i];
        p.funding_security[i] = clamp01(p.funding_security[i] - 0.2);
    }
}

void apply_partnership_events(World& world) {
    auto& stream = world.event_stream;
    const auto& rates = world.scenario.partnership;
    const auto& funder = world.scenario.funder;
    double candidate[event_kinds];
    double size[event_kinds];
    for (std::size_t k = 0; k < event_kinds; ++k) {
        candidate[k] = stream.uniform();
        size[k] = stream.normal();
    }
    auto& p = world.partners;
    const double exit_chance = monthly_chance(rates.partner_exit_rate);
    for (std::size_t i = 0; i < p.count; ++i) {
        const double u = stream.uniform();
        if (p.enrolled[i] && u < exit_threshold(world, i, exit_chance)) withdraw_partner(world, i);
    }
    const bool running = world.facilitator.active;
    if (running &&
        candidate[facilitator_turnover] < monthly_chance(rates.facilitator_turnover_rate)) {
        lose_lead_facilitator(world);
    }
    if (candidate[leadership_change] < monthly_chance(rates.leadership_change_rate)) {
        change_funder_leadership(world, size[leadership_change]);
    }
    if (running && candidate[budget_cut] < monthly_chance(rates.budget_cut_rate)) {
        cut_budget(world, size[budget_cut]);
    }
    if (candidate[field_crisis] <
        monthly_chance(rates.field_crisis_rate * world.traits.volatility)) {
        hit_field_with_crisis(world, size[field_crisis]);
    }
    // A funder that runs on accountability and cannot bend breaks trust more often (a rate of
    // 1x at middling accountability focus and flexibility; our assumption).
    const double breach_scale = (0.5 + funder.accountability_focus) * (1.5 - funder.flexibility);
    if (candidate[funder_breach] < monthly_chance(rates.funder_breach_rate * breach_scale)) {
        breach_partners_trust(world);
    }
}

}  // namespace partnersim
