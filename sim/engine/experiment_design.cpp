#include "engine/experiment_design.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "engine/random_streams.hpp"
#include "engine/sampling.hpp"
#include "engine/sweep_rules.hpp"

namespace partnersim {
namespace {

constexpr std::uint64_t saturated = std::numeric_limits<std::uint64_t>::max();

std::uint64_t saturating_multiply(std::uint64_t a, std::uint64_t b) {
    if (a != 0 && b > saturated / a) return saturated;
    return a * b;
}

const ParameterSpec& design_parameter(const std::string& name) {
    const ParameterSpec* spec = find_parameter(name);
    if (spec == nullptr) throw std::invalid_argument("make_design: unknown parameter " + name);
    if (!is_design_factor(*spec)) {
        throw std::invalid_argument("make_design: " + name + " is not a design factor");
    }
    return *spec;
}

// The spec with every level converted to its parameter's kind (an integer level of a real
// parameter becomes a double), or std::invalid_argument.
SweepSpec checked(const SweepSpec& spec) {
    SweepSpec result = spec;
    std::vector<std::string> seen;
    auto once = [&seen](const std::string& name) {
        if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
            throw std::invalid_argument("make_design: " + name + " is varied twice");
        }
        seen.push_back(name);
    };
    for (auto& factor : result.grid) {
        const ParameterSpec& parameter = design_parameter(factor.parameter);
        once(factor.parameter);
        if (factor.levels.empty()) {
            throw std::invalid_argument("make_design: no levels for " + factor.parameter);
        }
        for (std::size_t i = 0; i < factor.levels.size(); ++i) {
            if (const auto problem = check_value(parameter, factor.levels[i])) {
                throw std::invalid_argument("make_design: " + factor.parameter + ": " + *problem);
            }
            for (std::size_t j = 0; j < i; ++j) {
                if (factor.levels[j] == factor.levels[i]) {
                    throw std::invalid_argument("make_design: " + factor.parameter + ": level " +
                                                format_value(factor.levels[i]) + " given twice");
                }
            }
        }
    }
    for (const auto& factor : result.ranges) {
        const ParameterSpec& parameter = design_parameter(factor.parameter);
        once(factor.parameter);
        if (!has_range(parameter)) {
            throw std::invalid_argument("make_design: " + factor.parameter +
                                        " is not a number and cannot be sampled over a range");
        }
        if (!is_range_of(parameter, factor.low, factor.high)) {
            throw std::invalid_argument("make_design: [" + format_value(factor.low) + ", " +
                                        format_value(factor.high) + "] is not a range of " +
                                        factor.parameter);
        }
    }
    if (!method_agrees(result.method, !result.ranges.empty())) {
        throw std::invalid_argument(
            "make_design: ranges need a sampling method, and a sampling method needs ranges");
    }
    if (result.method != SamplingMethod::none && result.samples == 0) {
        throw std::invalid_argument("make_design: no samples");
    }
    if (result.method == SamplingMethod::morris && !is_morris_levels(result.morris_levels)) {
        throw std::invalid_argument("make_design: Morris levels must be even and at least 2, got " +
                                    std::to_string(result.morris_levels));
    }
    return result;
}

// A unit-cube coordinate u in [0, 1) (Morris: [0, 1]) on a range: low + u * (high - low).
// Integers are rounded to the nearest (halves away from zero), so each end of the range gets
// half the share of an interior integer.
ParameterValue range_value(const ParameterSpec& parameter, const RangeFactor& factor, double u) {
    const double x = factor.low + u * (factor.high - factor.low);
    if (parameter.kind == ParameterKind::integer) {
        const double lowest = std::ceil(factor.low);
        const double highest = std::floor(factor.high);
        return static_cast<std::int64_t>(std::clamp(std::round(x), lowest, highest));
    }
    return std::clamp(x, factor.low, factor.high);
}

SampleMatrix unit_samples(const SweepSpec& spec, std::uint64_t master_seed) {
    const std::size_t k = spec.ranges.size();
    switch (spec.method) {
        case SamplingMethod::none:
            return SampleMatrix(1);
        case SamplingMethod::latin_hypercube:
            return latin_hypercube(spec.samples, k, latin_hypercube_seed(master_seed));
        case SamplingMethod::sobol:
            return saltelli_points(saltelli(spec.samples, k));
        case SamplingMethod::morris:
            return morris_trajectories(spec.samples, k, spec.morris_levels,
                                       morris_seed(master_seed));
    }
    return SampleMatrix(1);
}

std::string levels_text(const std::vector<ParameterValue>& levels) {
    std::string text;
    for (const auto& level : levels) {
        if (!text.empty()) text += ", ";
        text += format_value(level);
    }
    return text;
}

std::string bound_text(const ParameterSpec& parameter, double bound) {
    if (parameter.kind == ParameterKind::integer) {
        return format_value(static_cast<std::int64_t>(std::llround(bound)));
    }
    return format_value(bound);
}

// The Morris step p / (2 (p - 1)) as a fraction of a range: (p/2) / (p - 1), already in
// lowest terms since p/2 and p - 1 = 2(p/2) - 1 share no factor.
std::string morris_step_text(int levels) {
    if (levels == 2) return "the whole range";
    return std::to_string(levels / 2) + "/" + std::to_string(levels - 1) + " of its range";
}

// For an integer factor of a Morris design, the steps rounding leaves if they are not all the
// nominal one, e.g. " (so its steps are 1 or 2 rather than 1.8)"; "" if they all are.
std::string uneven_steps_text(const ParameterSpec& parameter, const RangeFactor& factor,
                              int levels) {
    const double nominal = morris_delta(levels) * (factor.high - factor.low);
    const int half = levels / 2;
    const auto at = [&](int level) {
        const double u = static_cast<double>(level) / static_cast<double>(levels - 1);
        return std::get<std::int64_t>(range_value(parameter, factor, u));
    };
    std::vector<std::int64_t> steps;
    for (int level = 0; level < half; ++level) {
        const std::int64_t step = at(level + half) - at(level);
        if (std::find(steps.begin(), steps.end(), step) == steps.end()) steps.push_back(step);
    }
    std::sort(steps.begin(), steps.end());
    if (steps.size() == 1 && static_cast<double>(steps.front()) == nominal) return "";
    std::string text = " (so its steps are ";
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (i > 0) text += i + 1 == steps.size() ? " or " : ", ";
        text += std::to_string(steps[i]);
    }
    std::ostringstream rather;
    rather << std::setprecision(3) << nominal;
    return text + " rather than " + rather.str() + ")";
}

