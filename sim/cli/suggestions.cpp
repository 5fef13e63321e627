#include "cli/suggestions.hpp"

#include "model/edit_distance.hpp"

namespace partnersim {
namespace {

// The commands a person is shown (the hidden ones that the build uses are not suggested).
std::vector<std::string> command_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* sub :
         app.get_subcommands([](const CLI::App* sub) { return !sub->get_group().empty(); })) {
        names.push_back(sub->get_name());
    }
    return names;
}

const CLI::App* command_named(const CLI::App& app, const std::string& word) {
    const auto found =
        app.get_subcommands([&](const CLI::App* sub) { return sub->check_name(word); });
    return found.empty() ? nullptr : found.front();
}

std::vector<std::string> long_options(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::Option* option : app.get_options()) {
        for (const auto& name : option->get_lnames()) names.push_back("--" + name);
    }
    return names;
}

std::string did_you_mean(const std::string& typed, const std::vector<std::string>& known) {
    const auto near = nearest_name(typed, known);
    return near ? "; did you mean '" + *near + "'?" : "";
}

// An option's value that begins with a dash, such as "-1", is not an option name.
bool names_a_long_option(const std::string& word) {
    return word.size() > 2 && word.compare(0, 2, "--") == 0;
}

std::optional<std::string> unknown_option(const CLI::App& app, const std::string& word,
                                          const std::string& where) {
    const std::string name = word.substr(0, word.find('='));
    if (app.get_option_no_throw(name) != nullptr) return std::nullopt;
    return "unknown option '" + name + "'" + where + did_you_mean(name, long_options(app));
}

}  // namespace

std::optional<std::string> nearest_name(const std::string& typed,
                                        const std::vector<std::string>& known) {
    std::optional<std::string> best;
    std::size_t best_distance = 0;
    std::vector<std::string> extended;  // the names `typed` begins
    for (const auto& name : known) {
        if (name.size() > typed.size() && name.compare(0, typed.size(), typed) == 0) {
            extended.push_back(name);
        }
        const std::size_t distance = edit_distance(typed, name);
        if (!best || distance < best_distance) {
            best = name;
            best_distance = distance;
        }
    }
    // A slip is one or two keys in a word (a third for long names); more is another word.
    const std::size_t bare = typed.size() - (typed.rfind("--", 0) == 0 ? 2 : 0);
    const std::size_t slips = bare >= 12 ? 3 : bare >= 4 ? 2 : 1;
    if (best && best_distance <= slips) return best;
    if (extended.size() == 1) return extended.front();
    return std::nullopt;
}

std::optional<std::string> unknown_word(const CLI::App& definition,
                                        const std::vector<std::string>& args) {
    const CLI::App* command = nullptr;
    for (const auto& word : args) {
        if (word == "--") break;  // what follows is positional, whatever it looks like
        if (command == nullptr) {
            if (names_a_long_option(word)) {
                if (auto unknown = unknown_option(definition, word, "")) return unknown;
                continue;
            }
            if (word.rfind('-', 0) == 0) continue;  // a short option: CLI11 checks those
            const CLI::App* sub = command_named(definition, word);
            if (sub == nullptr) {
                return "unknown command '" + word + "'" +
                       did_you_mean(word, command_names(definition)) +
                       " (`partnersim help` lists them)";
            }
            command = sub;
        } else if (names_a_long_option(word)) {
            if (auto unknown =
                    unknown_option(*command, word, " of '" + command->get_name() + "'")) {
                return unknown;
            }
        }
    }
    return std::nullopt;
}

}  // namespace partnersim
