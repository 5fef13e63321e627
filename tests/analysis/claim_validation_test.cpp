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

}  // namespace
}  // namespace partnersim::analysis
