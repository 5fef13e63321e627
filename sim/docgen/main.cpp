// partnersim_doc_tables: regenerates (--write) or checks (--check) the generated tables of
// docs/model.md from the parameter registry and the measures table. Exit 0 current/written,
// 1 out of date (--check), 2 bad use or a document without the markers.

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "docgen/model_doc_tables.hpp"

namespace {

int usage() {
    std::cerr << "usage: partnersim_doc_tables --check|--write docs/model.md\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace partnersim::docgen;
    if (argc != 3) return usage();
    const std::string mode = argv[1];
    const std::string path = argv[2];
    if (mode != "--check" && mode != "--write") return usage();
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "partnersim_doc_tables: cannot read " << path << "\n";
        return 2;
    }
    std::ostringstream text;
    text << in.rdbuf();
    const SpliceResult result = splice(text.str(), model_doc_blocks());
    if (!result.missing.empty()) {
        for (const auto& name : result.missing) {
            std::cerr << path << ": no generated block '" << name << "' (expected the line "
                      << begin_marker(name) << " and later " << end_marker(name) << ")\n";
        }
        return 2;
    }
    if (mode == "--check") {
        if (result.changed.empty()) return 0;
        for (const auto& name : result.changed) {
            std::cerr << path << ": the generated table '" << name
                      << "' is out of date with the registry or the measures table\n";
        }
        std::cerr << "regenerate it with: cmake --build build --target model_doc\n";
        return 1;
    }
    if (result.changed.empty()) return 0;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << result.document;
    if (!out) {
        std::cerr << "partnersim_doc_tables: cannot write " << path << "\n";
        return 2;
    }
    std::cout << "updated " << path << ":";
    for (const auto& name : result.changed) std::cout << " " << name;
    std::cout << "\n";
    return 0;
}
