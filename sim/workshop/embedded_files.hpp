#pragma once
// Files built into the binary (cmake/embed_files.cmake): the workshop page with its script,
// style and vendored chart library, and the bundled scenarios. Nothing the workshop serves is
// read from disk or fetched at run time.

#include <span>
#include <string_view>

namespace partnersim::workshop {

struct EmbeddedFile {
    std::string_view path;  // relative to its folder: "index.html", "archetypes/sense_maker.toml"
    std::string_view bytes;
};

// sim/workshop/web, without node_modules and the package files.
std::span<const EmbeddedFile> web_files();
// scenarios/default.toml, scenarios/archetypes/*.toml and scenarios/cases/*.toml.
std::span<const EmbeddedFile> scenario_files();

// The file at `path`, or nullptr.
const EmbeddedFile* find_file(std::span<const EmbeddedFile> files, std::string_view path);

}  // namespace partnersim::workshop
