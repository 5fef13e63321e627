#pragma once
// A results file as CSV files, for spreadsheet users. Into one folder:
//   runs.csv              one row per run: run_index, design_point, replicate, seed, the varied
//                         parameters' values at its point, and every measure at the final month
//   design.csv            one row per design point: its indices and parameter values
//   timeseries_means.csv  one row per design point and month: each measure's mean over the
//                         point's replicates (what most charts need, in a size a spreadsheet
//                         opens)
//   timeseries.csv        only with `timeseries`: one row per run and month, every measure
//   analysis_<table>.csv  every table stored by `analyze`/`discover` beside these results (a
//                         table computed from an earlier file of the same name is left out)
//   analyses.csv          with analyses: what each analysis_<table>.csv was computed with
//   columns.csv           what each column means, with units
// With overwrite, analysis CSVs of an earlier export that this one does not write are removed,
// so the folder never mixes analyses of different results.
// Numbers are written in the shortest form that reads back to the same double. Files are
// written as "<name>.partial" and renamed, and existing files are kept unless overwrite is set.

#include <filesystem>
#include <string>
#include <vector>

#include "io/analysis_table.hpp"

namespace partnersim::analysis {

struct CsvExportOptions {
    bool timeseries = false;  // also every run's every month (large for big sweeps)
    bool overwrite = false;
};

// The files written, in order. Throws std::runtime_error naming the file for an unreadable
// results file or an existing output without overwrite (before writing anything).
std::vector<std::filesystem::path> export_csv(const std::filesystem::path& results,
                                              const std::filesystem::path& folder,
                                              const CsvExportOptions& options = {});

// One analysis table as CSV text (header row, then rows), RFC 4180 quoting.
std::string table_csv(const AnalysisTable& table);

// A CSV field: quoted if it holds a comma, quote or line break.
std::string csv_field(const std::string& text);
// The shortest decimal that reads back as the same double; "nan", "inf", "-inf" otherwise.
std::string csv_number(double value);
// The same for a float (time series are stored as float32): "0.662", not "0.6620000004768372".
std::string csv_number(float value);

}  // namespace partnersim::analysis
