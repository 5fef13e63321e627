#pragma once
// Morris (1991) elementary effects screening, with mu* as in Campolongo et al. (2007): which of
// k factors matter at all, from r trajectories of k + 1 design points each (a Morris design,
// engine/experiment_design.hpp). Along a trajectory every factor moves once; the change of the
// output over that step, divided by the step in the unit cube, is one elementary effect (EE)
// of the factor. Over the r trajectories, per factor:
//   mu     mean EE: the average direction of the effect (effects of opposite signs cancel)
//   mu*    mean |EE|: the overall importance; the measure to rank factors by
//   sigma  standard deviation of the EE: large when the effect depends on where in the space
//          it is measured, i.e. on interactions with other factors or on curvature
// Effects are in output units per whole range of the factor: mu* = 1 means that moving the
// factor from the low to the high end of its range changes the output by about 1.
//
// Inputs are per design point, in design order: the unit-cube coordinates (value - low) /
// (high - low) of the k range factors (unit_cube maps a /design/<parameter> column with its
// `low` and `high` attributes), the output (for a sweep with replicates, e.g. the mean over a
// point's replicates; with common random numbers this equals the mean of the per-replicate
// effects), the trajectory each point belongs to, and /design/morris_factor. Integer factors
// are rounded in the design, so their steps differ a little from the nominal one; dividing by
// the step actually taken keeps their effects right. In a grid crossed with Morris
// trajectories, sample_index repeats in every grid cell: analyse one cell at a time, or give
// trajectory ids that tell cells apart (e.g. cell * r + sample_index).

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include <Eigen/Dense>

#include "analysis/bootstrap.hpp"
#include "analysis/statistics.hpp"

namespace partnersim::analysis {

struct MorrisEffect {
    double mu = 0.0;
    double mu_star = 0.0;
    double sigma = 0.0;         // sample standard deviation (n - 1); 0 with one trajectory
    Interval mu_star_interval;  // estimate = mu_star; percentile bootstrap over trajectories
    std::size_t effects = 0;    // elementary effects behind the estimates: one per trajectory
};

// The elementary effects of one design: effects(t, i) is trajectory t's EE of factor i, with
// trajectories in order of first appearance.
Eigen::MatrixXd elementary_effects(const Eigen::MatrixXd& unit, std::span<const double> y,
                                   std::span<const std::uint64_t> trajectory,
                                   std::span<const int> morris_factor);

// mu, mu*, sigma and a bootstrap interval for mu* of every factor (column of `unit`), in
// column order. Trajectories are the resampled units, so all k effects of a trajectory stay
// together. Throws std::invalid_argument, saying which point or trajectory is wrong, when the
// inputs differ in length, a trajectory has not k + 1 points, does not start with
// morris_factor 0, moves a factor twice or a coordinate other than the one named, or takes a
// step of zero; or when there are no trajectories or factors.
std::vector<MorrisEffect> morris_effects(const Eigen::MatrixXd& unit, std::span<const double> y,
                                         std::span<const std::uint64_t> trajectory,
                                         std::span<const int> morris_factor,
                                         const BootstrapOptions& options = {});

// A range factor's values in the unit cube: (value - low) / (high - low). Throws
// std::invalid_argument unless low < high.
Eigen::VectorXd unit_cube(std::span<const double> values, double low, double high);

}  // namespace partnersim::analysis
