#include "model/outcome.hpp"

#include "model/adaptation.hpp"
#include "model/trust.hpp"

namespace partnersim {
namespace {

// Readings are exponential averages that forget at this rate a month (about six months' memory):
// a funder or a partner judges by the recent run of things, not one month.
constexpr double reading_memory = 1.0 / 6.0;
// The funder first judges after a year of the facilitator's work ("it can take time to
// understand needs"; decision windows come yearly by default).
constexpr int months_before_funder_judges = 12;
// Partners have disengaged for good when fewer than this share take part (or fewer than half
// remain), once set-up and the first months of work are past.
constexpr double collapsed_participation = 0.15;
constexpr double collapsed_enrolment = 0.5;
constexpr int months_before_partners_judged = 6;
// A completed partnership is struggling when fewer than this share still take part at its
// end, or when its worth to the funder is within this margin of the funder's patience.
constexpr double struggling_participation = 0.35;
constexpr double struggling_worth_margin = 0.1;

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

void update_readings(World& world) {
    auto& outcome = world.outcome;
    outcome.recent_participation +=
        reading_memory * (participation_share(world) - outcome.recent_participation);
    outcome.funder_worth += reading_memory * (funder_worth_now(world) - outcome.funder_worth);
}

bool partners_have_disengaged(const World& world) {
    const auto& facilitator = world.facilitator;
    const int settled = world.scenario.setup.setup_months + months_before_partners_judged;
    const double remaining = static_cast<double>(world.partners.enrolled_count()) /
                             static_cast<double>(world.initial_partners);
    if (remaining < collapsed_enrolment) return true;
    return facilitator.months_active >= settled &&
           world.outcome.recent_participation < collapsed_participation;
}

bool funder_ends_it(const World& world) {
    return world.facilitator.months_active >= months_before_funder_judges &&
           is_decision_month(world) &&
           world.outcome.funder_worth < world.scenario.partnership.funder_patience;
}

}  // namespace

double funder_worth_now(const World& world) {
    const double champion =
        0.3 + 0.4 * focal_point_strength_now(world) + 0.3 * world.scenario.funder.senior_buy_in;
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
    if (outcome.recent_participation < struggling_participation) {
        outcome.kind = OutcomeClass::struggling;
        outcome.cause = OutcomeCause::weak_engagement;
    } else if (outcome.funder_worth < patience + struggling_worth_margin) {
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
