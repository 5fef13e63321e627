#include "analysis/morris_analysis.hpp"

#include <algorithm>
#include <stdexcept>

#include "analysis/grid_cells.hpp"
#include "analysis/main_effects.hpp"
#include "analysis/morris_effects.hpp"

namespace partnersim::analysis {
namespace {

// The sampled factors in range order (column i - 1 of the unit cube is range factor i).
std::vector<const DesignFactor*> range_factors(const ResultsTable& table) {
    std::vector<const DesignFactor*> ranged;
    for (const auto& factor : table.factors)
        if (factor.range_index) ranged.push_back(&factor);
    std::sort(ranged.begin(), ranged.end(), [](const DesignFactor* a, const DesignFactor* b) {
        return *a->range_index < *b->range_index;
    });
    for (std::size_t i = 0; i < ranged.size(); ++i) {
        if (*ranged[i]->range_index != static_cast<int>(i) + 1 || !ranged[i]->low ||
            !ranged[i]->high) {
            throw std::invalid_argument(table.file.string() +
                                        ": the sampled parameters' ranges (low, high, "
                                        "range_index) are missing or incomplete");
        }
    }
    return ranged;
}

}  // namespace

AnalysisTable morris_table(const ResultsTable& table, const std::vector<std::string>& measures,
                           const BootstrapOptions& options) {
    if (!table.is_morris()) {
        throw std::invalid_argument(table.file.string() +
                                    " was not made by a Morris design: use `method = \"morris\"` "
                                    "in [sweep] for elementary effects");
    }
    const std::vector<const DesignFactor*> ranged = range_factors(table);
    AnalysisTable out("morris",
                      "Morris elementary effects of each sampled parameter on each measure "
                      "(design-point means over replicates), per whole range of the parameter: "
                      "mu, mu* (mean absolute effect, with a bootstrap interval) and sigma",
                      {"measure", "parameter", "cell"},
                      {"mu", "mu_star", "mu_star_low", "mu_star_high", "sigma"});
    const Eigen::MatrixXd means = point_means(table);
    for (const GridCell& cell : grid_cells(table)) {
        const auto points = static_cast<Eigen::Index>(cell.points.size());
        Eigen::MatrixXd unit(points, static_cast<Eigen::Index>(ranged.size()));
        std::vector<std::uint64_t> trajectory;
        std::vector<int> moved;
        for (std::size_t i = 0; i < ranged.size(); ++i) {
            std::vector<double> values;
            for (const auto p : cell.points) values.push_back(ranged[i]->values[p]);
            unit.col(static_cast<Eigen::Index>(i)) =
                unit_cube(values, *ranged[i]->low, *ranged[i]->high);
        }
        for (const auto p : cell.points) {
            trajectory.push_back(table.sample_index[p]);
            moved.push_back(table.morris_factor[p]);
        }
        for (const std::size_t m : chosen_measures(table, measures)) {
            const std::vector<double> y = cell_outputs(means, cell, m);
            const auto effects = morris_effects(unit, y, trajectory, moved, options);
            for (std::size_t i = 0; i < ranged.size(); ++i) {
                const MorrisEffect& e = effects[i];
                out.add_row(
                    {table.measures[m], ranged[i]->name, cell.label},
                    {e.mu, e.mu_star, e.mu_star_interval.low, e.mu_star_interval.high, e.sigma});
            }
        }
    }
    return out;
}

}  // namespace partnersim::analysis
