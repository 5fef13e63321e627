#include "model/sense_making.hpp"

#include <algorithm>

#include "model/math.hpp"

namespace partnersim {
namespace {

constexpr double synthesis_half_hours = 25.0;
constexpr double objectivity_threshold = 0.7;  // embeddedness beyond which objectivity erodes

// "embedded enough to understand the team, their needs and how decisions are made, without
// being so integrated they risk losing objectivity."
double objectivity(double embeddedness) {
    const double excess = std::max(0.0, embeddedness - objectivity_threshold);
    return 1.0 - 0.6 * excess / (1.0 - objectivity_threshold);
}

// "relying on a single focal point can be risky": several focal points each add their capital.
double focal_point_strength(const World& world) {
    const auto& focal_points = world.funder.focal_points;
    if (focal_points.empty()) return 0.15;  // no broker: "it can be challenging ... to deliver"
    double none_reaches = 1.0;
    for (const auto& focal : focal_points) {
        if (focal.vacant_until < 0) none_reaches *= 1.0 - focal.capital;
    }
    return std::max(0.15, 1.0 - none_reaches);
}

}  // namespace

double decision_reach(const World& world) {
    const auto& funder = world.scenario.funder;
    // "learning needs to happen at the level where the decisions you want to influence are
    // made": portfolio-level learning fits centralised decisions, programme-level decentralised.
    const double centralised = funder.centralised_decisions;
    const double level_fit = world.scenario.setup.level == Level::portfolio
                                 ? 0.4 + 0.6 * centralised
                                 : 0.4 + 0.6 * (1.0 - centralised);
    return focal_point_strength(world) * (0.5 + 0.5 * funder.senior_buy_in) * level_fit *
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
    const double effort = saturating(facilitator.hours.sense_making, synthesis_half_hours);
    const double staff_time = 0.4 + 0.6 * world.scenario.funder.staff_time;
    const double understanding = 0.4 + 0.6 * facilitator.embeddedness;
    facilitator.synthesis = effort * (0.3 + 0.7 * profile.skill(Skill::strategic_learning)) *
                            staff_time * understanding * objectivity(facilitator.embeddedness);
    // Useful synthesis is what the funder values: "Without this the learning partnership can be
    // seen as dispensable."
    world.experiences.funder_facilitator_good += facilitator.synthesis;
    if (facilitator.synthesis < 0.05) world.experiences.funder_facilitator_bad += 0.2;
}

}  // namespace partnersim
