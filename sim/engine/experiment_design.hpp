#pragma once
// An experiment design: which scenarios a sweep runs. A design is a table of design points
// (one value per varied parameter per point) over a base scenario, times replicates per point.
// Run index = design_point * replicates + replicate; each run's stream derives from
// (seed, design point, replicate) alone (engine/random_streams.hpp).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/ensemble.hpp"
#include "model/parameters.hpp"
#include "model/scenario.hpp"

namespace partnersim {

enum class SamplingMethod { none, latin_hypercube, sobol, morris };

// A parameter varied over listed values (numbers, integers, booleans or choices).
struct GridFactor {
    std::string parameter;  // dotted name
    std::vector<ParameterValue> levels;
};

// A real or integer parameter sampled over [low, high].
struct RangeFactor {
    std::string parameter;
    double low = 0.0;
    double high = 0.0;
};

// What a scenario file's [sweep] section asks for, already validated against the registry.
struct SweepSpec {
    std::vector<GridFactor> grid;     // full factorial over these
    std::vector<RangeFactor> ranges;  // sampled by `method`, crossed with every grid cell
    SamplingMethod method = SamplingMethod::none;
    std::uint64_t samples = 0;          // LHS: points per grid cell; Sobol: base sample size N;
                                        // Morris: trajectories r per grid cell
    int morris_levels = 4;              // Morris: levels p of the grid in the unit cube
    bool common_random_numbers = true;  // replicate r uses the same stream at every point
};

// Role of a point in a Saltelli (2010) scheme: matrix A, matrix B, or A with column i from B.
inline constexpr int not_saltelli = -1;
inline constexpr int saltelli_a = 0;
// 1..k: A with column k taken from B (AB_k); k + 1: B.

// Which range factor moved into a point of a Morris trajectory: none (not a Morris design), or
// the trajectory's start.
inline constexpr int not_morris = -1;
inline constexpr int morris_start = 0;
// 1..k: range factor k moved from the previous point (the previous row of the design).

struct ExperimentDesign {
    Scenario base;
    SweepSpec spec;
    std::uint64_t replicates = 1;                     // per design point
    std::vector<std::string> parameters;              // varied, grid factors first, then ranges
    std::vector<std::vector<ParameterValue>> values;  // values[parameter][point]
    std::vector<std::uint64_t> grid_cell;             // per point: which grid combination
    std::vector<std::uint64_t> sample_index;  // per point: which sample within its cell (j);
                                              // Saltelli: the base sample j its role varies;
                                              // Morris: the trajectory
    std::vector<int> saltelli_role;           // per point: not_saltelli, saltelli_a, 1..k, k+1
    std::vector<int> morris_factor;           // per point: not_morris, morris_start, 1..k

    std::uint64_t points() const { return grid_cell.size(); }
    std::uint64_t runs() const { return points() * replicates; }
    Scenario scenario_at(std::uint64_t point) const;
    RunId run_id(std::uint64_t run_index) const;
    // A few lines for humans: method, factors with levels or ranges, points, runs.
    std::string describe() const;

    std::uint64_t grid_cells() const;       // 1 without grid factors
    std::uint64_t points_per_cell() const;  // 1, LHS: samples, Sobol: samples * (k + 2),
                                            // Morris: samples * (k + 1)
};

// Guard against a sweep that would run for ever or not fit in memory.
inline constexpr std::uint64_t max_design_runs = 1'000'000'000;

// Design points `spec` expands to (grid cells x points per cell), without expanding it;
// saturates at UINT64_MAX instead of overflowing.
std::uint64_t design_point_count(const SweepSpec& spec);

// The seed of a design's Latin hypercube: from the master seed (run.seed) alone, so the same
// file gives the same design, and unrelated to every run's stream.
std::uint64_t latin_hypercube_seed(std::uint64_t master_seed);

// The seed of a design's Morris trajectories, likewise from the master seed alone.
std::uint64_t morris_seed(std::uint64_t master_seed);

// "A", "AB3", "B" for Saltelli roles with k range factors; "" for not_saltelli.
std::string saltelli_role_name(int role, std::size_t k);

// "grid" (none), "latin_hypercube", "sobol", "morris": the names a [sweep] section uses.
std::string_view sampling_method_name(SamplingMethod method);

// The design of a scenario without a sweep: one point, run.replicates replicates.
ExperimentDesign single_point_design(const Scenario& scenario);

// Expand a sweep over a base scenario; replicates per point come from base.run.replicates.
// Points are ordered grid cell by grid cell (the first grid factor varies slowest), and within
// a cell by sample: every cell gets the same sample set (LHS: `samples` points; Sobol: the
// N(k + 2) Saltelli points in SALib's order A, AB_1..AB_k, B per sample j; Morris: `samples`
// trajectories of k + 1 points, sample_index the trajectory, morris_factor the factor that
// moved). A unit-cube value u in [0, 1) (Morris: [0, 1]) becomes low + u * (high - low);
// integer parameters round it to the nearest integer (halves away from zero), so each end of
// an integer range gets half the share of an interior value, and a Morris step of an integer
// factor may be a little longer or shorter than delta (high - low) (analysis maps the rounded
// values back to the unit cube, so its elementary effects divide by the step actually taken).
// The Latin hypercube is drawn from latin_hypercube_seed(base.run.seed), the Morris
// trajectories from morris_seed(base.run.seed); the Sobol' points depend on nothing. Throws
// std::invalid_argument for a spec that cannot be expanded (Morris: levels odd or below 2) or
// that exceeds max_design_runs (the file reader has already located and reported user
// errors).
ExperimentDesign make_design(const Scenario& base, const SweepSpec& spec);

// The model constants an uncertainty draw leaves alone in this design: those set in its base
// scenario and those it varies (sorted, unique).
std::vector<std::string> held_constants(const ExperimentDesign& design);

// The runs of a design, for run_ensemble: {scenario_at(point), run_id(index)}, with the
// scenarios of up to 2^20 points built once up front. The source keeps its own copy of the
// design.
RunSource design_source(const ExperimentDesign& design);

}  // namespace partnersim
