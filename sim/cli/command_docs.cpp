#include "cli/command_docs.hpp"

#include <sstream>
#include <vector>

namespace partnersim {
namespace {

// The commands a person types; the hidden ones (no group) are for the build.
std::vector<const CLI::App*> visible_commands(const CLI::App& app) {
    return app.get_subcommands([](const CLI::App* sub) { return !sub->get_group().empty(); });
}

std::vector<const CLI::Option*> named_options(const CLI::App& command) {
    return command.get_options([](const CLI::Option* option) { return option->nonpositional(); });
}

std::string option_words(const CLI::App& command) {
    std::string words;
    for (const CLI::Option* option : named_options(command)) {
        for (const auto& name : option->get_snames()) words += " -" + name;
        for (const auto& name : option->get_lnames()) words += " --" + name;
    }
    return words.empty() ? words : words.substr(1);
}

// roff: a backslash is an escape, a dash is a hyphen unless escaped, and a line starting with
// a dot or a quote is a request.
std::string inline_roff(const std::string& text) {
    std::string escaped;
    for (const char c : text) {
        if (c == '\\') {
            escaped += "\\e";
        } else if (c == '-') {
            escaped += "\\-";
        } else {
            escaped += c;
        }
    }
    return escaped;
}

std::string roff(const std::string& text) {
    std::string lines;
    std::istringstream in(inline_roff(text));
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && (line[0] == '.' || line[0] == '\'')) line = "\\&" + line;
        lines += line + '\n';
    }
    return lines;
}

std::string option_synopsis(const CLI::Option& option) {
    std::string names;
    for (const auto& name : option.get_snames()) names += "\\fB\\-" + name + "\\fR";
    for (const auto& name : option.get_lnames()) {
        names += (names.empty() ? "" : ", ") + ("\\fB\\-\\-" + name + "\\fR");
    }
    if (option.get_type_size() != 0 && !option.get_type_name().empty()) {
        names += " \\fI" + inline_roff(option.get_type_name()) + "\\fR";
    }
    return names;
}

void man_command(const CLI::App& command, std::ostream& out) {
    out << ".SS " << command.get_name() << '\n' << roff(command.get_description());
    std::string usage = "partnersim " + command.get_name() + " [OPTIONS]";
    for (const CLI::Option* option :
         command.get_options([](const CLI::Option* o) { return o->get_positional(); })) {
        const std::string name = option->get_name();
        usage += option->get_required() ? " " + name : " [" + name + "]";
    }
    out << ".PP\n.B " << roff(usage);
    for (const CLI::Option* option :
         command.get_options([](const CLI::Option* o) { return o->get_positional(); })) {
        out << ".TP\n\\fI" << option->get_name() << "\\fR\n" << roff(option->get_description());
    }
    for (const CLI::Option* option : named_options(command)) {
        out << ".TP\n" << option_synopsis(*option) << '\n';
        std::string text = option->get_description();
        if (!option->get_default_str().empty())
            text += " (default: " + option->get_default_str() + ")";
        out << roff(text);
    }
    if (!command.get_footer().empty()) out << ".PP\n.nf\n" << roff(command.get_footer()) << ".fi\n";
}

}  // namespace

std::string bash_completion(const CLI::App& definition) {
    std::ostringstream out;
    std::string commands;
    for (const CLI::App* command : visible_commands(definition)) {
        commands += (commands.empty() ? "" : " ") + command->get_name();
    }
    out << "# bash completion for partnersim; made by `partnersim completion bash` from the\n"
           "# program's own definition of its commands (do not edit).\n"
           "_partnersim() {\n"
           "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" command=\"\" word options\n"
           "    for word in \"${COMP_WORDS[@]:1:COMP_CWORD-1}\"; do\n"
           "        case \"$word\" in -*) ;; *) command=\"$word\"; break ;; esac\n"
           "    done\n"
           "    case \"$command\" in\n"
           "        \"\") COMPREPLY=($(compgen -W \""
        << commands << " " << option_words(definition)
        << "\" -- \"$cur\")); return ;;\n"
           "        help) COMPREPLY=($(compgen -W \""
        << commands << "\" -- \"$cur\")); return ;;\n";
    for (const CLI::App* command : visible_commands(definition)) {
        if (command->get_name() == "help") continue;
        out << "        " << command->get_name() << ") options=\"" << option_words(*command)
            << "\" ;;\n";
    }
    out << "        *) options=\"\" ;;\n"
           "    esac\n"
           "    if [[ \"$cur\" == -* ]]; then\n"
           "        COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n"
           "    else\n"
           "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
           "    fi\n"
           "}\n"
           "complete -o filenames -o bashdefault -F _partnersim partnersim\n";
    return out.str();
}

std::string man_page(const CLI::App& definition) {
    std::ostringstream out;
    out << ".\\\" partnersim(1), made by `partnersim man` from the program's own definition of\n"
           ".\\\" its commands (do not edit).\n"
        << ".TH PARTNERSIM 1 \"\" \"partnersim " << PARTNERSIM_VERSION << "\" \"User Commands\"\n"
        << ".SH NAME\npartnersim \\- "
        << roff(definition.get_description().substr(definition.get_description().find(": ") + 2))
        << ".SH SYNOPSIS\n.B partnersim\n\\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIARGUMENTS\\fR]\n"
        << ".br\n.B partnersim\n\\fBhelp\\fR [\\fICOMMAND\\fR]\n"
        << ".SH OPTIONS\n";
    for (const CLI::Option* option : named_options(definition)) {
        out << ".TP\n" << option_synopsis(*option) << '\n' << roff(option->get_description());
    }
    out << ".SH COMMANDS\n";
    for (const CLI::App* command : visible_commands(definition)) man_command(*command, out);
    out << ".SH EXIT STATUS\n"
           ".TP\n0\ndone\n"
           ".TP\n1\na failure the input does not explain (e.g. a full disk)\n"
           ".TP\n2\nbad input: a scenario mistake, a bad option value, a missing or unreadable "
           "input file, an output that exists without \\fB\\-\\-force\\fR\n"
           ".TP\n130\ninterrupted (Ctrl\\-C or SIGTERM); a run keeps its finished runs for "
           "\\fB\\-\\-resume\\fR\n"
           ".SH SEE ALSO\nThe README and docs/ of the partnersim source tree.\n";
    return out.str();
}

}  // namespace partnersim
