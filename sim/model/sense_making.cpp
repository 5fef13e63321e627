#include "model/sense_making.hpp"

#include <algorithm>

#include "model/math.hpp"

namespace partnersim {
namespace {

// "embedded enough to understand the team, their needs and how decisions are made, without
// being so integrated they risk losing objectivity."
double objectivity(double embeddedness, const SenseMakingConstants& c) {
    const double excess = std::max(0.0, embeddedness - c.objectivity_threshold);
    return 1.0 - c.objectivity_loss * excess / (1.0 - c.objectivity_threshold);
}

// "relying on a single focal point can be risky": several focal points each add their capital.
double focal_point_strength(const World& world) {
    const auto& focal_points = world.funder.focal_points;
    const double unbrokered = world.scenario.constants.sense_making.unbrokered_reach;
    if (focal_points.empty())
        return unbrokered;  // no broker: "it can be challenging ... to deliver"
    double none_reaches = 1.0;
    for (const auto& focal : focal_points) {
        if (focal.vacant_until < 0) none_reaches *= 1.0 - focal.capital;
    }
    return std::max(unbrokered, 1.0 - none_reaches);
}

}  // namespace

double decision_reach(const World& world) {
    const auto& funder = world.scenario.funder;
    const auto& c = world.scenario.constants.sense_making;
    // "learning needs to happen at the level where the decisions you want to influence are
    // made": portfolio-level learning fits centralised decisions, programme-level decentralised.
    const double centralised = funder.centralised_decisions;
    const double fit_floor = c.level_fit_floor;
    const double level_fit = world.scenario.setup.level == Level::portfolio
                                 ? fit_floor + (1.0 - fit_floor) * centralised
                                 : fit_floor + (1.0 - fit_floor) * (1.0 - centralised);
    return focal_point_strength(world) *
           (c.buy_in_floor + (1.0 - c.buy_in_floor) * funder.senior_buy_in) * level_fit *
           world.goal_alignment;
}

void make_sense_with_funder(World& world) {
    auto& facilitator = world.facilitator;
    world.funder.decision_reach = decision_reach(world);
    if (!facilitator.active) {
        facilitator.synthesis = 0.0;
        return;
    }
    const auto& profile = facilitator.profile;
    const auto& c = world.scenario.constants.sense_making;
    const double effort = saturating(facilitator.hours.sense_making, c.synthesis_half_hours);
    const double staff_time =
        c.staff_time_floor + (1.0 - c.staff_time_floor) * world.scenario.funder.staff_time;
    const double understanding =
        c.embeddedness_floor + (1.0 - c.embeddedness_floor) * facilitator.embeddedness;
    facilitator.synthesis =
        effort *
        (c.strategic_floor + (1.0 - c.strategic_floor) * profile.skill(Skill::strategic_learning)) *
        staff_time * understanding * objectivity(facilitator.embeddedness, c);
    // Useful synthesis is what the funder values; sector knowledge "gives confidence to ...
    // philanthropy staff" (its 'challenge role') in what the synthesis says. A month without
    // synthesis is no experience at all, not a bad one: whether the partnership is "seen as
    // dispensable" is the funder's judgement at its decision windows, from the trust this
    // builds and the champions it has (outcome.cpp), not a monthly charge on archetypes that
    // were set up to give their hours to partners.
    world.experiences.funder_facilitator_good += facilitator.synthesis * profile.credibility;
}

}  // namespace partnersim
