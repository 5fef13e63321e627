#pragma once
// A results file as the analyses see it: every run's outcome on every measure (at the final
// month, or at a chosen month), the design point each run belongs to, and the value of each
// varied parameter (factor) at each design point. Read once, then every estimator works on
// memory. Outcomes are runs x measures in an Eigen matrix, column-major, so one measure over
// all runs is one contiguous column.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Dense>

#include "io/hdf5_reader.hpp"

namespace partnersim::analysis {

// A parameter the sweep varied. Choices and booleans are categorical: `values` holds the code
// of each point's category (0..categories-1, in order of first appearance in the design, which
// is the order the sweep file listed them). Numbers are numeric.
struct DesignFactor {
    std::string name;                     // dotted parameter name, e.g. setup.duration
    std::vector<std::string> categories;  // empty for a numeric factor
    std::vector<double> values;           // per design point
    std::optional<double> low;            // the sampled range, when the file records it
    std::optional<double> high;
    std::optional<int> range_index;  // i in 1..k for the i-th sampled (range) factor

    bool categorical() const { return !categories.empty(); }
    // The value at a point as a person would write it: "open_ended", "120", "0.35".
    std::string label(std::size_t point) const;
};

struct ResultsTable {
    std::filesystem::path file;
    std::string sweep;  // the design in words, as `plan` prints it
    std::uint64_t design_points = 1;
    std::uint64_t replicates_per_point = 0;
    int months = 0;
    int month = 0;  // the month outcomes are taken at (1-based); == months for the final month

    std::vector<DesignFactor> factors;
    // Per design point (empty tables in a file without a sweep read as one point).
    std::vector<std::uint64_t> grid_cell;
    std::vector<std::uint64_t> sample_index;
    std::vector<int> saltelli_role;  // -1 outside a Saltelli design
    std::vector<int> morris_factor;  // -1 outside a Morris design (empty in older files)

    // Per run.
    std::vector<std::uint64_t> design_point;
    std::vector<std::uint64_t> replicate;
    std::vector<std::string> measures;
    Eigen::MatrixXd outcomes;  // runs x measures

    std::size_t runs() const { return design_point.size(); }
    // Column of `measure`; throws std::invalid_argument naming the measure (with the nearest
    // known name) if there is none.
    std::size_t measure_index(std::string_view measure) const;
    // Index into `factors`; throws std::invalid_argument likewise.
    std::size_t factor_index(std::string_view parameter) const;
    bool is_saltelli() const;
    bool is_morris() const;
};

// Reads a finished results file. `month` (1..months) takes outcomes at that month from
// /timeseries; nullopt takes /final. Throws std::runtime_error naming the file for an
// unreadable file, std::invalid_argument for a month out of range.
ResultsTable read_results_table(const std::filesystem::path& path,
                                std::optional<int> month = std::nullopt);
// The same from a results file already open.
ResultsTable read_results_table(const ResultsFile& file, std::optional<int> month = std::nullopt);

}  // namespace partnersim::analysis
