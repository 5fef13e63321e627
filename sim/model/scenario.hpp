#pragma once
// A scenario: every input of one simulated learning partnership, as a plain value.
// The default member initialisers ARE the documented defaults: the parameter registry
// (parameters.hpp) reads them from a default-constructed Scenario, so they live in one place.
// A sweep (engine/) generates many of these values; a run is a pure function of one of them,
// a seed and a run index.

#include <cstdint>

#include "model/choices.hpp"
#include "model/model_constants.hpp"
#include "model/model_uncertainty.hpp"

namespace partnersim {

// Partner slots a run may hold (founding partners plus those set aside for newcomers): the
// structure-of-arrays and the tie triangle (slots^2 / 2 floats) are allocated at month 0.
inline constexpr int max_partner_slots = 5000;

struct RunSettings {
    int months = 60;             // simulated horizon
    int replicates = 100;        // runs per design point
    std::uint64_t seed = 20251;  // master seed; every run's stream derives from it
};

struct FunderParameters {
    double accountability_focus = 0.5;   // weight of centralised reporting and standard indicators
    double senior_buy_in = 0.6;          // leadership that values learning over compliance
    double flexibility = 0.5;            // flexibility and risk appetite: adapts, waives reports
    double staff_time = 0.6;             // bandwidth of philanthropy staff to engage
    int decision_cycle_months = 12;      // strategy/decision windows every D months
    double centralised_decisions = 0.5;  // share of decisions taken centrally (portfolio level)
    int focal_points = 1;                // people inside the funder who broker the partnership
    double focal_point_capital = 0.6;    // political capital of a focal point
    double focal_point_turnover = 0.02;  // monthly probability that a focal point leaves
    int focal_point_vacancy_months = 4;  // months before a departed focal point is replaced
    double disclosure_risk = 0.2;      // how far funding decisions hinge on what partners disclose
    double funding_uncertainty = 0.2;  // partners' uncertainty about continued funding
    double reporting_hours_per_year = 20.0;  // grantee hours spent on the funder's reporting
};

struct PartnerParameters {
    int count = 20;                          // partner organisations in the programme or portfolio
    double diversity = 0.5;                  // spread of contexts, resources and capacity
    double resources_mean = 0.5;             // organisational resources (slack), 0..1
    double capacity_mean = 0.3;              // initial MEL capacity, 0..1
    double dependence_mean = 0.6;            // dependence on this funder, 0..1
    double unified_identity = 0.5;           // how far partners see themselves as one programme
    double initial_trust_funder = 0.5;       // prior trust in the funder
    double initial_trust_facilitator = 0.5;  // prior trust in a facilitator they meet
    double shock_rate = 0.01;                // monthly probability of a partner-level context shock
    double regional_shock_rate = 0.005;      // monthly probability of a shock to a whole context
    double shock_size = 0.5;                 // s.d. of the change in true effectiveness at a shock
    double effectiveness_drift = 0.03;       // monthly s.d. of drift in true effectiveness
    double learning_hours_per_month = 20.0;  // hours a well-resourced partner can give to learning
};

struct FacilitatorParameters {
    FacilitatorKind kind = FacilitatorKind::external;
    ExternalKind external_kind = ExternalKind::established;
    int consortium_members = 3;  // organisations in a consortium facilitator
    double facilitation = 0.7;   // the five technical skills (Itad/Porticus, section 5)
    double strategic_learning = 0.6;
    double mel = 0.7;
    double sectoral = 0.5;
    double contextual = 0.5;
    double soft_skills = 0.7;         // resilience, emotional intelligence, communication
    double independence = 0.8;        // distance from the funder's power dynamics (before kind)
    double local_coverage = 0.5;      // share of partner contexts matched locally / by language
    double accompaniment = 0.5;       // 'critical friend' role beyond deliverables
    double embeddedness_rate = 0.03;  // monthly growth of embeddedness in the funder
    double hourly_cost = 100.0;       // cost of one facilitator hour
};

struct SetupParameters {
    Archetype archetype = Archetype::programme_navigator;
    Duration duration = Duration::time_bound;
    int end_month = 36;   // last month of a time-bound partnership
    bool review = false;  // open-ended: periodic review of goals
    int review_interval_months = 12;
    Participation participation = Participation::optional;
    Level level = Level::programme;
    Evidence evidence = Evidence::shared_questions;
    int join_month = 0;               // month the facilitator joins (0 = from the start)
    double budget_hours = 160.0;      // facilitator hours per month the budget pays for
    int setup_months = 3;             // set-up time given to relationships and goals
    double clarity_of_purpose = 0.6;  // clarity of the overarching vision and its boundaries
    double quick_wins = 0.5;          // early tangible benefits (e.g. a shared theory of change)
    double paid_participation = 0.0;  // share of partners' learning time that is paid
};

// How trust moves: a beta reputation (Josang and Ismail 2002) with separate weights on good and
// bad experiences (Slovic 1993's asymmetry; 1:1 is a legal, symmetric setting) and forgetting.
struct TrustParameters {
    double gain_rate = 1.0;       // weight of one unit of good experience
    double loss_rate = 3.0;       // weight of one unit of bad experience
    double memory_months = 24.0;  // forgetting: experiences fade toward the prior at 1/memory
    double prior_strength = 4.0;  // pseudo-experiences behind the initial trust
};

// What varies from one partnership to the next beyond its stated set-up (docs/model.md, 7.14
// and 7.15): the spreads of per-run latent traits around the stated values, the yearly rates of
// partnership-level events, and when the funder judges a partnership not worth continuing.
struct PartnershipParameters {
    double buy_in_spread = 0.15;  // s.d. of the funder's realised senior buy-in around the stated
    double flexibility_spread = 0.15;  // s.d. of the funder's realised flexibility
    double fit_spread = 0.15;        // s.d. of facilitator-partner fit (soft and contextual skills)
    double volatility_spread = 0.5;  // s.d. of the log of the context's volatility
    double absorption_spread = 0.5;  // s.d. of the log of partners' absorptive capacity
    double staff_time_spread = 0.15;          // s.d. of the funder's realised staff time
    double facilitator_turnover_rate = 0.15;  // per year: the facilitator's lead person leaves
    double leadership_change_rate = 0.10;     // per year: new leadership or strategy at the funder
    double budget_cut_rate = 0.05;            // per year: the facilitator's budget is cut
    double field_crisis_rate = 0.07;          // per year: a crisis hits the whole field
    double funder_breach_rate = 0.05;         // per year: the funder breaks partners' trust
    double partner_exit_rate = 0.03;          // per partner and year: a partner loses its grant
    double newcomer_rate = 0.5;               // per year: a new partner joins the programme
    int newcomer_slots = 4;        // at most this many join in a run (slots preallocated for them)
    double funder_patience = 0.3;  // the funder ends a partnership whose worth to it falls below
};

struct Scenario {
    RunSettings run;
    TrustParameters trust;
    FunderParameters funder;
    PartnerParameters partners;
    FacilitatorParameters facilitator;
    SetupParameters setup;
    PartnershipParameters partnership;
    ModelConstants constants;         // the processes' hand-set numbers (model_constants.hpp)
    UncertaintySettings uncertainty;  // whether runs draw their constants (model_uncertainty.hpp)
};

}  // namespace partnersim
