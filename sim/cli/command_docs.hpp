#pragma once
// The man page and the bash completion of `partnersim`, made from the CLI11 definition of its
// commands (cli/app.hpp) so that neither can name an option the program does not have, or miss
// one it has. The build writes both with the built program (`partnersim man`, `partnersim
// completion bash`, hidden commands) and installs them.

#include <CLI/CLI.hpp>
#include <string>

namespace partnersim {

// A bash script defining `_partnersim` and `complete -F _partnersim partnersim`: commands, then
// each command's options, then files.
std::string bash_completion(const CLI::App& definition);

// partnersim(1) in roff: every visible command with its options, defaults and example, and the
// exit codes.
std::string man_page(const CLI::App& definition);

}  // namespace partnersim
