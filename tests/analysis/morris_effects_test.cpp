#include "analysis/morris_effects.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <vector>

#include "engine/experiment_design.hpp"
#include "engine/sampling.hpp"

namespace partnersim::analysis {
namespace {

// A Morris design in the unit cube with outputs f(x), as the estimator takes it.
struct Screening {
    Eigen::MatrixXd unit;
    std::vector<double> y;
    std::vector<std::uint64_t> trajectory;
    std::vector<int> moved;
};

Screening screen(std::size_t trajectories, std::size_t k, int levels, std::uint64_t seed,
                 const std::function<double(const std::vector<double>&)>& f) {
    const SampleMatrix points = morris_trajectories(trajectories, k, levels, seed);
    Screening s;
    s.unit.resize(static_cast<Eigen::Index>(points.size()), static_cast<Eigen::Index>(k));
    for (std::size_t p = 0; p < points.size(); ++p) {
        for (std::size_t i = 0; i < k; ++i) {
            s.unit(static_cast<Eigen::Index>(p), static_cast<Eigen::Index>(i)) = points[p][i];
        }
        s.y.push_back(f(points[p]));
        s.trajectory.push_back(p / (k + 1));
    }
    s.moved = morris_moved_factors(points, k);
    return s;
}

std::vector<MorrisEffect> effects_of(const Screening& s, const BootstrapOptions& options = {}) {
    return morris_effects(s.unit, s.y, s.trajectory, s.moved, options);
}

TEST(MorrisEffects, ALinearFunctionHasItsSlopesAsEveryEffect) {
    const std::vector<double> a{3.0, -2.0, 0.0, 0.5};
    const Screening s = screen(20, 4, 4, 17, [&](const std::vector<double>& x) {
        return a[0] * x[0] + a[1] * x[1] + a[2] * x[2] + a[3] * x[3];
    });
    const Eigen::MatrixXd ee = elementary_effects(s.unit, s.y, s.trajectory, s.moved);
    ASSERT_EQ(ee.rows(), 20);
    ASSERT_EQ(ee.cols(), 4);
    for (Eigen::Index t = 0; t < 20; ++t) {
        for (Eigen::Index i = 0; i < 4; ++i) {
            EXPECT_NEAR(ee(t, i), a[static_cast<std::size_t>(i)], 1e-12) << t << ", " << i;
        }
    }
    const std::vector<MorrisEffect> effects = effects_of(s);
    ASSERT_EQ(effects.size(), 4u);
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_NEAR(effects[i].mu, a[i], 1e-12) << i;
        EXPECT_NEAR(effects[i].mu_star, std::abs(a[i]), 1e-12) << i;
        EXPECT_NEAR(effects[i].sigma, 0.0, 1e-12) << i;
        EXPECT_NEAR(effects[i].mu_star_interval.low, std::abs(a[i]), 1e-12) << i;
        EXPECT_NEAR(effects[i].mu_star_interval.high, std::abs(a[i]), 1e-12) << i;
        EXPECT_EQ(effects[i].effects, 20u);
    }
}

TEST(MorrisEffects, AFactorWithNoEffectHasMuStarZero) {
    // x3 enters nowhere: its steps leave every term as it was, so its effects are exactly 0.
    const Screening s = screen(30, 3, 6, 3, [](const std::vector<double>& x) {
        return std::sin(3.0 * x[0]) + x[0] * x[1] * x[1];
    });
    const std::vector<MorrisEffect> effects = effects_of(s);
    EXPECT_EQ(effects[2].mu_star, 0.0);
    EXPECT_EQ(effects[2].mu, 0.0);
    EXPECT_EQ(effects[2].sigma, 0.0);
    EXPECT_EQ(effects[2].mu_star_interval.low, 0.0);
    EXPECT_EQ(effects[2].mu_star_interval.high, 0.0);
    EXPECT_GT(effects[0].mu_star, 0.1);
    EXPECT_GT(effects[1].mu_star, 0.1);
}

// Y = 2 X1 + X2 X3. X1's effect is 2 everywhere. X2's effect is (x2' - x2) x3 / (x2' - x2) =
// x3, the value X3 has when X2 moves (and X3's is x2): it depends on where it is measured, so
// sigma > 0. With p = 4 a factor's start is uniform over the four levels (direction and lower
// end of its step are drawn independently and uniformly) and its end is the start +- 2 levels,
// uniform too; whether X3 has moved when X2 moves is independent of X3's levels. So X3 is
// uniform over {0, 1/3, 2/3, 1} at X2's step: E[mu*_2] = 1/2 exactly, and the EE's s.d. is
// sqrt(5/36) = 0.3727 (the levels' deviations from 1/2 are +-1/2 and +-1/6). Likewise for X3.
TEST(MorrisEffects, AnInteractionGivesSpreadAndTheExpectedMeanEffect) {
    const std::size_t r = 4000;
    const Screening s =
        screen(r, 3, 4, 99, [](const std::vector<double>& x) { return 2.0 * x[0] + x[1] * x[2]; });
    const std::vector<MorrisEffect> effects = effects_of(s);
    EXPECT_NEAR(effects[0].mu, 2.0, 1e-12);
    EXPECT_NEAR(effects[0].mu_star, 2.0, 1e-12);
    EXPECT_NEAR(effects[0].sigma, 0.0, 1e-12);

    // In this very design, X2's effect in each trajectory is X3 where X2 moved.
    const Eigen::MatrixXd ee = elementary_effects(s.unit, s.y, s.trajectory, s.moved);
    double x3_sum = 0.0;
    for (std::size_t p = 0; p < s.y.size(); ++p) {
        if (s.moved[p] != 2) continue;
        const auto row = static_cast<Eigen::Index>(p);
        EXPECT_NEAR(ee(static_cast<Eigen::Index>(s.trajectory[p]), 1), s.unit(row, 2), 1e-12);
        x3_sum += s.unit(row, 2);
    }
    EXPECT_NEAR(effects[1].mu_star, x3_sum / static_cast<double>(r), 1e-12);
    EXPECT_EQ(effects[1].mu, effects[1].mu_star);  // x3 >= 0: no effect cancels another

    // ... and over 4000 trajectories, close to the exact expectation (standard error 0.006).
    const double sd = std::sqrt(5.0 / 36.0);
    for (const std::size_t i : {1u, 2u}) {
        EXPECT_NEAR(effects[i].mu_star, 0.5, 0.02) << i;
        EXPECT_NEAR(effects[i].sigma, sd, 0.02) << i;
        EXPECT_GT(effects[i].sigma, 0.3) << i;
        EXPECT_LT(effects[i].mu_star_interval.low, 0.5) << i;
        EXPECT_GT(effects[i].mu_star_interval.high, 0.5) << i;
        EXPECT_LT(effects[i].mu_star_interval.high - effects[i].mu_star_interval.low, 0.05) << i;
    }
}

TEST(MorrisEffects, BootstrapIntervalsAreReproducibleAndHoldTheEstimate) {
    const Screening s =
        screen(25, 3, 4, 5, [](const std::vector<double>& x) { return x[0] * x[1] + x[2] * x[2]; });
    const BootstrapOptions options{.resamples = 500, .confidence = 0.9, .seed = 8};
    const std::vector<MorrisEffect> first = effects_of(s, options);
    const std::vector<MorrisEffect> again = effects_of(s, options);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(first[i].mu_star_interval.low, again[i].mu_star_interval.low);
        EXPECT_EQ(first[i].mu_star_interval.high, again[i].mu_star_interval.high);
        EXPECT_EQ(first[i].mu_star_interval.estimate, first[i].mu_star);
        EXPECT_LE(first[i].mu_star_interval.low, first[i].mu_star);
        EXPECT_GE(first[i].mu_star_interval.high, first[i].mu_star);
        EXPECT_LT(first[i].mu_star_interval.low, first[i].mu_star_interval.high);
    }
}

