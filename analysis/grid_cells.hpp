#pragma once
// What Sobol and Morris analyses share: a sweep's design points split by grid cell (indices are
// computed per cell when a sampled design is crossed with a grid), and each point's output as
// the mean of a measure over its replicates, which averages out run-to-run noise that would
// otherwise show up as variance no parameter explains.

#include <string>
#include <vector>

#include <Eigen/Dense>

#include "analysis/results_table.hpp"

namespace partnersim::analysis {

// Points of each grid cell, and the cell's label ("all" for a single cell).
struct GridCell {
    std::string label;
    std::vector<std::size_t> points;
};
std::vector<GridCell> grid_cells(const ResultsTable& table);

// Mean of each measure over each design point's replicates: points x measures.
Eigen::MatrixXd point_means(const ResultsTable& table);

// The outputs of a cell's points on one measure (rows of point_means), in the cell's order.
std::vector<double> cell_outputs(const Eigen::MatrixXd& means, const GridCell& cell,
                                 std::size_t measure);

}  // namespace partnersim::analysis
