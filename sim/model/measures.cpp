#include "model/measures.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "model/enrolment.hpp"
#include "model/participation.hpp"
#include "model/trust.hpp"
#include "model/world.hpp"

namespace partnersim {
namespace {

// Weighted density over pairs of enrolled partners: the mean strength of their tie (0 = no
// ties, 1 = every pair fully tied). Continuous in the weights, so a network whose ties hover near
// a cut-off does not read as empty or as whole on a small change of any input (issue 11: a share
// of pairs above 0.25 read 0.02 for a network builder and jumped to 0.2-0.6).
double enrolled_weighted_density(const PartnerPopulation& p) {
    double sum = 0.0;
    const std::size_t pairs = for_each_enrolled_pair(p, [&](float weight) { sum += weight; });
    return pairs > 0 ? sum / static_cast<double>(pairs) : 0.0;
}

// What the measures read from the partners, gathered in one pass over the slots (each sum in
// slot order, as a loop of its own would take it) and one over the founders.
struct PartnerSums {
    double enrolled = 0.0;
    double trust_facilitator = 0.0;
    double trust_funder = 0.0;
    double capacity = 0.0;
    double candour = 0.0;
    double burden_hours = 0.0;
    double perceived_value = 0.0;
    double report_hours = 0.0;
    double present = 0.0;
    double tokenistic = 0.0;
    double squared_error = 0.0;
    double impact = 0.0;
    std::size_t core = 0;         // founders enrolled whose attendance is in the core
    std::size_t active_ring = 0;  // ... in the active ring

