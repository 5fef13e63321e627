#pragma once
// Validating the model against the seeds: every tested claim of the claims ledger
// (docs/claims.toml) at each base scenario as a paired design (analysis/
// claim_validation.hpp), a claims x bases table of effects and verdicts and, under sampled
// model constants, the share of sampled models in which each holds; optionally kept as the
// HDF5 tables of io/claims_layout.hpp.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "analysis/claim_validation.hpp"
#include "app/progress.hpp"
#include "io/claims_file.hpp"

namespace partnersim::app {

struct ValidateRequest {
    std::filesystem::path ledger;  // empty: the bundled docs/claims.toml (app/bundled_files.hpp)
    std::vector<std::filesystem::path> bases;  // empty: the ledger's own, each claim where made
    int replicates = 200;
    std::uint64_t seed = 777;
    int threads = 0;
    // Robustness (issue 11): > 0 also runs the ledger at this many sampled sets of model
    // constants, with uncertainty_replicates paired replicates at each.
    int uncertainty_sets = 0;
    int uncertainty_replicates = 20;
    std::filesystem::path output;  // optional
    bool force = false;
    const std::atomic<bool>* stop = nullptr;
    ProgressObserver* observer = nullptr;
};

struct ValidationOutcome {
    ClaimLedger ledger;
    std::filesystem::path ledger_file;  // the ledger read (the bundled one if none was asked for)
    std::vector<analysis::ClaimResult> results;   // in ledger order, then base order
    analysis::UncertaintyValidation uncertainty;  // empty without uncertainty_sets
    std::filesystem::path saved;                  // the output written, or empty
};

// Throws InputError for a missing or bad ledger or base, a claim that does not apply to a base, too
// few replicates or an existing output (all before anything runs); Interrupted when `stop` was set.
ValidationOutcome validate_claims(const ValidateRequest& request);

}  // namespace partnersim::app
