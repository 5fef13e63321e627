#pragma once
// Scenario discovery on a results file: which set-up choices make success likely? Every run is
// a case, described by the values of the varied parameters at its design point; it succeeds
// if the user's condition on its measures holds (success_condition.hpp). PRIM (prim.hpp) then
// finds boxes of parameter values where success is dense. Runs rather than design points are
// the cases, so a point whose replicates disagree counts as partly successful, which is what
// it is.

#include <string>
#include <vector>

#include "analysis/prim.hpp"
#include "analysis/results_table.hpp"
#include "io/analysis_table.hpp"

namespace partnersim::analysis {

struct DiscoveryOptions {
    std::string condition;
    PrimOptions prim;
    std::vector<std::string> parameters;  // which varied parameters may bound a box; empty: all
};

struct Discovery {
    PrimInputs inputs;
    std::vector<PrimBox> boxes;
    std::size_t successes = 0;
    // prim_boxes:      condition, description | box, coverage, density, mass, cases, successes,
    //                  meets_threshold
    // prim_limits:     parameter, categories | box, low, high, range_low, range_high, quasi_p
    //                  (quasi_p: how likely the box's successes would be by chance without
    //                  this limit, as EMA Workbench reports; > 0.05 says the limit adds little)
    // prim_trajectory: | box, step, coverage, density, mass, restricted_dimensions, chosen
    // prim_success:    | run, success
    std::vector<AnalysisTable> tables;
};

// Throws ConditionError for a bad condition, std::invalid_argument for a table without
// varied parameters or an unknown parameter name.
Discovery discover(const ResultsTable& table, const DiscoveryOptions& options);

}  // namespace partnersim::analysis
