#pragma once
// The rules a sweep keeps, written once. make_design (engine/experiment_design.cpp) checks a
// SweepSpec built in code against them; the scenario-file reader (io/experiment_file.cpp)
// checks a [sweep] section against the same rules and says where in the file one is broken.
// The rules that tie a value to its parameter (kind, range, choices) are the registry's
// check_value (model/parameters.hpp), which both apply to every level and bound.

#include <cstdint>

#include "engine/experiment_design.hpp"
#include "model/parameters.hpp"

namespace partnersim {

// May the sweep vary it? Not run.* (months, replicates, seed) nor uncertainty.*: they are
// settings of the whole experiment (a design point with and one without drawn models would
// not be compared on equal terms).
bool is_design_factor(const ParameterSpec& parameter);

// May it be sampled over a range [low, high]? Only a number (real or integer); booleans and
// choices have levels.
bool has_range(const ParameterSpec& parameter);

// Is [low, high] a range of it: low below high, both within its bounds, and for an integer
// parameter at least one integer inside?
bool is_range_of(const ParameterSpec& parameter, double low, double high);

// Morris levels p: at least 2, and even, since the step p / (2 (p - 1)) lands on the grid of
// levels only for even p.
bool is_morris_levels(std::int64_t levels);

// Ranges need a sampling method, and a sampling method needs ranges.
bool method_agrees(SamplingMethod method, bool has_ranges);

}  // namespace partnersim