std::string plural(std::uint64_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string_view sampling_method_name(SamplingMethod method) {
    switch (method) {
        case SamplingMethod::none:
            return "grid";
        case SamplingMethod::latin_hypercube:
            return "latin_hypercube";
        case SamplingMethod::sobol:
            return "sobol";
        case SamplingMethod::morris:
            return "morris";
    }
    return "?";
}

std::uint64_t latin_hypercube_seed(std::uint64_t master_seed) {
    // A tag no run stream uses ("LHS"), through the same mixer as the run streams.
    return mix64(mix64(master_seed) ^ 0x4C48530000000000ULL);
}

std::uint64_t morris_seed(std::uint64_t master_seed) {
    // Its own tag ("MOR"), so a Morris and a Latin hypercube design from one seed are unrelated.
    return mix64(mix64(master_seed) ^ 0x4D4F520000000000ULL);
}

std::string saltelli_role_name(int role, std::size_t k) {
    if (role == not_saltelli) return "";
    if (role == saltelli_a) return "A";
    if (role == static_cast<int>(k) + 1) return "B";
    return "AB" + std::to_string(role);
}

std::uint64_t design_point_count(const SweepSpec& spec) {
    std::uint64_t cells = 1;
    for (const auto& factor : spec.grid) cells = saturating_multiply(cells, factor.levels.size());
    std::uint64_t per_cell = 1;
    if (spec.method == SamplingMethod::latin_hypercube) per_cell = spec.samples;
    if (spec.method == SamplingMethod::sobol) {
        per_cell = saturating_multiply(spec.samples, spec.ranges.size() + 2);
    }
    if (spec.method == SamplingMethod::morris) {
        per_cell = saturating_multiply(spec.samples, spec.ranges.size() + 1);
    }
    return saturating_multiply(cells, per_cell);
}

std::uint64_t ExperimentDesign::grid_cells() const {
    std::uint64_t cells = 1;
    for (const auto& factor : spec.grid) cells = saturating_multiply(cells, factor.levels.size());
    return cells;
}

std::uint64_t ExperimentDesign::points_per_cell() const {
    const std::uint64_t cells = grid_cells();
    return cells == 0 ? 0 : points() / cells;
}

Scenario ExperimentDesign::scenario_at(std::uint64_t point) const {
    if (point >= points()) throw std::out_of_range("scenario_at: no such design point");
    Scenario scenario = base;
    for (std::size_t p = 0; p < parameters.size(); ++p) {
        find_parameter(parameters[p])->set(scenario, values[p][point]);
    }
    return scenario;
}

RunId ExperimentDesign::run_id(std::uint64_t run_index) const {
    if (run_index >= runs()) throw std::out_of_range("run_id: run index beyond the design");
    RunId id;
    id.run_index = run_index;
    id.design_point = run_index / replicates;
    id.replicate = run_index % replicates;
    // Common random numbers: replicate r draws the same stream at every design point, so two
    // points differ by their parameters only, not by their luck.
    id.stream_seed =
        stream_seed(base.run.seed, spec.common_random_numbers ? 0 : id.design_point, id.replicate);
    return id;
}

std::string ExperimentDesign::describe() const {
    std::ostringstream out;
    const std::size_t k = spec.ranges.size();
    const bool grid = !spec.grid.empty();
    out << "design: ";
    switch (spec.method) {
        case SamplingMethod::none:
            out << (grid ? "full factorial grid" : "one scenario (no sweep)");
            break;
        case SamplingMethod::latin_hypercube:
            out << (grid ? "full factorial grid x " : "") << "Latin hypercube\n"
                << "sampling: " << plural(spec.samples, "sample", "samples")
                << (grid ? " per grid cell" : "") << ", drawn from run.seed = " << base.run.seed;
            break;
        case SamplingMethod::sobol:
            out << (grid ? "full factorial grid x " : "")
                << "Sobol' sequence in Saltelli's scheme\n"
                << "sampling: N = " << spec.samples
                << " base samples x (k + 2) = " << spec.samples * (k + 2) << " points"
                << (grid ? " per grid cell" : "") << ", for Sobol' indices";
            break;
        case SamplingMethod::morris:
            out << (grid ? "full factorial grid x " : "")
                << "Morris trajectories (elementary effects screening)\n"
                << "sampling: r = " << plural(spec.samples, "trajectory", "trajectories")
                << " x (k + 1) = " << spec.samples * (k + 1) << " points"
                << (grid ? " per grid cell" : "") << ", on a " << spec.morris_levels
                << "-level grid, drawn from run.seed = " << base.run.seed
                << "\nsteps: each factor moves once per trajectory, by "
                << morris_step_text(spec.morris_levels) << " (elementary effects)";
            break;
    }
    out << '\n';
    std::size_t width = 0;
    for (const auto& name : parameters) width = std::max(width, name.size());
    for (const auto& factor : spec.grid) {
        out << "  grid   " << factor.parameter << std::string(width - factor.parameter.size(), ' ')
            << "  " << levels_text(factor.levels) << '\n';
    }
    for (const auto& factor : spec.ranges) {
        const ParameterSpec& parameter = *find_parameter(factor.parameter);
        out << "  range  " << factor.parameter << std::string(width - factor.parameter.size(), ' ')
            << "  [" << bound_text(parameter, factor.low) << ", "
            << bound_text(parameter, factor.high) << "]";
        if (parameter.kind == ParameterKind::integer) {
            out << ", rounded to the nearest integer";
            if (spec.method == SamplingMethod::morris) {
                out << uneven_steps_text(parameter, factor, spec.morris_levels);
            }
        }
        out << '\n';
    }
    out << "points: " << points();
    if (grid && spec.method != SamplingMethod::none) {
        out << " (" << plural(grid_cells(), "grid cell", "grid cells") << " x "
            << (spec.method == SamplingMethod::sobol || spec.method == SamplingMethod::morris
                    ? plural(points_per_cell(), "point", "points")
                    : plural(points_per_cell(), "sample", "samples"))
            << ")";
    }
    out << '\n'
        << "replicates: " << replicates << " per point\n"
        << "runs: " << runs() << '\n';
    if (points() > 1) {
        out << "common random numbers: "
            << (spec.common_random_numbers
                    ? "on (replicate r draws the same random stream at every point)"
                    : "off (every run draws its own random stream)")
            << '\n';
    }
    return out.str();
}

ExperimentDesign single_point_design(const Scenario& scenario) {
    if (scenario.run.replicates < 1) {
        throw std::invalid_argument("single_point_design: run.replicates must be at least 1");
    }
    ExperimentDesign design;
    design.base = scenario;
    design.replicates = static_cast<std::uint64_t>(scenario.run.replicates);
    design.grid_cell = {0};
    design.sample_index = {0};
    design.saltelli_role = {not_saltelli};
    design.morris_factor = {not_morris};
    return design;
}

ExperimentDesign make_design(const Scenario& base, const SweepSpec& spec) {
    if (base.run.replicates < 1) {
        throw std::invalid_argument("make_design: run.replicates must be at least 1");
    }
    ExperimentDesign design;
    design.base = base;
    design.spec = checked(spec);
    design.replicates = static_cast<std::uint64_t>(base.run.replicates);
    const SweepSpec& s = design.spec;

    const std::uint64_t point_count = design_point_count(s);
    if (saturating_multiply(point_count, design.replicates) > max_design_runs) {
        throw std::invalid_argument("make_design: more than " + std::to_string(max_design_runs) +
                                    " runs");
    }
    std::uint64_t cells = 1;
    for (const auto& factor : s.grid) cells *= factor.levels.size();
    const std::uint64_t per_cell = point_count / cells;

    for (const auto& factor : s.grid) design.parameters.push_back(factor.parameter);
    for (const auto& factor : s.ranges) design.parameters.push_back(factor.parameter);
    design.values.assign(design.parameters.size(), {});
    for (auto& column : design.values) column.reserve(point_count);
    design.grid_cell.reserve(point_count);
    design.sample_index.reserve(point_count);
    design.saltelli_role.reserve(point_count);
    design.morris_factor.reserve(point_count);

    // One sample set, mapped onto the ranges once and shared by every grid cell.
    const SampleMatrix unit = unit_samples(s, base.run.seed);
    const std::size_t k = s.ranges.size();
    // From the unit matrix, not the mapped values: rounding an integer factor could, over a
    // range narrower than its bounds suggest, hide the step that defines the trajectory.
    const std::vector<int> moved = s.method == SamplingMethod::morris
                                       ? morris_moved_factors(unit, k)
                                       : std::vector<int>(unit.size(), not_morris);
    std::vector<std::vector<ParameterValue>> sampled(k);
    for (std::size_t r = 0; r < k; ++r) {
        const ParameterSpec& parameter = *find_parameter(s.ranges[r].parameter);
        sampled[r].reserve(unit.size());
        for (const auto& row : unit) {
            sampled[r].push_back(range_value(parameter, s.ranges[r], row[r]));
        }
    }

    std::vector<std::size_t> level(s.grid.size());
    for (std::uint64_t cell = 0; cell < cells; ++cell) {
        // The first factor varies slowest: decode the cell with the last factor fastest.
        std::uint64_t rest = cell;
        for (std::size_t g = s.grid.size(); g-- > 0;) {
            level[g] = static_cast<std::size_t>(rest % s.grid[g].levels.size());
            rest /= s.grid[g].levels.size();
        }
        for (std::uint64_t row = 0; row < per_cell; ++row) {
            for (std::size_t g = 0; g < s.grid.size(); ++g) {
                design.values[g].push_back(s.grid[g].levels[level[g]]);
            }
            for (std::size_t r = 0; r < k; ++r) {
                design.values[s.grid.size() + r].push_back(sampled[r][row]);
            }
            design.grid_cell.push_back(cell);
            design.morris_factor.push_back(moved[row]);
            if (s.method == SamplingMethod::sobol) {
                design.sample_index.push_back(row / (k + 2));
                design.saltelli_role.push_back(saltelli_role_of(row, k));
            } else if (s.method == SamplingMethod::morris) {
                design.sample_index.push_back(row / (k + 1));
                design.saltelli_role.push_back(not_saltelli);
            } else {
                design.sample_index.push_back(row);
                design.saltelli_role.push_back(not_saltelli);
            }
        }
    }
    return design;
}

std::vector<std::string> held_constants(const ExperimentDesign& design) {
    UncertaintySettings held = design.base.uncertainty;
    for (const std::string& parameter : design.parameters) {
        const ParameterSpec* spec = find_parameter(parameter);
        if (spec != nullptr && spec->is_model_constant()) hold(held, parameter);
    }
    return held.held;
}

RunSource design_source(const ExperimentDesign& design) {
    // Scenarios are applied once per point up to this many points; beyond it, per run (a few
    // registry calls, small beside a run) so that memory stays bounded.
    constexpr std::uint64_t precomputed_points = 1u << 20;
    auto shared = std::make_shared<const ExperimentDesign>(design);
    if (design.points() > precomputed_points) {
        return [shared](std::uint64_t run_index) {
            const RunId id = shared->run_id(run_index);
            return RunSpec{shared->scenario_at(id.design_point), id};
        };
    }
    auto built = std::make_shared<std::vector<Scenario>>();
    built->reserve(design.points());
    for (std::uint64_t point = 0; point < design.points(); ++point) {
        built->push_back(design.scenario_at(point));
    }
    std::shared_ptr<const std::vector<Scenario>> scenarios = std::move(built);
    return [shared, scenarios](std::uint64_t run_index) {
        const RunId id = shared->run_id(run_index);
        return RunSpec{(*scenarios)[id.design_point], id};
    };
}

}  // namespace partnersim
