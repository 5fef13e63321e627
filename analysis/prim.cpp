#include "analysis/prim.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <limits>
#include <optional>
#include <stdexcept>
#include <utility>

namespace partnersim::analysis {
namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();
constexpr std::size_t no_dimension = std::numeric_limits<std::size_t>::max();

using Cases = std::vector<std::size_t>;

// The inputs as the search reads them.
struct Data {
    const Eigen::MatrixXd& x;
    const std::vector<bool>& success;
    std::vector<std::size_t> levels;  // per dimension: 0 numeric, else the number of categories
    std::size_t all_cases = 0;
    std::size_t all_successes = 0;
    std::size_t min_cases = 0;  // min_mass in cases

    std::size_t dimensions() const { return levels.size(); }
    bool categorical(std::size_t d) const { return levels[d] > 0; }
    double value(std::size_t c, std::size_t d) const {
        return x(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(d));
    }
    std::size_t code(std::size_t c, std::size_t d) const {
        return static_cast<std::size_t>(value(c, d));
    }
};

// A box's limits during the search: numeric [low, high], +-infinity where unrestricted;
// categorical, the categories allowed.
struct Limits {
    std::vector<double> low;
    std::vector<double> high;
    std::vector<std::vector<bool>> allowed;  // empty for a numeric dimension
};

struct Box {
    Limits limits;
    Cases cases;
    std::size_t successes = 0;
};

// A trajectory point, kept without its cases (they follow from the limits).
struct Step {
    Limits limits;
    std::size_t cases = 0;
    std::size_t successes = 0;
};

// --- validation -----------------------------------------------------------------------------

void check_sizes(const PrimInputs& inputs) {
    const auto dimensions = static_cast<std::size_t>(inputs.x.cols());
    if (inputs.names.size() != dimensions)
        throw std::invalid_argument("prim: " + std::to_string(inputs.names.size()) + " names for " +
                                    std::to_string(dimensions) + " dimensions");
    if (!inputs.categories.empty() && inputs.categories.size() != dimensions)
        throw std::invalid_argument("prim: categories for " +
                                    std::to_string(inputs.categories.size()) +
                                    " dimensions, x has " + std::to_string(dimensions));
    if (inputs.success.size() != static_cast<std::size_t>(inputs.x.rows()))
        throw std::invalid_argument("prim: " + std::to_string(inputs.success.size()) +
                                    " success labels for " + std::to_string(inputs.x.rows()) +
                                    " cases");
}

void check_values(const PrimInputs& inputs, const std::vector<std::size_t>& levels) {
    for (Eigen::Index d = 0; d < inputs.x.cols(); ++d)
        for (Eigen::Index c = 0; c < inputs.x.rows(); ++c) {
            const double v = inputs.x(c, d);
            const auto dimension = static_cast<std::size_t>(d);
            const auto l = static_cast<double>(levels[dimension]);
            const bool bad =
                !std::isfinite(v) || (l > 0 && (v != std::floor(v) || v < 0.0 || v >= l));
            if (bad)
                throw std::invalid_argument(
                    "prim: case " + std::to_string(c) + " has " + inputs.names[dimension] + " = " +
                    std::to_string(v) +
                    (l > 0 ? ", not a category code 0.." + std::to_string(levels[dimension] - 1)
                           : ", not a finite number"));
        }
}

void check_options(const PrimOptions& options) {
    const auto open_unit = [](double v) { return v > 0.0 && v < 1.0; };
    if (!open_unit(options.peel_alpha) || !open_unit(options.paste_alpha))
        throw std::invalid_argument("prim: peel_alpha and paste_alpha must be in (0, 1)");
    if (!(options.threshold >= 0.0 && options.threshold <= 1.0))
        throw std::invalid_argument("prim: threshold must be in [0, 1]");
    if (!(options.min_mass > 0.0 && options.min_mass <= 1.0))
        throw std::invalid_argument("prim: min_mass must be in (0, 1]");
    if (options.max_boxes < 1) throw std::invalid_argument("prim: max_boxes must be >= 1");
}

Data make_data(const PrimInputs& inputs, const PrimOptions& options) {
    check_sizes(inputs);
    check_options(options);
    Data data{inputs.x, inputs.success, std::vector<std::size_t>(inputs.names.size(), 0)};
    for (std::size_t d = 0; d < inputs.categories.size(); ++d)
        data.levels[d] = inputs.categories[d].size();
    check_values(inputs, data.levels);
    data.all_cases = inputs.success.size();
    data.all_successes =
        static_cast<std::size_t>(std::count(inputs.success.begin(), inputs.success.end(), true));
    // At least one case, so a box is never empty.
    data.min_cases = std::max<std::size_t>(
        1, static_cast<std::size_t>(
               std::ceil(options.min_mass * static_cast<double>(data.all_cases) - 1e-9)));
    return data;
}

// --- boxes ----------------------------------------------------------------------------------

Limits open_limits(const Data& data) {
    Limits limits{std::vector<double>(data.dimensions(), -infinity),
                  std::vector<double>(data.dimensions(), infinity),
                  std::vector<std::vector<bool>>(data.dimensions())};
    for (std::size_t d = 0; d < data.dimensions(); ++d)
        limits.allowed[d].assign(data.levels[d], true);
    return limits;
}

bool restricted(const Limits& limits, std::size_t d) {
    const auto& allowed = limits.allowed[d];
    return limits.low[d] > -infinity || limits.high[d] < infinity ||
           std::find(allowed.begin(), allowed.end(), false) != allowed.end();
}

void relax(Limits& limits, std::size_t d) {
    limits.low[d] = -infinity;
    limits.high[d] = infinity;
    std::fill(limits.allowed[d].begin(), limits.allowed[d].end(), true);
}

bool within(const Data& data, const Limits& limits, std::size_t c, std::size_t d) {
    if (data.categorical(d)) return limits.allowed[d][data.code(c, d)];
    const double v = data.value(c, d);
    return v >= limits.low[d] && v <= limits.high[d];
}

// Whether case c lies within every limit but that of dimension `skip`.
bool inside(const Data& data, const Limits& limits, std::size_t c,
            std::size_t skip = no_dimension) {
    for (std::size_t d = 0; d < data.dimensions(); ++d)
        if (d != skip && !within(data, limits, c, d)) return false;
    return true;
}

std::size_t successes_of(const Data& data, const Cases& cases) {
    return static_cast<std::size_t>(
        std::count_if(cases.begin(), cases.end(), [&](std::size_t c) { return data.success[c]; }));
}

Box make_box(const Data& data, Limits limits, Cases cases) {
    const std::size_t successes = successes_of(data, cases);
    return {std::move(limits), std::move(cases), successes};
}

// Exact comparison of densities s1/n1 > s2/n2, free of rounding ties.
bool denser(std::size_t s1, std::size_t n1, std::size_t s2, std::size_t n2) {
    return s1 * n2 > s2 * n1;
}

double density(const Box& box) {
    return static_cast<double>(box.successes) / static_cast<double>(box.cases.size());
}

// How good a step from `box` to `candidate` is.
double score(const Box& box, const Box& candidate, PrimObjective objective) {
    if (objective == PrimObjective::original) return density(candidate);
    const double moved = std::abs(static_cast<double>(candidate.cases.size()) -
                                  static_cast<double>(box.cases.size()));
    return (density(candidate) - density(box)) / moved;
}

// The best step from `box`: highest score, then larger; on a full tie the first stays.
std::optional<Box> best_of(const Box& box, std::vector<Box>& candidates, PrimObjective objective) {
    if (candidates.empty()) return std::nullopt;
    std::size_t best = 0;
    double best_score = score(box, candidates[0], objective);
    for (std::size_t i = 1; i < candidates.size(); ++i) {
        const double s = score(box, candidates[i], objective);
        if (s > best_score ||
            (s == best_score && candidates[i].cases.size() > candidates[best].cases.size())) {
            best = i;
            best_score = s;
        }
    }
    return std::move(candidates[best]);
}

// The number of cases an alpha share of n stands for: at least one, so every step moves.
std::size_t share(double alpha, std::size_t n) {
    return std::max<std::size_t>(
        1, static_cast<std::size_t>(std::floor(alpha * static_cast<double>(n))));
}

// --- peeling --------------------------------------------------------------------------------

// The box without its lowest (low = true) or highest `count` cases along d and every case tied
// with the last of them, so a limit never splits equal values; nullopt if nothing would remain.
std::optional<Box> numeric_peel(const Data& data, const Box& box, std::size_t d, bool low,
                                std::size_t count) {
    std::vector<double> values(box.cases.size());
    for (std::size_t i = 0; i < box.cases.size(); ++i) values[i] = data.value(box.cases[i], d);
    const auto nth =
        values.begin() + static_cast<std::ptrdiff_t>(low ? count - 1 : values.size() - count);
    std::nth_element(values.begin(), nth, values.end());
    const double cut = *nth;
    Cases kept;
    for (const auto c : box.cases)
        if (low ? data.value(c, d) > cut : data.value(c, d) < cut) kept.push_back(c);
    if (kept.empty()) return std::nullopt;
    Limits limits = box.limits;
    double bound = low ? infinity : -infinity;
    for (const auto c : kept)
        bound = low ? std::min(bound, data.value(c, d)) : std::max(bound, data.value(c, d));
    (low ? limits.low[d] : limits.high[d]) = bound;
    return make_box(data, std::move(limits), std::move(kept));
}

// The box without its cases of category `category` along d; nullopt if that removes none or all.
std::optional<Box> categorical_peel(const Data& data, const Box& box, std::size_t d,
                                    std::size_t category) {
    Cases kept;
    for (const auto c : box.cases)
        if (data.code(c, d) != category) kept.push_back(c);
    if (kept.empty() || kept.size() == box.cases.size()) return std::nullopt;
    Limits limits = box.limits;
    limits.allowed[d][category] = false;
    return make_box(data, std::move(limits), std::move(kept));
}

std::vector<Box> peels(const Data& data, const Box& box, double alpha) {
    std::vector<Box> candidates;
    const auto keep = [&](std::optional<Box> peel) {
        if (peel && peel->cases.size() >= data.min_cases) candidates.push_back(std::move(*peel));
    };
    const std::size_t count = share(alpha, box.cases.size());
    for (std::size_t d = 0; d < data.dimensions(); ++d) {
        if (!data.categorical(d)) {
            keep(numeric_peel(data, box, d, true, count));
            keep(numeric_peel(data, box, d, false, count));
            continue;
        }
        for (std::size_t category = 0; category < data.levels[d]; ++category)
            if (box.limits.allowed[d][category]) keep(categorical_peel(data, box, d, category));
    }
    return candidates;
}

// --- pasting --------------------------------------------------------------------------------

// The box widened below (low = true) or above its limit along d by the `count` nearest cases
// of `search` that lie within its other limits, and any tied with the last of them. nullopt if
// there are none. A limit widened past every such case is lifted.
std::optional<Box> numeric_paste(const Data& data, const Cases& search, const Box& box,
                                 std::size_t d, bool low, std::size_t count) {
    std::vector<std::pair<double, std::size_t>> outside;  // distance beyond the limit, case
    for (const auto c : search) {
        const double v = data.value(c, d);
        const bool beyond = low ? v < box.limits.low[d] : v > box.limits.high[d];
        if (beyond && inside(data, box.limits, c, d))
            outside.emplace_back(low ? box.limits.low[d] - v : v - box.limits.high[d], c);
    }
    if (outside.empty()) return std::nullopt;
    std::sort(outside.begin(), outside.end());
    const double reach = outside[std::min(count, outside.size()) - 1].first;
    Limits limits = box.limits;
    Cases cases = box.cases;
    double& limit = low ? limits.low[d] : limits.high[d];
    for (const auto& [distance, c] : outside) {
        if (distance > reach) break;
        cases.push_back(c);
        limit = low ? std::min(limit, data.value(c, d)) : std::max(limit, data.value(c, d));
    }
    if (reach == outside.back().first) limit = low ? -infinity : infinity;
    std::sort(cases.begin(), cases.end());
    return make_box(data, std::move(limits), std::move(cases));
}

// The box with category `category` of d allowed again; nullopt if that adds no case.
std::optional<Box> categorical_paste(const Data& data, const Cases& search, const Box& box,
                                     std::size_t d, std::size_t category) {
    Cases cases = box.cases;
    for (const auto c : search)
        if (data.code(c, d) == category && inside(data, box.limits, c, d)) cases.push_back(c);
    if (cases.size() == box.cases.size()) return std::nullopt;
    std::sort(cases.begin(), cases.end());
    Limits limits = box.limits;
    limits.allowed[d][category] = true;
    return make_box(data, std::move(limits), std::move(cases));
}

std::vector<Box> pastes(const Data& data, const Cases& search, const Box& box, double alpha) {
    std::vector<Box> candidates;
    const auto keep = [&](std::optional<Box> paste) {
        if (paste) candidates.push_back(std::move(*paste));
    };
    const std::size_t count = share(alpha, box.cases.size());
    for (std::size_t d = 0; d < data.dimensions(); ++d) {
        if (!restricted(box.limits, d)) continue;
        if (!data.categorical(d)) {
            if (box.limits.low[d] > -infinity)
                keep(numeric_paste(data, search, box, d, true, count));
            if (box.limits.high[d] < infinity)
                keep(numeric_paste(data, search, box, d, false, count));
            continue;
        }
        for (std::size_t category = 0; category < data.levels[d]; ++category)
            if (!box.limits.allowed[d][category])
                keep(categorical_paste(data, search, box, d, category));
    }
    return candidates;
}

// --- one box --------------------------------------------------------------------------------

// Lifts limits that exclude no case of `search` the other limits admit (an early peel made
// redundant by later ones), so a box lists only restrictions that matter. Membership is
// unchanged, so the search is unaffected.
void drop_redundant_limits(const Data& data, const Cases& search, Box& box) {
    for (std::size_t d = 0; d < data.dimensions(); ++d) {
        if (!restricted(box.limits, d)) continue;
        const bool binding = std::any_of(search.begin(), search.end(), [&](std::size_t c) {
            return !within(data, box.limits, c, d) && inside(data, box.limits, c, d);
        });
        if (!binding) relax(box.limits, d);
    }
}

void record(const Data& data, const Cases& search, Box& box, std::vector<Step>& steps) {
    drop_redundant_limits(data, search, box);
    steps.push_back({box.limits, box.cases.size(), box.successes});
}

std::vector<Step> trajectory(const Data& data, const Cases& search, const PrimOptions& options) {
    std::vector<Step> steps;
    Box box = make_box(data, open_limits(data), search);
    record(data, search, box, steps);
    while (true) {
        std::vector<Box> candidates = peels(data, box, options.peel_alpha);
        std::optional<Box> next = best_of(box, candidates, options.objective);
        if (!next) break;
        box = std::move(*next);
        record(data, search, box, steps);
    }
    while (true) {
        std::vector<Box> candidates = pastes(data, search, box, options.paste_alpha);
        std::optional<Box> next = best_of(box, candidates, options.objective);
        if (!next || !denser(next->successes, next->cases.size(), box.successes, box.cases.size()))
            break;
        box = std::move(*next);
        record(data, search, box, steps);
    }
    return steps;
}

double density_of(const Step& step) {
    return static_cast<double>(step.successes) / static_cast<double>(step.cases);
}

// The highest coverage at density >= threshold (ties: denser, then earlier); failing that,
// the highest density (ties: earlier).
std::size_t choose(const std::vector<Step>& steps, double threshold) {
    std::optional<std::size_t> chosen;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (density_of(steps[i]) < threshold) continue;
        const Step& s = steps[i];
        if (!chosen || s.successes > steps[*chosen].successes ||
            (s.successes == steps[*chosen].successes &&
             denser(s.successes, s.cases, steps[*chosen].successes, steps[*chosen].cases)))
            chosen = i;
    }
    if (chosen) return *chosen;
    std::size_t densest = 0;
    for (std::size_t i = 1; i < steps.size(); ++i)
        if (denser(steps[i].successes, steps[i].cases, steps[densest].successes,
                   steps[densest].cases))
            densest = i;
    return densest;
}

