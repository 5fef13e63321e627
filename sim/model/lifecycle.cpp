#include "model/lifecycle.hpp"

#include <algorithm>

#include "model/math.hpp"

namespace partnersim {
void update_end_pressure(World& world, int next_month) {
    const auto& setup = world.scenario.setup;
    if (setup.duration != Duration::time_bound || next_month >= setup.end_month) {
        world.end_pressure = 0.0;
        return;
    }
    // Rises from 1/6 six months before the end to 1 in the last month.
    const auto end_pressure_months =
        static_cast<int>(world.scenario.constants.lifecycle.end_pressure_months);
    world.end_pressure =
        clamp01(static_cast<double>(next_month - (setup.end_month - end_pressure_months) + 1) /
                static_cast<double>(end_pressure_months));
}

namespace {

void drift_or_review_goals(World& world, int next_month) {
    const auto& setup = world.scenario.setup;
    world.goal_alignment = std::max(0.0, world.goal_alignment - goal_drift_per_month(world));
    // "Sufficient set-up time for the partnership, enabling trust and relationships to form ...
    // and clear goals to emerge"; "Where partnerships are formed too quickly without fully
    // developed strategies, this can undermine meaningful collaboration down the line": what
    // set-up does not settle stays unsettled, since only a review restores alignment later.
    const auto& facilitator = world.facilitator;
    if (facilitator.active && facilitator.months_active <= setup.setup_months) {
        world.goal_alignment +=
            world.scenario.constants.lifecycle.goal_emergence * (1.0 - world.goal_alignment);
    }
    // "Long-term partnerships can include time-bound learning milestones or questions that
    // are collaboratively revisited"; "Review and iteration are also crucial".
    const bool reviewing = setup.duration == Duration::open_ended && setup.review &&
                           world.facilitator.active && next_month > 0 &&
                           next_month % setup.review_interval_months == 0;
    if (reviewing) {
        world.goal_alignment +=
            world.scenario.constants.lifecycle.review_realignment * (1.0 - world.goal_alignment);
    }
}

void grow_embeddedness(World& world) {
    auto& facilitator = world.facilitator;
    if (!facilitator.active) return;
    ++facilitator.months_active;
    // At most 0.75 a month within the parameter ranges, so embeddedness never overshoots 1.
    const double rate = std::min(1.0, world.scenario.facilitator.embeddedness_rate *
                                          (world.scenario.constants.lifecycle.accompaniment_base +
                                           world.scenario.facilitator.accompaniment));
    facilitator.embeddedness += rate * (1.0 - facilitator.embeddedness);
}

}  // namespace

double paid_hours(const FacilitatorState& facilitator) {
    // Delivered hours are what is left of the paid ones after a consortium's own management
    // ("may require more resources for management"): the funder pays for both.
    return facilitator.hours.total() / (1.0 - facilitator.profile.overhead);
}

double goal_drift_per_month(const World& world) {
    const auto& setup = world.scenario.setup;
    const auto& c = world.scenario.constants.lifecycle;
    // Open-ended: "Risk of mission drift"; clarity of the overarching vision slows it.
    // Time-bound work is tied to a programme's fixed goals and drifts far less.
    const double drift =
        c.drift_per_month * (1.0 - c.clarity_slows_drift * setup.clarity_of_purpose);
    return setup.duration == Duration::open_ended ? drift : c.time_bound_drift_share * drift;
}

void join_facilitator(World& world) {
    auto& facilitator = world.facilitator;
    facilitator.has_joined = true;
    facilitator.active = true;
    const auto& setup = world.scenario.setup;
    const auto& c = world.scenario.constants.lifecycle;
    const double lateness = clamp01(static_cast<double>(setup.join_month - setup.setup_months) /
                                    c.lateness_scale_months);
    if (lateness <= 0.0) return;
    const double tact = 1.0 - c.facilitation_tact * facilitator.profile.skill(Skill::facilitation);
    const double damage = c.late_join_partner_damage * lateness * tact;
    for (auto& bad : world.experiences.partner_facilitator_bad) bad += damage;
    world.experiences.funder_facilitator_bad += c.late_join_funder_damage * lateness;
}

void advance_lifecycle(World& world) {
    const int next_month = world.month + 1;
    const auto& setup = world.scenario.setup;
    grow_embeddedness(world);
    drift_or_review_goals(world, next_month);
    if (!world.facilitator.has_joined && next_month >= setup.join_month) join_facilitator(world);
    // "Builds in closure or transition": at its end month a time-bound partnership stops.
    if (setup.duration == Duration::time_bound && next_month >= setup.end_month) {
        world.facilitator.active = false;
    }
    update_end_pressure(world, next_month);
    world.cumulative_cost += paid_hours(world.facilitator) * world.scenario.facilitator.hourly_cost;
    world.month = next_month;
}

}  // namespace partnersim