// From a sweep's design to effects, as an analysis of a results file would go: the values of
// /design/<parameter> mapped back with the range's low and high. An integer factor rounded on
// a 6-level grid over [0, 3] takes steps of 1 or 2 months, not 1.8; dividing by the step taken
// still gives its slope times its range.
TEST(MorrisEffects, RecoverSlopesFromAMorrisSweepIncludingRoundedIntegers) {
    Scenario base;
    base.run.replicates = 1;
    SweepSpec spec;
    spec.ranges = {{"setup.budget_hours", 40.0, 240.0}, {"setup.setup_months", 0.0, 3.0}};
    spec.method = SamplingMethod::morris;
    spec.samples = 12;
    spec.morris_levels = 6;
    const ExperimentDesign d = make_design(base, spec);
    const auto points = static_cast<Eigen::Index>(d.points());
    Eigen::MatrixXd unit(points, 2);
    std::vector<double> budget;
    std::vector<double> months;
    for (std::uint64_t p = 0; p < d.points(); ++p) {
        budget.push_back(std::get<double>(d.values[0][p]));
        months.push_back(static_cast<double>(std::get<std::int64_t>(d.values[1][p])));
    }
    unit.col(0) = unit_cube(budget, 40.0, 240.0);
    unit.col(1) = unit_cube(months, 0.0, 3.0);
    std::vector<double> y;
    for (std::size_t p = 0; p < budget.size(); ++p) y.push_back(0.01 * budget[p] + 3.0 * months[p]);
    bool uneven = false;
    for (std::size_t p = 1; p < months.size(); ++p) {
        if (d.morris_factor[p] == 2) uneven |= std::abs(months[p] - months[p - 1]) != 2.0;
    }
    EXPECT_TRUE(uneven) << "the rounding this test is about did not happen";
    const std::vector<MorrisEffect> effects =
        morris_effects(unit, y, d.sample_index, d.morris_factor);
    EXPECT_NEAR(effects[0].mu, 0.01 * 200.0, 1e-9);
    EXPECT_NEAR(effects[0].sigma, 0.0, 1e-9);
    EXPECT_NEAR(effects[1].mu, 3.0 * 3.0, 1e-9);
    EXPECT_NEAR(effects[1].sigma, 0.0, 1e-9);
}

