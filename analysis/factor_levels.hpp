#pragma once
// The levels a factor's main effect is read at. A grid gives few distinct values, each a level;
// a sampled factor (Latin hypercube, Sobol) gives a different value at every point, so its
// points are grouped into equal-count bins (quartiles by default) and the effect compares the
// top bin with the bottom one.

#include <string>
#include <vector>

#include "analysis/results_table.hpp"

namespace partnersim::analysis {

struct FactorLevels {
    std::vector<std::string> labels;  // in order: categories as listed, numbers ascending
    std::vector<int> level_of_point;  // per design point
    bool binned = false;              // levels are bins of a sampled factor
};

struct LevelOptions {
    int max_distinct = 8;  // up to this many distinct values are levels in their own right
    int bins = 4;          // otherwise, this many equal-count bins
};

FactorLevels factor_levels(const DesignFactor& factor, const LevelOptions& options = {});

}  // namespace partnersim::analysis
