#pragma once
// The small vocabulary scenario files and their [sweep] share for reading TOML values and
// saying what was found: where a value is, what it is in words, and a parameter value from it.
// Internal to io (it includes toml11).

#include <optional>
#include <string>
#include <string_view>
#include <toml.hpp>
#include <utility>
#include <vector>

#include "model/parameters.hpp"

namespace partnersim {

using TomlEntry = std::pair<const std::string, toml::value>;

// The line a value was written on.
int line_of(const toml::value& value);

// A table's entries in the order of the file (the table itself is unordered), so the first
// mistake in the file is the one reported, deterministically.
std::vector<const TomlEntry*> in_file_order(const toml::table& table);

// A real as the shortest text that reads back to it; integral values as "20000.0".
std::string format_real(double value);

// The value as written, for messages: 3, 0.5, true, "text"; or "an array", "a table".
std::string value_text(const toml::value& value);
// The same with its type: "the integer 3", "the string \"text\"", "an array".
std::string describe(const toml::value& value);

// "a number", "an integer", "a boolean", "a choice".
std::string kind_noun(ParameterKind kind);

// A scalar (integer, float, boolean, string) as a parameter value; nullopt for anything else.
std::optional<ParameterValue> parameter_value_of(const toml::value& value);

// The text without leading and trailing blanks (spaces, tabs, line ends).
std::string trim(std::string_view text);
// The items with `separator` between them.
std::string join(const std::vector<std::string>& items, std::string_view separator);

}  // namespace partnersim
