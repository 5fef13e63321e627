#include <csignal>
#include <thread>

#include "app/external_program.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/interrupt.hpp"
#include "workshop/workshop_server.hpp"

namespace partnersim {
namespace {

// Ctrl-C ends the session: the signal handler can only set a flag, so a thread watches it and
// stops the server, which then removes the session's folder.
void stop_on_interrupt(const InterruptGuard& interrupt, const std::atomic<bool>& served,
                       workshop::WorkshopServer& server) {
    while (!interrupt.requested() && !served) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    server.stop();
}

}  // namespace

int workshop_command(const WorkshopCommandOptions& options, std::ostream& out, std::ostream& err) {
    return guarded(err, [&] {
        const InterruptGuard interrupt;
        // A phone that goes away mid-answer must not end the server.
        std::signal(SIGPIPE, SIG_IGN);
        workshop::WorkshopServer server({options.host, options.port});
        server.bind();
        out << "partnersim workshop: open " << server.address() << '\n'
            << "  participants join at " << server.join_address() << '\n';
        if (options.host == "127.0.0.1" || options.host == "localhost") {
            out << "  (only this computer can reach it; for phones in the room start with "
                   "--host 0.0.0.0)\n";
        }
        out << "  Ctrl-C ends the session and deletes its runs" << std::endl;
        if (options.open) app::run_program({"xdg-open", server.address()});
        std::atomic<bool> served = false;
        std::thread watcher([&] { stop_on_interrupt(interrupt, served, server); });
        server.serve();
        served = true;
        watcher.join();
        out << "partnersim workshop: session ended" << std::endl;
        return exit_ok;
    });
}

}  // namespace partnersim
