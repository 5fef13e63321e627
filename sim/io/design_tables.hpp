#pragma once
// The experiment design inside a results file, so a sweep's results can be analysed without
// the scenario file:
//   /design/<parameter>    one row per design point, named by the parameter's dotted name
//                          (e.g. /design/trust.gain_rate): float64 for numbers, int64 for
//                          integers, uint8 (0/1) for booleans, UTF-8 strings for choices. A
//                          range factor's table also has attributes low and high (float64),
//                          its range, so (value - low) / (high - low) is its unit-cube
//                          coordinate, and range_index (int64): its i in 1..k below
//   /design/grid_cell      uint64: which combination of grid levels the point belongs to
//   /design/sample_index   uint64: which sample within its grid cell (Morris: trajectory)
//   /design/saltelli_role  int64: -1 outside a Saltelli design; 0 matrix A; i in 1..k: A with
//                          column i from B; k+1: matrix B
//   /design/morris_factor  int64: -1 outside a Morris design; 0 a trajectory's first point;
//                          i in 1..k: range i moved from the previous point (previous row)
//   root attributes        sweep (design.describe()), design_points, replicates_per_point,
//                          grid_factors and range_factors (the varied parameters by kind)
// Row p of every /design table is design point p, which /runs/design_point refers to. A file
// without a sweep holds the single-point design: no parameter tables, one row of indices.
// Each table has `description` and `units` attributes.
//
//   f = h5py.File("results.h5")
//   f["design/trust.gain_rate"][:]          # numbers
//   f["design/setup.duration"].asstr()[:]   # choices as str (h5py 3 gives bytes without asstr)

#include <cstdint>
#include <string>

#include "engine/experiment_design.hpp"
#include "io/hdf5_reader.hpp"
#include "io/hdf5_writer.hpp"

namespace partnersim {

// Writes the tables and attributes above; call it from the writer's prologue. Throws
// std::invalid_argument for a design whose tables do not have one value per point.
void write_design_tables(Hdf5ResultWriter& writer, const ExperimentDesign& design);

// A prologue that writes the design's tables. `design` must outlive the writer's constructor.
ResultsPrologue design_prologue(const ExperimentDesign& design);

// The design attributes a design writes (DesignAttributes is in io/hdf5_reader.hpp).
DesignAttributes design_attributes(const ExperimentDesign& design);
// Throws std::runtime_error naming the file if it has no design attributes.
DesignAttributes read_design_attributes(const std::filesystem::path& results);

}  // namespace partnersim
