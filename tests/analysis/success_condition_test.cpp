#include "analysis/success_condition.hpp"

#include <gtest/gtest.h>

namespace partnersim::analysis {
namespace {

const std::vector<std::string> measures{"trust_partner_facilitator", "candour", "tokenism"};

Eigen::RowVectorXd run(double trust, double candour, double tokenism) {
    Eigen::RowVectorXd row(3);
    row << trust, candour, tokenism;
    return row;
}

TEST(SuccessCondition, ComparisonsBothWays) {
    const SuccessCondition c("trust_partner_facilitator > 0.6", measures);
    EXPECT_TRUE(c.holds(run(0.61, 0, 0)));
    EXPECT_FALSE(c.holds(run(0.6, 0, 0)));
    const SuccessCondition flipped("0.6 < trust_partner_facilitator", measures);
    EXPECT_TRUE(flipped.holds(run(0.61, 0, 0)));
    EXPECT_FALSE(flipped.holds(run(0.6, 0, 0)));
    EXPECT_TRUE(SuccessCondition("candour >= 0.5", measures).holds(run(0, 0.5, 0)));
    EXPECT_TRUE(SuccessCondition("candour != tokenism", measures).holds(run(0, 0.5, 0.4)));
    EXPECT_TRUE(SuccessCondition("candour == -1e-1", measures).holds(run(0, -0.1, 0)));
}

TEST(SuccessCondition, AndBindsTighterThanOr) {
    // a or b and c  ==  a or (b and c): true when only a holds.
    const SuccessCondition c("tokenism < 0.1 or candour > 0.5 and trust_partner_facilitator > 0.5",
                             measures);
    EXPECT_TRUE(c.holds(run(0.0, 0.0, 0.05)));
    EXPECT_FALSE(c.holds(run(0.9, 0.0, 0.5)));
    EXPECT_TRUE(c.holds(run(0.9, 0.9, 0.5)));
    const SuccessCondition grouped(
        "(tokenism < 0.1 || candour > 0.5) && trust_partner_facilitator > 0.5", measures);
    EXPECT_FALSE(grouped.holds(run(0.0, 0.0, 0.05)));
}

TEST(SuccessCondition, Negation) {
    const SuccessCondition c("not tokenism > 0.3 and !(candour < 0.2)", measures);
    EXPECT_TRUE(c.holds(run(0, 0.5, 0.1)));
    EXPECT_FALSE(c.holds(run(0, 0.5, 0.4)));
    EXPECT_FALSE(c.holds(run(0, 0.1, 0.1)));
}

TEST(SuccessCondition, EvaluatesEveryRow) {
    Eigen::MatrixXd outcomes(3, 3);
    outcomes << 0.7, 0, 0, 0.5, 0, 0, 0.9, 0, 0;
    EXPECT_EQ(SuccessCondition("trust_partner_facilitator > 0.6", measures).evaluate(outcomes),
              (std::vector<bool>{true, false, true}));
}

TEST(SuccessCondition, MistakesNameTheirPlaceAndTheNearestMeasure) {
    try {
        SuccessCondition("trust_partner_facilitatr > 0.6", measures);
        FAIL() << "accepted an unknown measure";
    } catch (const ConditionError& error) {
        EXPECT_EQ(error.position(), 0u);
        EXPECT_NE(std::string(error.what()).find("did you mean 'trust_partner_facilitator'"),
                  std::string::npos)
            << error.what();
    }
    auto position_of = [](const std::string& text) {
        try {
            SuccessCondition c(text, measures);
        } catch (const ConditionError& error) {
            return static_cast<long>(error.position());
        }
        return -1L;
    };
    EXPECT_EQ(position_of("candour = 0.5"), 8);       // single '='
    EXPECT_EQ(position_of("candour > 0.5 and"), 17);  // nothing after 'and'
    EXPECT_EQ(position_of("(candour > 0.5"), 14);     // unclosed
    EXPECT_EQ(position_of("candour 0.5"), 8);         // missing operator
    EXPECT_EQ(position_of("0.1 < 0.5"), 6);           // no measure
    EXPECT_EQ(position_of("candour > 0.5 tokenism"), 14);
    EXPECT_EQ(position_of("   "), 0);
    EXPECT_EQ(position_of("candour > 0.5 and tokenism < 0.3"), -1);
}

}  // namespace
}  // namespace partnersim::analysis

namespace partnersim::analysis {
namespace {

// The parser recurses once per '(' or 'not', and the tree once per clause: hostile conditions
// (discover --success, report --success) are bounded before they can exhaust the stack.
std::string error_text(const std::string& condition) {
    try {
        SuccessCondition c(condition, measures);
    } catch (const ConditionError& error) {
        return error.what();
    }
    return "";
}

TEST(SuccessCondition, DeepNestingIsRefusedNotRecursedInto) {
    const std::string deep = std::string(1000, '(') + "candour > 0.5" + std::string(1000, ')');
    EXPECT_NE(error_text(deep).find("nested more than 64 deep"), std::string::npos)
        << error_text(deep);
    std::string negations;
    for (int i = 0; i < 1000; ++i) negations += "not ";
    EXPECT_NE(error_text(negations + "candour > 0.5").find("nested more than 64 deep"),
              std::string::npos);
    // Up to the bound, nesting is fine.
    const std::string fine = std::string(64, '(') + "candour > 0.5" + std::string(64, ')');
    EXPECT_TRUE(SuccessCondition(fine, measures).holds(run(0, 0.6, 0)));
}

TEST(SuccessCondition, AnOverlongConditionIsRefusedBeforeParsing) {
    std::string chain = "candour > 0.5";
    while (chain.size() <= 4096) chain += " and candour > 0.5";
    EXPECT_NE(error_text(chain).find("at most 4096"), std::string::npos) << error_text(chain);
    EXPECT_NE(error_text(std::string(200000, '(')).find("at most 4096"), std::string::npos);
}

}  // namespace
}  // namespace partnersim::analysis
