#pragma once
// Results tables made up in memory with a known answer, for the analysis tests: a full grid
// over named factors, `replicates` runs per point, and one outcome computed from the factor
// levels plus noise. Replicate r draws its noise from its own stream, the same at every point,
// as common random numbers do in real sweeps.

#include <functional>
#include <string>
#include <vector>

#include "analysis/results_table.hpp"
#include "model/random_stream.hpp"

namespace partnersim::test {

struct SyntheticFactor {
    std::string name;
    std::vector<std::string> categories;  // non-empty: categorical with these labels
    std::vector<double> levels;           // numeric levels otherwise
};

// outcome(levels of this point as indices into each factor, replicate stream) -> value
using SyntheticOutcome =
    std::function<double(const std::vector<int>& level_indices, RandomStream& noise)>;

inline analysis::ResultsTable synthetic_grid(const std::vector<SyntheticFactor>& factors,
                                             std::uint64_t replicates,
                                             const SyntheticOutcome& outcome,
                                             std::uint64_t seed = 1) {
    analysis::ResultsTable table;
    table.file = "synthetic.h5";
    table.sweep = "synthetic grid";
    table.months = table.month = 12;
    table.replicates_per_point = replicates;
    table.measures = {"score"};  // not "outcome", which names the outcome class code
    std::size_t points = 1;
    for (const auto& f : factors)
        points *= f.categories.empty() ? f.levels.size() : f.categories.size();
    table.design_points = points;
    // Point p's level indices, first factor slowest (as make_design orders a grid).
    std::vector<std::vector<int>> indices(points, std::vector<int>(factors.size()));
    for (std::size_t p = 0; p < points; ++p) {
        std::size_t rest = p;
        for (std::size_t f = factors.size(); f-- > 0;) {
            const std::size_t n = factors[f].categories.empty() ? factors[f].levels.size()
                                                                : factors[f].categories.size();
            indices[p][f] = static_cast<int>(rest % n);
            rest /= n;
        }
    }
    for (std::size_t f = 0; f < factors.size(); ++f) {
        analysis::DesignFactor factor;
        factor.name = factors[f].name;
        factor.categories = factors[f].categories;
        for (std::size_t p = 0; p < points; ++p) {
            const int i = indices[p][f];
            factor.values.push_back(
                factor.categorical() ? double(i) : factors[f].levels[static_cast<std::size_t>(i)]);
        }
        table.factors.push_back(std::move(factor));
    }
    table.grid_cell.resize(points);
    for (std::size_t p = 0; p < points; ++p) table.grid_cell[p] = p;
    table.sample_index.assign(points, 0);
    table.saltelli_role.assign(points, -1);
    table.morris_factor.assign(points, -1);
    table.outcomes.resize(static_cast<Eigen::Index>(points * replicates), 1);
    for (std::size_t p = 0; p < points; ++p) {
        for (std::uint64_t r = 0; r < replicates; ++r) {
            RandomStream noise(seed * 1000003 + r);  // same stream for replicate r everywhere
            table.design_point.push_back(p);
            table.replicate.push_back(r);
            table.outcomes(static_cast<Eigen::Index>(table.design_point.size() - 1), 0) =
                outcome(indices[p], noise);
        }
    }
    return table;
}

}  // namespace partnersim::test
