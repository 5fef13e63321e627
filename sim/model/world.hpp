#pragma once
// The whole state of one simulated learning partnership: a funder, many partner organisations
// and a facilitator. Plain data; the monthly processes are free functions over it (see step.hpp
// for their order). Partners are many, so their states are structure-of-arrays: one vector per
// state, indexed by partner.

#include <cstdint>
#include <vector>

#include "model/facilitator_profile.hpp"
#include "model/month_events.hpp"
#include "model/partnership_state.hpp"
#include "model/random_stream.hpp"
#include "model/scenario.hpp"
#include "model/tie_network.hpp"

namespace partnersim {

// Beta-reputation evidence behind one direction of trust, for many trusters at once:
// trust = good / (good + bad) (Josang and Ismail 2002).
struct TrustLedger {
    std::vector<double> good;
    std::vector<double> bad;
    std::vector<double> prior_good;  // where forgetting returns to
    std::vector<double> prior_bad;
};

// Experiences gathered during one month, turned into trust by update_trust() and then cleared.
// Processes record what happened where it happens; trust moves in one place.
struct MonthlyExperiences {
    std::vector<double> partner_facilitator_good;
    std::vector<double> partner_facilitator_bad;
    std::vector<double> partner_funder_good;
    std::vector<double> partner_funder_bad;
    double funder_facilitator_good = 0.0;
    double funder_facilitator_bad = 0.0;
};

struct PartnerPopulation {
    // Slots, fixed for the run. A partner that leaves keeps its slot with enrolled = 0 (no
    // resizing in the hot loop); every measure counts enrolled partners only.
    // Slots 0..founders-1 hold the partners of month 0; the rest are set aside for newcomers
    // (docs/model.md 7.15), filled in order: `joined` of them so far.
    std::size_t count = 0;
    std::size_t founders = 0;
    std::size_t joined = 0;
    std::vector<std::uint8_t> enrolled;  // in the programme now (a newcomer's slot: once joined)
    std::vector<int> absent_months;      // consecutive months away while activities ran
    // Traits, fixed for the run.
    std::vector<double> resources;         // organisational slack, 0..1
    std::vector<double> dependence;        // on this funder's money, 0..1
    std::vector<double> unified_identity;  // sees itself as part of one programme, 0..1
    std::vector<int> context;              // region / language / sector
    std::vector<double> indicator_bias;    // how standard indicators misread it, in s.d. units
    std::vector<double> contextual_match;  // facilitator's local and language match, 0..1
    // Hidden truth. baseline moves only with shocks (the no-learning counterfactual);
    // practice_gain is what learning has added to it.
    std::vector<double> baseline_effectiveness;
    std::vector<double> practice_gain;
    // States.
    std::vector<double> capacity;  // MEL capacity, 0..1
    std::vector<double> initial_capacity;
    TrustLedger trust_facilitator;         // partner -> facilitator
    TrustLedger trust_funder;              // partner -> funder
    std::vector<double> power_asymmetry;   // dependence under the funder's accountability focus
    std::vector<double> perceived_value;   // worth of the partnership to the partner, 0..1
    std::vector<double> candour;           // share of what it learns that it reports honestly
    std::vector<double> funding_security;  // 0..1
    std::vector<int> stress_months;        // months left in survival mode after a shock
    std::vector<std::uint8_t> present;     // takes part this month
    std::vector<double> engagement;        // real engagement when present, 0..1
    // Habit of taking part, 0..1: an exponential average of its own attendance while activities
    // are on offer (7.3); starts at 0.5, neither regular nor occasional.
    std::vector<double> participation_habit;
    std::vector<double> burden_hours;      // hours spent this month on reporting and learning
    std::vector<double> report_hours;      // of which on the funder's reporting
    std::vector<double> one_to_one_hours;  // facilitator hours received this month
    std::vector<double> benefit;           // tangible benefit felt this month, 0..1
    std::vector<double> strain;            // felt burden against the time it has, this month
    std::vector<double> self_estimate;     // what it knows of its own effectiveness
    std::vector<double> self_precision;    // and how sure it is
    std::vector<double> report;            // what it last told the funder
    std::vector<double> support;           // share of the funder's support, sums to 1
    // History, kept for the measures only (partner_history.hpp): months enrolled with
    // activities on offer, months present of those, whether it has met an obstacle (a spell in
    // survival mode after a shock or crisis).
    std::vector<int> months_on_offer;
    std::vector<int> months_present;
    std::vector<std::uint8_t> met_obstacle;
    TieNetwork ties;

