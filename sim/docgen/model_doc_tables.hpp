#pragma once
// The tables of docs/model.md that are generated, not written: the parameter registry's
// settings and model constants (section 8) and the measures table (section 10). Each lives in
// the document between a pair of markers,
//     <!-- generated: NAME (partnersim_doc_tables; edit the registry, not this) -->
//     ...
//     <!-- end generated: NAME -->
// and `partnersim_doc_tables` rewrites what is between them (cmake --build build --target
// model_doc) or checks that it is current (the CTest ModelDocTablesAreCurrent).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace partnersim::docgen {

struct GeneratedBlock {
    std::string name;     // "settings", "model_constants", "measures", "measure_limits"
    std::string content;  // markdown, ending in a newline
};

// Every block, from the registry and the measures table as built.
std::vector<GeneratedBlock> model_doc_blocks();

std::string begin_marker(std::string_view name);
std::string end_marker(std::string_view name);

struct SpliceResult {
    std::string document;              // with every block's content replaced
    std::vector<std::string> missing;  // blocks whose markers the document lacks
    std::vector<std::string> changed;  // blocks whose content differed
};

// Replaces what is between each block's markers; blocks without markers are reported, not
// added.
SpliceResult splice(std::string_view document, const std::vector<GeneratedBlock>& blocks);

}  // namespace partnersim::docgen
