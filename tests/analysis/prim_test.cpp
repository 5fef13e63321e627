#include "analysis/prim.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/random_stream.hpp"

namespace partnersim::analysis {
namespace {

// x0, x1, x2 uniform on [0, 1) and x3 one of 4 categories, drawn case by case (x0, x1, x2, x3,
// then the label flip) from one stream; `success` decides the clean label, which is then
// flipped with probability `flip`.
template <class Success>
PrimInputs uniform_cases(std::size_t cases, std::uint64_t seed, double flip, Success success) {
    RandomStream stream(seed);
    PrimInputs inputs{Eigen::MatrixXd(static_cast<Eigen::Index>(cases), 4),
                      {"x0", "x1", "x2", "x3"},
                      {{}, {}, {}, {"a", "b", "c", "d"}},
                      std::vector<bool>(cases)};
    for (std::size_t c = 0; c < cases; ++c) {
        const auto row = static_cast<Eigen::Index>(c);
        for (Eigen::Index d = 0; d < 3; ++d) inputs.x(row, d) = stream.uniform();
        inputs.x(row, 3) = static_cast<double>(stream.below(4));
        inputs.success[c] = success(inputs.x.row(row)) != stream.chance(flip);
    }
    return inputs;
}

// The planted box: x0 in [0.2, 0.6], x1 > 0.5, x3 in {1, 2}: a tenth of the cube.
bool in_planted_box(const Eigen::RowVectorXd& x) {
    return x(0) >= 0.2 && x(0) <= 0.6 && x(1) > 0.5 && (x(3) == 1.0 || x(3) == 2.0);
}

PrimInputs planted_cases() {
    return uniform_cases(2000, 42, 0.05, in_planted_box);
}

const BoxLimit* limit_on(const PrimBox& box, std::size_t dimension) {
    for (const auto& limit : box.limits)
        if (limit.dimension == dimension) return &limit;
    return nullptr;
}

// 2000 cases, ~200 in the planted box; 5% of labels flipped, so ~190 successes inside and ~90
// outside. Coverage is capped near 190 / 280 = 0.68 by the outside successes no box can take
// without its density falling towards their 5%. Measured: this seed gives x0 in [0.220,
// 0.604], x1 in [0.495, 0.997], x3 in {1, 2}, coverage 0.686, density 0.909. Over seeds 1..100
// the restricted dimensions and categories were right every time, x2 never restricted,
// coverage at least 0.625, and the limits' errors had median 0.006 and 90th percentile 0.06:
// the chosen box (most coverage at density >= 0.8) may keep a slab of noise, up to ~40 cases,
// beyond a planted edge, and one 5% peel is ~0.02 of x0 near the end. Hence 0.05 (over twice
// this seed's largest error, 0.02) and coverage >= 0.6.
TEST(Prim, FindsThePlantedBox) {
    const PrimInputs inputs = planted_cases();
    const std::vector<PrimBox> boxes = prim(inputs);
    ASSERT_FALSE(boxes.empty());
    const PrimBox& box = boxes[0];
    ASSERT_EQ(box.limits.size(), 3u) << describe_box(box, inputs);
    const BoxLimit* x0 = limit_on(box, 0);
    const BoxLimit* x1 = limit_on(box, 1);
    const BoxLimit* x3 = limit_on(box, 3);
    ASSERT_TRUE(x0 && x1 && x3);
    EXPECT_EQ(limit_on(box, 2), nullptr);
    EXPECT_NEAR(x0->low, 0.2, 0.05);
    EXPECT_NEAR(x0->high, 0.6, 0.05);
    EXPECT_NEAR(x1->low, 0.5, 0.05);
    EXPECT_NEAR(x1->high, 1.0, 0.05);
    EXPECT_EQ(x3->categories, (std::vector<int>{1, 2}));
    EXPECT_GE(box.density, 0.8);
    EXPECT_TRUE(box.meets_threshold);
    EXPECT_GE(box.coverage, 0.6);
}

// The trajectory starts from all cases and peels down to min_mass; the chosen point is the
// box reported.
TEST(Prim, TrajectoryRunsFromAllCasesToMinMass) {
    const PrimInputs inputs = planted_cases();
    const PrimBox box = prim(inputs)[0];
    ASSERT_GT(box.trajectory.size(), 2u);
    const TrajectoryPoint& start = box.trajectory.front();
    EXPECT_EQ(start.mass, 1.0);
    EXPECT_EQ(start.coverage, 1.0);
    EXPECT_EQ(start.restricted_dimensions, 0u);
    double smallest = 1.0;
    for (const auto& point : box.trajectory) smallest = std::min(smallest, point.mass);
    EXPECT_GE(smallest, 0.05);
    EXPECT_LT(smallest, 0.05 / 0.95);  // one more peel would have gone below min_mass
    ASSERT_LT(box.chosen, box.trajectory.size());
    const TrajectoryPoint& chosen = box.trajectory[box.chosen];
    EXPECT_EQ(chosen.coverage, box.coverage);
    EXPECT_EQ(chosen.density, box.density);
    EXPECT_EQ(chosen.restricted_dimensions, box.limits.size());
    EXPECT_EQ(static_cast<double>(box.cases) / 2000.0, box.mass);
    for (const auto& point : box.trajectory) {
        if (point.density >= 0.8) {
            EXPECT_LE(point.coverage, box.coverage);
        }
    }
}

// Two disjoint boxes, x0 < 0.3 and x1 < 0.4 (12% of cases) and x0 > 0.5 and x2 > 0.6 (20%),
// with 2% of labels flipped: the first box takes one, and covering, searching the rest, finds
// the other. Limits within 0.1: the boxes sit on different dimensions, so a peel aimed at one
// also cuts slabs of the other, and a box may keep such an early, loose restriction (over 50
// seeds PRIM found both boxes in 44; with this seed it finds x0 >= 0.47 and x2 >= 0.61, then
// x0 <= 0.30 and x1 <= 0.42).
TEST(Prim, CoveringFindsTwoDisjointBoxes) {
    const PrimInputs inputs = uniform_cases(2000, 3, 0.02, [](const Eigen::RowVectorXd& x) {
        return (x(0) < 0.3 && x(1) < 0.4) || (x(0) > 0.5 && x(2) > 0.6);
    });
    const std::vector<PrimBox> boxes = prim(inputs);
    ASSERT_GE(boxes.size(), 2u);
    ASSERT_TRUE(boxes[0].meets_threshold && boxes[1].meets_threshold);
    // The larger box first: x0 > 0.5 and x2 > 0.6.
    const BoxLimit* high_x0 = limit_on(boxes[0], 0);
    const BoxLimit* high_x2 = limit_on(boxes[0], 2);
    ASSERT_TRUE(high_x0 && high_x2) << describe_box(boxes[0], inputs);
    EXPECT_NEAR(high_x0->low, 0.5, 0.1);
    EXPECT_NEAR(high_x2->low, 0.6, 0.1);
    // Then x0 < 0.3 and x1 < 0.4.
    const BoxLimit* low_x0 = limit_on(boxes[1], 0);
    const BoxLimit* low_x1 = limit_on(boxes[1], 1);
    ASSERT_TRUE(low_x0 && low_x1) << describe_box(boxes[1], inputs);
    EXPECT_NEAR(low_x0->high, 0.3, 0.1);
    EXPECT_NEAR(low_x1->high, 0.4, 0.1);
    // Coverage is of all successes, so the boxes' shares add up; ~2% of successes are flips
    // scattered outside both boxes.
    EXPECT_GE(boxes[0].coverage + boxes[1].coverage, 0.85);
    EXPECT_LE(boxes[0].coverage + boxes[1].coverage, 1.0);
    // A third search on what is left finds only noise, and says so.
    if (boxes.size() == 3) {
        EXPECT_FALSE(boxes[2].meets_threshold);
    }
}

// Labels independent of x, half of them successes: the densest box PRIM can carve down to
// 100 cases reached 0.56 to 0.68 over 30 seeds, far from 0.8. The box is returned anyway,
// flagged, and the search stops there.
TEST(Prim, NoStructureMeetsNoThreshold) {
    PrimInputs inputs =
        uniform_cases(2000, 7, 0.0, [](const Eigen::RowVectorXd&) { return false; });
    RandomStream stream(8);
    for (std::size_t c = 0; c < inputs.success.size(); ++c) inputs.success[c] = stream.chance(0.5);
    const std::vector<PrimBox> boxes = prim(inputs);
    ASSERT_EQ(boxes.size(), 1u);
    EXPECT_FALSE(boxes[0].meets_threshold);
    EXPECT_LT(boxes[0].density, 0.8);
    for (const auto& point : boxes[0].trajectory) EXPECT_LE(point.density, boxes[0].density);
}

// Every case a success: the whole space is the box, with no limit to state.
TEST(Prim, AllSuccessesGiveOneUnrestrictedBox) {
    const PrimInputs inputs =
        uniform_cases(500, 1, 0.0, [](const Eigen::RowVectorXd&) { return true; });
    const std::vector<PrimBox> boxes = prim(inputs);
    ASSERT_EQ(boxes.size(), 1u);
    EXPECT_TRUE(boxes[0].limits.empty());
    EXPECT_EQ(boxes[0].coverage, 1.0);
    EXPECT_EQ(boxes[0].density, 1.0);
    EXPECT_EQ(boxes[0].mass, 1.0);
    EXPECT_EQ(boxes[0].chosen, 0u);
    EXPECT_TRUE(boxes[0].meets_threshold);
    EXPECT_EQ(describe_box(boxes[0], inputs), "all cases");
}

TEST(Prim, NoSuccessesGiveNoBoxes) {
    const PrimInputs inputs =
        uniform_cases(500, 1, 0.0, [](const Eigen::RowVectorXd&) { return false; });
    EXPECT_TRUE(prim(inputs).empty());
}

// A dimension with one value cannot be peeled (a peel takes ties along), so it is never
// restricted, and the rest of the search is as without it.
TEST(Prim, ConstantDimensionIsNeverRestricted) {
    const PrimInputs planted = planted_cases();
    PrimInputs inputs = planted;
    inputs.x.conservativeResize(Eigen::NoChange, 5);
    inputs.x.col(4).setConstant(0.5);
    inputs.names.push_back("constant");
    inputs.categories.emplace_back();
    const std::vector<PrimBox> with = prim(inputs);
    const std::vector<PrimBox> without = prim(planted);
    ASSERT_EQ(with.size(), without.size());
    for (std::size_t b = 0; b < with.size(); ++b) {
        EXPECT_EQ(limit_on(with[b], 4), nullptr);
        EXPECT_EQ(describe_box(with[b], inputs), describe_box(without[b], planted));
        EXPECT_EQ(with[b].trajectory.size(), without[b].trajectory.size());
    }
}

// Friedman's original objective (density after the peel) is available; with categorical
// dimensions it favours peeling a whole category (a quarter of the box here) over a small
// numeric peel, which is why lenient1 is the default. On numeric dimensions it finds the box.
TEST(Prim, OriginalObjectiveFindsANumericBox) {
    const PrimInputs inputs = uniform_cases(2000, 5, 0.05, [](const Eigen::RowVectorXd& x) {
        return x(0) >= 0.2 && x(0) <= 0.6 && x(1) > 0.5;
    });
    const PrimBox box = prim(inputs, {.objective = PrimObjective::original})[0];
    const BoxLimit* x0 = limit_on(box, 0);
    const BoxLimit* x1 = limit_on(box, 1);
    ASSERT_TRUE(x0 && x1) << describe_box(box, inputs);
    EXPECT_NEAR(x0->low, 0.2, 0.05);
    EXPECT_NEAR(x0->high, 0.6, 0.05);
    EXPECT_NEAR(x1->low, 0.5, 0.05);
    EXPECT_TRUE(box.meets_threshold);
}

TEST(Prim, DescribesABox) {
    PrimInputs inputs{Eigen::MatrixXd::Zero(1, 3),
                      {"setup.budget_hours", "setup.partners", "setup.duration"},
                      {{}, {}, {"time_bound", "open_ended"}},
                      {true}};
    PrimBox box;
    box.limits = {{0, 80.2, 240.0, {}}, {2, 0.0, 0.0, {1}}};
    EXPECT_EQ(describe_box(box, inputs),
              "setup.budget_hours in [80.2, 240.0]; setup.duration in {open_ended}");
    box.limits = {{1, 0.012345678, 12.5, {}}, {2, 0.0, 0.0, {0, 1}}};
    EXPECT_EQ(describe_box(box, inputs),
              "setup.partners in [0.01235, 12.5]; setup.duration in {time_bound, open_ended}");
}

TEST(Prim, RejectsInconsistentInputs) {
    const PrimInputs good = uniform_cases(50, 1, 0.0, in_planted_box);
    PrimInputs inputs = good;
    inputs.names.pop_back();
    EXPECT_THROW(prim(inputs), std::invalid_argument);
    inputs = good;
    inputs.success.pop_back();
    EXPECT_THROW(prim(inputs), std::invalid_argument);
    inputs = good;
    inputs.categories.pop_back();
    EXPECT_THROW(prim(inputs), std::invalid_argument);
    inputs = good;
    inputs.x(0, 3) = 4.0;  // only codes 0..3
    EXPECT_THROW(prim(inputs), std::invalid_argument);
    inputs = good;
    inputs.x(0, 3) = 1.5;
    EXPECT_THROW(prim(inputs), std::invalid_argument);
    inputs = good;
    inputs.x(0, 0) = std::numeric_limits<double>::quiet_NaN();
    EXPECT_THROW(prim(inputs), std::invalid_argument);
    EXPECT_THROW(prim(good, {.peel_alpha = 0.0}), std::invalid_argument);
    EXPECT_THROW(prim(good, {.min_mass = 0.0}), std::invalid_argument);
    EXPECT_THROW(prim(good, {.max_boxes = 0}), std::invalid_argument);
    inputs = good;
    inputs.categories.clear();  // allowed: every dimension numeric
    EXPECT_NO_THROW(prim(inputs));
}

TEST(Prim, StopsAtMaxBoxes) {
    const PrimInputs inputs = uniform_cases(2000, 3, 0.02, [](const Eigen::RowVectorXd& x) {
        return (x(0) < 0.3 && x(1) < 0.4) || (x(0) > 0.5 && x(2) > 0.6);
    });
    EXPECT_EQ(prim(inputs, {.max_boxes = 1}).size(), 1u);
}

}  // namespace
}  // namespace partnersim::analysis
