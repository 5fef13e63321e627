#include "analysis/morris_effects.hpp"

#include <cmath>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace partnersim::analysis {
namespace {

[[noreturn]] void malformed(const std::string& message) {
    throw std::invalid_argument("morris_effects: " + message);
}

// Design points of each trajectory, in design order, and trajectories in order of first
// appearance (so the result does not depend on how trajectory ids are numbered).
std::vector<std::vector<Eigen::Index>> points_by_trajectory(
    std::span<const std::uint64_t> trajectory) {
    std::vector<std::vector<Eigen::Index>> points;
    std::unordered_map<std::uint64_t, std::size_t> slot;
    for (std::size_t p = 0; p < trajectory.size(); ++p) {
        const auto [found, added] = slot.try_emplace(trajectory[p], points.size());
        if (added) points.emplace_back();
        points[found->second].push_back(static_cast<Eigen::Index>(p));
    }
    return points;
}

}  // namespace

Eigen::MatrixXd elementary_effects(const Eigen::MatrixXd& unit, std::span<const double> y,
                                   std::span<const std::uint64_t> trajectory,
                                   std::span<const int> morris_factor) {
    const auto n = static_cast<std::size_t>(unit.rows());
    const Eigen::Index k = unit.cols();
    if (y.size() != n || trajectory.size() != n || morris_factor.size() != n) {
        malformed("expected one output, trajectory and morris_factor per design point (" +
                  std::to_string(n) + "), got " + std::to_string(y.size()) + ", " +
                  std::to_string(trajectory.size()) + " and " +
                  std::to_string(morris_factor.size()));
    }
    if (k == 0) malformed("no factors (the unit-cube matrix has no columns)");
    if (n == 0) malformed("no design points");

    const auto groups = points_by_trajectory(trajectory);
    Eigen::MatrixXd effects(static_cast<Eigen::Index>(groups.size()), k);
    for (std::size_t t = 0; t < groups.size(); ++t) {
        const auto& points = groups[t];
        const Eigen::Index first = points.front();
        const std::string which = "trajectory " + std::to_string(trajectory[first]);
        if (points.size() != static_cast<std::size_t>(k) + 1) {
            malformed(which + " has " + std::to_string(points.size()) + " points; with " +
                      std::to_string(k) + " factors it needs " + std::to_string(k + 1));
        }
        if (morris_factor[first] != 0) {
            malformed(which + " starts at point " + std::to_string(first) + " with morris_factor " +
                      std::to_string(morris_factor[first]) +
                      ", not 0 (a trajectory's first point)");
        }
        std::vector<bool> moved(static_cast<std::size_t>(k), false);
        for (std::size_t s = 1; s < points.size(); ++s) {
            const Eigen::Index before = points[s - 1];
            const Eigen::Index after = points[s];
            const int code = morris_factor[after];
            const std::string at = which + ", point " + std::to_string(after);
            if (code < 1 || code > k) {
                malformed(at + ": morris_factor " + std::to_string(code) + " is not a factor 1.." +
                          std::to_string(k));
            }
            const auto i = static_cast<Eigen::Index>(code - 1);
            if (moved[static_cast<std::size_t>(i)]) {
                malformed(at + ": factor " + std::to_string(code) + " moves a second time");
            }
            moved[static_cast<std::size_t>(i)] = true;
            for (Eigen::Index j = 0; j < k; ++j) {
                if (j != i && unit(after, j) != unit(before, j)) {
                    malformed(at + ": factor " + std::to_string(j + 1) + " changed, but " +
                              "morris_factor says factor " + std::to_string(code) + " moved");
                }
            }
            const double step = unit(after, i) - unit(before, i);
            if (step == 0.0) {
                malformed(at + ": factor " + std::to_string(code) + " did not change");
            }
            effects(static_cast<Eigen::Index>(t), i) =
                (y[static_cast<std::size_t>(after)] - y[static_cast<std::size_t>(before)]) / step;
        }
    }
    return effects;
}

std::vector<MorrisEffect> morris_effects(const Eigen::MatrixXd& unit, std::span<const double> y,
                                         std::span<const std::uint64_t> trajectory,
                                         std::span<const int> morris_factor,
                                         const BootstrapOptions& options) {
    const Eigen::MatrixXd effects = elementary_effects(unit, y, trajectory, morris_factor);
    const Eigen::Index r = effects.rows();
    const Eigen::Index k = effects.cols();
    std::vector<MorrisEffect> result(static_cast<std::size_t>(k));
    std::vector<double> column(static_cast<std::size_t>(r));
    for (Eigen::Index i = 0; i < k; ++i) {
        for (Eigen::Index t = 0; t < r; ++t) column[static_cast<std::size_t>(t)] = effects(t, i);
        MorrisEffect& effect = result[static_cast<std::size_t>(i)];
        effect.mu = mean_of(column);
        effect.sigma = standard_deviation(column);
        effect.effects = static_cast<std::size_t>(r);
    }
    const Eigen::MatrixXd magnitudes = effects.cwiseAbs();
    const std::vector<Interval> intervals = bootstrap_intervals(
        static_cast<std::size_t>(r), static_cast<std::size_t>(k),
        [&](std::span<const std::size_t> drawn, std::span<double> out) {
            for (Eigen::Index i = 0; i < k; ++i) {
                double sum = 0.0;
                for (const std::size_t t : drawn) {
                    sum += magnitudes(static_cast<Eigen::Index>(t), i);
                }
                out[static_cast<std::size_t>(i)] = sum / static_cast<double>(drawn.size());
            }
        },
        options);
    for (std::size_t i = 0; i < result.size(); ++i) {
        result[i].mu_star = intervals[i].estimate;  // the statistic on all trajectories
        result[i].mu_star_interval = intervals[i];
    }
    return result;
}

Eigen::VectorXd unit_cube(std::span<const double> values, double low, double high) {
    if (!(low < high)) {
        throw std::invalid_argument("unit_cube: low (" + std::to_string(low) +
                                    ") must be below high (" + std::to_string(high) + ")");
    }
    Eigen::VectorXd unit(static_cast<Eigen::Index>(values.size()));
    for (std::size_t p = 0; p < values.size(); ++p) {
        unit(static_cast<Eigen::Index>(p)) = (values[p] - low) / (high - low);
    }
    return unit;
}

}  // namespace partnersim::analysis
