#include "model/effort.hpp"

#include <algorithm>

#include "model/math.hpp"

namespace partnersim {
namespace {

// Shares (one-to-one, convening, sense-making, relationship): our reading of each archetype's
// purpose and activities in Itad/Porticus section 6; the numbers are assumptions.
constexpr EffortSplit practice_partner{0.55, 0.10, 0.10, 0.25};
constexpr EffortSplit sense_maker{0.10, 0.05, 0.65, 0.20};
constexpr EffortSplit network_builder{0.10, 0.60, 0.05, 0.25};
constexpr EffortSplit navigator_later{0.20, 0.30, 0.30, 0.20};

EffortSplit blend(const EffortSplit& a, const EffortSplit& b, double weight_b) {
    const double wa = 1.0 - weight_b;
    return {wa * a.one_to_one + weight_b * b.one_to_one, wa * a.convening + weight_b * b.convening,
            wa * a.sense_making + weight_b * b.sense_making,
            wa * a.relationship + weight_b * b.relationship};
}

EffortSplit scaled(const EffortSplit& shares, double hours) {
    return {shares.one_to_one * hours, shares.convening * hours, shares.sense_making * hours,
            shares.relationship * hours};
}

// "sequencing activities over time (e.g. starting with partner reflection and capacity
// building, then evolving to cross-programme learning)": the navigator's shift is complete half
// way through its planned span (the time-bound span, or two years when open-ended).
double navigator_phase(const World& world) {
    const auto& setup = world.scenario.setup;
    const double span = setup.duration == Duration::time_bound
                            ? std::max(1, setup.end_month - setup.join_month)
                            : 24.0;
    return clamp01(world.facilitator.months_active / (0.5 * span));
}

EffortSplit level_and_pressure(EffortSplit s, const World& world) {
    // Portfolio level: "'big picture' overview to guide high-level decisions ... often not what
    // is most needed or desired by partners": hours move from one-to-one to synthesis.
    if (world.scenario.setup.level == Level::portfolio) {
        const double moved = 0.4 * s.one_to_one;
        s.one_to_one -= moved;
        s.sense_making += moved;
    }
    // Near a time-bound end, "pressure to demonstrate short-term results" pulls hours from
    // partners into reporting results upward.
    const double moved = 0.3 * world.end_pressure * (s.one_to_one + s.relationship);
    s.one_to_one *= 1.0 - 0.3 * world.end_pressure;
    s.relationship *= 1.0 - 0.3 * world.end_pressure;
    s.sense_making += moved;
    // Set-up time goes to relationships and understanding context before substance.
    if (world.facilitator.months_active < world.scenario.setup.setup_months) {
        s = blend(s, EffortSplit{0.15, 0.15, 0.10, 0.60}, 0.6);
    }
    return s;
}

}  // namespace

EffortSplit archetype_shares(Archetype archetype, double phase) {
    switch (archetype) {
        case Archetype::practice_partner:
            return practice_partner;
        case Archetype::sense_maker:
            return sense_maker;
        case Archetype::network_builder:
            return network_builder;
        case Archetype::programme_navigator:
            return blend(practice_partner, navigator_later, clamp01(phase));
    }
    return practice_partner;
}

double convening_intensity(double convening_hours, std::size_t partners) {
    // A larger network needs more backbone hours for the same intensity.
    return saturating(convening_hours, 10.0 + 1.5 * static_cast<double>(partners));
}

// Without a facilitator, partners who built strong ties and see themselves as one programme
// keep meeting on their own, weakly: the momentum that outlives a time-bound partnership.
double self_organised_intensity(const World& world) {
    const auto& p = world.partners;
    double identity = 0.0;
    for (const double u : p.unified_identity) identity += u;
    identity /= static_cast<double>(p.count);
    return 0.5 * p.ties.density(working_tie) * identity;
}

void allocate_effort(World& world) {
    auto& facilitator = world.facilitator;
    if (!facilitator.active) {
        facilitator.hours = EffortSplit{};
        facilitator.convening_intensity = self_organised_intensity(world);
        return;
    }
    const auto& profile = facilitator.profile;
    const double hours =
        world.scenario.setup.budget_hours * profile.availability * (1.0 - profile.overhead);
    const EffortSplit shares = level_and_pressure(
        archetype_shares(world.scenario.setup.archetype, navigator_phase(world)), world);
    facilitator.hours = scaled(shares, hours);
    facilitator.convening_intensity =
        convening_intensity(facilitator.hours.convening, world.partners.count);
}

}  // namespace partnersim
