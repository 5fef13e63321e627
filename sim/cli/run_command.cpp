#include <iomanip>

#include "app/run_experiment.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/interrupt.hpp"
#include "cli/terminal_progress.hpp"

namespace partnersim {
namespace {

int report_interruption(const RunCommandOptions& options, const app::RunOutcome& outcome,
                        std::ostream& err) {
    err << "interrupted: " << outcome.done << " of " << outcome.total << " runs are saved in "
        << outcome.partial.string() << "\nto finish them, run the same command with "
        << "--resume:\n  " << options.command_line << (options.resume ? "" : " --resume") << '\n';
    return exit_interrupted;
}

}  // namespace

int run_command(const RunCommandOptions& options, std::ostream& out, std::ostream& err) {
    return guarded(err, [&] {
        // Installed before the partial file exists and kept until it is renamed, so Ctrl-C can
        // never leave it behind half-made.
        InterruptGuard interrupt;
        TerminalProgress progress(options.quiet, err);
        app::RunRequest request{options.scenario, options.output,       options.threads,
                                options.force,    options.trace_runs,   options.resume,
                                options.shard,    options.command_line, &interrupt.requested(),
                                &progress,        options.distribution};
        const app::RunOutcome outcome = app::run_experiment(request);
        if (outcome.served) return exit_ok;  // another process wrote the file and reports
        if (outcome.interrupted) return report_interruption(options, outcome, err);
        if (!options.quiet) {
            err << "wrote " << outcome.done << " runs to " << options.output.string() << " in "
                << std::fixed << std::setprecision(2) << outcome.seconds << " s\n";
        }
        print_summary(*outcome.summary, out);
        return exit_ok;
    });
}

}  // namespace partnersim