std::size_t restricted_count(const Limits& limits) {
    std::size_t count = 0;
    for (std::size_t d = 0; d < limits.low.size(); ++d) count += restricted(limits, d) ? 1 : 0;
    return count;
}

TrajectoryPoint point_of(const Data& data, const Step& step) {
    return {static_cast<double>(step.successes) / static_cast<double>(data.all_successes),
            density_of(step), static_cast<double>(step.cases) / static_cast<double>(data.all_cases),
            restricted_count(step.limits)};
}

BoxLimit limit_of(const Data& data, const Limits& limits, const Cases& cases, std::size_t d) {
    BoxLimit limit{d, infinity, -infinity, {}};
    if (data.categorical(d)) {
        for (std::size_t category = 0; category < data.levels[d]; ++category)
            if (limits.allowed[d][category]) limit.categories.push_back(static_cast<int>(category));
        return limit;
    }
    for (const auto c : cases) {
        limit.low = std::min(limit.low, data.value(c, d));
        limit.high = std::max(limit.high, data.value(c, d));
    }
    return limit;
}

PrimBox chosen_box(const Data& data, const Cases& search, const std::vector<Step>& steps,
                   double threshold, Cases& members) {
    PrimBox box;
    for (const auto& step : steps) box.trajectory.push_back(point_of(data, step));
    box.chosen = choose(steps, threshold);
    const Step& step = steps[box.chosen];
    members.clear();
    for (const auto c : search)
        if (inside(data, step.limits, c)) members.push_back(c);
    for (std::size_t d = 0; d < data.dimensions(); ++d)
        if (restricted(step.limits, d))
            box.limits.push_back(limit_of(data, step.limits, members, d));
    const TrajectoryPoint& point = box.trajectory[box.chosen];
    box.coverage = point.coverage;
    box.density = point.density;
    box.mass = point.mass;
    box.cases = step.cases;
    box.successes = step.successes;
    box.meets_threshold = point.density >= threshold;
    return box;
}

