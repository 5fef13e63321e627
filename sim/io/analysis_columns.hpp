#pragma once
// What each column of an analysis file holds (its `description` and `units` attributes), so the
// file describes itself to h5py, xarray, pandas and R readers. A column named after a measure,
// a parameter or a model constant (the calibration and sampled-model tables) takes the measures
// table's or the parameter registry's words; the analyses' own columns (estimate, low, ...) are
// described once here; any other column says which table it belongs to and points to the
// table's description.

#include <string>
#include <string_view>

#include "io/analysis_table.hpp"

namespace partnersim::analysis {

struct ColumnDescription {
    std::string description;
    std::string units;
};

ColumnDescription describe_column(const AnalysisTable& table, std::string_view column);

}  // namespace partnersim::analysis
