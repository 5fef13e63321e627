#pragma once
// Did-you-mean for the command line: a sub-command or long option that is not defined, named
// with the nearest one that is. CLI11 2.1 has no suggestions and reports an unknown option late
// ("The following arguments were not expected", or "scenario is required" for `run --helpp`),
// so the words are checked against the definition before it parses them.

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace partnersim {

// The nearest of `known` to `typed` by edit distance (a swap of two letters counts once), if it
// is close enough to be a slip rather than another word; or the one name `typed` begins.
std::optional<std::string> nearest_name(const std::string& typed,
                                        const std::vector<std::string>& known);

// What is wrong with `args` (argv without the program) that the definition does not know: the
// first unknown sub-command or long option, as a message with a suggestion when one is near.
// Values of options are not checked (CLI11 does that, with the option's own check).
std::optional<std::string> unknown_word(const CLI::App& definition,
                                        const std::vector<std::string>& args);

}  // namespace partnersim
