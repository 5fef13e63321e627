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
#include <optional>
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
    // Set: every design runs at the model constants drawn from this seed
    // (model/model_uncertainty.hpp), except those its base or overrides set, which stay held;
    // one draw for all designs, so baseline and variant share the drawn model.
    std::optional<std::uint64_t> model_draw_seed;
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

// Robust, not pointwise (issue 11): each (claim, base) of the plan under `sets` sampled sets
// of model constants, with options.replicates paired replicates at each. Sampled model k draws
// every constant from its plausible range (model/model_uncertainty.hpp) from the seed
// sampled_model_seed(options.seed, k) alone, so the models do not depend on the thread count
// or on which other models are run; within a cell, every constant that any of its designs
// (baseline, variant, condition) or its base sets is held in all of them, so baseline and
// variant differ only where the claim says. A claim holds at a model when its verdict there is
// `holds` (95% interval on the predicted side of zero).
struct ClaimRobustness {
    std::string claim;
    std::string base;
    std::size_t sets = 0;
    std::size_t holding = 0;  // sampled models at which the claim holds
    // ... at which its mean effect is on the predicted side (holds or weak): against holding,
    // it tells an effect that turns with the constants from one too small for the replicates.
    std::size_t predicted_side = 0;
    std::size_t replicates = 0;
    Interval share;  // holding / sets with its 95% Wilson interval (robustness_interval_kind)
};
struct UncertaintyValidation {
    std::vector<std::uint64_t> model_seeds;            // [model]
    std::vector<std::vector<double>> model_constants;  // [model][model_constant_names() order]:
                                                       // the draw with nothing held
    std::vector<std::vector<ClaimResult>> results;     // [model][cell]
    std::vector<ClaimRobustness> robustness;           // [cell]
};
// The seed of sampled model k (k = 0, 1, ...) under master seed `seed`.
std::uint64_t sampled_model_seed(std::uint64_t seed, std::size_t k);
// Throws InputError for sets < 1, as validate_claims for the rest; empty if stopped.
UncertaintyValidation validate_under_uncertainty(const ClaimLedger& ledger,
                                                 const ValidationPlan& plan,
                                                 const ValidationOptions& options, int sets);
// What the share's interval is: how precisely `sets` sampled models pin down the share of
// plausible models in which a claim holds (a Wilson interval over models, not over runs).
std::string robustness_interval_kind(std::size_t sets);

// The results as the `claims` table (claim, base, verdict; effect, interval, means, replicates).
AnalysisTable claims_table(const std::vector<ClaimResult>& results);
// Under sampled models (io/claims_layout.hpp): the `claims_uncertainty` table (per claim x
// base: sets, holding, share and its Wilson interval), the `claims_sampled` table (per claim x
// base x model: verdict and effect) and the `sampled_models` table (each model's constants).
AnalysisTable claims_uncertainty_table(const UncertaintyValidation& validation);
AnalysisTable claims_sampled_table(const UncertaintyValidation& validation);
AnalysisTable sampled_models_table(const UncertaintyValidation& validation);

}  // namespace partnersim::analysis
