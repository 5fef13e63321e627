#pragma once
// The measures recorded each month and at the end of every run (model brief, "Measures"),
// declared once in measure_table(): name, description, units and which way is good (what the
// HDF5 file carries), how each is computed, what it rewards and cannot see (docs/model.md
// section 10 is generated from them), and the function that computes it. `Measure` names them
// for the code; static checks in measures.cpp fail the build if the table and the enum
// disagree. Adding a measure: an enumerator, a table row, its compute function and its test.

#include <array>
#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "model/decision_quality.hpp"

namespace partnersim {

struct World;

enum class Measure : std::size_t {
    trust_partner_facilitator,
    trust_partner_funder,
    trust_funder_facilitator,
    capacity,
    capacity_gini,
    participation,
    tokenism,
    candour,
    belief_error,
    decision_quality,
    portfolio_impact,
    network_density,
    burden_hours,
    perceived_value,
    goal_alignment,
    facilitator_hours,
    cost,
    // What the calibration targets read (docs/validation.md, "Calibration"): the funder's
    // reporting hours, a community of practice's core and active ring, obstacles met.
    reporting_hours,
    core_share,
    active_ring_share,
    obstacle_share,
    // How the partnership ends (docs/model.md 7.16), as judged so far; final values are the
    // run's outcome. Their means over runs are the risk of failure beside the other means.
    failed,
    collapsed,
    outcome,
    outcome_month,
    outcome_cause,
};
// One past the last enumerator.
inline constexpr std::size_t measure_count = static_cast<std::size_t>(Measure::outcome_cause) + 1;

struct MeasureInfo {
    std::string_view name;
    std::string_view description;
    std::string_view units;
};

// What a measure's compute function reads: the world, sums over partners that several measures
// share (gathered in one pass), and working memory.
struct MeasureInputs;

// What a measure's values are, and so how they may be summarised over runs: a continuous
// measure (or a 0/1 indicator, whose mean is a share) by means and intervals; a class code by
// the share of runs in each class (its mean means nothing); a month by its median among the
// runs it concerns.
enum class MeasureKind { continuous, class_code, month };

// Which way a measure is good for the partnership, so that a report's colours and words can say
// good or bad, not just higher or lower: trust is better higher, cost and belief error lower;
// effort, a code or a month is neither.
enum class Better { higher, lower, neither };
// "higher is better", "lower is better" or "neither": as files and documents say it.
std::string_view better_words(Better better);

struct MeasureSpec {
    Measure id;
    std::string_view name;
    std::string_view description;  // one line, as the results file carries it
    std::string_view units;
    std::string_view computation;  // how it is computed, for the documentation (markdown)
    std::string_view rewards;      // what raises it
    std::string_view cannot_see;   // what it is blind to
    double (*compute)(const MeasureInputs&);
    MeasureKind kind;
    std::span<const std::string_view> classes;  // a class code's names, code k at k
    Better better;                              // which way is good

    constexpr MeasureInfo info() const { return {name, description, units}; }
};

// Every measure, in enum order.
const std::array<MeasureSpec, measure_count>& measure_table();

// The kind of the measure of this name; continuous for a name that is no measure.
MeasureKind measure_kind(std::string_view name);
// The table's row of the measure of this name, or nullptr.
const MeasureSpec* find_measure(std::string_view name);

// Their names, descriptions and units (from measure_table()), in enum order.
const std::array<MeasureInfo, measure_count>& measure_catalogue();

using MeasureValues = std::array<double, measure_count>;

// Working memory of the measures, kept by an observer so that recording every month allocates
// nothing once a run is under way.
struct MeasureScratch {
    std::vector<double> gains;  // capacity gains, for their Gini
    DecisionScratch decision;
};

// The measures of the world as it stands (after a month's step).
MeasureValues measure_world(const World& world);
// The same, reusing `scratch`.
MeasureValues measure_world(const World& world, MeasureScratch& scratch);

// A partner's attendance (months present over months with activities on offer, while
// enrolled) that puts it in a community of practice's core, or at least in its active ring;
// below that it is peripheral (Wenger, McDermott and Snyder 2002 name the groups, not these
// cut-offs, which are ours).
inline constexpr double core_attendance = 0.8;
inline constexpr double active_ring_attendance = 0.5;

// Per-partner states recorded by `--trace` (under /agents/ in the results file).
enum class PartnerTrace : std::size_t {
    trust_facilitator,
    trust_funder,
    capacity,
    candour,
    present,
    engagement,
    perceived_value,
    burden_hours,
    true_effectiveness,
    funder_belief,
    support_share,
    // The partner's two strongest ties to other founding partners (their partner numbers,
    // 0-based, and weights; NaN without one): what the story of a run draws as its network.
    strongest_tie_with,
    strongest_tie,
    second_tie_with,
    second_tie,
    // The partnership's events this month (MonthEvents flags, month_events.hpp), the same for
    // every partner: a partnership-level row kept beside the partners' so that resume, merge
    // and shards carry it like any trace.
    partnership_events,
};
inline constexpr std::size_t partner_trace_count =
    static_cast<std::size_t>(PartnerTrace::partnership_events) + 1;
const std::array<MeasureInfo, partner_trace_count>& partner_trace_catalogue();

// Writes one month's per-partner states to out[variable * variable_stride + partner], for the
// founding partners (partners.count of them; newcomers' slots are in the means, not the traces).
void trace_partners(const World& world, float* out, std::size_t variable_stride);

struct PartnerPopulation;
// Gini coefficient of MEL capacity gains (negative gains count as none).
double capacity_gini(const PartnerPopulation& partners);
double capacity_gini(const PartnerPopulation& partners, std::vector<double>& scratch);

}  // namespace partnersim
