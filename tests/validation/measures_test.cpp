// Measures that mean what they say (issue 10, point 4), shown on whole runs of the model: the
// decision measure is not saturated across the enablers design, portfolio impact is bounded,
// fades after a partnership ends and does not grow with programme size by selection, and
// partners' trust in the funder follows what the funder does.
//
// Statistics: paired designs (common random numbers) over 100 replicates with a fixed seed, as
// in patterns_test.cpp; each direction is asserted by a 95% interval wholly on one side of zero.
// The figures are printed as "[measure]" lines for docs/validation.md.

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "io/hdf5_reader.hpp"
#include "support/test_helpers.hpp"
#include "validation/paired_designs.hpp"

namespace partnersim::test {
namespace {

constexpr int replicates = 100;

void report(const char* what, const Interval& effect) {
    std::cout << "[measure] " << what << " | mean " << effect.mean << " | 95% CI [" << effect.low
              << ", " << effect.high << "]\n";
}

Scenario base(int months = 60) {
    Scenario s;
    s.run.months = months;
    return s;
}

TEST(MeasuresMeanWhatTheySay, DecisionQualityIsNotSaturatedAcrossTheEnablersDesign) {
    // The shipped enablers design (1,024 points), two replicates a point, through `run`.
    TempDir dir;
    RunCommandOptions options;
    options.scenario.file = std::string(PARTNERSIM_SOURCE_DIR) + "/scenarios/enablers.toml";
    options.scenario.replicates = 2;
    options.output = dir / "enablers.h5";
    options.quiet = true;
    options.threads = 2;
    std::ostringstream out, err;
    ASSERT_EQ(run_command(options, out, err), exit_ok) << err.str();
    auto quality = read_final(options.output, "decision_quality");
    ASSERT_EQ(quality.size(), 2048u);
    std::sort(quality.begin(), quality.end());
    const double p05 = quality[quality.size() / 20];
    const double p50 = quality[quality.size() / 2];
    const double p95 = quality[quality.size() * 19 / 20];
    std::cout << "[measure] decision quality across the enablers design, 5th/50th/95th "
                 "percentile | "
              << p05 << " / " << p50 << " / " << p95 << "\n";
    // A saturated measure crowds near its ceiling (the correlation it replaces had 5th-95th
    // percentiles within 0.05 of each other at 0.85-0.9). Here the middle 90% spans more
    // than 0.15 and even the 95th percentile keeps clear of the ceiling of 1.
    EXPECT_GT(p95 - p05, 0.15);
    EXPECT_LT(p95, 0.97);
}

TEST(MeasuresMeanWhatTheySay, DecisionQualityRewardsEveryEnablerAtItsBest) {
    Scenario best = base(48);
    best.funder.senior_buy_in = 1.0;
    best.funder.focal_points = 4;
    best.funder.focal_point_capital = 1.0;
    best.facilitator.strategic_learning = 1.0;
    best.setup.clarity_of_purpose = 1.0;
    best.setup.budget_hours = 320;
    best.funder.disclosure_risk = 0.0;
    Scenario worst = base(48);
    worst.funder.senior_buy_in = 0.1;
    worst.funder.focal_point_capital = 0.1;
    worst.facilitator.strategic_learning = 0.2;
    worst.setup.clarity_of_purpose = 0.1;
    worst.setup.budget_hours = 40;
    worst.funder.disclosure_risk = 0.8;
    const auto default_to_best =
        paired_difference(base(48), best, mean_over(Measure::decision_quality, 13, 36), replicates);
    const auto worst_to_default = paired_difference(
        worst, base(48), mean_over(Measure::decision_quality, 13, 36), replicates);
    report("decision quality months 13-36, every enabler at its best minus default",
           default_to_best);
    report("decision quality months 13-36, default minus every enabler at its worst",
           worst_to_default);
    // The correlation this replaces moved by +0.008 from default to best.
    EXPECT_GT(default_to_best.low, 0.03);
    EXPECT_GT(worst_to_default.low, 0.03);
}

TEST(MeasuresMeanWhatTheySay, PortfolioImpactFadesAfterAPartnershipEnds) {
    // A 36-month partnership followed for 20 years: what learning added fades once partners stop
    // using it, instead of growing for decades.
    const Scenario s = base(276);
    std::vector<double> at_end, decade_later, twenty_years, second_decade_fade;
    for (int r = 0; r < replicates; ++r) {
        const RunResult run = run_partnership(s, make_run_id(777, 0, r, 1u << 20));
        at_end.push_back(run.at(Measure::portfolio_impact, 35));
        decade_later.push_back(run.at(Measure::portfolio_impact, 35 + 120));
        twenty_years.push_back(run.at(Measure::portfolio_impact, 275));
        second_decade_fade.push_back(decade_later.back() - twenty_years.back());
    }
    const auto end = interval_of(at_end);
    const auto later = interval_of(decade_later);
    const auto last = interval_of(twenty_years);
    report("portfolio impact at month 36 (end of the partnership)", end);
    report("portfolio impact at month 156 (ten years after)", later);
    report("portfolio impact at month 276 (twenty years after)", last);
    EXPECT_GT(end.low, 0.0);
    EXPECT_LT(later.high, 0.5 * end.low);
    // Still fading in the second decade, read within each run: partners' absorptive capacity
    // (7.14) spreads impact across runs about four times wider, so the two months' separate
    // intervals overlap, but the same run's impact at 20 years is below its impact at 10.
    const auto fade = interval_of(second_decade_fade);
    report("portfolio impact at month 156 minus month 276, same run", fade);
    EXPECT_GT(fade.low, 0.0);
}

TEST(MeasuresMeanWhatTheySay, PortfolioImpactDoesNotRiseWithProgrammeSizeBySelection) {
    // Four times the partners with four times the budget: the same hours per partner. Impact
    // per unit of support should not rise (before, selecting among more partners raised it).
    // Newcomers join at a rate per programme (docs/model.md 7.15): the 1.5 expected in a
    // 36-month partnership are 7% of 20 partners but 2% of 80, and a newcomer brings no
    // practice gain yet. That is a difference in composition, not selection; it is switched off
    // here so that the test sees selection alone.
    Scenario small = base();
    small.partnership.newcomer_rate = 0.0;
    Scenario large = small;
    large.partners.count = 80;
    large.setup.budget_hours = 640;
    const RunReading impact = at_month(Measure::portfolio_impact, 60);
    const auto effect = paired_difference(small, large, impact, replicates);
    report("portfolio impact at 60, 80 partners and 640 hours minus 20 and 160", effect);
    // The bound is in the measure's own scale: a fifth of the small programme's impact. It was
    // 0.01 when impact's level was 0.053 (the same fifth). The habit of taking part (7.3) more
    // than doubled the level (0.122 at 100 replicates, seed 777) and the difference with it,
    // +0.005 [+0.001, +0.010] before and +0.012 [+0.001, +0.023] after: about a tenth of the
    // level both times (partners in a larger programme meet more partners), far from the
    // selection the bound guards against (before issue 10, 2.4 s.d.).
    std::vector<double> small_impact;
    for (int r = 0; r < replicates; ++r) {
        small_impact.push_back(impact(
            run_partnership(small, make_run_id(777, 0, static_cast<std::uint64_t>(r), 1u << 20))));
    }
    const double level = interval_of(small_impact).mean;
    std::cout << "[measure] portfolio impact at 60 of the 20-partner programme | " << level << "\n";
    EXPECT_LT(effect.high, 0.2 * level);
}

// Partners' trust in the funder follows what the funder does: each pair of designs differs in
// one thing the funder does, better and worse.
struct FunderConduct {
    const char* what;
    void (*better)(Scenario&);
    void (*worse)(Scenario&);
};

TEST(MeasuresMeanWhatTheySay, TrustInTheFunderFollowsWhatTheFunderDoes) {
    const FunderConduct conduct[] = {
        {"accountability focus 0.9 vs 0.1",
         [](Scenario& s) { s.funder.accountability_focus = 0.1; },
         [](Scenario& s) { s.funder.accountability_focus = 0.9; }},
        {"reporting 60 vs 20 hours a year", [](Scenario&) {},
         [](Scenario& s) { s.funder.reporting_hours_per_year = 60; }},
        {"funder-defined reporting vs shared questions", [](Scenario&) {},
         [](Scenario& s) { s.setup.evidence = Evidence::funder_reporting; }},
        {"no flexibility (no waived reports) vs full",
         [](Scenario& s) { s.funder.flexibility = 1.0; },
         [](Scenario& s) { s.funder.flexibility = 0.0; }},
        {"disclosure risk 0.8 vs 0", [](Scenario& s) { s.funder.disclosure_risk = 0.0; },
         [](Scenario& s) { s.funder.disclosure_risk = 0.8; }},
    };
    for (const auto& c : conduct) {
        Scenario better = base(), worse = base();
        c.better(better);
        c.worse(worse);
        const auto effect = paired_difference(
            better, worse, at_month(Measure::trust_partner_funder, 36), replicates);
        const std::string what = std::string("trust partner->funder at 36, ") + c.what;
        report(what.c_str(), effect);
        SCOPED_TRACE(c.what);
        EXPECT_LT(effect.high, -0.01);
    }
}

}  // namespace
}  // namespace partnersim::test
