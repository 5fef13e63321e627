#pragma once
// Analyses are computed once: a request is keyed by the results file's identity and every
// option that changes the answer, and its tables are read back from "<results>.analysis.h5"
// when an identical request made them before (io/analysis_file.hpp).

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "io/analysis_file.hpp"

namespace partnersim::app {

// What a request did with the analysis file: stored fresh tables, or read every table from it,
// or could not read it (`unreadable` says why; nothing was stored). `tables` are every table
// the request used, read or computed, with the key it is stored under: what a report shows.
struct CacheReport {
    enum class Outcome { saved, read, unreadable };
    Outcome outcome = Outcome::read;
    std::filesystem::path path;
    std::string unreadable;
    std::vector<analysis::StoredTable> tables;
};

// The warning for an unreadable analysis file: what went wrong and how to store tables again.
std::string unreadable_warning(const CacheReport& report);

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
    // save(), then what became of the tables. An analysis file that cannot be read (not HDF5,
    // damaged) is only a cache: the tables are computed anyway, the file is left as it is, and
    // the report says why (for a warning).
    CacheReport save_and_report();
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
    std::string identity_;  // of the results: every stored table's key starts with it
    std::string key_;
    bool recompute_;
    std::optional<std::string> unreadable_;  // why the analysis file could not be read
    std::vector<analysis::StoredTable> fresh_;
    std::vector<analysis::StoredTable> used_;  // read or computed, for the report
};

}  // namespace partnersim::app
