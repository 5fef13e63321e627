#pragma once
// Validating the model against the seeds: every tested claim of the claims ledger
// (docs/claims.toml) at each base scenario as a paired design (analysis/
// claim_validation.hpp), a claims x bases table of effects and verdicts, optionally kept as
// the HDF5 table `claims`.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "analysis/claim_validation.hpp"
#include "app/progress.hpp"
#include "io/claims_file.hpp"

namespace partnersim::app {

struct ValidateRequest {
    std::filesystem::path ledger;
    std::vector<std::filesystem::path> bases;  // empty: the ledger's own, each claim where made
    int replicates = 200;
    std::uint64_t seed = 777;
    int threads = 0;
    std::filesystem::path output;  // optional
    bool force = false;
    const std::atomic<bool>* stop = nullptr;
    ProgressObserver* observer = nullptr;
};

struct ValidationOutcome {
    ClaimLedger ledger;
    std::vector<analysis::ClaimResult> results;  // in ledger order, then base order
    std::filesystem::path saved;                 // the output written, or empty
};

// Throws InputError for a bad ledger or base, a claim that does not apply to a base, too few
// replicates or an existing output (all before anything runs); Interrupted when `stop` was set.
ValidationOutcome validate_claims(const ValidateRequest& request);

}  // namespace partnersim::app
