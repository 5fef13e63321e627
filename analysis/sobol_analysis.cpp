#include "analysis/sobol_analysis.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "analysis/main_effects.hpp"
#include "analysis/sobol_indices.hpp"

namespace partnersim::analysis {

Eigen::MatrixXd point_means(const ResultsTable& table) {
    const auto points = static_cast<Eigen::Index>(table.design_points);
    Eigen::MatrixXd sums = Eigen::MatrixXd::Zero(points, table.outcomes.cols());
    Eigen::VectorXd counts = Eigen::VectorXd::Zero(points);
    for (std::size_t r = 0; r < table.runs(); ++r) {
        const auto p = static_cast<Eigen::Index>(table.design_point[r]);
        sums.row(p) += table.outcomes.row(static_cast<Eigen::Index>(r));
        counts(p) += 1.0;
    }
    for (Eigen::Index p = 0; p < points; ++p)
        if (counts(p) > 0) sums.row(p) /= counts(p);
    return sums;
}

std::vector<GridCell> grid_cells(const ResultsTable& table) {
    std::map<std::uint64_t, std::vector<std::size_t>> by_cell;
    for (std::size_t p = 0; p < table.design_points; ++p) by_cell[table.grid_cell[p]].push_back(p);
    std::vector<GridCell> cells;
    for (auto& [cell, points] : by_cell) cells.push_back({"", std::move(points)});
    if (cells.size() == 1) {
        cells.front().label = "all";
        return cells;
    }
    // A grid factor is constant within each cell: label the cell by those factors' values.
    for (auto& cell : cells) {
        for (const auto& factor : table.factors) {
            const double first = factor.values[cell.points.front()];
            const bool constant =
                std::all_of(cell.points.begin(), cell.points.end(),
                            [&](std::size_t p) { return factor.values[p] == first; });
            if (!constant) continue;
            cell.label += (cell.label.empty() ? "" : ", ") + factor.name + "=" +
                          factor.label(cell.points.front());
        }
    }
    return cells;
}

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
    AnalysisTable out("sobol_indices",
                      "First-order and total Sobol indices of each sampled parameter for each "
                      "measure (design-point means over replicates), with bootstrap intervals",
                      {"measure", "parameter", "cell"},
                      {"first_order", "first_low", "first_high", "total", "total_low",
                       "total_high"});
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
            std::vector<double> y;
            for (const auto p : cell.points)
                y.push_back(means(static_cast<Eigen::Index>(p), static_cast<Eigen::Index>(m)));
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
