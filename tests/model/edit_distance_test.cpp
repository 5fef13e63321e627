#include "model/edit_distance.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

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

TEST(EditDistanceWithin, GivesTheDistanceWhenWithinTheLimit) {
    EXPECT_EQ(edit_distance_within("budjet", "budget", 1), std::optional<std::size_t>(1));
    EXPECT_EQ(edit_distance_within("budjet", "budget", 5), std::optional<std::size_t>(1));
    EXPECT_EQ(edit_distance_within("kitten", "sitting", 3), std::optional<std::size_t>(3));
    EXPECT_EQ(edit_distance_within("chekc", "check", 1), std::optional<std::size_t>(1));
    EXPECT_EQ(edit_distance_within("ca", "abc", 3), std::optional<std::size_t>(3));
}

TEST(EditDistanceWithin, SaysBeyondWhenTheDistanceExceedsTheLimit) {
    EXPECT_EQ(edit_distance_within("kitten", "sitting", 2), std::nullopt);
    EXPECT_EQ(edit_distance_within("chekc", "check", 0), std::nullopt);
    EXPECT_EQ(edit_distance_within("ca", "abc", 2), std::nullopt);     // not the 2 of a true swap
    EXPECT_EQ(edit_distance_within("abcdef", "ab", 3), std::nullopt);  // by the lengths alone
    // Every row beyond long before the end: a long word against a far name.
    EXPECT_EQ(edit_distance_within(std::string(200, 'a'), std::string(200, 'b'), 5), std::nullopt);
}

TEST(EditDistanceWithin, AtLimitZeroOnlyEqualStringsAreWithin) {
    EXPECT_EQ(edit_distance_within("", "", 0), std::optional<std::size_t>(0));
    EXPECT_EQ(edit_distance_within("budget", "budget", 0), std::optional<std::size_t>(0));
    EXPECT_EQ(edit_distance_within("budget", "budgot", 0), std::nullopt);
    EXPECT_EQ(edit_distance_within("budget", "budge", 0), std::nullopt);
    EXPECT_EQ(edit_distance_within("", "a", 0), std::nullopt);
}

TEST(EditDistanceWithin, AnEmptyStringIsTheOthersLengthAway) {
    EXPECT_EQ(edit_distance_within("", "abc", 3), std::optional<std::size_t>(3));
    EXPECT_EQ(edit_distance_within("abc", "", 3), std::optional<std::size_t>(3));
    EXPECT_EQ(edit_distance_within("", "abc", 2), std::nullopt);
    EXPECT_EQ(edit_distance_within("abc", "", 2), std::nullopt);
    EXPECT_EQ(edit_distance_within("", "", 4), std::optional<std::size_t>(0));
}

TEST(EditDistanceWithin, CountsSwapsAtTheEdgeOfTheBand) {
    // The swap's cell looks two rows and two columns back: at limit 1 the band is three cells
    // wide, so the cells a swap reads are its edges.
    EXPECT_EQ(edit_distance_within("ab", "ba", 1), std::optional<std::size_t>(1));
    EXPECT_EQ(edit_distance_within("ab", "ba", 0), std::nullopt);
    EXPECT_EQ(edit_distance_within("xab", "ba", 2), std::optional<std::size_t>(2));
    EXPECT_EQ(edit_distance_within("xab", "ba", 1), std::nullopt);
    EXPECT_EQ(edit_distance_within("ba", "xab", 2), std::optional<std::size_t>(2));
    // Swaps all along the diagonal, the distance exactly the limit.
    EXPECT_EQ(edit_distance_within("badcfehg", "abcdefgh", 4), std::optional<std::size_t>(4));
    EXPECT_EQ(edit_distance_within("badcfehg", "abcdefgh", 3), std::nullopt);
    // A length difference equal to the limit, with a swap at the far end.
    EXPECT_EQ(edit_distance_within("abcdefhg", "abcdefghij", 3), std::optional<std::size_t>(3));
    EXPECT_EQ(edit_distance_within("abcdefhg", "abcdefghij", 2), std::nullopt);
}

