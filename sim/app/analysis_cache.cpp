#include "app/analysis_cache.hpp"

namespace partnersim::app {

AnalysisCache::AnalysisCache(const std::filesystem::path& results, const std::string& options,
                             bool recompute)
    : path_(analysis::analysis_path_for(results)),
      identity_(analysis::results_identity(results)),
      // The version changes whenever a table's columns or meaning change, so a table stored by
      // an older partnersim is recomputed rather than misread.
      key_(identity_ + "; tables v2; " + options),
      recompute_(recompute) {}

std::vector<analysis::AnalysisTable> AnalysisCache::get(
    const std::vector<std::string>& names, const std::string& detail,
    const std::function<std::vector<analysis::AnalysisTable>()>& compute) {
    const std::string key = key_ + detail;
    if (!recompute_ && !unreadable_) {
        try {
            if (auto stored = analysis::find_tables(path_, names, key)) {
                for (const auto& table : *stored) used_.push_back({table, key});
                return std::move(*stored);
            }
        } catch (const std::runtime_error& error) {
            // Only a cache: compute afresh, and leave the file for its owner to look at.
            unreadable_ = error.what();
        }
    }
    std::vector<analysis::AnalysisTable> tables = compute();
    for (const auto& table : tables) {
        fresh_.push_back({table, key});
        used_.push_back({table, key});
    }
    return tables;
}

bool AnalysisCache::save() {
    if (fresh_.empty() || unreadable_) return false;
    // Tables computed from other results (an earlier file of the same name) go.
    analysis::store_tables(path_, fresh_, [&](const analysis::StoredTable& stored) {
        return stored.key.starts_with(identity_);
    });
    fresh_.clear();
    return true;
}

std::string unreadable_warning(const CacheReport& report) {
    return report.unreadable + "; analyses were computed but not stored (move " +
           report.path.string() + " away to store them again)";
}

CacheReport AnalysisCache::save_and_report() {
    const bool wrote = save();
    if (unreadable_) return {CacheReport::Outcome::unreadable, path_, *unreadable_, used_};
    return {wrote ? CacheReport::Outcome::saved : CacheReport::Outcome::read, path_, "", used_};
}

}  // namespace partnersim::app
