#include "app/analyze_results.hpp"
#include "cli/cache_report.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"

namespace partnersim {

int analyze_command(const AnalyzeCommandOptions& options, std::ostream& out, std::ostream& err) {
    return guarded(err, [&] {
        const app::AnalysisOutcome outcome = app::analyze_results(
            {options.results, options.measures, options.interaction, options.month,
             options.resamples, options.bootstrap_seed, options.bins, options.recompute});
        app::write_analysis_text(outcome, options.levels, out);
        print_cache_report(outcome.cache, options.quiet, err);
        return exit_ok;
    });
}

}  // namespace partnersim
