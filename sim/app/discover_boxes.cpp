#include "app/discover_boxes.hpp"

#include <sstream>

#include "analysis/scenario_discovery.hpp"
#include "analysis/success_condition.hpp"
#include "app/analysis_text.hpp"
#include "app/input_checked.hpp"

namespace partnersim::app {
namespace {

using namespace analysis;

std::string options_key(const DiscoverRequest& request, const ResultsTable& table) {
    std::ostringstream key;
    key << "discover; month " << table.month << "; success " << request.success << "; threshold "
        << request.threshold << "; peel " << request.peel_alpha << "; min mass " << request.min_mass
        << "; boxes " << request.max_boxes << "; parameters";
    for (const auto& p : request.parameters) key << ' ' << p;
    return key.str();
}

DiscoveryOptions discovery_options(const DiscoverRequest& request) {
    DiscoveryOptions discovery;
    discovery.condition = request.success;
    discovery.parameters = request.parameters;
    discovery.prim.threshold = request.threshold;
    discovery.prim.peel_alpha = request.peel_alpha;
    discovery.prim.min_mass = request.min_mass;
    discovery.prim.max_boxes = request.max_boxes;
    return discovery;
}

std::size_t successes_in(const AnalysisTable& success) {
    std::size_t count = 0;
    for (const double s : success.number_column("success")) count += s > 0 ? 1 : 0;
    return count;
}

ResultsTable checked_table(const DiscoverRequest& request) {
    ResultsTable table = read_results_table(request.results, request.month);
    if (table.factors.empty()) {
        throw InputError(request.results.string() +
                         " holds a single scenario; discover needs a sweep");
    }
    SuccessCondition check(request.success, table.measures);  // reports mistakes early
    for (const auto& p : request.parameters) table.factor_index(p);
    return table;
}

}  // namespace

DiscoveryOutcome discover_boxes(const DiscoverRequest& request) {
    DiscoveryOutcome outcome;
    outcome.table = input_checked([&] { return checked_table(request); });
    AnalysisCache cache(request.results, options_key(request, outcome.table), request.recompute);
    auto tables =
        cache.get({"prim_boxes", "prim_limits", "prim_trajectory", "prim_success"}, "",
                  [&] { return discover(outcome.table, discovery_options(request)).tables; });
    outcome.boxes = std::move(tables[0]);
    outcome.limits = std::move(tables[1]);
    outcome.trajectory = std::move(tables[2]);
    outcome.success = std::move(tables[3]);
    outcome.successes = successes_in(outcome.success);
    outcome.cache = cache.save_and_report();
    return outcome;
}

void write_discovery_text(const DiscoveryOutcome& outcome, std::ostream& out) {
    print_design_header(outcome.table, out);
    out << "At " << describe_month(outcome.table) << ".\n";
    print_prim_boxes(outcome.boxes, outcome.limits, outcome.table.runs(), outcome.successes, out);
}

}  // namespace partnersim::app
