#pragma once
// The interaction of two varied parameters A and B on each measure: does the effect of A
// depend on B? For every pair of levels, the mean outcome (averaged over whatever else the
// sweep varied); the effect of A (first level to last) at each level of B; and the difference
// between that effect at B's last and first levels (a difference of differences). An interval
// that excludes zero says the effect of A depends on B. Intervals are bootstrap intervals
// from the same resamples (grouped_means.hpp), so paired designs stay paired.

#include <string>
#include <vector>

#include "analysis/bootstrap.hpp"
#include "analysis/factor_levels.hpp"
#include "analysis/results_table.hpp"
#include "io/analysis_table.hpp"

namespace partnersim::analysis {

struct InteractionOptions {
    std::string parameter_a;  // whose effect
    std::string parameter_b;  // depends on which
    BootstrapOptions bootstrap;
    LevelOptions levels;
    std::vector<std::string> measures;  // empty: every measure
};

struct Interaction {
    // measure, parameter_a, level_a, parameter_b, level_b | mean, low, high, runs
    AnalysisTable cell_means;
    // measure, parameter_a, from_a, to_a, parameter_b, at_b | estimate, low, high
    // One row per level of B (at_b = that level): the effect of A there; then one row with
    // at_b = "difference (last - first)": the interaction.
    AnalysisTable effects;
};

// Throws std::invalid_argument for an unknown or identical pair of parameters.
Interaction interaction(const ResultsTable& table, const InteractionOptions& options);

// The row label of the interaction itself in Interaction::effects.
inline constexpr const char* interaction_row_label = "difference (last - first)";

}  // namespace partnersim::analysis
