#pragma once
// A results file (and the analyses stored beside it) as CSV files in a folder
// (analysis/csv_export.hpp).

#include <filesystem>
#include <vector>

namespace partnersim::app {

struct ExportRequest {
    std::filesystem::path results;
    std::filesystem::path folder;
    bool timeseries = false;  // also every run's every month
    bool force = false;       // overwrite existing CSV files
};

// The files written, in order. Throws InputError for an unreadable results file or an existing
// CSV file without `force`; std::runtime_error for a failure while writing.
std::vector<std::filesystem::path> export_results(const ExportRequest& request);

}  // namespace partnersim::app
