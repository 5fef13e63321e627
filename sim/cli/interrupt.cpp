#include "cli/interrupt.hpp"

#include <csignal>

namespace partnersim {
namespace {

std::atomic<bool> interrupt_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free, "needed in a signal handler");

extern "C" void request_interrupt(int) {
    interrupt_requested.store(true);
}

using Handler = void (*)(int);
Handler previous_sigint = SIG_DFL;
Handler previous_sigterm = SIG_DFL;

}  // namespace

InterruptGuard::InterruptGuard() {
    interrupt_requested.store(false);
    previous_sigint = std::signal(SIGINT, request_interrupt);
    previous_sigterm = std::signal(SIGTERM, request_interrupt);
}

InterruptGuard::~InterruptGuard() {
    std::signal(SIGINT, previous_sigint);
    std::signal(SIGTERM, previous_sigterm);
}

const std::atomic<bool>& InterruptGuard::requested() const {
    return interrupt_requested;
}

}  // namespace partnersim
