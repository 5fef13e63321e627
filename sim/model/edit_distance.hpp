#pragma once
// How far a typed name is from a known one, behind every "did you mean ...?": scenario keys and
// choices (model/parameters.hpp), measure names (analysis, io), commands and options (cli).
// Here because the parameter registry, the lowest floor that suggests names, needs it.

#include <cstddef>
#include <string_view>

namespace partnersim {

// Optimal string alignment distance: the fewest insertions, deletions, substitutions and swaps
// of two adjacent characters turning a into b, no substring edited twice. A swap counts once
// ("chekc" is 1 from "check", 2 by Levenshtein's count), as it is one slip of the fingers.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace partnersim
