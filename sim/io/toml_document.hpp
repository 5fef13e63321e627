#pragma once
// A TOML text parsed into a document, safely: the one way io hands text to toml11. toml11
// recurses once per level of nested arrays and inline tables and throws exceptions of several
// kinds, so a hostile file (200,000 unclosed `[`, arrays nested a thousand deep) would overflow
// the stack or escape as an uncaught exception. Here the text's size and nesting depth are
// bounded before toml11 sees it, and every exception of the parser becomes a ScenarioError
// naming the file and line. Internal to io (it includes toml11).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <toml.hpp>

namespace partnersim {

// The largest TOML text read (the claims ledger, the largest real one, is about 110 KB; a sweep
// of 10^5 grid levels about 1 MB).
inline constexpr std::size_t max_toml_bytes = std::size_t{8} << 20;
// The deepest nesting of arrays, inline tables and table headers accepted. Real files nest at
// most 3 deep; 64 levels of toml11's recursion fit in any thread's stack, sanitizers included.
inline constexpr int max_toml_depth = 64;

struct TomlShapeProblem {
    int line = 0;
    std::string message;
};

// Why a text of this many bytes is too big to read, or nullopt.
std::optional<std::string> toml_size_problem(std::uintmax_t bytes);

// Why the text is too big or too deeply nested to parse, or nullopt. Scans brackets and braces
// outside strings and comments, without recursion.
std::optional<TomlShapeProblem> toml_shape_problem(std::string_view text);

// The document, or a ScenarioError(file, line, "", "malformed TOML: ...") that fits one line.
toml::value parse_toml_document(std::string_view text, const std::string& file);

}  // namespace partnersim
