#pragma once
// Analysing a sweep's results: main effects of every varied parameter, optionally the
// interaction of two, and Sobol or Morris indices when the design has them; each table read
// back from "<results>.analysis.h5" when an identical request computed it before.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "analysis/results_table.hpp"
#include "app/analysis_cache.hpp"
#include "io/analysis_table.hpp"

namespace partnersim::app {

struct AnalyzeRequest {
    std::filesystem::path results;
    std::vector<std::string> measures;     // empty: all
    std::vector<std::string> interaction;  // {A, B} or empty
    std::optional<int> month;              // default: the final month
    int resamples = 1000;                  // bootstrap resamples
    std::uint64_t bootstrap_seed = 20261125;
    int bins = 4;            // bins of a sampled parameter's main effect
    bool recompute = false;  // ignore stored analyses
};

struct AnalysisOutcome {
    analysis::ResultsTable table;  // the results analysed, at the month asked
    analysis::AnalysisTable level_means;
    analysis::AnalysisTable effects;
    std::optional<analysis::AnalysisTable> interaction_cells;  // with an interaction asked
    std::optional<analysis::AnalysisTable> interaction;
    std::optional<analysis::AnalysisTable> sobol;   // for a Saltelli design
    std::optional<analysis::AnalysisTable> morris;  // for a Morris design
    analysis::AnalysisTable risks;                  // outcome_risk: per design point
    std::string interval_kind;                      // analysis::interval_kind
    CacheReport cache;
};

// Throws InputError for an unreadable results file, a single scenario, or a measure, month or
// parameter the file does not have (all checked before any work); std::exception for a failure.
AnalysisOutcome analyze_results(const AnalyzeRequest& request);

// The outcome as text for people (what `analyze` prints and the report keeps); with `levels`
// the mean at every level too.
void write_analysis_text(const AnalysisOutcome& outcome, bool levels, std::ostream& out);

}  // namespace partnersim::app
