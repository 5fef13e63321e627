// Issue 10, "done when": with the uncertainty option on, the interval of the paired effect of
// setup.duration (time_bound -> open_ended) on partners' trust in the facilitator is wider than
// without it, at the default scenario (docs/validation.md, "Uncertainty about the model's
// constants", gives the figures and the commands).
//
// Why it must be wider: without the option every pair runs one model and the interval holds
// only Monte Carlo noise; with it, each pair runs its own drawn model, so the paired
// differences also vary with the model. 200 paired replicates at seed 777, as in
// docs/validation.md, where the ratio of widths is 1.090 (0.0182 / 0.0167, measured
// 2026-12-03). Tolerance: the test asks only for "wider" (ratio > 1). The seed is fixed, so the
// test is deterministic; it is not fragile either: at 200 replicates the ratio measured 1.079,
// 1.100, 1.100 and 1.115 at seeds 1-4. A ratio of two s.d.s of 200 paired differences would
// have an s.d. of about sqrt(2 / 398) = 0.07 if the two runs were independent; they share each
// replicate's stream (common random numbers), and the five seeds spread by only about 0.014,
// so a seed giving a ratio below 1 is several of those away. What keeps it there is the model
// spread the option adds: an s.d. of about 0.026 in the per-pair effect beside 0.060 of run
// noise (0.023 beside 0.040 when the ratio was 1.155, before the start-up review and the habit
// of taking part).

#include <gtest/gtest.h>

#include <filesystem>

#include "app/compare_designs.hpp"

namespace partnersim::app {
namespace {

analysis::Interval duration_effect_on_trust(bool uncertainty) {
    CompareRequest request;
    request.baseline = std::filesystem::path(PARTNERSIM_SOURCE_DIR) / "scenarios/default.toml";
    request.variant_overrides = {"setup.duration=open_ended"};
    request.seed = 777;
    request.replicates = 200;
    request.uncertainty = uncertainty;
    const ComparisonOutcome outcome = compare_designs(request);
    for (const auto& m : outcome.comparison.measures) {
        if (m.measure == "trust_partner_facilitator") return m.final.difference;
    }
    ADD_FAILURE() << "no trust_partner_facilitator in the comparison";
    return {};
}

TEST(UncertaintyWidth, DrawnModelsWidenTheIntervalOfTheDurationEffectOnTrust) {
    const analysis::Interval fixed = duration_effect_on_trust(false);
    const analysis::Interval drawn = duration_effect_on_trust(true);
    const double fixed_width = fixed.high - fixed.low;
    const double drawn_width = drawn.high - drawn.low;
    RecordProperty("fixed_width", std::to_string(fixed_width));
    RecordProperty("drawn_width", std::to_string(drawn_width));
    EXPECT_GT(drawn_width, fixed_width)
        << "fixed " << fixed.estimate << " [" << fixed.low << ", " << fixed.high << "], drawn "
        << drawn.estimate << " [" << drawn.low << ", " << drawn.high << "]";
}

}  // namespace
}  // namespace partnersim::app
