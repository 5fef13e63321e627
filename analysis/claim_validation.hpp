#pragma once
// Runs the claims ledger (io/claims_file.hpp): every tested claim at every base it is claimed
// for, as a paired design with common random numbers (replicate r of the baseline and of the
// variant draw the same stream), through the engine's ensemble. Each (claim, base) gets the
// mean paired difference with its 95% t interval and a verdict:
//   holds  the interval lies wholly on the predicted side of zero
//   weak   the mean is on the predicted side, the interval reaches zero
//   fails  the mean is zero or on the other side (reversed: the interval excludes zero there)
// All designs of the whole ledger are one ensemble, so the work spreads over every core, and a
// design shared by several claims (a base's own baseline, say) is run once.

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "analysis/statistics.hpp"
#include "io/analysis_table.hpp"
#include "io/claims_file.hpp"

namespace partnersim::analysis {

enum class Verdict { holds, weak, fails, reversed };
std::string_view verdict_name(Verdict verdict);

// The verdict of a mean paired difference and its interval, for a predicted direction.
Verdict verdict_of(const Interval& difference, Direction direction);

struct ClaimResult {
    std::string claim;
    std::string base;
    double baseline_mean = 0.0;  // the reading, mean over replicates (for an interaction: the
    double variant_mean = 0.0;   // effect without and with the condition)
    Interval difference;         // variant - baseline (interaction: difference of differences)
    Verdict verdict = Verdict::fails;
    std::size_t replicates = 0;
};

struct ValidationOptions {
    int replicates = 200;
    std::uint64_t seed = 777;
    int threads = 0;  // 0: all cores
    const std::atomic<bool>* stop = nullptr;
    std::function<void(std::uint64_t done, std::uint64_t total)> on_progress;
};

// The (claim, base) pairs to run: each tested claim at the bases it names (all of the
// ledger's when it names none). `bases` replaces the ledger's own when non-empty; then every
// tested claim runs at every one of them.
struct ValidationPlan {
    struct Cell {
        std::size_t claim;  // index into ledger.claims
        NamedBase base;
    };
    std::vector<Cell> cells;
};
ValidationPlan plan_validation(const ClaimLedger& ledger, const std::vector<NamedBase>& bases = {});

// Runs the plan. Throws InputError (a ScenarioError where it has a file and line) for a claim
// whose overrides do not apply to a base, a reading beyond a base's horizon (naming claim and
// base), or fewer than 2 replicates; returns no results if stopped.
std::vector<ClaimResult> validate_claims(const ClaimLedger& ledger, const ValidationPlan& plan,
                                         const ValidationOptions& options);

// The results as the `claims` table (claim, base, verdict; effect, interval, means, replicates).
AnalysisTable claims_table(const std::vector<ClaimResult>& results);

}  // namespace partnersim::analysis
