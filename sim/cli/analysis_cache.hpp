#pragma once
// Analyses are computed once: a request is keyed by the results file's identity and every
// option that changes the answer, and its tables are read back from "<results>.analysis.h5"
// when an identical request made them before (analysis/analysis_file.hpp).

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "analysis/analysis_file.hpp"

namespace partnersim {

class AnalysisCache {
public:
    // `options` describes what every table of this command depends on.
    AnalysisCache(const std::filesystem::path& results, const std::string& options,
                  bool recompute);

    // The tables `names`, stored under this cache's key plus `detail` (what only these tables
    // depend on), or computed by `compute` (which returns them in the same order).
    std::vector<analysis::AnalysisTable> get(
        const std::vector<std::string>& names, const std::string& detail,
        const std::function<std::vector<analysis::AnalysisTable>()>& compute);

    // Writes what was computed; returns whether anything was.
    bool save();
    // save(), then says on `err` (unless quiet) whether the tables were saved or reused.
    void save_and_report(std::ostream& err, bool quiet);
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
    std::string key_;
    bool recompute_;
    std::vector<analysis::StoredTable> fresh_;
};

}  // namespace partnersim
