#include "analysis/sobol_analysis.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "analysis/main_effects.hpp"
#include "analysis/sobol_indices.hpp"

namespace partnersim::analysis {

namespace {

// The factor each AB_i moved, from the first sample where AB_i differs from A.
std::vector<std::size_t> moved_factors(const ResultsTable& table, const GridCell& cell, int k) {
    std::map<std::pair<std::uint64_t, int>, std::size_t> point_of;  // (sample, role) -> point
    for (const auto p : cell.points) point_of[{table.sample_index[p], table.saltelli_role[p]}] = p;
    std::vector<std::size_t> moved;
    for (int role = 1; role <= k; ++role) {
        std::optional<std::size_t> found;
        for (const auto& [key, a] : point_of) {
            if (key.second != 0) continue;
            const auto ab = point_of.find({key.first, role});
            if (ab == point_of.end()) continue;
            for (std::size_t f = 0; f < table.factors.size() && !found; ++f)
                if (table.factors[f].values[a] != table.factors[f].values[ab->second]) found = f;
            if (found) break;
        }
        if (!found) {
            throw std::invalid_argument("cannot tell which parameter role AB" +
                                        std::to_string(role) + " of the Saltelli design varies");
        }
        moved.push_back(*found);
    }
    return moved;
}

}  // namespace

AnalysisTable sobol_table(const ResultsTable& table, const std::vector<std::string>& measures,
                          const BootstrapOptions& options) {
    if (!table.is_saltelli()) {
        throw std::invalid_argument(table.file.string() +
                                    " was not made by a Sobol (Saltelli) design: use "
                                    "`method = \"sobol\"` in [sweep] for Sobol indices");
    }
    AnalysisTable out(
        "sobol_indices",
        "First-order and total Sobol indices of each sampled parameter for each "
        "measure (design-point means over replicates), with bootstrap intervals",
        {"measure", "parameter", "cell"},
        {"first_order", "first_low", "first_high", "total", "total_low", "total_high"});
    const int k = *std::max_element(table.saltelli_role.begin(), table.saltelli_role.end()) - 1;
    const Eigen::MatrixXd means = point_means(table);
    for (const GridCell& cell : grid_cells(table)) {
        const std::vector<std::size_t> moved = moved_factors(table, cell, k);
        std::vector<int> roles;
        std::vector<std::uint64_t> samples;
        for (const auto p : cell.points) {
            roles.push_back(table.saltelli_role[p]);
            samples.push_back(table.sample_index[p]);
        }
        for (const std::size_t m : chosen_measures(table, measures)) {
            const std::vector<double> y = cell_outputs(means, cell, m);
            const SobolIndices indices = sobol_indices(
                saltelli_outputs(y, roles, samples, static_cast<std::size_t>(k)), options);
            for (int i = 0; i < k; ++i) {
                const auto f = static_cast<std::size_t>(i);
                const Interval& s1 = indices.first_order[f];
                const Interval& st = indices.total[f];
                out.add_row({table.measures[m], table.factors[moved[f]].name, cell.label},
                            {s1.estimate, s1.low, s1.high, st.estimate, st.low, st.high});
            }
        }
    }
    return out;
}

}  // namespace partnersim::analysis
