#pragma once
// Checks of numeric options that say their range in words: "--threads must be between 0 and 64
// (not -1)". CLI11's Range and NonNegativeNumber print the limits of the type they check against
// (a 309-digit double for "0 or more"), so every bounded option of sim/cli uses these instead.

#include <CLI/CLI.hpp>
#include <charconv>
#include <limits>
#include <sstream>
#include <string>
#include <type_traits>

namespace partnersim {

namespace option_checks_detail {

template <class T>
bool parsed(const std::string& text, T& value) {
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    return error == std::errc{} && stop == end;
}

template <class T>
std::string words(T value) {
    std::ostringstream text;
    text << value;  // a double as "1e-09" or "0.5", never with six trailing zeros
    return text.str();
}

template <class T>
CLI::Validator checked(T low, T high, const std::string& range, const std::string& shown) {
    const std::string kind = std::is_integral_v<T> ? "a whole number" : "a number";
    return CLI::Validator(
        [=](std::string& text) -> std::string {
            T value{};
            if (parsed(text, value) && value >= low && value <= high) return {};
            return "must be " + kind + range + " not " + text;
        },
        shown);
}

}  // namespace option_checks_detail

// `low <= value <= high`.
template <class T>
CLI::Validator between(T low, T high) {
    using option_checks_detail::words;
    return option_checks_detail::checked(low, high,
                                         " between " + words(low) + " and " + words(high) + ",",
                                         words(low) + " to " + words(high));
}

// `low <= value`, with no upper limit but the type's.
template <class T>
CLI::Validator at_least(T low) {
    using option_checks_detail::words;
    return option_checks_detail::checked(low, std::numeric_limits<T>::max(),
                                         ", " + words(low) + " or more,", words(low) + " or more");
}

// CLI11 reports a failed check as "--threads: must be ...": the same sentence without the colon.
std::string worded(const CLI::ParseError& error);

}  // namespace partnersim