TEST(EditDistanceWithin, AgreesWithTheFullDistanceOnRandomPairs) {
    // Short words over three letters, so that swaps, repeats and near misses are common, and
    // some long ones; every limit from 0 past the largest distance.
    std::mt19937 random(20261203);
    const auto word = [&](std::size_t longest) {
        std::string w(std::uniform_int_distribution<std::size_t>(0, longest)(random), 'a');
        for (char& c : w)
            c = static_cast<char>('a' + std::uniform_int_distribution<int>(0, 2)(random));
        return w;
    };
    for (int pair = 0; pair < 20000; ++pair) {
        const std::size_t longest = pair % 10 == 0 ? 40 : 9;
        const std::string a = word(longest);
        const std::string b = word(longest);
        const std::size_t full = edit_distance(a, b);
        for (std::size_t limit = 0; limit <= full + 2; ++limit) {
            const auto within = edit_distance_within(a, b, limit);
            if (full <= limit) {
                ASSERT_EQ(within, std::optional<std::size_t>(full))
                    << a << " " << b << " " << limit;
            } else {
                ASSERT_EQ(within, std::nullopt) << a << " " << b << " " << limit;
            }
        }
    }
}

TEST(ClosestName, SuggestsTheFirstOfTheNearestNamesWithinTheLimit) {
    const std::vector<std::string> names{"capacity", "candour", "cadence", "trust"};
    EXPECT_EQ(closest_name("capacty", names, 3), std::optional<std::string_view>("capacity"));
    EXPECT_EQ(closest_name("trust", names, 3), std::optional<std::string_view>("trust"));
    // A tie is settled by the list's order: the first of the nearest wins, either way round.
    const std::vector<std::string> tied{"abcd", "abce"};
    EXPECT_EQ(closest_name("abcf", tied, 3), std::optional<std::string_view>("abcd"));
    const std::vector<std::string> reversed{"abce", "abcd"};
    EXPECT_EQ(closest_name("abcf", reversed, 3), std::optional<std::string_view>("abce"));
    EXPECT_EQ(closest_name("participation", names, 3), std::nullopt);  // too far from all
    EXPECT_EQ(closest_name("capacity", std::vector<std::string>{}, 3), std::nullopt);
    EXPECT_EQ(closest_name("trusts", names, 0), std::nullopt);  // limit 0 asks for the name
}

TEST(ClosestName, IsTheFirstStrictMinimumOfTheFullDistanceOnRandomLists) {
    // The search every plain list used before: the first name of least full distance, kept
    // when that distance is within the limit.
    std::mt19937 random(20261204);
    const auto word = [&] {
        std::string w(std::uniform_int_distribution<std::size_t>(0, 8)(random), 'a');
        for (char& c : w)
            c = static_cast<char>('a' + std::uniform_int_distribution<int>(0, 2)(random));
        return w;
    };
    for (int trial = 0; trial < 5000; ++trial) {
        std::vector<std::string> names(std::uniform_int_distribution<std::size_t>(0, 12)(random));
        for (auto& n : names) n = word();
        const std::string typed = word();
        const std::size_t limit = std::uniform_int_distribution<std::size_t>(0, 4)(random);
        std::optional<std::string_view> expected;
        std::size_t best = std::string::npos;
        for (const auto& n : names) {
            const std::size_t d = edit_distance(typed, n);
            if (d < best) best = d, expected = n;
        }
        if (best > limit) expected.reset();
        ASSERT_EQ(closest_name(typed, names, limit), expected) << typed << " " << limit;
    }
}

TEST(SuggestionLimit, IsThreeEditsOrAThirdOfALongWord) {
    EXPECT_EQ(suggestion_limit(""), 3u);
    EXPECT_EQ(suggestion_limit("capacity"), 3u);
    EXPECT_EQ(suggestion_limit("trust_partner_facilitator"), 8u);  // 25 letters
}

}  // namespace
}  // namespace partnersim
