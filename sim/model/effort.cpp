#include "model/effort.hpp"

#include <algorithm>

#include "model/enrolment.hpp"
#include "model/math.hpp"

namespace partnersim {
namespace {

// Shares (one-to-one, convening, sense-making, relationship): our reading of each archetype's
// purpose and activities in Itad/Porticus section 6; the numbers are assumptions. Each row is
// normalised to sum to 1, so a constant set or drawn on its own stays a share of the hours
// (the default rows sum to exactly 1.0, so normalising them changes no bit).
EffortSplit normalised(EffortSplit s) {
    const double total = s.one_to_one + s.convening + s.sense_making + s.relationship;
    return {s.one_to_one / total, s.convening / total, s.sense_making / total,
            s.relationship / total};
}
EffortSplit practice_partner(const EffortConstants& c) {
    return normalised({c.practice_partner_one_to_one, c.practice_partner_convening,
                       c.practice_partner_sense_making, c.practice_partner_relationship});
}
EffortSplit sense_maker(const EffortConstants& c) {
    return normalised({c.sense_maker_one_to_one, c.sense_maker_convening,
                       c.sense_maker_sense_making, c.sense_maker_relationship});
}
EffortSplit network_builder(const EffortConstants& c) {
    return normalised({c.network_builder_one_to_one, c.network_builder_convening,
                       c.network_builder_sense_making, c.network_builder_relationship});
}
EffortSplit navigator_later(const EffortConstants& c) {
    return normalised({c.navigator_later_one_to_one, c.navigator_later_convening,
                       c.navigator_later_sense_making, c.navigator_later_relationship});
}
EffortSplit setup_split(const EffortConstants& c) {
    return normalised(
        {c.setup_one_to_one, c.setup_convening, c.setup_sense_making, c.setup_relationship});
}

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
    const auto& c = world.scenario.constants.effort;
    const double span = setup.duration == Duration::time_bound
                            ? std::max(1, setup.end_month - setup.join_month)
                            : c.navigator_open_ended_span_months;
    return clamp01(world.facilitator.months_active / (c.navigator_shift_share_of_span * span));
}

EffortSplit level_and_pressure(EffortSplit s, const World& world) {
    const auto& c = world.scenario.constants.effort;
    // Portfolio level: "'big picture' overview to guide high-level decisions ... often not what
    // is most needed or desired by partners": hours move from one-to-one to synthesis.
    if (world.scenario.setup.level == Level::portfolio) {
        const double moved = c.portfolio_one_to_one_moved * s.one_to_one;
        s.one_to_one -= moved;
        s.sense_making += moved;
    }
    // Near a time-bound end, "pressure to demonstrate short-term results" pulls hours from
    // partners into reporting results upward.
    const double moved = c.end_pressure_pull * world.end_pressure * (s.one_to_one + s.relationship);
    s.one_to_one *= 1.0 - c.end_pressure_pull * world.end_pressure;
    s.relationship *= 1.0 - c.end_pressure_pull * world.end_pressure;
    s.sense_making += moved;
    // Set-up time goes to relationships and understanding context before substance.
    if (world.facilitator.months_active < world.scenario.setup.setup_months) {
        s = blend(s, setup_split(c), c.setup_blend);
    }
    return s;
}

}  // namespace

EffortSplit archetype_shares(Archetype archetype, double phase, const EffortConstants& c) {
    switch (archetype) {
        case Archetype::practice_partner:
            return practice_partner(c);
        case Archetype::sense_maker:
            return sense_maker(c);
        case Archetype::network_builder:
            return network_builder(c);
        case Archetype::programme_navigator:
            return blend(practice_partner(c), navigator_later(c), clamp01(phase));
    }
    return practice_partner(c);
}

double convening_intensity(double convening_hours, std::size_t partners, const EffortConstants& c) {
    // A larger network needs more backbone hours for the same intensity.
    return saturating(convening_hours,
                      c.convening_half_hours_base +
                          c.convening_half_hours_per_partner * static_cast<double>(partners));
}

// Without a facilitator, partners who built strong ties and see themselves as one programme
// keep meeting on their own, weakly: the momentum that outlives a time-bound partnership.
double self_organised_intensity(const World& world) {
    const auto& p = world.partners;
    double identity = 0.0;
    for (std::size_t i = 0; i < p.count; ++i)
        identity += p.enrolled[i] ? p.unified_identity[i] : 0.0;
    identity /= static_cast<double>(std::max<std::size_t>(1, p.enrolled_count()));
    return world.scenario.constants.effort.self_organised_intensity *
           enrolled_tie_density(p, working_tie) * identity;
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
    const EffortSplit shares =
        level_and_pressure(archetype_shares(world.scenario.setup.archetype, navigator_phase(world),
                                            world.scenario.constants.effort),
                           world);
    facilitator.hours = scaled(shares, hours);
    facilitator.convening_intensity =
        convening_intensity(facilitator.hours.convening, world.partners.enrolled_count(),
                            world.scenario.constants.effort);
}

}  // namespace partnersim