TEST(MorrisEffects, MalformedTrajectoriesAreRefusedWithAReason) {
    const Screening good =
        screen(3, 2, 4, 1, [](const std::vector<double>& x) { return x[0] + x[1]; });
    const auto refuses = [](const Screening& s, const std::string& says) {
        try {
            morris_effects(s.unit, s.y, s.trajectory, s.moved);
            ADD_FAILURE() << "no error; expected '" << says << "'";
        } catch (const std::invalid_argument& error) {
            EXPECT_NE(std::string(error.what()).find(says), std::string::npos) << error.what();
        }
    };
    EXPECT_NO_THROW(effects_of(good));

    Screening s = good;
    s.y.pop_back();
    refuses(s, "one output, trajectory and morris_factor per design point");

    s = good;
    s.trajectory[2] = 1;  // trajectory 0 loses a point, trajectory 1 gains one
    refuses(s, "trajectory 0 has 2 points; with 2 factors it needs 3");

    s = good;
    s.moved[3] = 1;  // the start of trajectory 1
    refuses(s, "not 0");

    s = good;
    s.moved[2] = s.moved[1];
    refuses(s, "moves a second time");

    s = good;
    s.moved[1] = 3 - s.moved[1];  // names the factor that did not move
    refuses(s, "changed, but morris_factor says");

    s = good;
    s.moved[1] = 7;
    refuses(s, "is not a factor 1..2");

    s = good;
    const auto i = static_cast<Eigen::Index>(s.moved[1] - 1);
    s.unit(1, i) = s.unit(0, i);
    refuses(s, "did not change");

    refuses(Screening{Eigen::MatrixXd(0, 2), {}, {}, {}}, "no design points");
    EXPECT_THROW(unit_cube(std::vector<double>{1.0}, 2.0, 2.0), std::invalid_argument);
}

}  // namespace
}  // namespace partnersim::analysis
