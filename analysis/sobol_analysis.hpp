#pragma once
// Sobol indices of every measure from a results file with a Saltelli design: each design
// point's output is the mean of the measure over its replicates (replicates average out the
// run-to-run noise, which would otherwise show up as a spurious share of variance no factor
// explains). A Sobol design crossed with a grid gets indices per grid cell. Which column of
// the design each AB_i role moved is read off the data (the one parameter in which AB_i
// differs from A), so the analysis needs nothing but the file.

#include <string>
#include <vector>

#include "analysis/bootstrap.hpp"
#include "analysis/grid_cells.hpp"
#include "analysis/results_table.hpp"
#include "io/analysis_table.hpp"

namespace partnersim::analysis {

// measure, parameter, cell | first_order, first_low, first_high, total, total_low, total_high
// (cell "all" without a grid; else "param=value, ..." of the grid cell).
// Throws std::invalid_argument if the table has no Saltelli design.
AnalysisTable sobol_table(const ResultsTable& table, const std::vector<std::string>& measures,
                          const BootstrapOptions& options = {});

}  // namespace partnersim::analysis
