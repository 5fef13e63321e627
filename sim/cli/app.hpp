#pragma once
// The `partnersim` command line: its sub-commands and their options (exit codes:
// cli/exit_code.hpp).

#include <memory>

#include "cli/exit_code.hpp"

namespace CLI {
class App;
}

namespace partnersim {

class RunDistribution;

// The definition of every sub-command and option (CLI11), with the values parsing fills in.
// The help, the man page and the bash completion are all made from it, so they cannot differ.
class CommandLine {
public:
    // `distribution`: the ranks of the MPI program (sim/mpi/main.cpp) that `run` spreads over.
    explicit CommandLine(RunDistribution* distribution = nullptr);
    ~CommandLine();
    CommandLine(const CommandLine&) = delete;
    CommandLine& operator=(const CommandLine&) = delete;

    const CLI::App& definition() const;
    // Parses the arguments and runs the sub-command they name; returns its exit code.
    int run(int argc, char** argv);

private:
    struct Choices;
    std::unique_ptr<Choices> choices_;
};

int run_command_line(int argc, char** argv, RunDistribution* distribution = nullptr);

}  // namespace partnersim
