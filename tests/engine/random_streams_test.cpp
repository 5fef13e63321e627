#include "engine/random_streams.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <unordered_set>
#include <vector>

#include "model/random_stream.hpp"

namespace partnersim {
namespace {

// The seeds must be computable at compile time (and so free of hidden state).
static_assert(stream_seed(1, 2, 3) == stream_seed(1, 2, 3));
static_assert(mix64(0) != 0);

TEST(Mix64, IsTheSplitMix64Finaliser) {
    // Reference outputs of SplitMix64 (Steele, Lea and Flood 2014; Vigna's splitmix64.c): the
    // generator's i-th output from state s is mix64(s + i * golden gamma).
    constexpr std::uint64_t gamma = 0x9E3779B97F4A7C15ULL;
    EXPECT_EQ(mix64(0), 0xE220A8397B1DCDAFULL);
    EXPECT_EQ(mix64(1234567), 6457827717110365317ULL);
    EXPECT_EQ(mix64(1234567 + gamma), 3203168211198807973ULL);
    EXPECT_EQ(mix64(1234567 + 2 * gamma), 9817491932198370423ULL);
}

TEST(StreamSeed, DependsOnlyOnSeedDesignPointAndReplicate) {
    const std::uint64_t a = stream_seed(20251, 3, 17);
    // Unrelated calls in between change nothing.
    for (std::uint64_t i = 0; i < 100; ++i) (void)stream_seed(i, i + 1, i + 2);
    EXPECT_EQ(stream_seed(20251, 3, 17), a);
    EXPECT_NE(stream_seed(20252, 3, 17), a);
    EXPECT_NE(stream_seed(20251, 4, 17), a);
    EXPECT_NE(stream_seed(20251, 3, 18), a);
}

TEST(StreamSeed, DesignPointAndReplicateAreNotInterchangeable) {
    EXPECT_NE(stream_seed(7, 1, 2), stream_seed(7, 2, 1));
    EXPECT_NE(stream_seed(7, 0, 1), stream_seed(7, 1, 0));
    EXPECT_NE(stream_seed(7, 0, 0), stream_seed(0, 0, 7));
    EXPECT_NE(stream_seed(7, 0, 0), stream_seed(0, 7, 0));
}

TEST(StreamSeed, NoCollisionsAmongOneHundredThousandIds) {
    for (const std::uint64_t master : {std::uint64_t{0}, std::uint64_t{20251}}) {
        std::unordered_set<std::uint64_t> sweep;  // 100 design points x 1000 replicates
        for (std::uint64_t d = 0; d < 100; ++d) {
            for (std::uint64_t r = 0; r < 1000; ++r) sweep.insert(stream_seed(master, d, r));
        }
        EXPECT_EQ(sweep.size(), 100'000u) << "master seed " << master;

        std::unordered_set<std::uint64_t> replicates;  // one point, 100000 replicates
        for (std::uint64_t r = 0; r < 100'000; ++r) replicates.insert(stream_seed(master, 0, r));
        EXPECT_EQ(replicates.size(), 100'000u) << "master seed " << master;
    }
}

TEST(StreamSeed, EveryIdChangesWithTheMasterSeedAndTheSetsDoNotOverlap) {
    std::unordered_set<std::uint64_t> seen;
    std::size_t unchanged = 0;
    for (std::uint64_t d = 0; d < 100; ++d) {
        for (std::uint64_t r = 0; r < 500; ++r) {
            const std::uint64_t one = stream_seed(1, d, r);
            const std::uint64_t two = stream_seed(2, d, r);
            if (one == two) ++unchanged;
            seen.insert(one);
            seen.insert(two);
        }
    }
    EXPECT_EQ(unchanged, 0u);
    EXPECT_EQ(seen.size(), 100'000u);
}

TEST(StreamSeed, NeighbouringIdsGiveUnrelatedSeeds) {
    // Well mixed: consecutive replicates (and consecutive master seeds) differ in about half
    // of their 64 bits. A plain sum or xor of the inputs would differ in one or two.
    double replicate_bits = 0;
    double master_bits = 0;
    constexpr int pairs = 10'000;
    for (std::uint64_t i = 0; i < pairs; ++i) {
        replicate_bits += std::popcount(stream_seed(42, 0, i) ^ stream_seed(42, 0, i + 1));
        master_bits += std::popcount(stream_seed(i, 0, 0) ^ stream_seed(i + 1, 0, 0));
    }
    EXPECT_NEAR(replicate_bits / pairs, 32.0, 0.5);
    EXPECT_NEAR(master_bits / pairs, 32.0, 0.5);
}

TEST(RandomStream, NeighbouringStreamSeedsGiveDifferentSequences) {
    RandomStream a(stream_seed(42, 0, 0));
    RandomStream b(stream_seed(42, 0, 1));
    RandomStream a_again(stream_seed(42, 0, 0));
    int equal = 0;
    for (int i = 0; i < 100; ++i) {
        const double x = a.uniform();
        EXPECT_EQ(x, a_again.uniform());
        if (x == b.uniform()) ++equal;
    }
    EXPECT_EQ(equal, 0);
}

}  // namespace
}  // namespace partnersim
