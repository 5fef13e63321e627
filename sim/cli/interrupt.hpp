#pragma once
// Ctrl-C (SIGINT) and SIGTERM ask a long run to stop cleanly: no new runs start, finished runs
// are written, and the program says what was kept. The flag is the one piece of process-wide
// state, because a signal handler can reach nothing else.

#include <atomic>

namespace partnersim {

// Installs the handlers for the lifetime of the guard and restores the previous ones after.
class InterruptGuard {
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    const std::atomic<bool>& requested() const;
};

}  // namespace partnersim
