#include "model/outcome.hpp"

#include "model/adaptation.hpp"
#include "model/trust.hpp"

namespace partnersim {
namespace {

double focal_point_strength_now(const World& world) {
    double none_reaches = 1.0;
    for (const auto& focal : world.funder.focal_points) {
        if (focal.vacant_until < 0) none_reaches *= 1.0 - focal.capital;
    }
    return 1.0 - none_reaches;
}

double participation_share(const World& world) {
    const auto& p = world.partners;
    const auto enrolled = p.enrolled_count();
    if (enrolled == 0) return 0.0;
    double present = 0.0;
    for (std::size_t i = 0; i < p.count; ++i) present += p.enrolled[i] && p.present[i];
    return present / static_cast<double>(enrolled);
}

// Readings are exponential averages over about `reading_memory_months` (six by default): a
// funder or a partner judges by the recent run of things, not one month.
void update_readings(World& world) {
    auto& outcome = world.outcome;
    const double reading_memory = 1.0 / world.scenario.constants.outcome.reading_memory_months;
    outcome.recent_participation +=
        reading_memory * (participation_share(world) - outcome.recent_participation);
    outcome.funder_worth += reading_memory * (funder_worth_now(world) - outcome.funder_worth);
}

// Partners have disengaged for good when too few take part, once set-up and the first months
// of work are past, or when too few of month 0's partners remain.
bool partners_have_disengaged(const World& world) {
    const auto& facilitator = world.facilitator;
    const auto& c = world.scenario.constants.outcome;
    const double settled = world.scenario.setup.setup_months + c.months_before_partners_judged;
    const double remaining = static_cast<double>(world.partners.enrolled_count()) /
                             static_cast<double>(world.initial_partners);
    if (remaining < c.collapsed_enrolment) return true;
    return facilitator.months_active >= settled &&
           world.outcome.recent_participation < c.collapsed_participation;
}

// The funder first judges after months of the facilitator's work ("it can take time to
// understand needs"; decision windows come yearly by default).
bool funder_ends_it(const World& world) {
    return world.facilitator.months_active >=
               world.scenario.constants.outcome.months_before_funder_judges &&
           is_decision_month(world) &&
           world.outcome.funder_worth < world.scenario.partnership.funder_patience;
}

// The start-up review: once set-up and a few months of work are past, the funder's leaders
// commit to the partnership or withdraw. With realised buy-in below the floor nobody senior
// carries it ("programme teams may not naturally prioritise learning unless supported by senior
// leaders", Itad/Porticus): they withdraw before the partnership has had time to show its
// worth; a USAID developmental-evaluation pilot "failed at start-up" over buy-in (brief).
bool funder_withdraws_at_startup(const World& world) {
    const auto& c = world.scenario.constants.outcome;
    const double review = world.scenario.setup.setup_months + c.months_to_startup_review;
    return world.facilitator.months_active == static_cast<int>(review) &&
           world.scenario.funder.senior_buy_in < c.startup_buy_in_floor;
}

}  // namespace

double funder_worth_now(const World& world) {
    const auto& c = world.scenario.constants.outcome;
    const double champion = c.worth_base +
                            c.worth_per_focal_strength * focal_point_strength_now(world) +
                            c.worth_per_buy_in * world.scenario.funder.senior_buy_in;
    return trust_of(world.funder.trust_facilitator, 0) * champion;
}

void collapse_partnership(World& world, OutcomeCause cause) {
    auto& outcome = world.outcome;
    if (outcome.decided) return;
    outcome.kind = OutcomeClass::collapsed;
    outcome.cause = cause;
    outcome.month = world.month;
    outcome.decided = true;
    world.facilitator.active = false;
}

void judge_completed(World& world, int month) {
    auto& outcome = world.outcome;
    if (outcome.decided) return;
    outcome.decided = true;
    outcome.month = month;
    const double patience = world.scenario.partnership.funder_patience;
    const auto& c = world.scenario.constants.outcome;
    // A completed partnership struggles when few still take part at its end, or when its worth
    // to the funder is within a margin of the funder's patience.
    if (outcome.recent_participation < c.struggling_participation) {
        outcome.kind = OutcomeClass::struggling;
        outcome.cause = OutcomeCause::weak_engagement;
    } else if (outcome.funder_worth < patience + c.struggling_worth_margin) {
        outcome.kind = OutcomeClass::struggling;
        outcome.cause = OutcomeCause::weak_funder_value;
    } else {
        outcome.kind = OutcomeClass::thriving;
        outcome.cause = OutcomeCause::none;
    }
}

void judge_partnership(World& world) {
    if (world.outcome.decided || !world.facilitator.active) return;
    update_readings(world);
    if (partners_have_disengaged(world)) {
        collapse_partnership(world, OutcomeCause::partners_disengaged);
        return;
    }
    if (funder_withdraws_at_startup(world)) {
        collapse_partnership(world, OutcomeCause::no_buy_in_at_startup);
        return;
    }
    if (funder_ends_it(world)) {
        collapse_partnership(world, OutcomeCause::funder_ended);
        return;
    }
    const auto& setup = world.scenario.setup;
    if (setup.duration == Duration::time_bound && world.month + 1 >= setup.end_month) {
        judge_completed(world, world.month);
    }
}

void finalise_outcome(World& world) {
    if (!world.outcome.decided) judge_completed(world, world.month - 1);
}

}  // namespace partnersim
