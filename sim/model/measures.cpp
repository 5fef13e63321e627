#include "model/measures.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "model/participation.hpp"
#include "model/trust.hpp"
#include "model/world.hpp"

namespace partnersim {
namespace {

// Means over the partners still enrolled: one that left is no longer part of what is measured.
double enrolled_mean(const PartnerPopulation& p, const std::vector<double>& values) {
    double sum = 0.0, n = 0.0;
    for (std::size_t i = 0; i < p.count; ++i) {
        if (!p.enrolled[i]) continue;
        sum += values[i];
        n += 1.0;
    }
    return n > 0.0 ? sum / n : 0.0;
}

double enrolled_mean_trust(const PartnerPopulation& p, const TrustLedger& ledger) {
    double sum = 0.0, n = 0.0;
    for (std::size_t i = 0; i < p.count; ++i) {
        if (!p.enrolled[i]) continue;
        sum += trust_of(ledger, i);
        n += 1.0;
    }
    return n > 0.0 ? sum / n : 0.0;
}

// Share of pairs of enrolled partners with a tie at least `threshold`.
double enrolled_density(const PartnerPopulation& p, float threshold) {
    const auto& weights = p.ties.weights();
    std::size_t strong = 0, pairs = 0, pair = 0;
    for (std::size_t i = 0; i < p.count; ++i) {
        for (std::size_t j = i + 1; j < p.count; ++j, ++pair) {
            if (!p.enrolled[i] || !p.enrolled[j]) continue;
            ++pairs;
            strong += weights[pair] >= threshold ? 1 : 0;
        }
    }
    return pairs > 0 ? static_cast<double>(strong) / static_cast<double>(pairs) : 0.0;
}

}  // namespace

const std::array<MeasureInfo, measure_count>& measure_catalogue() {
    static const std::array<MeasureInfo, measure_count> catalogue{{
        {"trust_partner_facilitator", "Mean trust of partners in the facilitator (beta reputation)",
         "share 0-1"},
        {"trust_partner_funder", "Mean trust of partners in the funder", "share 0-1"},
        {"trust_funder_facilitator", "Trust of the funder in the facilitator", "share 0-1"},
        {"capacity", "Mean MEL capacity of partners", "share 0-1"},
        {"capacity_gini", "Gini coefficient of partners' MEL capacity gains since month 0",
         "index 0-1"},
        {"participation", "Share of partners taking part in learning activities", "share 0-1"},
        {"tokenism", "Share of participating partners attending with low engagement (< 0.4)",
         "share 0-1"},
        {"candour", "Mean share of what partners learn that they report honestly", "share 0-1"},
        {"belief_error",
         "Root mean square error of the funder's beliefs about partners' effectiveness",
         "effectiveness s.d."},
        {"decision_quality",
         "Share of the gain from knowing the truth that the funder's ranking of partners would "
         "capture in its allocation of support (0 = no better than an even spread)",
         "share of attainable gain, at most 1"},
        {"portfolio_impact",
         "What learning has added to the effectiveness of the work the funder's support pays "
         "for: support-weighted practice gains, which fade without use",
         "effectiveness s.d."},
        {"network_density", "Share of partner pairs with a working tie (weight >= 0.25)",
         "share 0-1"},
        {"burden_hours", "Mean hours a partner spends on reporting and learning this month",
         "hours/month"},
        {"perceived_value", "Mean value partners see in the partnership", "share 0-1"},
        {"goal_alignment", "How far shared goals still guide the partnership", "share 0-1"},
        {"facilitator_hours", "Facilitator hours worked this month", "hours/month"},
        {"cost", "Cumulative cost of facilitator hours", "currency"},
        {"failed", "1 if the partnership has ended struggling or collapsed, else 0 (so far)",
         "0/1"},
        {"collapsed", "1 if the partnership has collapsed (ended before its time), else 0", "0/1"},
        {"outcome", "Outcome class: 0 thriving, 1 struggling, 2 collapsed; -1 not yet judged",
         "code (labels in /labels/outcome)"},
        {"outcome_month",
         "Model month (0-based) the partnership collapsed or was judged; -1 not yet", "month"},
        {"outcome_cause",
         "Cause: 0 none, 1 funder_ended, 2 partners_disengaged, 3 facilitator_withdrew, "
         "4 weak_engagement, 5 weak_funder_value; -1 not yet judged",
         "code (labels in /labels/outcome_cause)"},
    }};
    return catalogue;
}

const std::array<MeasureInfo, partner_trace_count>& partner_trace_catalogue() {
    static const std::array<MeasureInfo, partner_trace_count> catalogue{{
        {"trust_facilitator", "Partner's trust in the facilitator", "share 0-1"},
        {"trust_funder", "Partner's trust in the funder", "share 0-1"},
        {"capacity", "Partner's MEL capacity", "share 0-1"},
        {"candour", "Partner's candour", "share 0-1"},
        {"present", "1 if the partner took part this month", "0/1"},
        {"engagement", "Partner's engagement when present", "share 0-1"},
        {"perceived_value", "Value the partner sees in the partnership", "share 0-1"},
        {"burden_hours", "Partner's hours on reporting and learning this month", "hours/month"},
        {"true_effectiveness", "Partner's hidden true effectiveness", "effectiveness s.d."},
        {"funder_belief", "The funder's belief about the partner's effectiveness",
         "effectiveness s.d."},
        {"support_share", "Partner's share of the funder's support", "share 0-1"},
    }};
    return catalogue;
}

double capacity_gini(const PartnerPopulation& p, std::vector<double>& gains) {
    gains.clear();
    for (std::size_t i = 0; i < p.count; ++i) {
        if (p.enrolled[i]) gains.push_back(std::max(0.0, p.capacity[i] - p.initial_capacity[i]));
    }
    std::sort(gains.begin(), gains.end());
    double weighted = 0.0, total = 0.0;
    for (std::size_t i = 0; i < gains.size(); ++i) {
        weighted += static_cast<double>(i + 1) * gains[i];
        total += gains[i];
    }
    if (total <= 0.0) return 0.0;
    const double n = static_cast<double>(gains.size());
    return (2.0 * weighted) / (n * total) - (n + 1.0) / n;
}

double capacity_gini(const PartnerPopulation& p) {
    std::vector<double> gains;
    return capacity_gini(p, gains);
}

MeasureValues measure_world(const World& world) {
    MeasureScratch scratch;
    return measure_world(world, scratch);
}

MeasureValues measure_world(const World& world, MeasureScratch& scratch) {
    const auto& p = world.partners;
    const double n = static_cast<double>(std::max<std::size_t>(1, p.enrolled_count()));
    MeasureValues v{};
    auto set = [&v](Measure m, double value) { v[static_cast<std::size_t>(m)] = value; };

    double present = 0.0, tokenistic = 0.0, squared_error = 0.0, impact = 0.0;
    for (std::size_t i = 0; i < p.count; ++i) {
        if (!p.enrolled[i]) continue;
        present += p.present[i];
        tokenistic += p.present[i] && p.engagement[i] < tokenism_threshold;
        const double error = world.funder.belief[i] - p.true_effectiveness(i);
        squared_error += error * error;
        impact += p.support[i] * p.practice_gain[i];
    }
    set(Measure::trust_partner_facilitator, enrolled_mean_trust(p, p.trust_facilitator));
    set(Measure::trust_partner_funder, enrolled_mean_trust(p, p.trust_funder));
    set(Measure::trust_funder_facilitator, mean_trust(world.funder.trust_facilitator));
    set(Measure::capacity, enrolled_mean(p, p.capacity));
    set(Measure::capacity_gini, capacity_gini(p, scratch.gains));
    set(Measure::participation, present / n);
    set(Measure::tokenism, present > 0 ? tokenistic / present : 0.0);
    set(Measure::candour, enrolled_mean(p, p.candour));
    set(Measure::belief_error, std::sqrt(squared_error / n));
    set(Measure::decision_quality,
        decision_quality(p, world.funder.belief,
                         world.scenario.constants.adaptation.support_sharpness, scratch.decision));
    set(Measure::portfolio_impact, impact);
    set(Measure::network_density, enrolled_density(p, working_tie));
    set(Measure::burden_hours, enrolled_mean(p, p.burden_hours));
    set(Measure::perceived_value, enrolled_mean(p, p.perceived_value));
    set(Measure::goal_alignment, world.goal_alignment);
    set(Measure::facilitator_hours, world.facilitator.hours.total());
    set(Measure::cost, world.cumulative_cost);
    const auto& outcome = world.outcome;
    const bool judged = outcome.decided;
    set(Measure::failed, judged && outcome.kind != OutcomeClass::thriving ? 1.0 : 0.0);
    set(Measure::collapsed, judged && outcome.kind == OutcomeClass::collapsed ? 1.0 : 0.0);
    set(Measure::outcome, judged ? static_cast<double>(outcome.kind) : -1.0);
    set(Measure::outcome_month, judged ? outcome.month : -1.0);
    set(Measure::outcome_cause, judged ? static_cast<double>(outcome.cause) : -1.0);
    return v;
}

void trace_partners(const World& world, float* out, std::size_t variable_stride) {
    const auto& p = world.partners;
    const std::size_t n = p.count;
    auto row = [out, variable_stride](PartnerTrace t) {
        return out + static_cast<std::size_t>(t) * variable_stride;
    };
    for (std::size_t i = 0; i < n; ++i) {
        row(PartnerTrace::trust_facilitator)[i] =
            static_cast<float>(trust_of(p.trust_facilitator, i));
        row(PartnerTrace::trust_funder)[i] = static_cast<float>(trust_of(p.trust_funder, i));
        row(PartnerTrace::capacity)[i] = static_cast<float>(p.capacity[i]);
        row(PartnerTrace::candour)[i] = static_cast<float>(p.candour[i]);
        row(PartnerTrace::present)[i] = static_cast<float>(p.present[i]);
        row(PartnerTrace::engagement)[i] = static_cast<float>(p.engagement[i]);
        row(PartnerTrace::perceived_value)[i] = static_cast<float>(p.perceived_value[i]);
        row(PartnerTrace::burden_hours)[i] = static_cast<float>(p.burden_hours[i]);
        row(PartnerTrace::true_effectiveness)[i] = static_cast<float>(p.true_effectiveness(i));
        row(PartnerTrace::funder_belief)[i] = static_cast<float>(world.funder.belief[i]);
        row(PartnerTrace::support_share)[i] = static_cast<float>(p.support[i]);
    }
}

}  // namespace partnersim
