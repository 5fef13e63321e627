#pragma once
// A self-contained HTML page with figures about a results file (analysis/figures/report.py), after
// computing its analyses (main effects, an interaction if asked, and scenario discovery with a
// success condition); their printed tables are kept beside the page as analysis.txt.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace partnersim::app {

struct ReportRequest {
    std::filesystem::path results;  // a results file, or a `compare -o` file (its page alone)
    std::filesystem::path folder;   // for index.html and the figures
    std::string success;            // optional: also scenario discovery
    std::vector<std::string> interaction;  // optional: {A, B}
    std::filesystem::path comparison;      // optional: a `compare -o` file to show too
    bool force = false;                    // overwrite an existing report
    std::function<void(const std::string&)> on_warning;  // optional: trouble that is not fatal
};

// The page written (folder/index.html). Throws InputError for an unreadable results file, an
// existing report without `force`, or a bad analysis request; RuntimeFailure when the figures
// could not be drawn; std::exception for another failure.
std::filesystem::path make_report(const ReportRequest& request);

}  // namespace partnersim::app
