#include "app/analyze_results.hpp"

#include <sstream>

#include "analysis/interaction.hpp"
#include "analysis/main_effects.hpp"
#include "analysis/morris_analysis.hpp"
#include "analysis/outcome_risk.hpp"
#include "analysis/sobol_analysis.hpp"
#include "app/analysis_text.hpp"
#include "app/input_checked.hpp"
#include "io/hdf5_reader.hpp"

namespace partnersim::app {
namespace {

using namespace analysis;

std::string options_key(const AnalyzeRequest& request, const ResultsTable& table) {
    std::ostringstream key;
    key << "month " << table.month << "; resamples " << request.resamples << "; seed "
        << request.bootstrap_seed << "; confidence 0.95; bins " << request.bins << "; measures";
    for (const auto& m : request.measures) key << ' ' << m;
    return key.str();
}

// A stored table says which interval it holds (the analysis file and its CSV export).
std::vector<AnalysisTable> labelled(std::vector<AnalysisTable> tables, const std::string& kind) {
    for (auto& table : tables) table.description += " (" + kind + ")";
    return tables;
}

BootstrapOptions bootstrap_of(const AnalyzeRequest& request) {
    return {request.resamples, 0.95, request.bootstrap_seed};
}

void analyse_main_effects(const AnalyzeRequest& request, AnalysisCache& cache,
                          AnalysisOutcome& outcome) {
    auto tables = cache.get({"main_effect_levels", "main_effects"}, "", [&] {
        MainEffectOptions effect_options;
        effect_options.bootstrap = bootstrap_of(request);
        effect_options.levels.bins = request.bins;
        effect_options.measures = request.measures;
        MainEffects effects = main_effects(outcome.table, effect_options);
        return labelled({effects.level_means, effects.effects}, outcome.interval_kind);
    });
    outcome.level_means = std::move(tables[0]);
    outcome.effects = std::move(tables[1]);
}

void analyse_interaction(const AnalyzeRequest& request, AnalysisCache& cache,
                         AnalysisOutcome& outcome) {
    const std::string detail =
        "; interaction " + request.interaction.at(0) + " x " + request.interaction.at(1);
    auto tables = cache.get({"interaction_cells", "interaction"}, detail, [&] {
        InteractionOptions interaction_options;
        interaction_options.parameter_a = request.interaction.at(0);
        interaction_options.parameter_b = request.interaction.at(1);
        interaction_options.bootstrap = bootstrap_of(request);
        interaction_options.levels.bins = request.bins;
        interaction_options.measures = request.measures;
        Interaction result = interaction(outcome.table, interaction_options);
        return labelled({result.cell_means, result.effects}, outcome.interval_kind);
    });
    outcome.interaction_cells = std::move(tables[0]);
    outcome.interaction = std::move(tables[1]);
}

void analyse_sensitivity(const AnalyzeRequest& request, AnalysisCache& cache,
                         AnalysisOutcome& outcome) {
    const ResultsTable& table = outcome.table;
    if (table.is_saltelli()) {
        outcome.sobol = cache.get({"sobol_indices"}, "", [&] {
            return labelled({sobol_table(table, request.measures, bootstrap_of(request))},
                            outcome.interval_kind);
        })[0];
    }
    if (table.is_morris()) {
        outcome.morris = cache.get({"morris"}, "", [&] {
            return labelled({morris_table(table, request.measures, bootstrap_of(request))},
                            outcome.interval_kind);
        })[0];
    }
}

// Everything the person named exists, before any work is done.
void check_request(const AnalyzeRequest& request, const ResultsTable& table) {
    for (const auto& m : request.measures) table.measure_index(m);
    if (!request.interaction.empty()) {
        if (request.interaction.size() != 2 || request.interaction[0] == request.interaction[1]) {
            throw InputError("--interaction takes two different parameters: A,B");
        }
        for (const auto& p : request.interaction) table.factor_index(p);
    }
    if (table.factors.empty()) {
        throw InputError(request.results.string() +
                         " holds a single scenario; analyze needs a sweep (use "
                         "`compare` for two scenarios)");
    }
}

}  // namespace

AnalysisOutcome analyze_results(const AnalyzeRequest& request) {
    AnalysisOutcome outcome;
    outcome.table = input_checked([&] {
        ResultsTable table = read_results_table(request.results, request.month);
        check_request(request, table);
        return table;
    });
    AnalysisCache cache(request.results, options_key(request, outcome.table), request.recompute);
    const bool drawn = !read_results_shape(request.results).model_constants.empty();
    outcome.interval_kind =
        interval_kind(drawn, static_cast<std::size_t>(outcome.table.replicates_per_point));
    outcome.risks = cache.get({"outcome_risk"}, "", [&] {
        return std::vector<AnalysisTable>{outcome_risk_table(outcome.table, outcome.interval_kind)};
    })[0];
    analyse_main_effects(request, cache, outcome);
    if (!request.interaction.empty()) analyse_interaction(request, cache, outcome);
    analyse_sensitivity(request, cache, outcome);
    outcome.cache = cache.save_and_report();
    return outcome;
}

void write_analysis_text(const AnalysisOutcome& outcome, bool levels, std::ostream& out) {
    const std::string when = describe_month(outcome.table);
    print_design_header(outcome.table, out);
    out << "Intervals: " << outcome.interval_kind << ".\n\n";
    print_effects_table(outcome.effects, when, out);
    print_outcome_risk(outcome.risks, when, out);
    if (levels) print_level_means(outcome.level_means, out);
    if (outcome.interaction) print_interaction_table(*outcome.interaction, when, out);
    if (outcome.sobol) print_sobol_table(*outcome.sobol, when, out);
    if (outcome.morris) print_morris_table(*outcome.morris, when, out);
}

}  // namespace partnersim::app
