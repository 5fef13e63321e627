#include <sstream>

#include "analysis/interaction.hpp"
#include "analysis/main_effects.hpp"
#include "analysis/morris_analysis.hpp"
#include "analysis/results_table.hpp"
#include "analysis/sobol_analysis.hpp"
#include "cli/analysis_cache.hpp"
#include "cli/analysis_printing.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"

namespace partnersim {
namespace {

using namespace analysis;

std::string options_key(const AnalyzeCommandOptions& options, const ResultsTable& table) {
    std::ostringstream key;
    key << "month " << table.month << "; resamples " << options.resamples << "; seed "
        << options.bootstrap_seed << "; confidence 0.95; bins " << options.bins << "; measures";
    for (const auto& m : options.measures) key << ' ' << m;
    return key.str();
}

BootstrapOptions bootstrap_of(const AnalyzeCommandOptions& options) {
    return {options.resamples, 0.95, options.bootstrap_seed};
}

void analyse_main_effects(const ResultsTable& table, AnalysisCache& cache,
                          const AnalyzeCommandOptions& options, std::ostream& out) {
    const auto tables = cache.get({"main_effect_levels", "main_effects"}, "", [&] {
        MainEffectOptions effect_options;
        effect_options.bootstrap = bootstrap_of(options);
        effect_options.levels.bins = options.bins;
        effect_options.measures = options.measures;
        MainEffects effects = main_effects(table, effect_options);
        return std::vector<AnalysisTable>{effects.level_means, effects.effects};
    });
    print_effects_table(tables[1], describe_month(table), out);
    if (options.levels) print_level_means(tables[0], out);
}

void analyse_interaction(const ResultsTable& table, AnalysisCache& cache,
                         const AnalyzeCommandOptions& options, std::ostream& out) {
    const std::string detail =
        "; interaction " + options.interaction.at(0) + " x " + options.interaction.at(1);
    const auto tables = cache.get({"interaction_cells", "interaction"}, detail, [&] {
        InteractionOptions interaction_options;
        interaction_options.parameter_a = options.interaction.at(0);
        interaction_options.parameter_b = options.interaction.at(1);
        interaction_options.bootstrap = bootstrap_of(options);
        interaction_options.levels.bins = options.bins;
        interaction_options.measures = options.measures;
        Interaction result = interaction(table, interaction_options);
        return std::vector<AnalysisTable>{result.cell_means, result.effects};
    });
    print_interaction_table(tables[1], describe_month(table), out);
}

void analyse_sensitivity(const ResultsTable& table, AnalysisCache& cache,
                         const AnalyzeCommandOptions& options, std::ostream& out) {
    if (table.is_saltelli()) {
        const auto tables = cache.get({"sobol_indices"}, "", [&] {
            return std::vector<AnalysisTable>{
                sobol_table(table, options.measures, bootstrap_of(options))};
        });
        print_sobol_table(tables[0], describe_month(table), out);
    }
    if (table.is_morris()) {
        const auto tables = cache.get({"morris"}, "", [&] {
            return std::vector<AnalysisTable>{
                morris_table(table, options.measures, bootstrap_of(options))};
        });
        print_morris_table(tables[0], describe_month(table), out);
    }
}

// Everything the user named exists, before any work is done.
void check_request(const AnalyzeCommandOptions& options, const ResultsTable& table) {
    for (const auto& m : options.measures) table.measure_index(m);
    if (!options.interaction.empty()) {
        if (options.interaction.size() != 2 || options.interaction[0] == options.interaction[1]) {
            throw std::invalid_argument("--interaction takes two different parameters: A,B");
        }
        for (const auto& p : options.interaction) table.factor_index(p);
    }
    if (table.factors.empty()) {
        throw std::invalid_argument(options.results.string() +
                                    " holds a single scenario; analyze needs a sweep (use "
                                    "`compare` for two scenarios)");
    }
}

}  // namespace

int analyze_command(const AnalyzeCommandOptions& options, std::ostream& out, std::ostream& err) {
    ResultsTable table;
    try {
        table = read_results_table(options.results, options.month);
        check_request(options, table);
    } catch (const std::exception& error) {
        err << "error: " << error.what() << '\n';
        return exit_bad_input;
    }
    try {
        print_design_header(table, out);
        AnalysisCache cache(options.results, options_key(options, table), options.recompute);
        analyse_main_effects(table, cache, options, out);
        if (!options.interaction.empty()) analyse_interaction(table, cache, options, out);
        analyse_sensitivity(table, cache, options, out);
        cache.save_and_report(err, options.quiet);
        return exit_ok;
    } catch (const std::exception& error) {
        err << "error: " << error.what() << '\n';
        return exit_failure;
    }
}

}  // namespace partnersim