    // Slots taken so far (founders and the newcomers who joined); the slots beyond are set
    // aside, and everything a newcomer's state starts from is set when it joins (start_partner),
    // so per-month work that draws nothing may stop here.
    std::size_t slots_taken() const { return founders + joined; }
    std::size_t enrolled_count() const {
        std::size_t n = 0;
        for (const auto e : enrolled) n += e;
        return n;
    }
    double true_effectiveness(std::size_t i) const {
        return baseline_effectiveness[i] + practice_gain[i];
    }
};

struct FocalPoint {
    double capital = 0.0;   // political capital now
    int vacant_until = -1;  // -1 while in post; else the month a successor arrives
};

struct FunderState {
    std::vector<double> belief;  // its estimate of each partner's effectiveness
    std::vector<FocalPoint> focal_points;
    TrustLedger trust_facilitator;  // funder -> facilitator (one truster)
    double decision_reach = 0.0;    // how far learning reaches where decisions are made
};

// Hours of the month by activity (model brief, process 2).
struct EffortSplit {
    double one_to_one = 0.0;
    double convening = 0.0;
    double sense_making = 0.0;
    double relationship = 0.0;
    double total() const { return one_to_one + convening + sense_making + relationship; }
};

struct FacilitatorState {
    FacilitatorProfile profile;
    bool active = false;  // joined and not ended
    bool has_joined = false;
    int months_active = 0;
    double embeddedness = 0.0;         // understanding of the funder; too much costs objectivity
    EffortSplit hours;                 // this month's allocation
    double convening_intensity = 0.0;  // 0..1: strength of the backbone role this month
    double synthesis = 0.0;            // quality of this month's sense-making with the funder, 0..1
};

// Working memory the monthly processes reuse, so a month allocates nothing once a run is under
// way. Not state: nothing here carries meaning from one month to the next.
struct Scratch {
    std::vector<double> support_weight;        // support: share of one-to-one hours
    std::vector<double> capacity_inflow;       // convenings: capacity arriving along ties
    std::vector<double> tie_strength;          // convenings: sum of a partner's ties
    std::vector<double> present_tie_strength;  // convenings: ties to partners present
    std::vector<double> present_in_context;    // convenings: partners present per context
    std::vector<double> regional_shift;        // shocks: this month's shock per context
    std::vector<std::uint8_t> regional_hit;    // shocks: whether a context was hit
    std::vector<double> support_target;        // adaptation: support the funder aims at

    // Reset a buffer to n copies of value; allocates only the first time.
    template <class T>
    static std::vector<T>& fresh(std::vector<T>& buffer, std::size_t n, T value) {
        buffer.assign(n, value);
        return buffer;
    }
};

struct World {
    Scenario scenario;
    int month = 0;  // the month being simulated next (0-based)
    int contexts = 1;
    PartnerPopulation partners;
    FunderState funder;
    FacilitatorState facilitator;
    MonthlyExperiences experiences;
    double goal_alignment = 1.0;  // shared purpose still guiding the work, 0..1
    double end_pressure = 0.0;    // pressure for short-term results near a time-bound end
    double cumulative_cost = 0.0;
    PartnershipTraits traits;      // drawn once per run (partnership_traits.hpp)
    RandomStream event_stream{0};  // the run's sub-stream of partnership events
    int initial_partners = 0;      // enrolled at month 0
    PartnershipOutcome outcome;    // how it ends (outcome.hpp)
    MonthEvents events;            // what happened this month (month_events.hpp), for observers
    Scratch scratch;
};

}  // namespace partnersim
