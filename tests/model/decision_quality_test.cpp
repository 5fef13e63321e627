#include "model/decision_quality.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "model/model_constants.hpp"
#include "model/random_stream.hpp"
#include "support/world_builder.hpp"

namespace partnersim {
namespace {

// The funder's allocation rule at its default slope.
const double sharpness = AdaptationConstants{}.support_sharpness;

// Partners whose true effectiveness is `truth` (no practice gains).
PartnerPopulation with_truth(const std::vector<double>& truth) {
    PartnerPopulation p;
    p.count = truth.size();
    p.enrolled.assign(truth.size(), 1);
    p.baseline_effectiveness = truth;
    p.practice_gain.assign(truth.size(), 0.0);
    return p;
}

std::vector<double> standard_normals(RandomStream& random, std::size_t n) {
    std::vector<double> v(n);
    for (auto& x : v) x = random.normal();
    return v;
}

// Beliefs = truth + noise * z: the funder's errors grow with `noise`.
double mean_quality_at_noise(double noise, std::size_t partners, int draws) {
    RandomStream random(test::model_test_seed);
    double sum = 0.0;
    for (int d = 0; d < draws; ++d) {
        const auto truth = standard_normals(random, partners);
        const auto error = standard_normals(random, partners);
        std::vector<double> belief(partners);
        for (std::size_t i = 0; i < partners; ++i) belief[i] = truth[i] + noise * error[i];
        sum += decision_quality(with_truth(truth), belief, sharpness);
    }
    return sum / draws;
}

// Over enrolled partners only, as every mean: a partner that left (or a newcomer's slot not yet
// taken) is not the funder's to back, however the funder misranks it.
TEST(DecisionQuality, CountsEnrolledPartnersOnly) {
    auto p = with_truth({-1.0, 0.5, 2.0, 0.0, 3.0});
    const std::vector<double> belief{-1.0, 0.5, 2.0, 0.0, -5.0};
    EXPECT_LT(decision_quality(p, belief, sharpness), 0.9);
    p.enrolled[4] = 0;
    EXPECT_NEAR(decision_quality(p, belief, sharpness), 1.0, 1e-12);
    const auto four = with_truth({-1.0, 0.5, 2.0, 0.0});
    const std::vector<double> misranked{0.5, -1.0, 2.0, 0.0, 9.0};
    EXPECT_DOUBLE_EQ(decision_quality(p, misranked, sharpness),
                     decision_quality(four, {0.5, -1.0, 2.0, 0.0}, sharpness));
}

TEST(DecisionQuality, IsOneForTheTruthsOwnRankingAndZeroForNoKnowledge) {
    const auto p = with_truth({-1.0, 0.5, 2.0, 0.0});
    EXPECT_NEAR(decision_quality(p, {-1.0, 0.5, 2.0, 0.0}, sharpness), 1.0, 1e-12);
    // A funder that cannot tell partners apart does what an even spread does.
    EXPECT_NEAR(decision_quality(p, {0.0, 0.0, 0.0, 0.0}, sharpness), 0.0, 1e-12);
    // The reversed ranking is worse than even.
    EXPECT_LT(decision_quality(p, {1.0, -0.5, -2.0, 0.0}, sharpness), 0.0);
    // Nothing to gain when every partner is equally effective.
    EXPECT_EQ(decision_quality(with_truth({0.3, 0.3, 0.3}), {1.0, 0.0, -1.0}, sharpness), 0.0);
}

TEST(DecisionQuality, FallsAsTheFundersBeliefsGrowLessAccurate) {
    // 400 portfolios of 20 at each noise level, the same truths and error shapes at every level
    // (one seed), so only the size of the errors differs. The steps between levels are several
    // times the s.e. of each mean (about 0.2 / sqrt(400) = 0.01), so a strict order is a fair ask.
    const std::vector<double> noise{0.0, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0};
    double previous = 2.0;
    for (const double s : noise) {
        const double q = mean_quality_at_noise(s, 20, 400);
        SCOPED_TRACE("noise " + std::to_string(s) + ": quality " + std::to_string(q));
        EXPECT_LT(q, previous - 0.02);
        previous = q;
    }
    EXPECT_NEAR(mean_quality_at_noise(0.0, 20, 10), 1.0, 1e-12);
    // Not saturated: beliefs with errors a tenth of the spread of the truth already cost a
    // visible share, and errors as large as the truth leave well under half (a correlation of
    // support with truth scored 0.85-0.88 over this whole range of knowledge).
    EXPECT_LT(mean_quality_at_noise(0.1, 20, 400), 0.97);
    EXPECT_LT(mean_quality_at_noise(1.0, 20, 400), 0.5);
    EXPECT_GT(mean_quality_at_noise(4.0, 20, 400), 0.0);  // a little knowledge beats none
}

TEST(DecisionQuality, IsTheSameForTimidAndBoldBeliefsThatRankPartnersAlike) {
    RandomStream random(test::model_test_seed);
    const auto truth = standard_normals(random, 30);
    const auto error = standard_normals(random, 30);
    const auto p = with_truth(truth);
    for (const double noise : {0.0, 0.5}) {
        std::vector<double> bold(truth.size()), timid(truth.size()), tiny(truth.size());
        for (std::size_t i = 0; i < truth.size(); ++i) {
            bold[i] = truth[i] + noise * error[i];
            timid[i] = 0.1 * bold[i];
            tiny[i] = 0.001 * bold[i];
        }
        SCOPED_TRACE("noise " + std::to_string(noise));
        EXPECT_DOUBLE_EQ(decision_quality(p, timid, sharpness),
                         decision_quality(p, bold, sharpness));
        EXPECT_DOUBLE_EQ(decision_quality(p, tiny, sharpness),
                         decision_quality(p, bold, sharpness));
    }
    EXPECT_NEAR(decision_quality(p, std::vector<double>(truth.size(), 0.0), sharpness), 0.0, 1e-12);
}

TEST(DecisionQuality, IsComparableAcrossPortfolioSizes) {
    // The same quality of knowledge (errors half the spread of the truth) scores alike in a
    // portfolio of 10 and one of 200: within 0.1, where a raw regret in effectiveness units
    // would differ by the growth of the best partner's lead with the number of partners.
    const double small = mean_quality_at_noise(0.5, 10, 400);
    const double large = mean_quality_at_noise(0.5, 200, 100);
    EXPECT_NEAR(small, large, 0.1);
}

TEST(DecisionQuality, CountsTiedBeliefsAsSharingTheirRanks) {
    const auto p = with_truth({2.0, 1.0, -1.0});
    // Believing the two best alike is better than none and worse than knowing their order.
    const double tied = decision_quality(p, {1.0, 1.0, -1.0}, sharpness);
    EXPECT_GT(tied, 0.0);
    EXPECT_LT(tied, 1.0);
    // and the order in which tied partners are listed does not matter.
    EXPECT_NEAR(decision_quality(with_truth({1.0, 2.0, -1.0}), {1.0, 1.0, -1.0}, sharpness), tied,
                1e-12);
}

TEST(DecisionQuality, IsDefinedAtMonthZeroAndRisesAsTheFunderLearns) {
    // Before anything happens the funder believes every partner average: quality 0, not undefined.
    World world = test::make_world(test::small_scenario(20));
    EXPECT_EQ(decision_quality(world.partners, world.funder.belief, sharpness), 0.0);
    // After the first month's step it has read one round of reports and synthesis: the recorded
    // month-0 value is already above 0, long before the first decision window (month 11), and
    // it keeps rising over the first year (mean over 50 runs; run-to-run s.d. about 0.2).
    double month_zero = 0.0, month_eleven = 0.0;
    for (std::uint64_t seed = 1; seed <= 50; ++seed) {
        World w = test::make_world(test::small_scenario(20), seed);
        RandomStream random(seed);
        step_month(w, random);
        const double first = decision_quality(w.partners, w.funder.belief, sharpness);
        ASSERT_TRUE(std::isfinite(first));
        month_zero += first / 50;
        test::run_months(w, random, 11);
        month_eleven += decision_quality(w.partners, w.funder.belief, sharpness) / 50;
    }
    EXPECT_GT(month_zero, 0.1);
    EXPECT_GT(month_eleven, month_zero + 0.1);
}

TEST(DecisionQuality, AllocatesNothingOnceItsScratchIsSized) {
    const auto p = with_truth({0.1, -0.4, 1.2, 0.7, -1.1});
    DecisionScratch scratch;
    const double first = decision_quality(p, {0.2, 0.0, 1.0, 0.5, -1.0}, sharpness, scratch);
    const auto* shares = scratch.ideal_shares.data();
    const auto* by_truth = scratch.by_truth.data();
    const auto* by_belief = scratch.by_belief.data();
    const auto* truths = scratch.truth_by_rank.data();
    const double again = decision_quality(p, {0.3, 0.1, 0.9, 0.6, -0.8}, sharpness, scratch);
    EXPECT_EQ(shares, scratch.ideal_shares.data());
    EXPECT_EQ(by_truth, scratch.by_truth.data());
    EXPECT_EQ(by_belief, scratch.by_belief.data());
    EXPECT_EQ(truths, scratch.truth_by_rank.data());
    EXPECT_DOUBLE_EQ(first, again);  // same ranking, same quality
}

}  // namespace
}  // namespace partnersim
