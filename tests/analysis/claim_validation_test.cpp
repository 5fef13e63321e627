// The ledger runner: verdicts from intervals, paired designs with common random numbers, shared
// designs, interactions, and results that do not depend on the thread count.

#include "analysis/claim_validation.hpp"

#include <gtest/gtest.h>

#include "engine/error.hpp"
#include "io/scenario_file.hpp"

namespace partnersim::analysis {
namespace {

const std::string base_path = std::string(PARTNERSIM_SOURCE_DIR) + "/scenarios/default.toml";

ClaimLedger ledger_of(const std::string& claims) {
    return parse_claim_ledger("[bases]\ndefault = \"" + base_path + "\"\n" + claims,
                              "/ledger.toml");
}

std::string claim(const std::string& id, const std::string& baseline, const std::string& variant,
                  const std::string& measure, const std::string& direction,
                  const std::string& extra = "") {
    return "[[claim]]\nid = \"" + id +
           "\"\ntopic = \"t\"\ndocument = \"itad\"\nsection = \"s\"\nquote = \"q\"\n"
           "baseline = [" +
           baseline + "]\nvariant = [" + variant + "]\nmeasure = \"" + measure +
           "\"\nmonths = [36, 36]\ndirection = \"" + direction + "\"\n" + extra;
}

TEST(ClaimValidation, VerdictsFollowTheIntervalAndThePredictedSide) {
    EXPECT_EQ(verdict_of({0.2, 0.1, 0.3}, Direction::increase), Verdict::holds);
    EXPECT_EQ(verdict_of({0.2, -0.1, 0.3}, Direction::increase), Verdict::weak);
    EXPECT_EQ(verdict_of({-0.05, -0.1, 0.3}, Direction::increase), Verdict::fails);
    EXPECT_EQ(verdict_of({0.0, 0.0, 0.0}, Direction::increase), Verdict::fails);
    EXPECT_EQ(verdict_of({-0.2, -0.3, -0.1}, Direction::increase), Verdict::reversed);
    EXPECT_EQ(verdict_of({-0.2, -0.3, -0.1}, Direction::decrease), Verdict::holds);
    EXPECT_EQ(verdict_of({0.2, 0.1, 0.3}, Direction::decrease), Verdict::reversed);
}

// A budget of 160 hours builds capacity that one of 30 does not (pattern 5: +0.08 with an
// interval of +-0.001 at 200 replicates, so 30 replicates are ample): the claim holds, and the
// same claim predicted the other way is reversed; a claim with identical designs but for the
// seed-free run.months is inert and fails.
TEST(ClaimValidation, ARealEffectHoldsAndItsOppositeIsReversed) {
    const ClaimLedger ledger =
        ledger_of(claim("up", "\"setup.budget_hours=30\"", "\"setup.budget_hours=160\"", "capacity",
                        "increase") +
                  claim("down", "\"setup.budget_hours=30\"", "\"setup.budget_hours=160\"",
                        "capacity", "decrease") +
                  claim("inert", "\"facilitator.hourly_cost=100\"",
                        "\"facilitator.hourly_cost=120\"", "capacity", "increase"));
    ValidationOptions options;
    options.replicates = 30;
    options.threads = 2;
    const auto results = validate_claims(ledger, plan_validation(ledger), options);
    ASSERT_EQ(results.size(), 3u);
    EXPECT_EQ(results[0].verdict, Verdict::holds);
    EXPECT_GT(results[0].difference.estimate, 0.03);
    EXPECT_EQ(results[1].verdict, Verdict::reversed);
    EXPECT_DOUBLE_EQ(results[0].difference.estimate, results[1].difference.estimate);
    // Cost does not enter capacity: same streams, identical runs, difference exactly zero.
    EXPECT_EQ(results[2].verdict, Verdict::fails);
    EXPECT_EQ(results[2].difference.estimate, 0.0);
    EXPECT_EQ(results[0].replicates, 30u);
}

// The interaction is the paired difference of the two effects, replicate by replicate: here
// the effect of a budget with the condition equals the effect measured directly.
TEST(ClaimValidation, AnInteractionIsTheDifferenceOfTwoPairedEffects) {
    const ClaimLedger ledger =
        ledger_of(claim("with", "\"setup.budget_hours=30\"", "\"setup.budget_hours=160\"",
                        "capacity", "increase", "condition = [\"partners.capacity_mean=0.1\"]\n") +
                  claim("plain", "\"setup.budget_hours=30\"", "\"setup.budget_hours=160\"",
                        "capacity", "increase") +
                  claim("low", "\"setup.budget_hours=30\", \"partners.capacity_mean=0.1\"",
                        "\"setup.budget_hours=160\", \"partners.capacity_mean=0.1\"", "capacity",
                        "increase"));
    ValidationOptions options;
    options.replicates = 20;
    options.threads = 1;
    const auto r = validate_claims(ledger, plan_validation(ledger), options);
    ASSERT_EQ(r.size(), 3u);
    EXPECT_NEAR(r[0].baseline_mean, r[1].difference.estimate, 1e-12);
    EXPECT_NEAR(r[0].variant_mean, r[2].difference.estimate, 1e-12);
    EXPECT_NEAR(r[0].difference.estimate, r[2].difference.estimate - r[1].difference.estimate,
                1e-12);
}

TEST(ClaimValidation, ResultsDoNotDependOnThreads) {
    const ClaimLedger ledger =
        ledger_of(claim("a", "\"setup.join_month=12\"", "\"setup.join_month=0\"",
                        "trust_partner_facilitator", "increase"));
    ValidationOptions options;
    options.replicates = 12;
    options.threads = 1;
    const auto one = validate_claims(ledger, plan_validation(ledger), options);
    options.threads = 2;
    const auto two = validate_claims(ledger, plan_validation(ledger), options);
    EXPECT_EQ(one[0].difference.estimate, two[0].difference.estimate);
    EXPECT_EQ(one[0].difference.low, two[0].difference.low);
}

TEST(ClaimValidation, PlansTheNamedBasesOrTheGivenOnes) {
    const std::string text =
        "[bases]\ndefault = \"" + base_path + "\"\nother = \"" + base_path + "\"\n" +
        claim("everywhere", "", "\"setup.budget_hours=100\"", "capacity", "increase") +
        claim("one", "", "\"setup.budget_hours=100\"", "capacity", "increase",
              "bases = [\"other\"]\n");
    const ClaimLedger ledger = parse_claim_ledger(text, "/ledger.toml");
    EXPECT_EQ(plan_validation(ledger).cells.size(), 3u);
    EXPECT_EQ(plan_validation(ledger, {{"mine", base_path}}).cells.size(), 2u);
}

TEST(ClaimValidation, AReadingBeyondABasesHorizonIsAnError) {
    const ClaimLedger ledger =
        ledger_of(claim("late", "\"run.months=24\"",
                        "\"run.months=24\", \"setup.budget_hours=100\"", "capacity", "increase"));
    ValidationOptions options;
    options.replicates = 2;
    try {
        validate_claims(ledger, plan_validation(ledger), options);
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("claim 'late' reads month 36"), std::string::npos)
            << e.what();
    }
}

// Under sampled models: each set of model constants is a different model (the baseline's mean
// moves with the draw, the same seed gives the same draw), a strong effect holds in every
// sampled model and an inert one in none. The budget claim's effect (+0.08 capacity, interval
// +-0.001 at 200 replicates under the default model) is far from zero for any plausible
// constants, so 10 replicates at each of 3 models are ample; the inert claim's designs are
// identical in everything the model reads, so its interval is [0, 0] and it fails at any set.
TEST(ClaimValidation, UnderSampledModelsStrongClaimsHoldAndInertOnesDoNot) {
    const ClaimLedger ledger =
        ledger_of(claim("up", "\"setup.budget_hours=30\"", "\"setup.budget_hours=160\"", "capacity",
                        "increase") +
                  claim("inert", "\"facilitator.hourly_cost=100\"",
                        "\"facilitator.hourly_cost=120\"", "capacity", "increase"));
    ValidationOptions options;
    options.replicates = 10;
    options.threads = 2;
    const auto plan = plan_validation(ledger);
    const auto fixed = validate_claims(ledger, plan, options);
    ValidationOptions drawn = options;
    drawn.model_draw_seed = sampled_model_seed(options.seed, 0);
    const auto at_first = validate_claims(ledger, plan, drawn);
    const auto again = validate_claims(ledger, plan, drawn);
    drawn.model_draw_seed = sampled_model_seed(options.seed, 1);
    const auto at_second = validate_claims(ledger, plan, drawn);
    EXPECT_NE(at_first[0].baseline_mean, fixed[0].baseline_mean);
    EXPECT_NE(at_first[0].baseline_mean, at_second[0].baseline_mean);
    EXPECT_EQ(at_first[0].baseline_mean, again[0].baseline_mean);
    EXPECT_EQ(at_first[0].difference.estimate, again[0].difference.estimate);

    const auto validation = validate_under_uncertainty(ledger, plan, options, 3);
    const auto& robustness = validation.robustness;
    ASSERT_EQ(robustness.size(), 2u);
    EXPECT_EQ(robustness[0].claim, "up");
    EXPECT_EQ(robustness[0].sets, 3u);
    EXPECT_EQ(robustness[0].holding, 3u);
    EXPECT_EQ(robustness[0].share.estimate, 1.0);
    // Wilson at 3 of 3: [0.438, 1] (z = 1.96), the width that says 3 models are few.
    EXPECT_NEAR(robustness[0].share.low, 0.4385, 1e-3);
    EXPECT_EQ(robustness[0].share.high, 1.0);
    EXPECT_EQ(robustness[1].holding, 0u);
    EXPECT_EQ(robustness[1].replicates, 10u);
    ASSERT_EQ(validation.results.size(), 3u);
    EXPECT_EQ(validation.results[1][0].baseline_mean, at_second[0].baseline_mean);
    ASSERT_EQ(validation.model_constants.size(), 3u);
    EXPECT_NE(validation.model_constants[0], validation.model_constants[1]);
    EXPECT_THROW(validate_under_uncertainty(ledger, plan, options, 0), InputError);
}

// A constant that only the variant sets is held in the baseline too (at its base value), not
// drawn there: a variant that sets a constant to its default is then the baseline itself at
// every sampled model, run for run (difference exactly 0). Drawn in the baseline alone, it
// would differ from the default in every model and move capacity.
TEST(ClaimValidation, UnderSampledModelsAConstantTheVariantSetsIsHeldInTheBaselineToo) {
    const ClaimLedger ledger = ledger_of(
        claim("same", "", "\"population.capacity_per_resources=0.2\"", "capacity", "increase"));
    ValidationOptions options;
    options.replicates = 5;
    options.threads = 2;
    const auto validation = validate_under_uncertainty(ledger, plan_validation(ledger), options, 3);
    for (const auto& at_model : validation.results) {
        EXPECT_EQ(at_model[0].difference.estimate, 0.0);
        EXPECT_EQ(at_model[0].difference.high, 0.0);
    }
    EXPECT_EQ(validation.robustness[0].holding, 0u);
}

// Each sampled model derives from (seed, model index) alone: the same models and the same
// effects at each, bit for bit, on 1 thread and on 3; and model k is the same whether 2 or 3
// models are run.
TEST(ClaimValidation, SampledModelsDoNotDependOnTheThreadCountOrTheirNumber) {
    const ClaimLedger ledger =
        ledger_of(claim("up", "\"setup.budget_hours=30\"", "\"setup.budget_hours=160\"", "capacity",
                        "increase") +
                  claim("trust", "\"setup.join_month=18\"", "\"setup.join_month=0\"",
                        "trust_partner_facilitator", "increase"));
    const auto plan = plan_validation(ledger);
    ValidationOptions options;
    options.replicates = 6;
    options.threads = 1;
    const auto one = validate_under_uncertainty(ledger, plan, options, 3);
    options.threads = 3;
    const auto three = validate_under_uncertainty(ledger, plan, options, 3);
    const auto two_models = validate_under_uncertainty(ledger, plan, options, 2);
    EXPECT_EQ(one.model_seeds, three.model_seeds);
    EXPECT_EQ(one.model_constants, three.model_constants);
    for (std::size_t k = 0; k < 3; ++k) {
        for (std::size_t c = 0; c < plan.cells.size(); ++c) {
            const auto& a = one.results[k][c];
            const auto& b = three.results[k][c];
            EXPECT_EQ(a.baseline_mean, b.baseline_mean);
            EXPECT_EQ(a.variant_mean, b.variant_mean);
            EXPECT_EQ(a.difference.low, b.difference.low);
            EXPECT_EQ(a.difference.high, b.difference.high);
            if (k < 2) {
                EXPECT_EQ(two_models.results[k][c].variant_mean, a.variant_mean);
            }
        }
    }
    for (std::size_t c = 0; c < plan.cells.size(); ++c) {
        EXPECT_EQ(one.robustness[c].holding, three.robustness[c].holding);
    }
}

}  // namespace
}  // namespace partnersim::analysis
