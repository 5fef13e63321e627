#pragma once
// Analyses are computed once: a request is keyed by the results file's identity and every
// option that changes the answer, and its tables are read back from "<results>.analysis.h5"
// when an identical request made them before (io/analysis_file.hpp).

#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "io/analysis_file.hpp"

namespace partnersim {

class AnalysisCache {
public:
    // `options` describes what every table of this command depends on.
    AnalysisCache(const std::filesystem::path& results, const std::string& options, bool recompute);

    // The tables `names`, stored under this cache's key plus `detail` (what only these tables
    // depend on), or computed by `compute` (which returns them in the same order).
    std::vector<analysis::AnalysisTable> get(
        const std::vector<std::string>& names, const std::string& detail,
        const std::function<std::vector<analysis::AnalysisTable>()>& compute);

    // Writes what was computed; returns whether anything was.
    bool save();
    // save(), then says on `err` (unless quiet) whether the tables were saved or reused. An
    // analysis file that cannot be read (not HDF5, damaged) is only a cache: the tables are
    // computed anyway, the file is left as it is, and a warning says so.
    void save_and_report(std::ostream& err, bool quiet);
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
    std::string identity_;  // of the results: every stored table's key starts with it
    std::string key_;
    bool recompute_;
    std::optional<std::string> unreadable_;  // why the analysis file could not be read
    std::vector<analysis::StoredTable> fresh_;
};

}  // namespace partnersim
