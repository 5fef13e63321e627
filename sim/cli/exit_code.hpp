#pragma once
// The one place where errors become exit codes and messages on stderr:
//   0 ok, 1 runtime failure, 2 bad input (InputError), 130 interrupted (Interrupted).
// Every sub-command runs its body through guarded(); nothing else in sim/cli catches.

#include <functional>
#include <ostream>

namespace partnersim {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;
inline constexpr int exit_bad_input = 2;
inline constexpr int exit_interrupted = 130;

// Runs `command` and returns its exit code; an exception it throws is reported on `err`
// ("error: ...", or "interrupted: ...") and mapped as above.
int guarded(std::ostream& err, const std::function<int()>& command);

}  // namespace partnersim
