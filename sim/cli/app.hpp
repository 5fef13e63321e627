#pragma once
// The `partnersim` command line: sub-commands run, check, plan, params, summary, merge.
// Exit codes: 0 success, 1 runtime failure, 2 bad input, 130 interrupted.

namespace partnersim {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;
inline constexpr int exit_bad_input = 2;
inline constexpr int exit_interrupted = 130;

int run_command_line(int argc, char** argv);

}  // namespace partnersim
