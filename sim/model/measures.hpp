#pragma once
// The measures recorded each month and at the end of every run (model brief, "Measures"),
// declared once in measure_table(): name, description and units (what the HDF5 file carries),
// how each is computed, what it rewards and cannot see (docs/model.md section 10 is generated
// from them), and the function that computes it. `Measure` names them for the code; static
// checks in measures.cpp fail the build if the table and the enum disagree. Adding a measure:
// an enumerator, a table row, its compute function and its test.

#include <array>
#include <cstddef>
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

struct MeasureSpec {
    Measure id;
    std::string_view name;
    std::string_view description;  // one line, as the results file carries it
    std::string_view units;
    std::string_view computation;  // how it is computed, for the documentation (markdown)
    std::string_view rewards;      // what raises it
    std::string_view cannot_see;   // what it is blind to
    double (*compute)(const MeasureInputs&);

    constexpr MeasureInfo info() const { return {name, description, units}; }
};

// Every measure, in enum order.
const std::array<MeasureSpec, measure_count>& measure_table();

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
};
inline constexpr std::size_t partner_trace_count = 11;
const std::array<MeasureInfo, partner_trace_count>& partner_trace_catalogue();

// Writes one month's per-partner states to out[variable * variable_stride + partner], for the
// founding partners (partners.count of them; newcomers' slots are in the means, not the traces).
void trace_partners(const World& world, float* out, std::size_t variable_stride);

struct PartnerPopulation;
// Gini coefficient of MEL capacity gains (negative gains count as none).
double capacity_gini(const PartnerPopulation& partners);
double capacity_gini(const PartnerPopulation& partners, std::vector<double>& scratch);

}  // namespace partnersim
