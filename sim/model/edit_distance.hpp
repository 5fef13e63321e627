#pragma once
// How far a typed name is from a known one, behind every "did you mean ...?": scenario keys and
// choices (model/parameters.hpp), measure names (analysis, io), commands and options (cli).
// Here because the parameter registry, the lowest floor that suggests names, needs it.

#include <cstddef>
#include <optional>
#include <string_view>

namespace partnersim {

// Optimal string alignment distance: the fewest insertions, deletions, substitutions and swaps
// of two adjacent characters turning a into b, no substring edited twice. A swap counts once
// ("chekc" is 1 from "check", 2 by Levenshtein's count), as it is one slip of the fingers.
std::size_t edit_distance(std::string_view a, std::string_view b);

// edit_distance(a, b) when it is at most limit, nothing when it is beyond. For a caller that
// only asks whether a name is close enough: it fills only the cells within limit of the table's
// diagonal and stops at a row wholly beyond, so a long typed word costs its length times the
// limit, not times each name's length.
std::optional<std::size_t> edit_distance_within(std::string_view a, std::string_view b,
                                                std::size_t limit);

// The "did you mean" of a plain list of names: the name fewest edits from `typed` (the first
// of those, in the list's order) when that is at most `limit`, nothing otherwise. Each name is
// asked only within what could still beat the best so far. (The parameter registry's own
// search, which also weighs sections and shortenings, is `nearest` in model/parameters.cpp.)
template <typename Names>
std::optional<std::string_view> closest_name(std::string_view typed, const Names& names,
                                             std::size_t limit) {
    std::optional<std::string_view> best;
    for (const auto& name : names) {
        const auto distance = edit_distance_within(typed, name, limit);
        if (!distance) continue;
        best = name;
        if (*distance == 0) break;
        limit = *distance - 1;  // a later name must be strictly closer
    }
    return best;
}

// How far a typo may be from a name to be suggested: three edits, or a third of a long word.
inline std::size_t suggestion_limit(std::string_view typed) {
    return typed.size() / 3 > 3 ? typed.size() / 3 : 3;
}

}  // namespace partnersim
