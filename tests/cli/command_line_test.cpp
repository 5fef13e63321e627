// The definition of the command line (cli/app.hpp) and what is made from it: did-you-mean
// (cli/suggestions.hpp), the examples of --help, the man page and the bash completion
// (cli/command_docs.hpp). The program as typed is tested in app_test.

#include <gtest/gtest.h>
#include <CLI/CLI.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "cli/command_docs.hpp"
#include "cli/suggestions.hpp"
#include "support/subprocess.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

using test::contains;

std::vector<const CLI::App*> visible_commands(const CLI::App& app) {
    return app.get_subcommands([](const CLI::App* sub) { return !sub->get_group().empty(); });
}

std::vector<std::string> long_names(const CLI::App& command) {
    std::vector<std::string> names;
    for (const CLI::Option* option : command.get_options()) {
        for (const auto& name : option->get_lnames()) names.push_back(name);
    }
    return names;
}

// "a 'b c' d" as a shell splits it (single and double quotes, no escapes: enough for examples).
std::vector<std::string> shell_words(const std::string& line) {
    std::vector<std::string> words;
    std::string word;
    char quote = 0;
    bool in_word = false;
    for (const char c : line) {
        if (quote != 0) {
            if (c == quote) {
                quote = 0;
            } else {
                word += c;
            }
        } else if (c == '\'' || c == '"') {
            quote = c;
            in_word = true;
        } else if (c == ' ') {
            if (in_word) words.push_back(word);
            word.clear();
            in_word = false;
        } else {
            word += c;
            in_word = true;
        }
    }
    if (in_word) words.push_back(word);
    return words;
}

TEST(Suggestions, NearestNameIsASlipNotAnotherWord) {
    const std::vector<std::string> commands = {"run", "check", "plan", "summary", "validate"};
    EXPECT_EQ(nearest_name("runn", commands), "run");
    EXPECT_EQ(nearest_name("chekc", commands), "check");  // a swap counts once
    EXPECT_EQ(nearest_name("sumary", commands), "summary");
    EXPECT_EQ(nearest_name("simulate", commands), std::nullopt);
    EXPECT_EQ(nearest_name("x", commands), std::nullopt);
    EXPECT_EQ(nearest_name("--replicate", {"--replicates", "--resume", "--seed"}), "--replicates");
    EXPECT_EQ(nearest_name("--rep", {"--replicates", "--resume"}), "--replicates")
        << "the one name it begins";
    EXPECT_EQ(nearest_name("--re", {"--replicates", "--resume"}), std::nullopt) << "two begin so";
}

TEST(Suggestions, UnknownWordsAreNamedWithTheNearestKnownOne) {
    const CommandLine command_line;
    const CLI::App& app = command_line.definition();
    EXPECT_EQ(unknown_word(app, {"runn", "x.toml"}),
              "unknown command 'runn'; did you mean 'run'? (`partnersim help` lists them)");
    EXPECT_EQ(unknown_word(app, {"run", "x.toml", "-o", "r.h5", "--replicate", "5"}),
              "unknown option '--replicate' of 'run'; did you mean '--replicates'?");
    EXPECT_EQ(unknown_word(app, {"run", "--helpp"}),
              "unknown option '--helpp' of 'run'; did you mean '--help'?");
    EXPECT_EQ(unknown_word(app, {"compare", "a.toml", "--set-baselin=x=1"}),
              "unknown option '--set-baselin' of 'compare'; did you mean '--set-baseline'?");
    // Known words, values that start with a dash, and anything after "--" pass.
    EXPECT_EQ(unknown_word(app, {"run", "x.toml", "-o", "r.h5", "--threads", "-1"}), std::nullopt);
    EXPECT_EQ(unknown_word(app, {"run", "x.toml", "--output=r.h5", "--", "--odd-name"}),
              std::nullopt);
    EXPECT_EQ(unknown_word(app, {"--version"}), std::nullopt);
    EXPECT_EQ(unknown_word(app, {"--verison"}),
              "unknown option '--verison'; did you mean '--version'?");
}

// Every command a person sees has an example at the foot of its help, and the example uses only
// the command's own options (so it cannot drift from them).
TEST(CommandLine, EveryCommandHasAnExampleThatUsesItsOwnOptions) {
    const CommandLine command_line;
    const CLI::App& app = command_line.definition();
    ASSERT_GE(visible_commands(app).size(), 16u);
    for (const CLI::App* command : visible_commands(app)) {
        SCOPED_TRACE(command->get_name());
        const std::string footer = command->get_footer();
        const std::string prefix = "Example:\n  partnersim " + command->get_name();
        ASSERT_TRUE(footer.starts_with(prefix)) << footer;
        const std::vector<std::string> words = shell_words(footer.substr(footer.find('\n') + 3));
        ASSERT_EQ(words.front(), "partnersim");
        EXPECT_EQ(unknown_word(app, {words.begin() + 1, words.end()}), std::nullopt) << footer;
    }
}

// Generated from the definition: a test that lists the options would drift with them, so this
// walks the definition and asks for each name in each text.
TEST(CommandDocs, ManPageAndCompletionNameEveryCommandAndOption) {
    const CommandLine command_line;
    const CLI::App& app = command_line.definition();
    const std::string man = man_page(app);
    const std::string bash = bash_completion(app);
    for (const CLI::App* command : visible_commands(app)) {
        SCOPED_TRACE(command->get_name());
        EXPECT_TRUE(contains(man, ".SS " + command->get_name() + "\n"));
        EXPECT_TRUE(contains(man, "Example:")) << "the examples are in the man page too";
        const std::string& command_name = command->get_name();
        EXPECT_TRUE(contains(bash, " " + command_name + " ") ||
                    contains(bash, "\"" + command_name + " "));
        for (const std::string& name : long_names(*command)) {
            SCOPED_TRACE(name);
            EXPECT_TRUE(contains(man, "\\fB\\-\\-" + name + "\\fR"));
            if (command->get_name() != "help") {
                EXPECT_TRUE(contains(bash, command->get_name() + ") options=\"")) << bash;
                EXPECT_TRUE(contains(bash, "--" + name + " ") ||
                            contains(bash, "--" + name + "\""));
            }
        }
    }
    EXPECT_FALSE(contains(man, ".SS completion")) << "the build's own commands stay hidden";
    EXPECT_TRUE(contains(man, ".SH EXIT STATUS\n.TP\n0\n"));
    EXPECT_TRUE(contains(man, ".TP\n130\n"));
}

// The completion as bash runs it: the commands, then the options of the command typed.
TEST(CommandDocs, BashCompletesCommandsAndTheirOptions) {
    const CommandLine command_line;
    test::TempDir dir;
    const auto script = dir / "partnersim.bash";
    test::write_text_file(script, bash_completion(command_line.definition()));
    const auto complete = [&](const std::string& words, int current) {
        const std::string program = "source '" + script.string() + "'; COMP_WORDS=(" + words +
                                    "); COMP_CWORD=" + std::to_string(current) +
                                    "; _partnersim; echo \"${COMPREPLY[*]}\"";
        const test::ProcessResult result = test::run_process({"/bin/bash", "-c", program});
        EXPECT_EQ(result.exit_code, 0) << result.err;
        return result.out;
    };
    EXPECT_EQ(complete("partnersim ru", 1), "run\n");
    EXPECT_EQ(complete("partnersim run x.toml --rep", 3), "--replicates\n");
    EXPECT_EQ(complete("partnersim summary --", 2), "--help\n");
    EXPECT_EQ(complete("partnersim help val", 2), "validate\n");
}

}  // namespace
}  // namespace partnersim
