#include <chrono>
#include <ctime>
#include <iomanip>
#include <sstream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/progress_bar.hpp"
#include "engine/ensemble.hpp"
#include "io/hdf5_writer.hpp"
#include "io/output_file.hpp"
#include "io/scenario_file.hpp"

namespace partnersim {
namespace {

std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::ostringstream text;
    text << std::put_time(&utc, "%Y-%m-%dT%H:%M:%SZ");
    return text.str();
}

ResultsMetadata metadata_for(const Scenario& scenario, const RunCommandOptions& options) {
    return {PARTNERSIM_VERSION, scenario_to_toml(scenario), options.command_line, utc_now()};
}

// Runs every replicate into the partial file; returns how many were written and whether the
// user interrupted.
EnsembleReport simulate_into(const Scenario& scenario, const RunCommandOptions& options,
                             const std::filesystem::path& partial) {
    const auto runs = static_cast<std::uint64_t>(scenario.run.replicates);
    ResultsShape shape{scenario.run.months, std::min(options.trace_runs, runs),
                       scenario.partners.count};
    Hdf5ResultWriter writer(partial, shape, metadata_for(scenario, options));

    InterruptGuard interrupt;
    ProgressBar progress(ProgressBar::wanted(options.quiet));
    EnsembleOptions ensemble;
    ensemble.threads = options.threads;
    ensemble.trace_runs = shape.trace_runs;
    ensemble.stop = &interrupt.requested();
    ensemble.on_progress = [&progress](std::uint64_t done, std::uint64_t total) {
        progress.update(done, total);
    };
    const EnsembleReport report =
        run_ensemble(replicate_source(scenario), 0, runs, writer, ensemble);
    progress.finish();
    writer.close();
    return report;
}

}  // namespace

int run_command(const RunCommandOptions& options, std::ostream& out, std::ostream& err) {
    Scenario scenario;
    try {
        scenario = resolve_scenario(options.scenario);
    } catch (const ScenarioError& error) {
        err << "error: " << error.what() << '\n';
        return exit_bad_input;
    }
    try {
        OutputFile output(options.output, options.force);
        const auto started = std::chrono::steady_clock::now();
        const EnsembleReport report = simulate_into(scenario, options, output.partial_path());
        if (report.stopped) {
            // The partial file is removed with `output`: nothing half-written is left behind.
            err << "interrupted after " << report.completed << " of " << scenario.run.replicates
                << " runs; nothing was written to " << options.output.string() << '\n';
            return exit_interrupted;
        }
        output.commit();
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (!options.quiet) {
            err << "wrote " << report.completed << " runs to " << options.output.string()
                << " in " << std::fixed << std::setprecision(2) << seconds << " s\n";
        }
        return summary_command(options.output, out, err);
    } catch (const OutputExists& error) {
        err << "error: " << error.what() << '\n';
        return exit_bad_input;
    } catch (const std::exception& error) {
        err << "error: " << error.what() << '\n';
        return exit_failure;
    }
}

}  // namespace partnersim
