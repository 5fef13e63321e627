#include <sstream>

#include "analysis/results_table.hpp"
#include "analysis/scenario_discovery.hpp"
#include "analysis/success_condition.hpp"
#include "cli/analysis_cache.hpp"
#include "cli/analysis_printing.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"

namespace partnersim {
namespace {

using namespace analysis;

std::string options_key(const DiscoverCommandOptions& options, const ResultsTable& table) {
    std::ostringstream key;
    key << "discover; month " << table.month << "; success " << options.success << "; threshold "
        << options.threshold << "; peel " << options.peel_alpha << "; min mass " << options.min_mass
        << "; boxes " << options.max_boxes << "; parameters";
    for (const auto& p : options.parameters) key << ' ' << p;
    return key.str();
}

DiscoveryOptions discovery_options(const DiscoverCommandOptions& options) {
    DiscoveryOptions discovery;
    discovery.condition = options.success;
    discovery.parameters = options.parameters;
    discovery.prim.threshold = options.threshold;
    discovery.prim.peel_alpha = options.peel_alpha;
    discovery.prim.min_mass = options.min_mass;
    discovery.prim.max_boxes = options.max_boxes;
    return discovery;
}

std::size_t successes_in(const AnalysisTable& success) {
    std::size_t count = 0;
    for (const double s : success.number_column("success")) count += s > 0 ? 1 : 0;
    return count;
}

}  // namespace

int discover_command(const DiscoverCommandOptions& options, std::ostream& out, std::ostream& err) {
    ResultsTable table;
    try {
        table = read_results_table(options.results, options.month);
        if (table.factors.empty()) {
            throw std::invalid_argument(options.results.string() +
                                        " holds a single scenario; discover needs a sweep");
        }
        SuccessCondition check(options.success, table.measures);  // reports mistakes early
        for (const auto& p : options.parameters) table.factor_index(p);
    } catch (const std::exception& error) {
        err << "error: " << error.what() << '\n';
        return exit_bad_input;
    }
    try {
        print_design_header(table, out);
        AnalysisCache cache(options.results, options_key(options, table), options.recompute);
        const auto tables =
            cache.get({"prim_boxes", "prim_limits", "prim_trajectory", "prim_success"}, "",
                      [&] { return discover(table, discovery_options(options)).tables; });
        out << "At " << describe_month(table) << ".\n";
        print_prim_boxes(tables[0], tables[1], table.runs(), successes_in(tables[3]), out);
        cache.save_and_report(err, options.quiet);
        return exit_ok;
    } catch (const std::exception& error) {
        err << "error: " << error.what() << '\n';
        return exit_failure;
    }
}

}  // namespace partnersim
