#include "analysis/grid_cells.hpp"

#include <gtest/gtest.h>

#include "support/synthetic_results.hpp"

namespace partnersim::analysis {
namespace {

// A 2 x 2 grid (synthetic_grid puts every point in a cell of its own) whose outcome is
// 10 * a + b + replicate: each point's mean over replicates 0, 1, 2 is 10 a + b + 1.
ResultsTable two_by_two() {
    std::vector<double> next_replicate{0};
    return test::synthetic_grid(
        {{"a", {}, {0, 1}}, {"setup.duration", {"time_bound", "open_ended"}, {}}}, 3,
        [&](const std::vector<int>& level, RandomStream&) {
            const double replicate = next_replicate[0];
            next_replicate[0] = replicate == 2 ? 0 : replicate + 1;
            return 10.0 * level[0] + level[1] + replicate;
        });
}

TEST(GridCells, CellsAreLabelledByTheParametersConstantInThem) {
    const std::vector<GridCell> cells = grid_cells(two_by_two());
    ASSERT_EQ(cells.size(), 4u);
    EXPECT_EQ(cells[0].label, "a=0, setup.duration=time_bound");
    EXPECT_EQ(cells[3].label, "a=1, setup.duration=open_ended");
    EXPECT_EQ(cells[2].points, (std::vector<std::size_t>{2}));

    ResultsTable one_cell = two_by_two();
    one_cell.grid_cell.assign(one_cell.design_points, 0);
    const std::vector<GridCell> all = grid_cells(one_cell);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].label, "all");
    EXPECT_EQ(all[0].points, (std::vector<std::size_t>{0, 1, 2, 3}));
}

TEST(GridCells, PointMeansAverageReplicatesAndCellOutputsFollowTheCell) {
    const ResultsTable table = two_by_two();
    const Eigen::MatrixXd means = point_means(table);
    ASSERT_EQ(means.rows(), 4);
    EXPECT_DOUBLE_EQ(means(0, 0), 1.0);   // a = 0, time_bound
    EXPECT_DOUBLE_EQ(means(3, 0), 12.0);  // a = 1, open_ended
    GridCell cell{"picked", {3, 1}};
    EXPECT_EQ(cell_outputs(means, cell, 0), (std::vector<double>{12.0, 2.0}));
}

}  // namespace
}  // namespace partnersim::analysis
