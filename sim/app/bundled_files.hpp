#pragma once
// Files that come with partnersim (the claims ledger), found beside the program rather than at
// a path compiled in, so a copied or moved build, or a clone built elsewhere, never reads
// another tree's ledger without saying so. Looked for, from the program's folder up, as
//   <folder>/docs/<name>                the source tree a build folder sits in (build/sim/..)
//   <folder>/share/partnersim/<name>    an install prefix (bin/partnersim)
// and, when none is there, an InputError that says where it looked and which option to give.

#include <filesystem>
#include <string_view>

namespace partnersim::app {

// This program's own path (/proc/self/exe); empty where the system does not say.
std::filesystem::path program_path();

// The bundled file `name` (e.g. "claims.toml") for the program at `program`; throws
// InputError naming the folders searched and `option` (the option that gives it instead).
std::filesystem::path bundled_file(const std::filesystem::path& program, std::string_view name,
                                   std::string_view option);

}  // namespace partnersim::app
