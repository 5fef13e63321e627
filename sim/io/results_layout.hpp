#pragma once
// The results contract: every name, storage type and size of a results file ("X.h5") and of
// its analysis file ("X.analysis.h5"). Users read these files with h5py and h5dump, so the names
// are a promise; this header is the one place the C++ code spells them (a test greps the tree
// for stray copies), and analysis/partnersim_figures/helpers.py is the one place the Python
// code does (the same test checks that its names match these).
//
// Every file is in HDF5's 1.10 layout (checksummed metadata; HDF5 1.10 or later reads it), and
// every string is fixed-length UTF-8, padded with nulls (h5py reads bytes: `.decode()`, or
// `dataset.asstr()`): no string is in a global heap (io/hdf5_handles.hpp says why); the one
// global heap of a finished file holds its dimension scales' references, which no reader parses.
//
// Results file
//   /                      attributes partnersim_version, scenario, command_line, created_utc
//                          (UTF-8 strings), months (int32); a finished file also has runs
//                          (uint64, count of runs) and identity (UTF-8, results_identity()); a
//                          shard file has shard ("K/N"), first_run and total_runs (uint64); a
//                          sweep adds the design attributes sweep (design.describe()),
//                          design_points, replicates_per_point (uint64), grid_factors and
//                          range_factors (arrays of UTF-8 strings: the varied parameters, grid
//                          factors in sweep order, ranges in range_index order)
//   /runs/run_index, design_point, replicate            uint64 [runs]
//   /runs/seed             int64 [runs] holding the seed's 64 bits unchanged: a negative value
//                          v is the seed v + 2^64 (R has no unsigned 64-bit integers; bit64's
//                          integer64 and pandas read int64 exactly). Files of partnersim 0.1.0
//                          before this change store uint64; the reader takes either.
//   /timeseries/<measure>  float32 [runs x months]
//   /final/<measure>       float64 [runs]
//   /months                int32 [months], 1..months
//   /agents/<variable>     float32 [trace_runs x months x trace_partners], NaN where unrecorded
//   /design/<parameter>    one row per design point (io/design_tables.hpp): float64, int64,
//                          uint8 or UTF-8; a range factor's table has low, high (float64) and
//                          range_index (int64) attributes
//   /design/grid_cell, sample_index (uint64), saltelli_role, morris_factor (int64)
//   /labels/outcome, outcome_cause   UTF-8 [codes]: row k names code k of /final/outcome and
//                          /final/outcome_cause
// Every dataset carries `description` and `units` string attributes.
// The axes of a finished file, at the root so that every group sees them (netCDF's rule for
// dimensions):
//   /run                   uint64 [runs]: /runs/run_index again
//   /design_point          uint64 [design points], 0..points-1, with a sweep's /design
//   /traced_run            uint64 [trace_runs]: the run_index of each row of /agents (0..)
//   /partner               uint64 [trace_partners]: partner slot of /agents' last axis (0..)
//   /model_constant        UTF-8 [model constants], with /runs/model_constants: its `columns`
// Named axes (HDF5 dimension scales, so xarray, netCDF tools and HDFView see them): in a finished
// file /run is the run axis (dimension 0) of every /runs column (model_constants included),
// /timeseries and /final; /months the month axis (dimension 1) of /timeseries and /agents;
// /design_point the axis of every /design table; /traced_run and /partner dimensions 0 and 2 of
// /agents; /model_constant dimension 1 of /runs/model_constants; each /labels table is its own
// axis. xarray (h5netcdf) names dimensions after their scale datasets: `run`, `months`,
// `design_point`, `traced_run`, `partner`, `model_constant`, `outcome`, `outcome_cause`.
//
// Analysis file: root attributes description (analysis_file_description) and
// partnersim_version; one group per table, /<table>, one 1-D dataset per column (UTF-8 strings
// for text, float64 for numbers) with `description` and `units` (io/analysis_columns.hpp);
// group attributes description, key (the results identity and the options) and columns
// (comma-separated column order).

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace partnersim::layout {

// --- Root groups and datasets --------------------------------------------------------------
inline constexpr std::string_view runs_group = "runs";
inline constexpr std::string_view timeseries_group = "timeseries";
inline constexpr std::string_view final_group = "final";
inline constexpr std::string_view months_dataset = "months";
inline constexpr std::string_view agents_group = "agents";
inline constexpr std::string_view design_group = "design";
inline constexpr std::string_view months_description =
    "Month of the simulation, counted from 1; the month axis of /timeseries and /agents";
inline constexpr std::string_view months_units = "months";
inline constexpr std::string_view labels_group = "labels";
// The axis datasets (see above); /months's scale is called `month`, the others as their dataset.
inline constexpr std::string_view run_axis_dataset = "run";
inline constexpr std::string_view month_dimension = "month";
inline constexpr std::string_view design_point_axis_dataset = "design_point";
inline constexpr std::string_view traced_run_axis_dataset = "traced_run";
inline constexpr std::string_view partner_axis_dataset = "partner";
inline constexpr std::string_view model_constant_axis_dataset = "model_constant";
using AxisIndexValue = std::uint64_t;  // /run, /design_point, /traced_run, /partner: uint64
inline constexpr std::string_view design_point_axis_description =
    "Design point, counted from 0: the axis of every /design table (row p is design point p, "
    "which /runs/design_point refers to)";
inline constexpr std::string_view traced_run_axis_description =
    "Run index of each row of the /agents traces: the first runs of the experiment, counted "
    "from 0";
inline constexpr std::string_view partner_axis_description =
    "Partner slot of the /agents traces, counted from 0 (founders first, then newcomers)";
inline constexpr std::string_view model_constant_axis_description =
    "Name of each model constant: the columns of /runs/model_constants";
inline constexpr std::string_view axis_index_units = "index";
inline constexpr std::string_view model_constant_axis_units = "name";

// "/<group>/<name>"; a group given as "final", "/final" or "/final/" names the same group.
std::string dataset_path(std::string_view group, std::string_view name);
// "/<name>" for a root group or dataset.
std::string root_path(std::string_view name);

// --- /runs: one row per run, in this order ---------------------------------------------------
struct RunColumn {
    std::string_view name;
    std::string_view description;
    std::string_view units;
};
inline constexpr std::string_view run_index = "run_index";
inline constexpr std::string_view design_point = "design_point";
inline constexpr std::string_view replicate = "replicate";
inline constexpr std::string_view seed = "seed";
inline constexpr std::array<RunColumn, 4> run_columns{{
    {run_index,
     "Position of the run in the whole experiment, counted from 0; row i of every "
     "dataset under /timeseries and /final belongs to this run",
     "index"},
    {design_point, "Design point of the sweep the run belongs to (0 without a sweep)", "index"},
    {replicate, "Replicate of the run within its design point, counted from 0", "index"},
    {seed,
     "Seed of the run's random stream, derived from the master seed, design point and "
     "replicate; reruns the run exactly. Stored as int64 holding the unsigned seed's 64 bits: "
     "a negative value v is the seed v + 2^64 (numpy: seed.view('uint64'))",
     "none"},
}};

// /runs/model_constants: float64 [runs x model constants], only in a file whose runs draw
// their model (uncertainty.model_constants = "plausible"): the value of every model constant
// each run used. Its attribute `columns` names the constants (UTF-8 array, in column order),
// `held` those set explicitly and so not drawn.
inline constexpr std::string_view model_constants_dataset = "model_constants";
inline constexpr std::string_view model_constants_description =
    "Value of every model constant the run used: drawn per replicate from its plausible range "
    "(uncertainty.model_constants = plausible), or held at its set value; columns named by the "
    "attribute `columns`, the held ones listed in `held`";
inline constexpr std::string_view model_constants_units = "the constant's own unit";
inline constexpr std::string_view columns_attribute = "columns";
inline constexpr std::string_view held_attribute = "held";
using ModelConstantValue = double;

// --- Storage types: what one value takes on disk, before compression --------------------------
using TimeseriesValue = float;         // /timeseries and /agents: float32
using FinalValue = double;             // /final: float64
using RunColumnValue = std::uint64_t;  // /runs: uint64
using MonthValue = std::int32_t;       // /months and the months attribute: int32
inline constexpr std::uint64_t timeseries_value_bytes = sizeof(TimeseriesValue);
inline constexpr std::uint64_t final_value_bytes = sizeof(FinalValue);
inline constexpr std::uint64_t run_record_bytes = sizeof(RunColumnValue) * run_columns.size();

// Bytes one run adds to a results file before compression (traces not included).
struct RunBytes {
    std::uint64_t timeseries = 0;
    std::uint64_t final_values = 0;
    std::uint64_t run_record = 0;
    std::uint64_t total() const { return timeseries + final_values + run_record; }
};
RunBytes bytes_per_run(std::uint64_t measures, std::uint64_t months);

// --- Root attributes ------------------------------------------------------------------------
inline constexpr std::string_view partnersim_version_attribute = "partnersim_version";
inline constexpr std::string_view scenario_attribute = "scenario";
inline constexpr std::string_view command_line_attribute = "command_line";
inline constexpr std::string_view created_utc_attribute = "created_utc";
inline constexpr std::string_view months_attribute = "months";
inline constexpr std::string_view runs_attribute = "runs";
inline constexpr std::string_view identity_attribute = "identity";
inline constexpr std::string_view shard_attribute = "shard";
inline constexpr std::string_view first_run_attribute = "first_run";
inline constexpr std::string_view total_runs_attribute = "total_runs";
// Written by the design (io/design_tables.hpp).
inline constexpr std::string_view sweep_attribute = "sweep";
inline constexpr std::string_view design_points_attribute = "design_points";
inline constexpr std::string_view replicates_per_point_attribute = "replicates_per_point";
inline constexpr std::string_view grid_factors_attribute = "grid_factors";
inline constexpr std::string_view range_factors_attribute = "range_factors";

// The root attributes and links the results writer manages itself; everything else (the
// design's) is copied as it is by compaction and merge.
inline constexpr std::array<std::string_view, 10> writer_attributes{
    partnersim_version_attribute, scenario_attribute, command_line_attribute,
    created_utc_attribute,        months_attribute,   runs_attribute,
    identity_attribute,           shard_attribute,    first_run_attribute,
    total_runs_attribute};
// A root text (the scenario, the command line, the sweep's description) is an attribute while it
// fits one, else also a root dataset of its name that holds it, the attribute saying so
// (hdf5::write_root_text): attributes over 60 KiB would leave the object's checksummed header.
inline constexpr std::array<std::string_view, 3> root_texts{
    scenario_attribute, command_line_attribute, sweep_attribute};

inline constexpr std::array<std::string_view, 12> writer_links{runs_group,
                                                               timeseries_group,
                                                               final_group,
                                                               months_dataset,
                                                               agents_group,
                                                               run_axis_dataset,
                                                               design_point_axis_dataset,
                                                               traced_run_axis_dataset,
                                                               partner_axis_dataset,
                                                               model_constant_axis_dataset,
                                                               scenario_attribute,
                                                               command_line_attribute};
bool is_writer_attribute(std::string_view name);
bool is_writer_link(std::string_view name);
bool is_root_text(std::string_view name);

// --- Dataset attributes ---------------------------------------------------------------------
inline constexpr std::string_view description_attribute = "description";
inline constexpr std::string_view units_attribute = "units";
// On every string dataset: "utf-8", the netCDF convention by which xarray decodes fixed-length
// strings to str rather than bytes.
inline constexpr std::string_view encoding_attribute = "_Encoding";
inline constexpr std::string_view encoding_utf8 = "utf-8";
// A measure's: which way is good ("higher is better", "lower is better" or "neither"), from the
// measures table, so a report can colour and word good and bad.
inline constexpr std::string_view direction_attribute = "direction";
// A range factor's /design table.
inline constexpr std::string_view low_attribute = "low";
inline constexpr std::string_view high_attribute = "high";
inline constexpr std::string_view range_index_attribute = "range_index";

// --- /design structure tables (not parameters) ------------------------------------------------
inline constexpr std::string_view grid_cell_table = "grid_cell";
inline constexpr std::string_view sample_index_table = "sample_index";
inline constexpr std::string_view saltelli_role_table = "saltelli_role";
inline constexpr std::string_view morris_factor_table = "morris_factor";
inline constexpr std::array<std::string_view, 4> design_structure_tables{
    grid_cell_table, sample_index_table, saltelli_role_table, morris_factor_table};
bool is_design_structure_table(std::string_view name);

// --- The results identity -------------------------------------------------------------------
// What an analysis is keyed with: the file's creation time, run count, command line, version
// and resolved scenario (hashed, FNV-1a 64, since it is kilobytes long), so a rerun with
// --force (same name, new contents) invalidates every stored analysis, even within the same
// second. The writer records it as the `identity` attribute of a finished file; readers take
// the attribute, and derive it with this function only for files that lack it (older files,
// and unfinished ones).
std::string results_identity(std::string_view created_utc, std::uint64_t runs,
                             std::string_view command_line, std::string_view partnersim_version,
                             std::string_view scenario_toml);

// --- Analysis file --------------------------------------------------------------------------
inline constexpr std::string_view analysis_suffix = ".analysis.h5";
inline constexpr std::string_view analysis_key_attribute = "key";
inline constexpr std::string_view analysis_columns_attribute = "columns";
inline constexpr std::string_view analysis_file_description =
    "partnersim analysis file: tables computed from the results file of the same name (X.h5 "
    "for X.analysis.h5), one group per table with one dataset per column (in the order of the "
    "group's `columns` attribute); each group's `key` names the results and options it was "
    "computed from";
// "<results>.analysis.h5" beside "<results>.h5".
std::filesystem::path analysis_path_for(const std::filesystem::path& results);

}  // namespace partnersim::layout
