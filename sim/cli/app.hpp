#pragma once
// The `partnersim` command line: its sub-commands and their options (exit codes:
// cli/exit_code.hpp).

#include "cli/exit_code.hpp"

namespace partnersim {

int run_command_line(int argc, char** argv);

}  // namespace partnersim
