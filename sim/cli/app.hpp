#pragma once
// The `partnersim` command line: its sub-commands and their options (exit codes:
// cli/exit_code.hpp).

#include "cli/exit_code.hpp"

namespace partnersim {

class RunDistribution;

// `distribution`: the ranks of the MPI program (sim/mpi/main.cpp) that `run` spreads over.
int run_command_line(int argc, char** argv, RunDistribution* distribution = nullptr);

}  // namespace partnersim
