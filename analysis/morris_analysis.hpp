#pragma once
// Morris screening of every measure from a results file with a Morris design: each design
// point's output is the mean of the measure over its replicates, and each sampled parameter
// is mapped to the unit cube with the range the file records (`low`, `high`, `range_index`
// attributes of /design/<parameter>). A Morris design crossed with a grid is screened per
// grid cell.

#include <string>
#include <vector>

#include "analysis/bootstrap.hpp"
#include "analysis/results_table.hpp"
#include "io/analysis_table.hpp"

namespace partnersim::analysis {

// measure, parameter, cell | mu, mu_star, mu_star_low, mu_star_high, sigma
// Throws std::invalid_argument if the table has no Morris design or lacks the ranges.
AnalysisTable morris_table(const ResultsTable& table, const std::vector<std::string>& measures,
                           const BootstrapOptions& options = {});

}  // namespace partnersim::analysis
