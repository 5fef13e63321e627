#pragma once
// Scenario discovery with PRIM, the Patient Rule Induction Method (Friedman & Fisher 1999), as
// the EMA Workbench uses it (Bryant & Lempert 2010): given cases (e.g. design points) and which
// of them were a "success" (an outcome of interest, e.g. trust collapsed), find a few boxes,
// each a conjunction of simple limits on the inputs ("budget in [80, 240] and duration in
// {open_ended}"), that hold most of the successes (coverage) and mostly successes (density).
// Boxes are easy to read and act on, which is why PRIM is used rather than a classifier.
//
// One box is found in three steps:
//  1. Peeling. Starting from all cases, repeatedly take the best peel: on a numeric
//     dimension, the peel_alpha share of the box's cases with the lowest (or highest) values,
//     ties included; on a categorical one, all cases of one category. "Best" is by default
//     EMA's "lenient1" objective, the gain in density per case removed; Friedman's original,
//     the density left, is available (PrimObjective::original) but favours big peels: it
//     drops a whole category (a quarter of the box with four levels, half with two) for a
//     sliver of density over a 5% numeric peel. On the planted box of tests/analysis/
//     prim_test.cpp over 100 seeds, original got the box's dimensions or categories wrong in
//     56, lenient1 in none. Ties go to the peel that leaves more cases, then to the lower
//     dimension, low before high. Peeling goes on until every peel would leave less than
//     min_mass of all cases, even past the point where density stops rising (the trajectory
//     keeps every box, and the choice below picks); each box on the way is a trajectory point.
//  2. Pasting (as EMA: only once peeling has finished). Repeatedly widen the last box by the
//     best paste (same objective, gain per case added), while one raises the density: on a
//     restricted numeric dimension, the paste_alpha share of the box's size in cases just
//     outside one limit (within the other limits); on a categorical one, a category back.
//     Pastes extend the trajectory.
//  3. Choice. Of the trajectory, the point with the highest coverage among those with density
//     >= threshold (ties: higher density, then the earlier, larger box): the most successes
//     one can explain at the density asked for. If no point reaches the threshold, the point
//     of highest density (ties: the earlier), flagged meets_threshold = false.
// Covering: the chosen box's cases are removed and the next box is sought in the rest, up to
// max_boxes, stopping early once a box misses the threshold (it is still returned, flagged)
// or no successes are left. All shares are of the original data: coverage = successes in the
// box / all successes, density = successes in the box / cases in the box, mass = cases in the
// box / all cases (min_mass too), so later boxes' numbers add up with earlier ones'.
//
// A box's reported numeric limits are the min and max of its cases along the dimension, not
// the midpoint between the last case kept and the first one peeled: the claim is "the cases in
// the box lie in [low, high]", which holds exactly and needs no guess about the gaps. Only the
// dimensions a box restricts are listed; a categorical limit lists the categories it allows. A
// limit that no longer excludes any case (an early peel made redundant by later ones) is lifted,
// so every listed restriction matters.

#include <cstddef>
#include <string>
#include <vector>

#include <Eigen/Dense>

namespace partnersim::analysis {

struct PrimInputs {
    Eigen::MatrixXd x;               // cases x dimensions; finite values
    std::vector<std::string> names;  // per dimension, for describe_box
    // Per dimension: empty for a numeric dimension; else the labels of categories 0..L-1,
    // whose integer codes are what x holds. An empty outer vector makes every dimension numeric.
    std::vector<std::vector<std::string>> categories;
    std::vector<bool> success;  // per case
};

// How peels and pastes are ranked (see above): lenient1 = density gain per case removed or
// added (EMA's default), original = density of the resulting box (Friedman & Fisher).
enum class PrimObjective { lenient1, original };

struct PrimOptions {
    double peel_alpha = 0.05;   // share of the box's cases one numeric peel removes, (0, 1)
    double paste_alpha = 0.05;  // share of the box's cases one numeric paste adds, (0, 1)
    double threshold = 0.8;     // density a box must reach, [0, 1]
    double min_mass = 0.05;     // smallest box, as a share of all cases, (0, 1]
    int max_boxes = 3;          // >= 1
    PrimObjective objective = PrimObjective::lenient1;
};

struct BoxLimit {
    std::size_t dimension = 0;
    double low = 0.0;  // numeric: min and max over the box's cases
    double high = 0.0;
    std::vector<int> categories;  // categorical: the codes allowed, ascending
};

struct TrajectoryPoint {
    double coverage = 0.0;
    double density = 0.0;
    double mass = 0.0;
    std::size_t restricted_dimensions = 0;
};

struct PrimBox {
    std::vector<BoxLimit> limits;  // only the restricted dimensions, ascending
    double coverage = 0.0;
    double density = 0.0;
    double mass = 0.0;
    std::size_t cases = 0;
    std::size_t successes = 0;
    // The peeling and pasting trajectory: point 0 is the search's starting box (all cases not
    // in an earlier box), so one can pick another trade-off than the one chosen.
    std::vector<TrajectoryPoint> trajectory;
    std::size_t chosen = 0;  // index into trajectory
    bool meets_threshold = false;
};

// The boxes found, in order of discovery; none if no case is a success. Pure and
// deterministic. Throws std::invalid_argument if sizes disagree (names, categories, success
// against x), a categorical value is not an integer code 0..L-1, a value is not finite, or an
// option is out of its range.
std::vector<PrimBox> prim(const PrimInputs& inputs, const PrimOptions& options = {});

// The box in words, one clause per restricted dimension joined by "; ", e.g.
// "setup.budget_hours in [80.2, 240.0]; setup.duration in {open_ended}"; numbers to four
// significant digits. A box without limits reads "all cases".
std::string describe_box(const PrimBox& box, const PrimInputs& inputs);

}  // namespace partnersim::analysis
