// The claims ledger file: the bundled ledger reads, and every mistake in a ledger is reported
// with its file, line and key.

#include "io/claims_file.hpp"

#include <gtest/gtest.h>

#include <set>

#include "io/scenario_file.hpp"

namespace partnersim {
namespace {

const char* const bases = "[bases]\ndefault = \"../scenarios/default.toml\"\n";

std::string claim(const std::string& extra) {
    return std::string(bases) +
           "[[claim]]\nid = \"x\"\ntopic = \"t\"\ndocument = \"itad\"\nsection = \"s\"\n"
           "quote = \"q\"\n" +
           extra;
}

const char* const tested =
    "baseline = [\"setup.budget_hours=30\"]\nvariant = [\"setup.budget_hours=160\"]\n"
    "measure = \"capacity\"\nmonths = [36, 36]\ndirection = \"increase\"\n";

ScenarioError error_of(const std::string& text) {
    try {
        parse_claim_ledger(text, "ledger.toml");
    } catch (const ScenarioError& e) {
        return e;
    }
    ADD_FAILURE() << "no error for:\n" << text;
    return ScenarioError("", 0, "", "");
}

TEST(ClaimsFile, ReadsATestedClaim) {
    const ClaimLedger ledger = parse_claim_ledger(claim(tested), "dir/ledger.toml");
    ASSERT_EQ(ledger.claims.size(), 1u);
    ASSERT_TRUE(ledger.claims[0].test);
    const ClaimTest& t = *ledger.claims[0].test;
    EXPECT_EQ(t.variant, std::vector<std::string>{"setup.budget_hours=160"});
    EXPECT_EQ(t.months.first, 36);
    EXPECT_EQ(t.direction, Direction::increase);
    EXPECT_TRUE(t.expected_to_hold);
    ASSERT_EQ(ledger.bases.size(), 1u);
    // Base paths are relative to the ledger file.
    EXPECT_EQ(ledger.bases[0].file, std::filesystem::path("dir/../scenarios/default.toml"));
}

TEST(ClaimsFile, ATypoInAnOverrideIsReportedAtItsLine) {
    const auto e = error_of(
        claim("baseline = [\"setup.budget_houres=30\"]\nvariant = [\"setup.budget_hours=160\"]\n"
              "measure = \"capacity\"\nmonths = [36, 36]\ndirection = \"increase\"\n"));
    EXPECT_EQ(e.file(), "ledger.toml");
    EXPECT_EQ(e.line(), 9);
    EXPECT_EQ(e.key(), "claim 'x'.baseline");
    EXPECT_NE(e.message().find("did you mean 'setup.budget_hours'"), std::string::npos)
        << e.message();
}

TEST(ClaimsFile, RejectsWhatCannotBeRun) {
    EXPECT_NE(error_of(claim("measure = \"trust\"\nmonths = [1, 2]\ndirection = \"increase\"\n"
                             "variant = [\"setup.budget_hours=1\"]\n"))
                  .message()
                  .find("unknown measure 'trust'"),
              std::string::npos);
    EXPECT_EQ(error_of(claim(std::string(tested) + "months_ = 3\n")).key(), "claim 'x'.months_");
    EXPECT_NE(error_of(claim(std::string(tested) + "not_represented = \"r\"\n"))
                  .message()
                  .find("not both or neither"),
              std::string::npos);
    EXPECT_NE(error_of(claim("")).message().find("not both or neither"), std::string::npos);
    std::string bad_months = tested;
    bad_months.replace(bad_months.find("[36, 36]"), 8, "[36, 12]");
    EXPECT_EQ(error_of(claim(bad_months)).key(), "claim 'x'.months");
    EXPECT_EQ(error_of(claim(std::string(tested) + "bases = [\"elsewhere\"]\n")).key(),
              "claim 'x'.bases");
    EXPECT_NE(
        error_of(claim(std::string(tested) + "expected = \"fails\"\n")).message().find("says why"),
        std::string::npos);
    EXPECT_EQ(error_of(claim(std::string(tested) + "[[claim]]\nid = \"x\"\ntopic = \"t\"\n"
                                                   "document = \"itad\"\nsection = \"s\"\n"
                                                   "quote = \"q\"\nnot_represented = \"r\"\n"))
                  .message(),
              "the id is used twice");
    EXPECT_EQ(error_of(std::string("[[claim]]\nid = \"x\"\n")).key(), "bases");
}

// The bundled ledger: at least 60 claims, each with a test or the reason it has none, every
// one of the study's dimensions present.
TEST(ClaimsFile, TheBundledLedgerHoldsEveryKindOfClaim) {
    const ClaimLedger ledger =
        load_claim_ledger(std::filesystem::path(PARTNERSIM_SOURCE_DIR) / "docs/claims.toml");
    EXPECT_GE(ledger.claims.size(), 60u);
    EXPECT_GE(ledger.bases.size(), 4u);
    std::set<std::string> topics;
    std::size_t with_tests = 0;
    for (const auto& c : ledger.claims) {
        topics.insert(c.topic);
        with_tests += c.test.has_value();
        EXPECT_TRUE(c.test || !c.not_represented.empty()) << c.id;
    }
    EXPECT_GE(with_tests, 60u);
    for (const char* topic :
         {"value added", "strategic enablers", "operational enablers",
          "archetype: practice partner", "archetype: sense-maker", "archetype: network builder",
          "archetype: programme navigator", "set-up: who facilitates",
          "set-up: which external facilitator", "set-up: formality", "set-up: duration",
          "set-up: level", "set-up: evidence"}) {
        EXPECT_TRUE(topics.count(topic)) << topic;
    }
    for (const auto& base : ledger.bases) EXPECT_TRUE(std::filesystem::exists(base.file));
}

}  // namespace
}  // namespace partnersim
