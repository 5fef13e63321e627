#include "app/validate_claims.hpp"

#include "app/bundled_files.hpp"
#include "engine/error.hpp"
#include "io/analysis_file.hpp"
#include "io/output_file.hpp"

namespace partnersim::app {
namespace {

// A base given on the command line is named by its file's stem.
std::vector<NamedBase> named_bases(const std::vector<std::filesystem::path>& files) {
    std::vector<NamedBase> bases;
    for (const auto& file : files) bases.push_back({file.stem().string(), file});
    return bases;
}

void save(const ValidationOutcome& outcome, const ValidateRequest& request) {
    OutputFile output(request.output, request.force, ExistingPartial::refuse);
    std::filesystem::remove(output.partial_path());
    const std::string key = "ledger: " + outcome.ledger_file.string() + "; replicates " +
                            std::to_string(request.replicates) + "; seed " +
                            std::to_string(request.seed);
    std::vector<analysis::StoredTable> tables{{analysis::claims_table(outcome.results), key}};
    if (!outcome.uncertainty.results.empty()) {
        const std::string sampled = key + "; sampled models " +
                                    std::to_string(request.uncertainty_sets) + " at " +
                                    std::to_string(request.uncertainty_replicates) + " replicates";
        tables.push_back({analysis::claims_uncertainty_table(outcome.uncertainty), sampled});
        tables.push_back({analysis::claims_sampled_table(outcome.uncertainty), sampled});
        tables.push_back({analysis::sampled_models_table(outcome.uncertainty), sampled});
    }
    analysis::store_tables(output.partial_path(), tables);
    output.commit();
}

}  // namespace

ValidationOutcome validate_claims(const ValidateRequest& request) {
    ValidationOutcome outcome;
    outcome.ledger_file = request.ledger.empty()
                              ? bundled_file(program_path(), "docs/claims.toml", "--ledger")
                              : request.ledger;
    outcome.ledger = load_claim_ledger(outcome.ledger_file);
    const auto plan = analysis::plan_validation(outcome.ledger, named_bases(request.bases));
    if (!request.output.empty()) {  // fail before running anything
        OutputFile check(request.output, request.force, ExistingPartial::refuse);
        check.keep();
    }
    analysis::ValidationOptions options;
    options.replicates = request.replicates;
    options.seed = request.seed;
    options.threads = request.threads;
    options.stop = request.stop;
    if (request.observer != nullptr) {
        options.on_progress = [&](std::uint64_t done, std::uint64_t total) {
            request.observer->progress(done, total);
        };
    }
    if (request.uncertainty_sets > 0 && request.uncertainty_replicates < 2) {
        throw InputError(
            "a paired comparison needs at least 2 replicates per sampled model "
            "(--uncertainty-replicates)");
    }
    outcome.results = analysis::validate_claims(outcome.ledger, plan, options);
    if (request.uncertainty_sets > 0 && !(request.stop != nullptr && request.stop->load())) {
        analysis::ValidationOptions sampled = options;
        sampled.replicates = request.uncertainty_replicates;
        outcome.uncertainty = analysis::validate_under_uncertainty(outcome.ledger, plan, sampled,
                                                                   request.uncertainty_sets);
    }
    if (request.observer != nullptr) request.observer->finished();
    if (request.stop != nullptr && request.stop->load()) throw Interrupted("nothing was written");
    if (!request.output.empty()) {
        save(outcome, request);
        outcome.saved = request.output;
    }
    return outcome;
}

}  // namespace partnersim::app
