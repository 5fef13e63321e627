#pragma once
// The model's own constants: the hand-set numbers inside the monthly processes (weights,
// rates, thresholds, half-saturation points), one plain struct per process. The initialisers
// ARE the defaults; the parameter registry (model_constant_specs, in model_constants.cpp) gives
// each its dotted name, plausible range, unit and source, so they can be listed, set, swept and
// drawn like any parameter. What is left in the code is structural (0, 1, clamp bounds, a
// mean's 0.5, array sizes, months per year): docs/model.md, "Model constants", lists the kinds.
//
// Where an expression reads "f + (1 - f) * x" a single constant f (a floor) stands for both
// numbers, so a drawn model keeps the expression within [f, 1]. Whole numbers (months,
// contexts) are stored as doubles too, registered as integers: every group is plain doubles, so
// a test can check that the registry reaches every byte of ModelConstants.

namespace partnersim {

// Initialisation: how the partner population is spread around the stated means.
struct PopulationConstants {
    double resource_spread_base = 0.2;  // lognormal s.d. of resources at zero diversity
    double resource_spread_per_diversity = 0.6;
    double capacity_spread_base = 0.05;  // s.d. of initial MEL capacity at zero diversity
    double capacity_spread_per_diversity = 0.15;
    double capacity_per_resources = 0.2;          // better-resourced partners have stronger MEL
    double dependence_spread = 0.15;              // s.d. of dependence on this funder
    double dependence_per_resources = 0.2;        // better-resourced partners depend less
    double identity_spread = 0.15;                // s.d. of programme identity
    double identity_per_diversity = 0.2;          // diverse programmes feel less like one
    double extra_contexts_at_full_diversity = 7;  // contexts: 1 + this x diversity, rounded
    double remote_contextual_share = 0.4;  // share of contextual skill that reaches unmatched
    double initial_value_base = 0.3;       // perceived value before anything happens
    double initial_value_per_clarity = 0.3;
};

// What the kind of facilitator brings (Itad/Porticus section 7; the numbers are assumptions).
struct FacilitatorKindConstants {
    double internal_independence_share = 0.25;
    double internal_availability = 0.6;
    double internal_embeddedness = 0.7;
    double internal_funder_trust = 0.65;
    double internal_coverage_share = 0.7;
    double internal_facilitation_scale = 0.8;
    double internal_mel_scale = 0.8;
    double self_managed_independence_share = 0.4;
    double self_managed_embeddedness = 0.3;
    double self_managed_funder_trust = 0.4;
    double self_managed_skill_scale = 0.5;
    double established_embeddedness = 0.15;
    double established_funder_trust = 0.6;
    double emerging_embeddedness = 0.05;
    double emerging_funder_trust = 0.45;
    double emerging_coverage_bonus = 0.2;
    double emerging_contextual_scale = 1.2;
    double emerging_sectoral_scale = 0.9;
    double consortium_embeddedness = 0.1;
    double consortium_funder_trust = 0.55;
    double consortium_overhead_per_member = 0.05;
    double consortium_overhead_cap = 0.4;
    double consortium_coverage_per_member = 0.1;
    double consortium_gap_filled_per_member = 0.1;
    double credibility_floor = 0.5;  // credibility with no sectoral skill (1 at skill 0.5)
};

// Process 1: shocks, focal points and funding security.
struct ShockConstants {
    double stress_min_months = 3;  // survival mode after a shock lasts min to min + extra - 1
    double stress_extra_months = 4;
    double security_recovery = 0.1;        // monthly return of funding security to baseline
    double last_broker_damage = 1.0;       // bad experience when the last focal point leaves
    double team_departure_damage = 0.25;   // spread over the team when one of several leaves
    double partner_share_of_damage = 0.3;  // share of that damage partners feel toward the funder
    double newcomer_capital_share = 0.5;   // a replacement starts with this share of capital
    double capital_growth = 0.05;          // monthly share of the capital gap a focal point closes
    double insecurity_floor = 0.5;  // share of funding uncertainty felt whatever the dependence
    double end_pressure_insecurity = 0.5;  // insecurity an approaching end adds, times dependence
};

// Process 2: the facilitator's hours and their split (shares of hours; each row sums to 1).
struct EffortConstants {
    double practice_partner_one_to_one = 0.55;
    double practice_partner_convening = 0.10;
    double practice_partner_sense_making = 0.10;
    double practice_partner_relationship = 0.25;
    double sense_maker_one_to_one = 0.10;
    double sense_maker_convening = 0.05;
    double sense_maker_sense_making = 0.65;
    double sense_maker_relationship = 0.20;
    double network_builder_one_to_one = 0.10;
    double network_builder_convening = 0.60;
    double network_builder_sense_making = 0.05;
    double network_builder_relationship = 0.25;
    double navigator_later_one_to_one = 0.20;
    double navigator_later_convening = 0.30;
    double navigator_later_sense_making = 0.30;
    double navigator_later_relationship = 0.20;
    double navigator_shift_share_of_span = 0.5;  // the navigator's shift is complete by then
    double navigator_open_ended_span_months = 24.0;
    double portfolio_one_to_one_moved = 0.4;  // to synthesis, at portfolio level
    double end_pressure_pull = 0.3;  // share of partner hours pulled upward at full pressure
    double setup_one_to_one = 0.15;  // the split during set-up months
    double setup_convening = 0.15;
    double setup_sense_making = 0.10;
    double setup_relationship = 0.60;
    double setup_blend = 0.6;                       // weight of the set-up split in those months
    double convening_half_hours_base = 10.0;        // backbone hours for half intensity ...
    double convening_half_hours_per_partner = 1.5;  // ... growing with the network
    double self_organised_intensity = 0.5;          // at full tie density and identity
};

// Process 3: participation.
struct ParticipationConstants {
    double self_organised_threshold = 0.02;  // convening intensity that counts as an offer
    double survival_factor = 0.3;            // funding security counts this much under stress
    double weight_value = 0.35;
    double weight_trust = 0.25;
    double weight_slack = 0.20;
    double weight_security = 0.20;
    double weight_identity = 0.10;
    double decisiveness = 8.0;     // slope of the logistic in the drive
    double drive_threshold = 0.5;  // drive at which a partner takes part half the time
    double weight_habit = 0.3;     // drive added per unit of habit above its neutral 0.5
    double habit_rate = 0.15;      // monthly weight of this month's attendance in the habit
    double initial_habit = 0.5;    // a partner's habit when it starts (neutral)
};

// Process 4a: one-to-one support and relationship building.
struct SupportConstants {
    double support_half_hours = 6.0;  // monthly hours giving half the effect
    double relationship_half_hours = 2.0;
    double capacity_learning_rate = 0.06;  // monthly capacity gain at full effect
    double neglect_threshold = 0.05;       // contact below this feels like absence
    double neglect_severity = 0.2;
    double triage_strength = 1.0;  // extra weight per unit of missing capacity (navigator)
    double quality_mel = 0.45;
    double quality_contextual = 0.35;
    double quality_sectoral = 0.20;
    double quality_without_accompaniment = 0.7;
    double quality_per_accompaniment = 0.3;
    double soft_skill_floor = 0.5;  // trust from support: floor + (1 - floor) x soft skills
    double contact_trust_weight = 0.5;
    double contextual_floor = 0.5;  // trust from contact: floor + (1 - floor) x contextual match
};

// Process 4b: convenings and ties.
struct ConveningConstants {
    double tie_formation_rate = 0.2;
    double tie_decay_without_backbone = 0.05;  // half-life about a year
    double tie_decay_floor = 0.005;
    double spillover_rate = 0.03;
    double facilitation_floor = 0.5;      // tie formation: floor + (1 - floor) x facilitation
    double cross_context_affinity = 0.3;  // affinity of partners in different contexts ...
    double identity_affinity = 0.35;      // ... plus this per unit of their summed identity
    double absent_openness = 0.2;         // openness to spillover of a partner who stays away
    double relevance_peers = 0.35;
    double relevance_identity = 0.3;
    double relevance_ties = 0.35;
    double convening_trust_weight = 0.5;
};

// Process 4c: sense-making with the funder.
struct SenseMakingConstants {
    double synthesis_half_hours = 25.0;
    double objectivity_threshold = 0.7;  // embeddedness beyond which objectivity erodes
    double objectivity_loss = 0.6;       // objectivity lost at full embeddedness
    double unbrokered_reach = 0.15;      // how far learning reaches with no focal point
    double level_fit_floor = 0.4;
    double buy_in_floor = 0.5;
    double staff_time_floor = 0.4;
    double embeddedness_floor = 0.4;
    double strategic_floor = 0.3;
};

// Process 4d: reporting and learning hours.
struct BurdenConstants {
    double convening_hours_at_full_intensity = 6.0;  // most of a workshop day a month
    double base_activity_hours = 2.0;
    double partner_share_of_support = 0.5;  // of a facilitator's one-to-one hour
    double absorbable_share = 0.25;  // most of its available hours a partner gives to support
    double funder_reporting_factor = 1.25;  // reporting weight; shared questions are 1
    double partner_led_factor = 0.6;
    double accountability_base = 0.35;  // reporting scales with this + accountability focus
    double resource_floor = 0.25;       // available hours: floor + (1 - floor) x resources
    double waiver_goodwill = 0.8;       // good experience of a waived report, x flexibility
    double unwaived_resentment = 0.3;   // bad experience of an unwaived one, x rigidity
    double forced_attendance_resentment = 0.1;
    double overload_resentment = 0.2;  // per unit of strain beyond full
    // Bad experience of the funder a month per unit of reporting strain (report hours over
    // available hours) of funder-defined reporting; the other evidence models feel less
    // extractive by these shares.
    double reporting_burden_weight = 0.25;
    double shared_questions_extraction = 0.5;
    double partner_led_extraction = 0.25;
};

// Process 4e: perceived value.
struct ValueConstants {
    double adjustment = 0.2;      // monthly share of the gap closed
    double quick_win_months = 6;  // first months of the facilitator's work with quick wins
    double quick_win_boost = 0.3;
    double clarity_floor = 0.5;  // purpose: alignment x (floor + (1 - floor) x clarity)
    double base = 0.05;
    double per_benefit = 0.8;
    double per_purpose = 0.25;
    double strain_threshold = 0.5;
    double per_strain = 0.3;
    double per_insecurity = 0.2;
};

// Process 6: power asymmetry and candour.
struct CandourConstants {
    double adjustment = 0.1;               // monthly share of the gap closed
    double routed_funder_reporting = 0.3;  // share of evidence routed through the facilitator
    double routed_shared_questions = 0.7;
    double routed_partner_led = 0.9;
    double asymmetry_floor = 0.4;   // asymmetry: dependence x (floor + (1 - floor) x focus)
    double disclosure_floor = 0.5;  // threat: asymmetry x (floor + (1 - floor) x risk)
    double end_pressure_threat = 0.2;
    double safety_funder_trust = 0.5;
    double safety_facilitator_trust = 0.3;
    double safety_buy_in = 0.2;
    double decisiveness = 6.0;  // slope of the logistic in safety minus threat
};

// Process 7: what partners and the funder learn.
struct LearningConstants {
    double clean_story = 0.75;   // the result a partner would like to be seen to have
    double reading_noise = 0.5;  // month-to-month noise in any reading of a report
    double funder_reporting_direct_gain = 0.12;
    double funder_reporting_indicator_gap = 0.35;
    double funder_reporting_synthesis_gain = 1.0;
    double shared_questions_direct_gain = 0.04;
    double shared_questions_indicator_gap = 0.5;
    double shared_questions_synthesis_gain = 1.0;
    double partner_led_direct_gain = 0.02;
    double partner_led_indicator_gap = 0.7;
    double partner_led_synthesis_gain = 0.8;
    double observation_precision_base = 0.1;
    double observation_precision_per_capacity = 2.0;  // times capacity squared
    double engagement_floor = 0.4;
    double staff_time_floor = 0.3;
    double own_evidence_noise = 1.0;  // s.d. of the facilitator's own evidence, unskilled
    double sectoral_sharpening = 0.3;
    double mel_sharpening = 0.3;
    double max_belief_gain = 0.8;
};

// Process 8: practice, support and decisions.
struct AdaptationConstants {
    double practice_learning_rate = 0.015;     // monthly effectiveness gain at full learning
    double practice_atrophy = 0.002;           // monthly loss of improvements even in use
    double practice_fade_without_use = 0.03;   // monthly loss of an unused practice gain
    double capacity_fade_without_use = 0.015;  // monthly loss of unused capacity gained
    double support_sharpness = 1.0;            // how strongly support follows beliefs
    double disclosed_failure = -0.5;           // a report this low admits a failure
    double absent_engagement = 0.1;
    double survival_factor = 0.5;
    double adoption_base = 0.3;
    double adoption_per_flexibility = 0.5;
    double support_cut = 0.5;  // x disclosure risk
    double security_cut = 0.4;
    double punishment_severity = 2.0;
    double witnessed_punishment = 1.0;  // x disclosure risk, to all when any is punished
    double heard_weight = 0.4;          // per month of the decision cycle
    double synthesis_floor = 0.3;
};

// Process 9: lifecycle.
struct LifecycleConstants {
    double end_pressure_months = 6;
    double review_realignment = 0.6;  // share of lost alignment a review restores
    double goal_emergence = 0.3;      // share of the gap to alignment closed per set-up month
    double drift_per_month = 0.02;    // open-ended goal drift with no clarity of purpose
    double clarity_slows_drift = 0.7;
    double time_bound_drift_share = 0.25;
    double initial_alignment_floor = 0.5;  // alignment: floor + (1 - floor) x clarity
    double accompaniment_base = 0.5;       // embeddedness grows at rate x (base + accompaniment)
    double lateness_scale_months = 12.0;   // months late beyond set-up that count as fully late
    double facilitation_tact = 0.5;        // share of the late-join damage facilitation avoids
    double late_join_partner_damage = 1.5;
    double late_join_funder_damage = 0.5;
};

// Process 1b: what partnership-level events do (docs/model.md 7.15; their rates are settings).
struct EventConstants {
    double relationship_carried_over = 0.5;  // share of trust evidence a successor inherits
    double standing_to_stay = 0.5;  // the facilitator withdraws after losing its lead below this
    double turnover_funder_damage = 0.5;      // funder's bad experience when the lead leaves
    double leadership_buy_in_shift = 1.5;     // new leadership's buy-in: x buy-in spread x z
    double leadership_alignment_kept = 0.75;  // share of goal alignment a new strategy keeps
    double leadership_capital_kept = 0.5;  // share of focal points' capital new leadership honours
    double budget_cut_share = 0.35;        // typical share of the facilitator's hours cut
    double budget_cut_spread = 0.1;        // s.d. of that share
    double budget_cut_min = 0.2;
    double budget_cut_max = 0.5;
    double crisis_stress_min_months = 3;    // a field crisis: months in survival mode, at least
    double crisis_stress_extra_months = 3;  // and up to this many more, with the crisis's size
    double crisis_security_loss = 0.3;      // funding security lost, x dependence
    double breach_severity = 1.0;           // bad experience of a breach, plus dependence
    double breach_security_loss = 0.2;      // funding security lost to a breach
};

// Process 8b: partners leaving for good.
struct EnrolmentConstants {
    double months_away_before_leaving = 6;
    double value_below_which_partners_leave = 0.3;
};

// Process 8c: how a partnership ends (docs/model.md 7.16).
struct OutcomeConstants {
    double reading_memory_months = 6;  // the readings are exponential averages over about this
    double months_before_funder_judges = 12;  // of the facilitator's work
    double worth_base = 0.3;  // funder's worth: trust x (base + focal x strength + buy-in x buy-in)
    double worth_per_focal_strength = 0.4;
    double worth_per_buy_in = 0.3;
    double collapsed_participation = 0.15;  // partners have disengaged below this participation
    double collapsed_enrolment = 0.5;       // or with fewer than this share of month 0's partners
    double months_before_partners_judged = 6;  // after set-up
    double struggling_participation = 0.35;    // a completed partnership struggles below this
    double struggling_worth_margin = 0.1;      // or within this of the funder's patience
    double months_to_startup_review = 3;  // after set-up: when the funder's leaders commit or not
    double startup_buy_in_floor = 0.45;   // below this realised buy-in they do not commit
};

struct ModelConstants {
    PopulationConstants population;
    FacilitatorKindConstants facilitator_kinds;
    ShockConstants shocks;
    EffortConstants effort;
    ParticipationConstants participation;
    SupportConstants support;
    ConveningConstants convenings;
    SenseMakingConstants sense_making;
    BurdenConstants burden;
    ValueConstants perceived_value;
    CandourConstants candour;
    LearningConstants learning;
    AdaptationConstants adaptation;
    LifecycleConstants lifecycle;
    EventConstants events;
    EnrolmentConstants enrolment;
    OutcomeConstants outcome;
};

}  // namespace partnersim
