#pragma once
// Scenario discovery on a sweep's results (PRIM): boxes of set-up choices where a success
// condition on measures is likely, read back from the analysis file when computed before.

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "analysis/results_table.hpp"
#include "app/analysis_cache.hpp"
#include "io/analysis_table.hpp"

namespace partnersim::app {

struct DiscoverRequest {
    std::filesystem::path results;
    std::string success;                  // condition on measures, e.g. "candour > 0.8"
    std::vector<std::string> parameters;  // may bound a box; empty: every varied parameter
    std::optional<int> month;
    double threshold = 0.8;  // density a box must reach
    double peel_alpha = 0.05;
    double min_mass = 0.05;
    int max_boxes = 3;
    bool recompute = false;
};

struct DiscoveryOutcome {
    analysis::ResultsTable table;  // the results, at the month asked
    analysis::AnalysisTable boxes, limits, trajectory, success;
    std::size_t successes = 0;  // runs meeting the condition
    CacheReport cache;
};

// Throws InputError for an unreadable file, a single scenario, a bad condition or an unknown
// parameter (checked before any work); std::exception for a failure.
DiscoveryOutcome discover_boxes(const DiscoverRequest& request);

// The outcome as text for people (what `discover` prints and the report keeps).
void write_discovery_text(const DiscoveryOutcome& outcome, std::ostream& out);

}  // namespace partnersim::app
