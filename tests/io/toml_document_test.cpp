// Hostile TOML never reaches toml11's recursion or escapes as a stray exception: every one is a
// ScenarioError with the file and line (issue 16). The inputs are those that crashed `check`
// (a segmentation fault, exit 139) or ended it with an uncaught exception.

#include "io/toml_document.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "io/scenario_file.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

using test::contains;

ScenarioError error_of(const std::string& text) {
    try {
        parse_toml_document(text, "hostile.toml");
    } catch (const ScenarioError& error) {
        return error;
    }
    ADD_FAILURE() << "no ScenarioError for " << text.substr(0, 80);
    return ScenarioError("", 0, "", "");
}

std::string repeated(const std::string& piece, int times) {
    std::string text;
    for (int i = 0; i < times; ++i) text += piece;
    return text;
}

TEST(TomlDocument, UnclosedBracketsAreRefusedBeforeToml11RecursesIntoThem) {
    // 200,000 unclosed `[` after a key: a segmentation fault in the release build.
    const ScenarioError error = error_of("[run]\nseed = " + std::string(200000, '['));
    EXPECT_EQ(error.line(), 2);
    EXPECT_TRUE(contains(error.what(), "nested more than 64 deep")) << error.what();
    EXPECT_TRUE(contains(error.what(), "hostile.toml:2")) << error.what();
}

TEST(TomlDocument, TextThatIsNotUtf8IsRefusedBeforeToml11ReadsPastIt) {
    // `'\xff'`: toml11 took 0xFF for the lead of a long character and read past the text (ASan
    // heap-buffer-overflow, fuzz_scenario_file; tests/fuzz/corpus/scenario keeps the input).
    const ScenarioError error = error_of("[run]\nname = '\xff'\n");
    EXPECT_EQ(error.line(), 2);
    EXPECT_TRUE(contains(error.what(), "not UTF-8 text: byte 0xFF")) << error.what();
    // A character cut short at the end of the text, and an overlong encoding, likewise.
    EXPECT_TRUE(contains(error_of("a = '\xe2\x82").what(), "byte 0xE2"));
    EXPECT_TRUE(contains(error_of("a = '\xc0\xaf'").what(), "byte 0xC0"));
    // Valid UTF-8 of every length still parses.
    EXPECT_NO_THROW(
        parse_toml_document("a = 'caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80'\n", "ok.toml"));
}

TEST(TomlDocument, DeepArraysAndInlineTablesAreRefusedWhereTheyGoTooDeep) {
    // A thousand deep overflowed the stack of an ASan build.
    const std::string arrays =
        "[run]\n\nseed = " + std::string(1000, '[') + std::string(1000, ']') + "\n";
    EXPECT_EQ(error_of(arrays).line(), 3);
    const std::string tables =
        "[run]\nseed = " + repeated("{a = ", 1000) + "1" + std::string(1000, '}') + "\n";
    EXPECT_EQ(error_of(tables).line(), 2);
}

TEST(TomlDocument, NestingUpToTheBoundParses) {
    const int depth = max_toml_depth - 1;  // the key's table header is not open here
    const std::string text = "x = " + std::string(depth, '[') + "1" + std::string(depth, ']');
    EXPECT_FALSE(toml_shape_problem(text).has_value());
    EXPECT_NO_THROW(parse_toml_document(text, "deep.toml"));
    const std::string one_more = "x = " + std::string(max_toml_depth + 1, '[');
    EXPECT_TRUE(toml_shape_problem(one_more).has_value());
}

TEST(TomlDocument, BracketsInStringsAndCommentsAreNotNesting) {
    const std::string brackets(1000, '[');
    const std::string text = "# " + brackets + "\n" + "a = \"" + brackets + "\\\"" + brackets +
                             "\"\n" + "b = '" + brackets + "'\n" + "c = \"\"\"\n" + brackets +
                             "\n\"\"\"\n" + "d = '''" + brackets + "\n" + brackets + "'''\n";
    EXPECT_FALSE(toml_shape_problem(text).has_value());
    const toml::value document = parse_toml_document(text, "strings.toml");
    EXPECT_EQ(toml::find<std::string>(document, "b"), brackets);
}

TEST(TomlDocument, ADuplicatedQuotedKeyThatLooksLikeALineNumberIsAnErrorAtItsLine) {
    // toml11 quotes the key in its message; "99999999999 | x" once read as a line number
    // overflowed std::stoi, and std::out_of_range escaped (exit 134 under the fuzzer).
    const std::string path = std::string(PARTNERSIM_SOURCE_DIR) +
                             "/tests/fuzz/corpus/scenario/"
                             "crash-duplicate-quoted-key-with-line-number.toml";
    std::ifstream in(path);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    ASSERT_FALSE(text.empty()) << path;
    const ScenarioError error = error_of(text);
    EXPECT_EQ(error.line(), 2);
    EXPECT_TRUE(contains(error.what(), "defined twice")) << error.what();
}

TEST(TomlDocument, TooBigATextIsRefusedBeforeParsing) {
    EXPECT_FALSE(toml_size_problem(max_toml_bytes).has_value());
    ASSERT_TRUE(toml_size_problem(max_toml_bytes + 1).has_value());
    EXPECT_TRUE(contains(*toml_size_problem(max_toml_bytes + 1), "at most"));
    const std::string huge(max_toml_bytes + 1, '#');
    EXPECT_TRUE(contains(error_of(huge).what(), "bytes")) << error_of(huge).what();
}

TEST(TomlDocument, AScenarioFileTooBigIsRefusedBeforeItIsRead) {
    test::TempDir dir;
    const auto path = dir / "huge.toml";
    { std::ofstream out(path); }
    std::filesystem::resize_file(path, max_toml_bytes + 1);  // sparse: no disk used
    try {
        read_scenario_text(path);
        FAIL() << "a file over the bound was read";
    } catch (const ScenarioError& error) {
        EXPECT_TRUE(contains(error.what(), "at most")) << error.what();
        EXPECT_EQ(error.file(), path.string());
    }
}

}  // namespace
}  // namespace partnersim