    // A mean over the partners still enrolled: one that left is no longer part of what is
    // measured.
    double mean(double sum) const { return enrolled > 0.0 ? sum / enrolled : 0.0; }
};

}  // namespace

struct MeasureInputs {
    const World& world;
    PartnerSums sums;
    MeasureScratch& scratch;
};

namespace {

PartnerSums sum_over_partners(const World& world) {
    const auto& p = world.partners;
    PartnerSums s;
    for (std::size_t i = 0; i < p.count; ++i) {
        if (!p.enrolled[i]) continue;
        s.enrolled += 1.0;
        s.trust_facilitator += trust_of(p.trust_facilitator, i);
        s.trust_funder += trust_of(p.trust_funder, i);
        s.capacity += p.capacity[i];
        s.candour += p.candour[i];
        s.burden_hours += p.burden_hours[i];
        s.perceived_value += p.perceived_value[i];
        s.report_hours += p.report_hours[i];
        s.present += p.present[i];
        s.tokenistic += p.present[i] && p.engagement[i] < tokenism_threshold;
        const double error = world.funder.belief[i] - p.true_effectiveness(i);
        s.squared_error += error * error;
        s.impact += p.support[i] * p.practice_gain[i];
    }
    // Partners enrolled at the start (the founders; newcomers are not in the denominator) by
    // their attendance so far; those who left count as peripheral.
    for (std::size_t i = 0; i < p.founders; ++i) {
        if (!p.enrolled[i] || p.months_on_offer[i] == 0) continue;
        const double attendance =
            static_cast<double>(p.months_present[i]) / static_cast<double>(p.months_on_offer[i]);
        s.core += attendance >= core_attendance ? 1 : 0;
        s.active_ring += attendance >= active_ring_attendance && attendance < core_attendance;
    }
    return s;
}

// Partners still enrolled (at least 1, so that a mean over none is 0, not NaN).
double partners(const MeasureInputs& in) {
    return static_cast<double>(std::max<std::size_t>(1, in.world.partners.enrolled_count()));
}

double trust_partner_facilitator(const MeasureInputs& in) {
    return in.sums.mean(in.sums.trust_facilitator);
}
double trust_partner_funder(const MeasureInputs& in) {
    return in.sums.mean(in.sums.trust_funder);
}
double trust_funder_facilitator(const MeasureInputs& in) {
    return mean_trust(in.world.funder.trust_facilitator);
}
double capacity(const MeasureInputs& in) {
    return in.sums.mean(in.sums.capacity);
}
double capacity_inequality(const MeasureInputs& in) {
    return capacity_gini(in.world.partners, in.scratch.gains);
}
double participation(const MeasureInputs& in) {
    return in.sums.present / partners(in);
}
double tokenism(const MeasureInputs& in) {
    return in.sums.present > 0 ? in.sums.tokenistic / in.sums.present : 0.0;
}
double candour(const MeasureInputs& in) {
    return in.sums.mean(in.sums.candour);
}
double belief_error(const MeasureInputs& in) {
    return std::sqrt(in.sums.squared_error / partners(in));
}
double decision_quality_now(const MeasureInputs& in) {
    return decision_quality(in.world.partners, in.world.funder.belief,
                            in.world.scenario.constants.adaptation.support_sharpness,
                            in.scratch.decision);
}
double portfolio_impact(const MeasureInputs& in) {
    return in.sums.impact;
}
double network_density(const MeasureInputs& in) {
    return enrolled_weighted_density(in.world.partners);
}
double burden_hours(const MeasureInputs& in) {
    return in.sums.mean(in.sums.burden_hours);
}
double perceived_value(const MeasureInputs& in) {
    return in.sums.mean(in.sums.perceived_value);
}
double goal_alignment(const MeasureInputs& in) {
    return in.world.goal_alignment;
}
double facilitator_hours(const MeasureInputs& in) {
    return in.world.facilitator.hours.total();
}
double cost(const MeasureInputs& in) {
    return in.world.cumulative_cost;
}
double reporting_hours_per_year(const MeasureInputs& in) {
    return 12.0 * in.sums.mean(in.sums.report_hours);
}
double founders_share(const MeasureInputs& in, std::size_t count) {
    const std::size_t founders = in.world.partners.founders;
    return founders > 0 ? static_cast<double>(count) / static_cast<double>(founders) : 0.0;
}
double core_share(const MeasureInputs& in) {
    return founders_share(in, in.sums.core);
}
double active_ring_share(const MeasureInputs& in) {
    return founders_share(in, in.sums.active_ring);
}
double obstacle_share(const MeasureInputs& in) {
    const auto& p = in.world.partners;
    std::size_t met = 0;
    for (std::size_t i = 0; i < p.founders; ++i) met += p.met_obstacle[i];
    return p.founders > 0 ? static_cast<double>(met) / static_cast<double>(p.founders) : 0.0;
}
bool judged(const MeasureInputs& in) {
    return in.world.outcome.decided;
}
double failed(const MeasureInputs& in) {
    return judged(in) && in.world.outcome.kind != OutcomeClass::thriving ? 1.0 : 0.0;
}
double collapsed(const MeasureInputs& in) {
    return judged(in) && in.world.outcome.kind == OutcomeClass::collapsed ? 1.0 : 0.0;
}
double outcome(const MeasureInputs& in) {
    return judged(in) ? static_cast<double>(in.world.outcome.kind) : -1.0;
}
double outcome_month(const MeasureInputs& in) {
    return judged(in) ? in.world.outcome.month : -1.0;
}
double outcome_cause(const MeasureInputs& in) {
    return judged(in) ? static_cast<double>(in.world.outcome.cause) : -1.0;
}

// The measures, declared once. The texts are markdown (docs/model.md section 10 is generated
// from them); descriptions and units are plain, as the results file carries them.
constexpr std::array<MeasureSpec, measure_count> measures{{
    {Measure::trust_partner_facilitator,
     "trust_partner_facilitator",
     "Mean trust of partners in the facilitator (beta reputation)",
     "share 0-1",
     "mean over partners of trust = good / (good + bad), partner → facilitator ledger",
     "support, relationship contact and convenings that partners experience as good, an early "
     "arrival, no neglect",
     "whether the trust is deserved; partners who left (not counted); a newcomer counts at its "
     "prior trust from the month it joins, so a join lowers the mean with nothing gone wrong",
     &trust_partner_facilitator,
     MeasureKind::continuous,
     {},
     Better::higher},
    {Measure::trust_partner_funder,
     "trust_partner_funder",
     "Mean trust of partners in the funder",
     "share 0-1",
     "mean partner → funder trust",
     "what the funder does: light, useful reporting, reports waived in a crisis, learning that "
     "visibly shapes decisions, no penalties for disclosure, focal points who stay",
     "the funder's intentions; anything the funder does that the model has no experience for (e.g. "
     "its grant terms)",
     &trust_partner_funder,
     MeasureKind::continuous,
     {},
     Better::higher},
    {Measure::trust_funder_facilitator,
     "trust_funder_facilitator",
     "Trust of the funder in the facilitator",
     "share 0-1",
     "funder → facilitator trust",
     "useful synthesis, stable focal points, an early arrival",
     "the quality of the facilitator's work for partners",
     &trust_funder_facilitator,
     MeasureKind::continuous,
     {},
     Better::higher},
    {Measure::capacity,
     "capacity",
     "Mean MEL capacity of partners",
     "share 0-1",
     "mean MEL capacity",
     "one-to-one support, spillover along ties, continued use after the end",
     "whether capacity is used to improve practice (see `portfolio_impact`); who gained (see "
     "`capacity_gini`); a newcomer counts with the capacity it brought, so a join moves the mean "
     "with no learning",
     &capacity,
     MeasureKind::continuous,
     {},
     Better::higher},
    {Measure::capacity_gini,
     "capacity_gini",
     "Gini coefficient of partners' MEL capacity gains since month 0",
     "index 0-1",
     "Gini coefficient of capacity gains `g[i] = max(0, capacity[i] − initial_capacity[i])`: with "
     "gains sorted ascending, `2 Σ (rank × g) / (N Σ g) − (N + 1) / N` (ranks 1..N); 0 if no gains",
     "gains spread evenly over partners",
     "the size of the gains; losses (counted as none)",
     &capacity_inequality,
     MeasureKind::continuous,
     {},
     Better::lower},
    {Measure::participation,
     "participation",
     "Share of partners taking part in learning activities",
     "share 0-1",
     "share of partners present this month",
     "attendance, voluntary or mandatory",
     "how engaged those present are (see `tokenism`)",
     &participation,
     MeasureKind::continuous,
     {},
     Better::higher},
    {Measure::tokenism,
     "tokenism",
     "Share of participating partners attending with low engagement (< 0.4)",
     "share 0-1",
     "among present partners, share with engagement < 0.4; 0 if none present",
     "engaged attendance",
     "partners who stay away",
     &tokenism,
     MeasureKind::continuous,
     {},
     Better::lower},
    {Measure::candour,
     "candour",
     "Mean share of what partners learn that they report honestly",
     "share 0-1",
     "mean candour",
     "safety against felt threat: trust, a buffering facilitator, low power asymmetry",
     "whether what is reported is accurate (see `belief_error`)",
     &candour,
     MeasureKind::continuous,
     {},
     Better::higher},
    {Measure::belief_error,
     "belief_error",
     "Root mean square error of the funder's beliefs about partners' effectiveness",
     "effectiveness s.d.",
     "root mean square of `belief[i] − true effectiveness[i]`",
     "beliefs close to the truth in level and scale",
     "whether the funder ranks partners rightly (a funder can be right about the order but timid); "
     "what it does with its beliefs",
     &belief_error,
     MeasureKind::continuous,
     {},
     Better::lower},
    {Measure::decision_quality,
     "decision_quality",
     "Share of the gain from knowing the truth that the funder's ranking of partners would capture "
     "in its allocation of support (0 = no better than an even spread)",
     "share of attainable gain, at most 1",
     "`1 − sqrt(regret_share)`: the root of the regret of backing partners in the order of the "
     "funder's beliefs rather than of the truth, as a share of what knowing the truth gains over "
     "an even spread (below), over the partners enrolled now",
     "knowing which partners are most effective, weighted by how much the funder's own rule would "
     "give them",
     "the support the funder actually gives (it adopts beliefs only at decision windows and in "
     "part: see `portfolio_impact`); calibration of beliefs; anything but effectiveness as the "
     "ground for support",
     &decision_quality_now,
     MeasureKind::continuous,
     {},
     Better::higher},
    {Measure::portfolio_impact,
     "portfolio_impact",
     "What learning has added to the effectiveness of the work the funder's support pays for: "
     "support-weighted practice gains, which fade without use",
     "effectiveness s.d.",
     "`Σ support[i] × practice_gain[i]`: what learning has added to the effectiveness of the work "
     "the funder's support pays for, against the same support with no learning",
     "practice gains, in use, where the funder's money goes; it fades when gains are not used",
     "the selection of better partners (not impact by itself; see `decision_quality`); baseline "
     "effectiveness and its drift; gains of partners the funder barely supports; outcomes beyond "
     "the partners' effectiveness",
     &portfolio_impact,
     MeasureKind::continuous,
     {},
     Better::higher},
    {Measure::network_density,
     "network_density",
     "Mean strength of the tie between partners over all pairs (weighted density)",
     "share 0-1",
     "weighted density: mean tie weight over all pairs of enrolled partners",
     "ties of any strength, each for its weight",
     "whether the ties form a connected core, and whether ties carry learning",
     &network_density,
     MeasureKind::continuous,
     {},
     Better::higher},
    {Measure::burden_hours,
     "burden_hours",
     "Mean hours a partner spends on reporting and learning this month",
     "hours/month",
     "mean hours a partner spent this month on reporting and learning",
     "nothing: it is a cost, lower is lighter",
     "whether the hours were worth it (see `perceived_value`); paid hours are still hours",
     &burden_hours,
     MeasureKind::continuous,
     {},
     Better::lower},
    {Measure::perceived_value,
     "perceived_value",
     "Mean value partners see in the partnership",
     "share 0-1",
     "mean perceived value",
     "benefit, purpose, quick wins, low strain and secure funding",
     "the value to the funder",
     &perceived_value,
     MeasureKind::continuous,
     {},
     Better::higher},
    {Measure::goal_alignment,
     "goal_alignment",
     "How far shared goals still guide the partnership",
     "share 0-1",
     "how far shared goals still guide the partnership",
     "clarity of purpose, time-bound closure, reviews of open-ended work",
     "whether the goals are good ones",
     &goal_alignment,
     MeasureKind::continuous,
     {},
     Better::higher},
    {Measure::facilitator_hours,
     "facilitator_hours",
     "Facilitator hours worked this month",
     "hours/month",
     "facilitator hours worked this month (all activities)",
     "nothing: it is effort, not effect",
     "the use made of the hours",
     &facilitator_hours,
     MeasureKind::continuous,
     {},
     Better::neither},
    {Measure::cost,
     "cost",
     "Cumulative cost of facilitator hours",
     "currency",
     "cumulative cost of facilitator hours, this month included",
     "nothing: it is a cost",
     "any benefit",
     &cost,
     MeasureKind::continuous,
     {},
     Better::lower},
    {Measure::reporting_hours,
     "reporting_hours",
     "Mean hours a year a partner spends on the funder's reporting, at this month's rate",
     "hours/year",
     "12 × the mean over enrolled partners of this month's reporting hours (the funder's "
     "reporting demand for the evidence model and accountability focus, less what a flexible "
     "funder waives in a crisis); CEP's typical grantee spends about 20 hours a year",
     "nothing: it is a cost, lower is lighter",
     "learning hours (see `burden_hours`); whether the reports are useful to anyone",
     &reporting_hours_per_year,
     MeasureKind::continuous,
     {},
     Better::lower},
    {Measure::core_share,
     "core_share",
     "Share of the partners enrolled at the start in the core: present in at least 80% of the "
     "months with activities on offer",
     "share 0-1",
     "among the partners enrolled at month 0, the share still enrolled whose months present "
     "over months enrolled with activities on offer is ≥ 0.8 (Wenger et al. 2002: a core of "
     "about 10-15%; the cut-off is ours)",
     "steady attendance",
     "how engaged those present are; partners who left count as peripheral",
     &core_share,
     MeasureKind::continuous,
     {},
     Better::higher},
    {Measure::active_ring_share,
     "active_ring_share",
     "Share of the partners enrolled at the start in the active ring: present in 50-80% of the "
     "months with activities on offer",
     "share 0-1",
     "as `core_share`, attendance in [0.5, 0.8) (Wenger et al. 2002: an active ring of about "
     "15-20%; the cut-offs are ours)",
     "regular but not constant attendance",
     "the core (see `core_share`); engagement",
     &active_ring_share,
     MeasureKind::continuous,
     {},
     Better::neither},
    {Measure::obstacle_share,
     "obstacle_share",
     "Share of the partners enrolled at the start that have met an obstacle (a spell in "
     "survival mode) so far",
     "share 0-1",
     "among the partners enrolled at month 0, the share that has been in survival mode after a "
     "context shock, a regional shock or a field crisis while enrolled (Open Road Alliance: "
     "about one project in five meets an obstacle that needs contingency funding)",
     "nothing: obstacles are the context's, not the design's",
     "how large the obstacle was, and whether the funder helped (see `trust_partner_funder`)",
     &obstacle_share,
     MeasureKind::continuous,
     {},
     Better::lower},
    {Measure::failed,
     "failed",
     "1 if the partnership has ended struggling or collapsed, else 0 (so far)",
     "0/1",
     "1 once the run's outcome (docs/model.md 7.16) is struggling or collapsed; its mean over runs "
     "is the risk that the design fails",
     "focal points, an early facilitator, an adequate budget, secure funding: whatever keeps the "
     "funder, the partners and the facilitator in the partnership",
     "how badly a run failed, and what a thriving run achieved",
     &failed,
     MeasureKind::continuous,
     {},
     Better::lower},
    {Measure::collapsed,
     "collapsed",
     "1 if the partnership has collapsed (ended before its time), else 0",
     "0/1",
     "1 once the funder ended the partnership, the partners disengaged for good or the "
     "facilitator withdrew",
     "what keeps a partnership alive to its end",
     "a partnership that survives but struggles",
     &collapsed,
     MeasureKind::continuous,
     {},
     Better::lower},
    {Measure::outcome, "outcome",
     "Outcome class: 0 thriving, 1 struggling, 2 collapsed; -1 not yet judged",
     "code (labels in /labels/outcome)",
     "the run's outcome class as judged so far (7.16); a code, so read shares per class, not its "
     "mean",
     "the same as `failed` and `collapsed`, in one code",
     "anything within a class; its mean over runs means nothing", &outcome, MeasureKind::class_code,
     outcome_class_names, Better::neither},
    {Measure::outcome_month,
     "outcome_month",
     "Model month (0-based) the partnership collapsed or was judged; -1 not yet",
     "month",
     "the month of collapse, or of the judgement at the end of a time-bound partnership",
     "a later collapse over an earlier one",
     "what happened before or after that month",
     &outcome_month,
     MeasureKind::month,
     {},
     Better::neither},
    {Measure::outcome_cause, "outcome_cause",
     "Cause: 0 none, 1 funder_ended, 2 partners_disengaged, 3 facilitator_withdrew, "
     "4 weak_engagement, 5 weak_funder_value, 6 no_buy_in_at_startup; -1 not yet judged",
     "code (labels in /labels/outcome_cause)",
     "why the run ended as it did (7.16); a code, so read shares per cause, not its mean",
     "nothing by itself: it says which mechanism failed",
     "causes that acted together; its mean over runs means nothing", &outcome_cause,
     MeasureKind::class_code, outcome_cause_names, Better::neither},
}};

// Static checks: each row is in enum order, named and computed, and no name repeats, so the
// enum, the count and the table cannot drift apart.
constexpr bool rows_in_enum_order() {
    for (std::size_t m = 0; m < measure_count; ++m) {
        const MeasureSpec& row = measures[m];
        if (row.id != static_cast<Measure>(m) || row.name.empty() || row.description.empty() ||
            row.units.empty() || row.computation.empty() || row.rewards.empty() ||
            row.cannot_see.empty() || row.compute == nullptr ||
            (row.kind == MeasureKind::class_code) == row.classes.empty()) {
            return false;
        }
        for (std::size_t other = 0; other < m; ++other) {
            if (measures[other].name == row.name) return false;
        }
    }
    return true;
}
static_assert(rows_in_enum_order(),
              "measure table: a row out of enum order, with an empty field or a repeated name");

}  // namespace

const std::array<MeasureSpec, measure_count>& measure_table() {
    return measures;
}

std::string_view better_words(Better better) {
    switch (better) {
        case Better::higher:
            return "higher is better";
        case Better::lower:
            return "lower is better";
        case Better::neither:
            break;
    }
    return "neither";
}

const MeasureSpec* find_measure(std::string_view name) {
    for (const MeasureSpec& row : measures) {
        if (row.name == name) return &row;
    }
    return nullptr;
}

MeasureKind measure_kind(std::string_view name) {
    const MeasureSpec* row = find_measure(name);
    return row != nullptr ? row->kind : MeasureKind::continuous;
}

const std::array<MeasureInfo, measure_count>& measure_catalogue() {
    static const std::array<MeasureInfo, measure_count> catalogue = [] {
        std::array<MeasureInfo, measure_count> infos{};
        for (std::size_t m = 0; m < measure_count; ++m) infos[m] = measures[m].info();
        return infos;
    }();
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
        {"strongest_tie_with", "Founding partner (0-based) of the partner's strongest tie",
         "partner index"},
        {"strongest_tie", "Weight of the partner's strongest tie to a founding partner",
         "tie weight 0-1"},
        {"second_tie_with", "Founding partner (0-based) of the partner's second strongest tie",
         "partner index"},
        {"second_tie", "Weight of the partner's second strongest tie to a founding partner",
         "tie weight 0-1"},
        {"partnership_events",
         "The partnership's events this month, a sum of flags: 1 a focal point left, 2 the "
         "facilitator's lead left, 4 the funder's leadership changed, 8 budget cut, 16 field "
         "crisis, 32 the funder broke trust, 64 a partner joined",
         "flags"},
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
    const MeasureInputs inputs{world, sum_over_partners(world), scratch};
    MeasureValues values{};
    for (std::size_t m = 0; m < measure_count; ++m) values[m] = measures[m].compute(inputs);
    return values;
}

namespace {

// Partner i's two strongest ties among the enrolled founding partners (ties of weight 0 do
// not count); the lower partner number first where weights are equal, so the story is the
// same on every machine.
struct StrongestTies {
    float with[2] = {std::nanf(""), std::nanf("")};
    float weight[2] = {std::nanf(""), std::nanf("")};
};

StrongestTies strongest_ties(const PartnerPopulation& p, std::size_t i) {
    StrongestTies best;
    if (!p.enrolled[i]) return best;
    for (std::size_t j = 0; j < p.founders; ++j) {
        if (j == i || !p.enrolled[j]) continue;
        const float w = p.ties.weight(i, j);
        if (!(w > 0.0f)) continue;
        const auto index = static_cast<float>(j);
        if (std::isnan(best.weight[0]) || w > best.weight[0]) {
            best.with[1] = best.with[0];
            best.weight[1] = best.weight[0];
            best.with[0] = index;
            best.weight[0] = w;
        } else if (std::isnan(best.weight[1]) || w > best.weight[1]) {
            best.with[1] = index;
            best.weight[1] = w;
        }
    }
    return best;
}

}  // namespace

void trace_partners(const World& world, float* out, std::size_t variable_stride) {
    const auto& p = world.partners;
    const std::size_t n = p.founders;
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
        const StrongestTies ties = strongest_ties(p, i);
        row(PartnerTrace::strongest_tie_with)[i] = ties.with[0];
        row(PartnerTrace::strongest_tie)[i] = ties.weight[0];
        row(PartnerTrace::second_tie_with)[i] = ties.with[1];
        row(PartnerTrace::second_tie)[i] = ties.weight[1];
        row(PartnerTrace::partnership_events)[i] = static_cast<float>(world.events.flags);
    }
}

}  // namespace partnersim
