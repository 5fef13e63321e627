#include "model/partnership_events.hpp"

#include <algorithm>
#include <cmath>

#include "model/enrolment.hpp"
#include "model/initialise.hpp"
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
    newcomer,
    event_kinds
};

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

void lose_lead_facilitator(World& world, double successor_fit) {
    auto& p = world.partners;
    auto& facilitator = world.facilitator;
    // The successor is another person: its fit with these partners is its own (7.14), so the
    // realised soft and contextual skills move from the predecessor's fit to the successor's.
    const double fit = world.scenario.partnership.fit_spread * successor_fit;
    auto& skills = world.scenario.facilitator;
    skills.soft_skills = clamp01(skills.soft_skills + fit - world.traits.fit);
    skills.contextual = clamp01(skills.contextual + fit - world.traits.fit);
    world.traits.fit = fit;
    facilitator.profile =
        make_facilitator_profile(skills, world.scenario.constants.facilitator_kinds);
    match_contexts(world);
    // Relationships are with people: a successor inherits only part of what partners had
    // learned of its predecessor; evidence beyond the prior shrinks by this share.
    const auto& c = world.scenario.constants.events;
    facilitator.embeddedness *= c.relationship_carried_over;
    for (std::size_t i = 0; i < p.count; ++i) {
        shrink_toward_prior(p.trust_facilitator, i, c.relationship_carried_over);
    }
    world.experiences.funder_facilitator_bad += c.turnover_funder_damage;
    // A facilitator whose standing with partners and funder is low withdraws rather than
    // rebuild.
    if (facilitator_standing(world) < c.standing_to_stay) {
        collapse_partnership(world, OutcomeCause::facilitator_withdrew);
    }
}

// "relying on a single focal point can be risky—it can destabilise the learning partnership if
// they leave or if the scope of work changes": new leadership brings its own view of learning
// (buy-in redrawn around the present one), shifts the scope (shared goals lose a quarter), and
// neither knows the facilitator nor honours its focal points' standing as before.
void change_funder_leadership(World& world, double size) {
    auto& funder = world.scenario.funder;
    const auto& c = world.scenario.constants.events;
    funder.senior_buy_in =
        clamp01(funder.senior_buy_in +
                c.leadership_buy_in_shift * world.scenario.partnership.buy_in_spread * size);
    world.goal_alignment *= c.leadership_alignment_kept;
    for (auto& focal : world.funder.focal_points) focal.capital *= c.leadership_capital_kept;
    shrink_toward_prior(world.funder.trust_facilitator, 0, c.relationship_carried_over);
}

// A cut of 20% to 50% of the facilitator's hours (centred on 35%; our assumption). Bounds
// applied as max(low, min(high, x)), well defined whatever a sweep sets them to.
void cut_budget(World& world, double size) {
    const auto& c = world.scenario.constants.events;
    const double cut =
        std::max(c.budget_cut_min,
                 std::min(c.budget_cut_max, c.budget_cut_share + c.budget_cut_spread * size));
    world.scenario.setup.budget_hours *= 1.0 - cut;
}

// Open Road Alliance: about one project in five meets an obstacle that needs contingency
// funding. Here the obstacle hits the whole field at once: every partner's effectiveness moves
// together, every partner turns to survival for three to six months, and its funding is less
// secure. How the funder answers (waived reports, or not) is burden.cpp's, from its flexibility.
void hit_field_with_crisis(World& world, double size) {
    auto& p = world.partners;
    const auto& c = world.scenario.constants.events;
    const double shift = world.scenario.partners.shock_size * size;
    // From the minimum (a small crisis) to minimum + extra (a large one), half-way at z = 0.
    const double extra = 0.5 * c.crisis_stress_extra_months;
    const int stress = static_cast<int>(c.crisis_stress_min_months) +
                       static_cast<int>(std::lround(extra + extra * std::tanh(size)));
    for (std::size_t i = 0; i < p.count; ++i) {
        p.baseline_effectiveness[i] += shift;
        p.stress_months[i] = std::max(p.stress_months[i], stress);
        p.funding_security[i] =
            clamp01(p.funding_security[i] - c.crisis_security_loss * p.dependence[i]);
    }
}

// A breach of partners' trust by the funder (a promise broken, a report used against them):
// a bad experience for every partner, heavier for those who depend on it. Its timing matters
// through the beta reputation itself: early, little evidence is there to absorb it (Lount et
// al. 2008: an early breach does lasting damage).
void breach_partners_trust(World& world) {
    auto& p = world.partners;
    const auto& c = world.scenario.constants.events;
    for (std::size_t i = 0; i < p.count; ++i) {
        if (!p.enrolled[i]) continue;
        world.experiences.partner_funder_bad[i] += c.breach_severity + p.dependence[i];
        p.funding_security[i] = clamp01(p.funding_security[i] - c.breach_security_loss);
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
        world.events.note(MonthEvent::lead_facilitator_left);
        lose_lead_facilitator(world, size[facilitator_turnover]);
    }
    if (candidate[leadership_change] < monthly_chance(rates.leadership_change_rate)) {
        world.events.note(MonthEvent::funder_leadership_changed);
        change_funder_leadership(world, size[leadership_change]);
    }
    if (running && candidate[budget_cut] < monthly_chance(rates.budget_cut_rate)) {
        world.events.note(MonthEvent::budget_cut);
        cut_budget(world, size[budget_cut]);
    }
    if (candidate[field_crisis] <
        monthly_chance(rates.field_crisis_rate * world.traits.volatility)) {
        world.events.note(MonthEvent::field_crisis);
        hit_field_with_crisis(world, size[field_crisis]);
    }
    // A funder that runs on accountability and cannot bend breaks trust more often (a rate of
    // 1x at middling accountability focus and flexibility; our assumption).
    const double breach_scale = (0.5 + funder.accountability_focus) * (1.5 - funder.flexibility);
    if (candidate[funder_breach] < monthly_chance(rates.funder_breach_rate * breach_scale)) {
        world.events.note(MonthEvent::funder_breach);
        breach_partners_trust(world);
    }
    // "Partnerships ... may also close or reconfigure with new partners" (Itad/Porticus): a
    // new partner joins while the facilitator works, into a slot set aside at month 0.
    if (world.facilitator.active && candidate[newcomer] < monthly_chance(rates.newcomer_rate)) {
        if (admit_newcomer(world)) world.events.note(MonthEvent::partner_joined);
    }
}

}  // namespace partnersim
