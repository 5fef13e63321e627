#include "analysis/grid_cells.hpp"

#include <algorithm>
#include <map>

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

std::vector<double> cell_outputs(const Eigen::MatrixXd& means, const GridCell& cell,
                                 std::size_t measure) {
    std::vector<double> outputs;
    outputs.reserve(cell.points.size());
    for (const auto p : cell.points)
        outputs.push_back(means(static_cast<Eigen::Index>(p), static_cast<Eigen::Index>(measure)));
    return outputs;
}

}  // namespace partnersim::analysis
