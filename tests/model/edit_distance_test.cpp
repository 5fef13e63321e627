#include "model/edit_distance.hpp"

#include <gtest/gtest.h>

namespace partnersim {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
    EXPECT_EQ(edit_distance("", ""), 0u);
    EXPECT_EQ(edit_distance("", "abc"), 3u);
    EXPECT_EQ(edit_distance("abc", ""), 3u);
    EXPECT_EQ(edit_distance("budget", "budget"), 0u);
    EXPECT_EQ(edit_distance("budjet", "budget"), 1u);       // substitution
    EXPECT_EQ(edit_distance("los_rate", "loss_rate"), 1u);  // insertion
    EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);      // the textbook case
    EXPECT_EQ(edit_distance("summary", "sumary"), 1u);      // deletion
}

TEST(EditDistance, AnAdjacentSwapCountsOnce) {
    EXPECT_EQ(edit_distance("chekc", "check"), 1u);  // Levenshtein: 2
    EXPECT_EQ(edit_distance("ab", "ba"), 1u);
    EXPECT_EQ(edit_distance("capaicty", "capacity"), 1u);
    // Optimal string alignment edits no substring twice: "ca" to "abc" is 3 (a true
    // Damerau-Levenshtein distance, swapping then inserting between, would be 2).
    EXPECT_EQ(edit_distance("ca", "abc"), 3u);
}

TEST(EditDistance, IsSymmetric) {
    for (const auto& [a, b] : {std::pair{"participaton", "participation"},
                               std::pair{"trsut", "trust_partner_facilitator"},
                               std::pair{"--replicate", "--replicates"}}) {
        EXPECT_EQ(edit_distance(a, b), edit_distance(b, a)) << a << " " << b;
    }
}

}  // namespace
}  // namespace partnersim