Cases without(const Cases& search, const Cases& removed) {
    Cases rest;
    std::set_difference(search.begin(), search.end(), removed.begin(), removed.end(),
                        std::back_inserter(rest));
    return rest;
}

std::string number(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.4g", v);
    std::string s = text;
    if (s.find_first_of(".en") == std::string::npos) s += ".0";  // 240 -> 240.0: a real value
    return s;
}

std::string clause(const BoxLimit& limit, const PrimInputs& inputs) {
    const std::string& name = inputs.names[limit.dimension];
    if (inputs.categories.empty() || inputs.categories[limit.dimension].empty())
        return name + " in [" + number(limit.low) + ", " + number(limit.high) + "]";
    const auto& labels = inputs.categories[limit.dimension];
    std::string text = name + " in {";
    for (std::size_t i = 0; i < limit.categories.size(); ++i) {
        const auto code = static_cast<std::size_t>(limit.categories[i]);
        text += (i > 0 ? ", " : "") + (code < labels.size() ? labels[code] : std::to_string(code));
    }
    return text + "}";
}

}  // namespace

std::vector<PrimBox> prim(const PrimInputs& inputs, const PrimOptions& options) {
    const Data data = make_data(inputs, options);
    std::vector<PrimBox> boxes;
    Cases search(data.all_cases);
    for (std::size_t c = 0; c < search.size(); ++c) search[c] = c;
    Cases members;
    while (boxes.size() < static_cast<std::size_t>(options.max_boxes) &&
           successes_of(data, search) > 0) {
        const std::vector<Step> steps = trajectory(data, search, options);
        boxes.push_back(chosen_box(data, search, steps, options.threshold, members));
        if (!boxes.back().meets_threshold) break;
        search = without(search, members);
    }
    return boxes;
}

std::string describe_box(const PrimBox& box, const PrimInputs& inputs) {
    if (box.limits.empty()) return "all cases";
    std::string text;
    for (const auto& limit : box.limits) text += (text.empty() ? "" : "; ") + clause(limit, inputs);
    return text;
}

}  // namespace partnersim::analysis
