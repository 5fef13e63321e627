#include "io/toml_document.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <exception>
#include <sstream>
#include <utility>
#include <vector>

#include "io/scenario_file.hpp"
#include "io/toml_values.hpp"

namespace partnersim {
namespace {

// ---------------------------------------------------------------------------------------------
// Size and depth, before toml11. A lexical scan: strings and comments are skipped (a `[` in a
// string is no nesting), everything else that opens or closes an array, an inline table or a
// table header counts. Unbalanced text is left for toml11 to report, as long as it is shallow.

class DepthScan {
public:
    explicit DepthScan(std::string_view text) : text_(text) {}

    std::optional<TomlShapeProblem> run() {
        while (at_ < text_.size()) {
            const char c = text_[at_];
            if (c == '\n') ++line_;
            if (c == '#') {
                skip_to_line_end();
            } else if (c == '"' || c == '\'') {
                skip_string(c);
            } else if (c == '[' || c == '{') {
                if (++depth_ > max_toml_depth) return too_deep();
                ++at_;
            } else {
                if ((c == ']' || c == '}') && depth_ > 0) --depth_;
                ++at_;
            }
        }
        return std::nullopt;
    }

private:
    TomlShapeProblem too_deep() const {
        return {line_, "arrays, inline tables or table headers nested more than " +
                           std::to_string(max_toml_depth) + " deep"};
    }

    bool starts(std::string_view token) const { return text_.substr(at_).starts_with(token); }

    void skip_to_line_end() {
        while (at_ < text_.size() && text_[at_] != '\n') ++at_;
    }

    // A basic ("...", escapes) or literal ('...') string, one line or three-quoted multi-line.
    void skip_string(char quote) {
        const std::string triple(3, quote);
        const bool multi_line = starts(triple);
        at_ += multi_line ? 3 : 1;
        while (at_ < text_.size()) {
            const char c = text_[at_];
            if (c == '\\' && quote == '"') {
                at_ += 2;
                continue;
            }
            if (c == '\n') {
                if (!multi_line) return;  // an unterminated string: toml11 says so
                ++line_;
            }
            if (multi_line ? starts(triple) : c == quote) {
                at_ += multi_line ? 3 : 1;
                return;
            }
            ++at_;
        }
    }

