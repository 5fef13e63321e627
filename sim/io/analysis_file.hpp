#pragma once
// Analyses are kept next to their results, in "<results>.analysis.h5", so they are not
// computed twice and the plotting scripts can read them. The results file itself is never
// modified: it stays the untouched record of what was run.
//
// Layout (names in io/results_layout.hpp): one group per table, /<table name>, holding one dataset
// per column (UTF-8 strings for text columns, float64 for numbers) and the attributes
//   description  what the table holds
//   key          what it was computed from: the results file's identity and the options
// A table is reused only if its key matches; otherwise it is computed again and replaced.
// Writes go to "<file>.partial" and are renamed into place, so a crash never leaves a
// half-written analysis file.
//
//   f = h5py.File("results.analysis.h5")
//   t = f["main_effects"]; t["measure"].asstr()[:], t["estimate"][:]

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "io/analysis_table.hpp"
#include "io/results_layout.hpp"

namespace partnersim::analysis {

// "<results>.analysis.h5" beside "<results>.h5".
std::filesystem::path analysis_path_for(const std::filesystem::path& results);

// Identifies one results file's contents (layout::results_identity): its `identity` attribute,
// derived for files without one. Analyses are keyed with it.
std::string results_identity(const std::filesystem::path& results);

struct StoredTable {
    AnalysisTable table;
    std::string key;
};

// Every table in an analysis file; empty if the file does not exist. Throws std::runtime_error
// naming the file if it exists but cannot be read.
std::vector<StoredTable> read_analysis_file(const std::filesystem::path& path);

// The tables `names`, in that order, if every one is stored with exactly this key; the file is
// read once for all of them.
std::optional<std::vector<AnalysisTable>> find_tables(const std::filesystem::path& path,
                                                      const std::vector<std::string>& names,
                                                      const std::string& key);

// The table `name` if stored with exactly this key.
std::optional<AnalysisTable> find_table(const std::filesystem::path& path, const std::string& name,
                                        const std::string& key);

// Adds or replaces tables by name, through a partial file and a rename, under an exclusive lock
// on the folder so concurrent commands do not lose each other's tables. Of the tables already
// stored, keeps those for which `keep` is true (all, without it): callers drop tables of other
// results this way.
void store_tables(const std::filesystem::path& path, const std::vector<StoredTable>& tables,
                  const std::function<bool(const StoredTable&)>& keep = {});

}  // namespace partnersim::analysis
