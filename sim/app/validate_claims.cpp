#include "app/validate_claims.hpp"

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
    const std::string key = "ledger: " + request.ledger.string() + "; replicates " +
                            std::to_string(request.replicates) + "; seed " +
                            std::to_string(request.seed);
    analysis::store_tables(output.partial_path(), {{analysis::claims_table(outcome.results), key}});
    output.commit();
}

}  // namespace

ValidationOutcome validate_claims(const ValidateRequest& request) {
    ValidationOutcome outcome;
    outcome.ledger = load_claim_ledger(request.ledger);
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
    outcome.results = analysis::validate_claims(outcome.ledger, plan, options);
    if (request.observer != nullptr) request.observer->finished();
    if (request.stop != nullptr && request.stop->load()) throw Interrupted("nothing was written");
    if (!request.output.empty()) {
        save(outcome, request);
        outcome.saved = request.output;
    }
    return outcome;
}

}  // namespace partnersim::app