    std::string_view text_;
    std::size_t at_ = 0;
    int line_ = 1;
    int depth_ = 0;
};

struct SyntaxReport {
    std::string headline;
    std::vector<std::pair<int, std::string>> notes;   // (line, note) in message order
    std::vector<std::pair<int, std::string>> quoted;  // (line, source text)
};

std::string clean_headline(std::string line) {
    if (line.starts_with("[error]")) line = trim(std::string_view(line).substr(7));
    if (line.starts_with("toml::")) {
        // The parser function's name means nothing to a user.
        const auto colon = line.find(": ");
        line = colon == std::string::npos ? std::string() : line.substr(colon + 2);
    }
    if (line.starts_with("bad format: ")) line = line.substr(12);
    line = trim(line);
    while (!line.empty() && line.back() == '.') line.pop_back();
    return line;
}

// A quoted source line looks like " 12 | text"; a note line like "    |   ^--- note".
std::optional<int> quoted_line_number(std::string_view line, std::string_view& source) {
    const auto bar = line.find(" | ");
    if (bar == std::string_view::npos) return std::nullopt;
    const std::string number = trim(line.substr(0, bar));
    const auto is_digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    if (number.empty() || !std::all_of(number.begin(), number.end(), is_digit)) {
        return std::nullopt;
    }
    // A quoted key can put any text in toml11's message, digits past int's range included
    // (std::stoi threw std::out_of_range on them): such a line is no line number.
    int value = 0;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (error != std::errc() || end != number.data() + number.size()) return std::nullopt;
    source = line.substr(bar + 3);
    return value;
}

std::optional<std::string> note_text(std::string_view line) {
    const auto bar = line.find('|');
    if (bar == std::string_view::npos || !trim(line.substr(0, bar)).empty()) return std::nullopt;
    std::string rest = trim(line.substr(bar + 1));
    if (rest.empty() || (rest.front() != '^' && rest.front() != '~')) return std::nullopt;
    const auto text_start = rest.find_first_not_of("^~- ");
    return text_start == std::string::npos ? std::string() : rest.substr(text_start);
}

SyntaxReport read_syntax_report(std::string_view what) {
    SyntaxReport report;
    std::istringstream lines{std::string(what)};
    std::string line;
    std::getline(lines, line);
    report.headline = clean_headline(line);
    int current = 0;
    while (std::getline(lines, line)) {
        std::string_view source;
        if (const auto number = quoted_line_number(line, source)) {
            current = *number;
            report.quoted.emplace_back(current, std::string(source));
        } else if (auto note = note_text(line)) {
            if (!note->empty() && *note != "here") report.notes.emplace_back(current, *note);
        }
    }
    return report;
}

bool is_bare_word(std::string_view word) {
    if (word.empty() || !std::isalpha(static_cast<unsigned char>(word.front()))) return false;
    const bool word_chars = std::all_of(word.begin(), word.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
    return word_chars && word != "true" && word != "false" && word != "inf" && word != "nan";
}

// `duration = open_ended` is the most likely malformed line in a scenario file: say so.
std::string unquoted_choice_hint(const SyntaxReport& report, int error_line) {
    for (const auto& [number, source] : report.quoted) {
        if (number != error_line) continue;
        const auto equals = source.find('=');
        if (equals == std::string::npos) continue;
        const std::string value = trim(std::string_view(source).substr(equals + 1));
        const std::string word = trim(value.substr(0, value.find('#')));
        if (is_bare_word(word)) {
            return "; a choice is a string and needs quotes: \"" + word + "\"";
        }
    }
    return {};
}

std::string condense_syntax_error(const SyntaxReport& report, int error_line) {
    std::vector<std::string> notes;
    const bool several_lines =
        std::any_of(report.notes.begin(), report.notes.end(),
                    [&](const auto& note) { return note.first != report.notes.front().first; });
    for (const auto& [number, note] : report.notes) {
        if (note == report.headline) continue;
        notes.push_back(several_lines ? "line " + std::to_string(number) + ": " + note : note);
    }
    std::string main = report.headline;
    if (main.empty() && !notes.empty()) {
        main = notes.front();
        notes.erase(notes.begin());
    }
    if (main.empty()) main = "cannot be read as TOML";
    std::string message = "malformed TOML: " + main;
    if (!notes.empty()) message += " (" + join(notes, "; ") + ")";
    return message + unquoted_choice_hint(report, error_line);
}

}  // namespace

std::optional<std::string> toml_size_problem(std::uintmax_t bytes) {
    if (bytes <= max_toml_bytes) return std::nullopt;
    return "the file is " + std::to_string(bytes) + " bytes; a TOML file may have at most " +
           std::to_string(max_toml_bytes) + " bytes";
}

namespace {

// TOML is UTF-8 (TOML 1.0, "Spec"), and toml11 trusts a lead byte's length: on a byte such as
// 0xFF inside a string it read past the end of the text (ASan, fuzz_scenario_file, issue 16).
// So the text is checked before toml11 sees it: the first byte that starts no valid sequence.
std::optional<TomlShapeProblem> utf8_problem(std::string_view text) {
    int line = 1;
    std::size_t at = 0;
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    while (at < text.size()) {
        const unsigned char lead = byte(at);
        if (lead == '\n') ++line;
        std::size_t length = 1;
        unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) low = 0xA0;
            if (lead == 0xED) high = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) low = 0x90;
            if (lead == 0xF4) high = 0x8F;
        } else if (lead >= 0x80) {
            length = 0;
        }
        bool valid = length != 0 && at + length <= text.size();
        for (std::size_t i = 1; valid && i < length; ++i) {
            const unsigned char next = byte(at + i);
            valid = i == 1 ? next >= low && next <= high : next >= 0x80 && next <= 0xBF;
        }
        if (!valid) {
            static const char digits[] = "0123456789ABCDEF";
            return TomlShapeProblem{line, std::string("not UTF-8 text: byte 0x") +
                                              digits[lead >> 4] + digits[lead & 0xF] +
                                              " starts no UTF-8 character"};
        }
        at += length;
    }
    return std::nullopt;
}

}  // namespace

std::optional<TomlShapeProblem> toml_shape_problem(std::string_view text) {
    if (auto problem = toml_size_problem(text.size())) return TomlShapeProblem{0, *problem};
    if (auto problem = utf8_problem(text)) return problem;
    return DepthScan(text).run();
}

toml::value parse_toml_document(std::string_view text, const std::string& file) {
    if (const auto problem = toml_shape_problem(text)) {
        throw ScenarioError(file, problem->line, "", "malformed TOML: " + problem->message);
    }
    std::istringstream in{std::string(text)};
    try {
        return toml::parse(in, file);
    } catch (const toml::exception& error) {
        // toml11 leaves its location at the offending line (for a key defined twice, the second
        // definition); the message's first quoted line is the fallback.
        const SyntaxReport report = read_syntax_report(error.what());
        int line = static_cast<int>(error.location().line());
        if (line <= 0 && !report.quoted.empty()) line = report.quoted.front().first;
        throw ScenarioError(file, line, "", condense_syntax_error(report, line));
    } catch (const std::exception& error) {
        // toml11 fails inside its own error reporting on some inputs (a quoted key with a
        // newline defined twice throws std::out_of_range): still malformed TOML, located as
        // far as we can.
        throw ScenarioError(file, 0, "",
                            std::string("malformed TOML: cannot be read (") + error.what() + ")");
    }
}

}  // namespace partnersim
