#pragma once
// Analysis tables (io/analysis_table.hpp) printed for people: aligned columns, signed
// numbers, intervals in brackets, and a star where an interval excludes zero. The same tables
// go to the analysis file and to CSV unformatted.

#include <ostream>
#include <string>

#include "analysis/results_table.hpp"
#include "io/analysis_table.hpp"

namespace partnersim::app {

// What was run: the file, the sweep in words, points, replicates, runs.
// The risk of failure per design point (table outcome_risk).
void print_outcome_risk(const analysis::AnalysisTable& risks, const std::string& when,
                        std::ostream& out);

void print_design_header(const analysis::ResultsTable& table, std::ostream& out);
// "month 60 (the final month)" or "month 24 of 60".
std::string describe_month(const analysis::ResultsTable& table);

// analysis::MainEffects::effects, per measure, largest standardised effect first.
void print_effects_table(const analysis::AnalysisTable& effects, const std::string& when,
                         std::ostream& out);
// analysis::MainEffects::level_means, per measure and parameter.
void print_level_means(const analysis::AnalysisTable& level_means, std::ostream& out);
// analysis::Interaction::effects, per measure.
void print_interaction_table(const analysis::AnalysisTable& effects, const std::string& when,
                             std::ostream& out);

// analysis::sobol_table, per measure (and grid cell), largest total index first.
void print_sobol_table(const analysis::AnalysisTable& sobol, const std::string& when,
                       std::ostream& out);
// analysis::morris_table, per measure (and grid cell), largest mu* first.
void print_morris_table(const analysis::AnalysisTable& morris, const std::string& when,
                        std::ostream& out);
// The prim_boxes and prim_limits tables of analysis::Discovery.
void print_prim_boxes(const analysis::AnalysisTable& boxes, const analysis::AnalysisTable& limits,
                      std::size_t runs, std::size_t successes, std::ostream& out);

// "+0.081 [+0.070, +0.093]" with `precision` decimals.
std::string signed_interval(double estimate, double low, double high, int precision = 3);

}  // namespace partnersim::app
