#pragma once
// The calibration file's contract (partnersim calibrate -o FILE), beside io/results_layout.hpp:
// every table and column name. The file is an analysis file (io/analysis_file.hpp): one group
// per table, one dataset per column, each table with its description and key attributes.
//
//   /calibration_constants   one row per calibrated constant: prior, posterior range, ratio
//   /calibration_targets     one row per target: the figure, the default model's value and the
//                            values at the posterior
//   /calibration_samples     one row per prior sample: its constants, statistics, distance and
//                            whether it was accepted
//
//   f = h5py.File("calibration.h5"); c = f["calibration_constants"]
//   c["constant"].asstr()[:], c["posterior_low"][:], c["width_ratio"][:]

#include <string>
#include <string_view>

namespace partnersim::layout::calibration {

inline constexpr std::string_view constants_table = "calibration_constants";
inline constexpr std::string_view targets_table = "calibration_targets";
inline constexpr std::string_view samples_table = "calibration_samples";

// calibration_constants
inline constexpr std::string_view constant = "constant";
inline constexpr std::string_view default_value = "default";
inline constexpr std::string_view prior_low = "prior_low";
inline constexpr std::string_view prior_high = "prior_high";
inline constexpr std::string_view posterior_low = "posterior_low";  // 5%
inline constexpr std::string_view posterior_median = "posterior_median";
inline constexpr std::string_view posterior_high = "posterior_high";  // 95%
inline constexpr std::string_view posterior_min = "posterior_min";
inline constexpr std::string_view posterior_max = "posterior_max";
inline constexpr std::string_view width_ratio = "width_ratio";

// calibration_targets
inline constexpr std::string_view target = "target";
inline constexpr std::string_view measure = "measure";
inline constexpr std::string_view scenario = "scenario";
inline constexpr std::string_view source = "source";
inline constexpr std::string_view target_low = "target_low";
inline constexpr std::string_view target_high = "target_high";
inline constexpr std::string_view tolerance = "tolerance";
inline constexpr std::string_view default_statistic = "default_value";
inline constexpr std::string_view default_standard_error = "default_se";
inline constexpr std::string_view default_deviation = "default_deviation";
inline constexpr std::string_view accepted_low = "accepted_low";  // 5% over accepted samples
inline constexpr std::string_view accepted_median = "accepted_median";
inline constexpr std::string_view accepted_high = "accepted_high";            // 95%
inline constexpr std::string_view accepted_deviation = "accepted_deviation";  // median

// calibration_samples: these, then one column per constant (its dotted name) and one per
// target statistic (statistic_prefix + the target's name).
inline constexpr std::string_view sample = "sample";
inline constexpr std::string_view distance = "distance";
inline constexpr std::string_view accepted = "accepted";  // 1 or 0
inline constexpr std::string_view statistic_prefix = "statistic:";

inline std::string statistic_column(std::string_view target_name) {
    return std::string(statistic_prefix) + std::string(target_name);
}

}  // namespace partnersim::layout::calibration
