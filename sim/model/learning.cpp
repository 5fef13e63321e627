#include "model/learning.hpp"

#include <algorithm>

#include "model/math.hpp"
#include "model/trust.hpp"

namespace partnersim {
namespace {

struct Channel {
    double direct_gain;     // weight of the funder's own reading of reports each month
    double indicator_gap;   // s.d. of the lasting error of reading this partner's indicators
    double synthesis_gain;  // weight of the facilitator's synthesis at full quality and reach
};

Channel evidence_channel(Evidence evidence, const LearningConstants& c) {
    switch (evidence) {
        case Evidence::funder_reporting:
            return {c.funder_reporting_direct_gain, c.funder_reporting_indicator_gap,
                    c.funder_reporting_synthesis_gain};
        case Evidence::shared_questions:
            break;
        case Evidence::partner_led:
            return {c.partner_led_direct_gain, c.partner_led_indicator_gap,
                    c.partner_led_synthesis_gain};
    }
    return {c.shared_questions_direct_gain, c.shared_questions_indicator_gap,
            c.shared_questions_synthesis_gain};
}

// A partner observes its current effectiveness with noise that falls with MEL capacity and
// engagement; its estimate is a Kalman filter that loses precision as the truth drifts.
void learn_own_effectiveness(World& world, RandomStream& random) {
    auto& p = world.partners;
    const auto& spec = world.scenario.partners;
    const double truth_variance_per_month =
        spec.effectiveness_drift * spec.effectiveness_drift +
        (spec.shock_rate + spec.regional_shock_rate) * spec.shock_size * spec.shock_size;
    const auto& c = world.scenario.constants.learning;
    const double precision_base = c.observation_precision_base;
    const double precision_per_capacity = c.observation_precision_per_capacity;
    const double engagement_floor = c.engagement_floor;
    for (std::size_t i = 0; i < p.count; ++i) {
        // Drawn for every slot (common random numbers); a slot no newcomer has taken yet has
        // no estimate to update (start_partner sets it when one joins).
        const double noise = random.normal();
        if (i >= p.slots_taken()) continue;
        const double engagement = p.present[i] ? p.engagement[i] : 0.0;
        const double observation_precision =
            (precision_base + precision_per_capacity * p.capacity[i] * p.capacity[i]) *
            (engagement_floor + (1.0 - engagement_floor) * engagement);
        const double observation =
            p.true_effectiveness(i) + noise / std::sqrt(observation_precision);
        const double prior_precision = 1.0 / (1.0 / p.self_precision[i] + truth_variance_per_month);
        const double posterior = prior_precision + observation_precision;
        p.self_estimate[i] =
            (prior_precision * p.self_estimate[i] + observation_precision * observation) /
            posterior;
        p.self_precision[i] = posterior;
    }
}

void update_funder_beliefs(World& world, RandomStream& random) {
    auto& p = world.partners;
    auto& belief = world.funder.belief;
    const auto& c = world.scenario.constants.learning;
    const auto channel = evidence_channel(world.scenario.setup.evidence, c);
    const double staff_time =
        c.staff_time_floor + (1.0 - c.staff_time_floor) * world.scenario.funder.staff_time;
    const double direct_gain = channel.direct_gain * staff_time;
    const double synthesis_gain =
        channel.synthesis_gain * world.facilitator.synthesis * world.funder.decision_reach;
    const double sectoral = world.facilitator.profile.skill(Skill::sectoral);
    const double mel = world.facilitator.profile.skill(Skill::mel);
    const double independence = world.facilitator.profile.independence;
    const double clean_story = c.clean_story;
    const double reading_noise = c.reading_noise;
    const double own_evidence_sd =
        c.own_evidence_noise - c.sectoral_sharpening * sectoral - c.mel_sharpening * mel;
    const double max_belief_gain = c.max_belief_gain;
    for (std::size_t i = 0; i < p.count; ++i) {
        // Both draws are made for every slot (common random numbers), in the order they were.
        const double reading = random.normal(0.0, reading_noise);
        const double own_noise = random.normal(0.0, own_evidence_sd);
        if (i >= p.slots_taken()) continue;  // reset when a newcomer joins (admit_newcomer)
        p.report[i] = partner_report(p.self_estimate[i], p.candour[i], clean_story);
        // Read at face value, a partner's indicators carry a lasting, partner-specific error
        // ("taking data at face value without asking what it means, why, and what it
        // implies"); sense-making asks, so the synthesis does not carry it.
        const double read = p.report[i] + channel.indicator_gap * p.indicator_bias[i] + reading;
        // A trusted, independent facilitator "holds up the mirror": partners tell it more than
        // they tell the funder, so its synthesis corrects part of the rosy gloss.
        const double openness = independence * trust_of(p.trust_facilitator, i);
        const double partner_view = p.report[i] + openness * (p.self_estimate[i] - p.report[i]);
        // The facilitator also brings evidence of its own: "targeted primary data with
        // partners" and "sector trend analysis", sharper with sectoral and MEL skill.
        const double own_evidence = p.true_effectiveness(i) + own_noise;
        const double synthesised = 0.5 * partner_view + 0.5 * own_evidence;
        const double total_gain = std::min(max_belief_gain, direct_gain + synthesis_gain);
        if (total_gain <= 0.0) continue;
        const double signal =
            (direct_gain * read + synthesis_gain * synthesised) / (direct_gain + synthesis_gain);
        belief[i] += total_gain * (signal - belief[i]);
    }
}

}  // namespace

double partner_report(double self_estimate, double candour, double clean_story) {
    return self_estimate + (1.0 - clamp01(candour)) * std::max(0.0, clean_story - self_estimate);
}

void learn_and_report(World& world, RandomStream& random) {
    learn_own_effectiveness(world, random);
    update_funder_beliefs(world, random);
}

}  // namespace partnersim
