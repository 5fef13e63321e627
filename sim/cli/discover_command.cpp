#include "app/discover_boxes.hpp"
#include "cli/cache_report.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"

namespace partnersim {

int discover_command(const DiscoverCommandOptions& options, std::ostream& out, std::ostream& err) {
    return guarded(err, [&] {
        const app::DiscoveryOutcome outcome = app::discover_boxes(
            {options.results, options.success, options.parameters, options.month, options.threshold,
             options.peel_alpha, options.min_mass, options.max_boxes, options.recompute});
        app::write_discovery_text(outcome, out);
        print_cache_report(outcome.cache, options.quiet, err);
        return exit_ok;
    });
}

}  // namespace partnersim
