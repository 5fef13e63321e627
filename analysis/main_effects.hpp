#pragma once
// Main effects: for every varied parameter and every measure, the mean outcome at each of the
// parameter's levels (averaged over everything else the sweep varied), and the effect of going
// from its first level to its last (a choice's first listed option to its last; a number's
// lowest value or bin to its highest), each with a bootstrap interval (grouped_means.hpp says
// what is resampled). The effect is also given in standard deviations of the measure over all
// runs, so effects on different measures can be compared.

#include <string>
#include <vector>

#include "analysis/bootstrap.hpp"
#include "analysis/factor_levels.hpp"
#include "analysis/results_table.hpp"
#include "io/analysis_table.hpp"

namespace partnersim::analysis {

struct MainEffectOptions {
    BootstrapOptions bootstrap;
    LevelOptions levels;
    std::vector<std::string> measures;  // empty: every measure
};

struct MainEffects {
    // measure, parameter, level | level_index, mean, low, high, runs
    AnalysisTable level_means;
    // measure, parameter, from, to | estimate, low, high, standardised
    AnalysisTable effects;
};

// Throws std::invalid_argument if the table has no varied parameter, or names an unknown
// measure.
MainEffects main_effects(const ResultsTable& table, const MainEffectOptions& options = {});

// The measures an option list names (all continuous ones when empty: a class code or a month
// has no meaningful mean, model/measures.hpp's kind), as column indices; throws
// std::invalid_argument for an unknown name or one that is not continuous.
std::vector<std::size_t> chosen_measures(const ResultsTable& table,
                                         const std::vector<std::string>& names);

}  // namespace partnersim::analysis
