#pragma once
// Results tables made up in memory over the project's own sampling designs (Saltelli for Sobol
// indices, Morris trajectories), with outcomes computed from the factors' values by a known
// function, for known-answer tests of the sensitivity analyses without running the model. The
// table is filled as read_results_table fills it from a sweep's file:
//   - design points in make_design's order: grid cell by grid cell, then the design's rows;
//   - each range factor with low, high and range_index (i for the i-th range), its values
//     low + u (high - low) for the design's unit-cube column u;
//   - the factors listed in `listed` order, not necessarily range order (a file lists its
//     /design tables by name), so a test can see that an analysis matches names to columns
//     by the design, not by position;
//   - two replicates per point, model + e and model - e with e different at every point and
//     measure: only the mean over a point's replicates is the model, as in a noisy sweep.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "analysis/results_table.hpp"
#include "engine/sampling.hpp"

namespace partnersim::test {

struct SampledRange {
    std::string name;
    double low = 0.0;
    double high = 1.0;
};

inline SampledRange sampled_range(std::string name, double low, double high) {
    SampledRange range;
    range.name = std::move(name);
    range.low = low;
    range.high = high;
    return range;
}

// A measure's value at a point: (grid cell, the range factors' values in range order).
using DesignModel = std::function<double(std::size_t cell, const std::vector<double>& x)>;

struct SyntheticDesign {
    SampleMatrix unit;  // the design's rows in [0, 1]^k
    std::vector<std::uint64_t> sample_index;
    std::vector<int> saltelli_role;  // -1 where not Saltelli
    std::vector<int> morris_factor;  // -1 where not Morris
};

inline SyntheticDesign saltelli_design(std::size_t base_samples, std::size_t k) {
    SyntheticDesign design;
    design.unit = saltelli_points(saltelli(base_samples, k));
    for (std::size_t r = 0; r < design.unit.size(); ++r) {
        design.sample_index.push_back(r / (k + 2));
        design.saltelli_role.push_back(saltelli_role_of(r, k));
        design.morris_factor.push_back(-1);
    }
    return design;
}

inline SyntheticDesign morris_design(std::size_t trajectories, std::size_t k, int levels,
                                     std::uint64_t seed) {
    SyntheticDesign design;
    design.unit = morris_trajectories(trajectories, k, levels, seed);
    design.morris_factor = morris_moved_factors(design.unit, k);
    for (std::size_t r = 0; r < design.unit.size(); ++r) {
        design.sample_index.push_back(r / (k + 1));
        design.saltelli_role.push_back(-1);
    }
    return design;
}

// The design over `ranges` (range order), crossed with `cells` grid cells of a categorical
// factor setup.duration (time_bound, open_ended, ...: cell c has category c) when cells > 1;
// factors listed in `listed` order (indices into `ranges`; the grid factor, if any, last).
inline analysis::ResultsTable synthetic_design_table(const SyntheticDesign& design,
                                                     const std::vector<SampledRange>& ranges,
                                                     const std::vector<std::size_t>& listed,
                                                     const std::vector<DesignModel>& measures,
                                                     std::size_t cells = 1) {
    analysis::ResultsTable table;
    table.file = "synthetic-design.h5";
    table.sweep = "synthetic design";
    table.months = table.month = 12;
    table.replicates_per_point = 2;
    const std::size_t rows = design.unit.size();
    const std::size_t points = rows * cells;
    table.design_points = points;
    std::vector<std::vector<double>> x(points, std::vector<double>(ranges.size()));
    for (std::size_t p = 0; p < points; ++p) {
        const std::size_t row = p % rows;
        for (std::size_t i = 0; i < ranges.size(); ++i)
            x[p][i] = ranges[i].low + design.unit[row][i] * (ranges[i].high - ranges[i].low);
        table.grid_cell.push_back(p / rows);
        table.sample_index.push_back(design.sample_index[row]);
        table.saltelli_role.push_back(design.saltelli_role[row]);
        table.morris_factor.push_back(design.morris_factor[row]);
    }
    for (const std::size_t i : listed) {
        analysis::DesignFactor factor;
        factor.name = ranges[i].name;
        factor.low = ranges[i].low;
        factor.high = ranges[i].high;
        factor.range_index = static_cast<int>(i) + 1;
        for (std::size_t p = 0; p < points; ++p) factor.values.push_back(x[p][i]);
        table.factors.push_back(std::move(factor));
    }
    if (cells > 1) {
        analysis::DesignFactor grid;
        grid.name = "setup.duration";
        grid.categories = {"time_bound", "open_ended"};
        while (grid.categories.size() < cells)
            grid.categories.push_back("cell" + std::to_string(grid.categories.size()));
        for (std::size_t p = 0; p < points; ++p)
            grid.values.push_back(static_cast<double>(p / rows));
        table.factors.push_back(std::move(grid));
    }
    for (std::size_t m = 0; m < measures.size(); ++m)
        table.measures.push_back("measure_" + std::to_string(m));
    table.outcomes.resize(static_cast<Eigen::Index>(2 * points),
                          static_cast<Eigen::Index>(measures.size()));
    for (std::size_t p = 0; p < points; ++p) {
        for (int r = 0; r < 2; ++r) {
            table.design_point.push_back(p);
            table.replicate.push_back(static_cast<std::uint64_t>(r));
        }
        for (std::size_t m = 0; m < measures.size(); ++m) {
            const double y = measures[m](p / rows, x[p]);
            // e in [-5, 5], different at every point and measure: as large as the effects.
            const double e =
                5.0 * (static_cast<double>((p * 7919 + m * 104729) % 1000) / 500.0 - 1.0);
            table.outcomes(static_cast<Eigen::Index>(2 * p), static_cast<Eigen::Index>(m)) = y + e;
            table.outcomes(static_cast<Eigen::Index>(2 * p + 1), static_cast<Eigen::Index>(m)) =
                y - e;
        }
    }
    return table;
}

}  // namespace partnersim::test
