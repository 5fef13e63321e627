#pragma once
// A calibration targets file: the figures partnersim calibrate fits the model constants to,
// each declared once with what it is measured on and where the figure comes from.
//
//   [[target]]
//   name = "reporting_hours"              # letters, digits and _ (the results' column names)
//   measure = "reporting_hours"           # a measure of the measures table
//   scenario = "../default.toml"          # the base scenario, relative to this file
//   set = ["setup.evidence=funder_reporting"]   # optional overrides, as --set
//   months = [1, 36]                      # 1-based, inclusive: the mean over these months of
//                                         # the measure, averaged over replicates; or
//   # month = 36                          # one month (default: the scenario's last)
//   value = 20.0                          # or range = [15.0, 25.0]
//   tolerance = 5.0                       # one unit of distance, in the measure's units
//   source = "Center for Effective Philanthropy surveys (model brief)"
//   quote = "the typical grantee spends about 20 hours a year ..."
//
// Every mistake is a ScenarioError naming the file, the line and the key ('target.2.value').
// Base scenarios are read (and their own mistakes located in them) by the caller.

#include <filesystem>
#include <string>
#include <vector>

#include "io/scenario_file.hpp"
#include "model/measures.hpp"

namespace partnersim {

struct CalibrationTarget {
    std::string name;
    Measure measure = Measure::participation;
    std::filesystem::path scenario;      // resolved against the targets file's folder
    std::vector<std::string> overrides;  // key=value
    int first_month = 0;                 // 1-based, inclusive; 0: the scenario's last month
    int last_month = 0;
    double low = 0.0;  // value or range
    double high = 0.0;
    double tolerance = 1.0;
    std::string source;
    std::string quote;
    int line = 0;  // of its [[target]], for later errors about it
};

struct CalibrationTargets {
    std::string file;  // as named, for messages
    std::vector<CalibrationTarget> targets;
};

CalibrationTargets load_calibration_targets(const std::filesystem::path& path);
// From text; `file_name` in messages, `folder` the base of relative scenario paths.
CalibrationTargets parse_calibration_targets(const std::string& text, const std::string& file_name,
                                             const std::filesystem::path& folder);

}  // namespace partnersim
