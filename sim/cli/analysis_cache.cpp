#include "cli/analysis_cache.hpp"

namespace partnersim {

AnalysisCache::AnalysisCache(const std::filesystem::path& results, const std::string& options,
                             bool recompute)
    : path_(analysis::analysis_path_for(results)),
      // The version changes whenever a table's columns or meaning change, so a table stored by
      // an older partnersim is recomputed rather than misread.
      key_(analysis::results_identity(results) + "; tables v2; " + options),
      recompute_(recompute) {}

std::vector<analysis::AnalysisTable> AnalysisCache::get(
    const std::vector<std::string>& names, const std::string& detail,
    const std::function<std::vector<analysis::AnalysisTable>()>& compute) {
    const std::string key = key_ + detail;
    if (!recompute_) {
        std::vector<analysis::AnalysisTable> stored;
        for (const auto& name : names) {
            if (auto table = analysis::find_table(path_, name, key)) stored.push_back(*table);
        }
        if (stored.size() == names.size()) return stored;
    }
    std::vector<analysis::AnalysisTable> tables = compute();
    for (const auto& table : tables) fresh_.push_back({table, key});
    return tables;
}

bool AnalysisCache::save() {
    if (fresh_.empty()) return false;
    analysis::store_tables(path_, fresh_);
    fresh_.clear();
    return true;
}

void AnalysisCache::save_and_report(std::ostream& err, bool quiet) {
    const bool wrote = save();
    if (!quiet) err << (wrote ? "saved to " : "read from ") << path_.string() << '\n';
}

}  // namespace partnersim
