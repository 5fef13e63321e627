#pragma once
// Files that come with partnersim (the claims ledger, the calibration targets, the report's
// scripts), found beside the program rather than at a path compiled in, so a copied or moved
// build, a clone built elsewhere, or an installed program never reads another tree's files
// without saying so. A file is named by its path in the source tree (e.g. "docs/claims.toml");
// `cmake --install` puts the same tree under share/partnersim, so the ledger's relative paths
// to scenarios hold in both. Looked for, from the program's folder up, as
//   <folder>/<name>                     the source tree a build folder sits in (build/sim/..)
//   <folder>/share/partnersim/<name>    an install prefix (bin/partnersim)
// and, when none is there, an InputError that says where it looked and which option to give.

#include <filesystem>
#include <optional>
#include <string_view>

namespace partnersim::app {

// This program's own path (/proc/self/exe); empty where the system does not say.
std::filesystem::path program_path();

// The bundled file `name` (e.g. "docs/claims.toml") for the program at `program`, or nothing.
std::optional<std::filesystem::path> find_bundled_file(const std::filesystem::path& program,
                                                       std::string_view name);

// The same, but throws InputError naming the folders searched and `option` (the option that
// gives the file instead).
std::filesystem::path bundled_file(const std::filesystem::path& program, std::string_view name,
                                   std::string_view option);

}  // namespace partnersim::app
