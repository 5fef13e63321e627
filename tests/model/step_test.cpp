#include "model/step.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "model/measures.hpp"
#include "model/parameters.hpp"
#include "model/trust.hpp"
#include "support/world_builder.hpp"

namespace partnersim {
namespace {

void expect_same_ledger(const TrustLedger& a, const TrustLedger& b) {
    EXPECT_EQ(a.good, b.good);
    EXPECT_EQ(a.bad, b.bad);
    EXPECT_EQ(a.prior_good, b.prior_good);
    EXPECT_EQ(a.prior_bad, b.prior_bad);
}

// Every state of two worlds equal, bit for bit.
void expect_same_world(const World& a, const World& b) {
    const auto& p = a.partners;
    const auto& q = b.partners;
    EXPECT_EQ(a.month, b.month);
    EXPECT_EQ(p.baseline_effectiveness, q.baseline_effectiveness);
    EXPECT_EQ(p.practice_gain, q.practice_gain);
    EXPECT_EQ(p.capacity, q.capacity);
    EXPECT_EQ(p.power_asymmetry, q.power_asymmetry);
    EXPECT_EQ(p.perceived_value, q.perceived_value);
    EXPECT_EQ(p.candour, q.candour);
    EXPECT_EQ(p.funding_security, q.funding_security);
    EXPECT_EQ(p.stress_months, q.stress_months);
    EXPECT_EQ(p.present, q.present);
    EXPECT_EQ(p.engagement, q.engagement);
    EXPECT_EQ(p.burden_hours, q.burden_hours);
    EXPECT_EQ(p.one_to_one_hours, q.one_to_one_hours);
    EXPECT_EQ(p.benefit, q.benefit);
    EXPECT_EQ(p.strain, q.strain);
    EXPECT_EQ(p.self_estimate, q.self_estimate);
    EXPECT_EQ(p.self_precision, q.self_precision);
    EXPECT_EQ(p.report, q.report);
    EXPECT_EQ(p.support, q.support);
    EXPECT_EQ(p.ties.weights(), q.ties.weights());
    expect_same_ledger(p.trust_facilitator, q.trust_facilitator);
    expect_same_ledger(p.trust_funder, q.trust_funder);
    expect_same_ledger(a.funder.trust_facilitator, b.funder.trust_facilitator);
    EXPECT_EQ(a.funder.belief, b.funder.belief);
    EXPECT_EQ(a.funder.decision_reach, b.funder.decision_reach);
    ASSERT_EQ(a.funder.focal_points.size(), b.funder.focal_points.size());
    for (std::size_t i = 0; i < a.funder.focal_points.size(); ++i) {
        EXPECT_EQ(a.funder.focal_points[i].capital, b.funder.focal_points[i].capital);
        EXPECT_EQ(a.funder.focal_points[i].vacant_until, b.funder.focal_points[i].vacant_until);
    }
    EXPECT_EQ(a.facilitator.active, b.facilitator.active);
    EXPECT_EQ(a.facilitator.months_active, b.facilitator.months_active);
    EXPECT_EQ(a.facilitator.embeddedness, b.facilitator.embeddedness);
    EXPECT_EQ(a.facilitator.synthesis, b.facilitator.synthesis);
    EXPECT_EQ(a.facilitator.hours.total(), b.facilitator.hours.total());
    EXPECT_EQ(a.goal_alignment, b.goal_alignment);
    EXPECT_EQ(a.end_pressure, b.end_pressure);
    EXPECT_EQ(a.cumulative_cost, b.cumulative_cost);
}

TEST(StartWorld, PutsAFacilitatorJoiningFromTheStartInPlaceAndNoOtherYet) {
    Scenario s = test::small_scenario(4);
    s.setup.join_month = 0;
    EXPECT_TRUE(test::make_world(s).facilitator.active);
    s.setup.join_month = 6;
    const World later = test::make_world(s);
    EXPECT_FALSE(later.facilitator.active);
    EXPECT_FALSE(later.facilitator.has_joined);
}

TEST(StepMonth, SameScenarioAndSeedGiveIdenticalWorlds) {
    Scenario s = test::small_scenario(15);
    s.partners.shock_rate = 0.1;  // let chance matter
    s.funder.focal_point_turnover = 0.1;
    World a = test::make_world(s, 99);
    World b = test::make_world(s, 99);
    RandomStream ra(1234), rb(1234);
    test::run_months(a, ra, 40);
    test::run_months(b, rb, 40);
    expect_same_world(a, b);
}

TEST(StepMonth, AnotherSeedGivesAnotherHistory) {
    const Scenario s = test::small_scenario(15);
    World a = test::make_world(s);
    World b = a;
    RandomStream ra(1234), rb(4321);
    test::run_months(a, ra, 12);
    test::run_months(b, rb, 12);
    EXPECT_NE(a.partners.baseline_effectiveness, b.partners.baseline_effectiveness);
    EXPECT_NE(a.funder.belief, b.funder.belief);
}

TEST(StepMonth, AdvancesTheClockOneMonthAtATime) {
    World world = test::make_world(test::small_scenario(4));
    RandomStream random(test::model_test_seed);
    for (int month = 0; month < 5; ++month) {
        EXPECT_EQ(world.month, month);
        step_month(world, random);
    }
    EXPECT_EQ(world.month, 5);
}

TEST(StepMonth, DesignsComparedWithOneSeedSeeTheSameRandomHistory) {
    // Common random numbers: the model draws alike whatever the set-up choices, so the hidden
    // truth is the same history under every design and differences are the design's own.
    const Scenario base = test::small_scenario(12);
    std::vector<std::pair<std::string, Scenario>> designs;
    auto add = [&designs, &base](std::string name, auto change) {
        Scenario s = base;
        change(s);
        designs.emplace_back(std::move(name), s);
    };
    add("sense maker", [](Scenario& s) { s.setup.archetype = Archetype::sense_maker; });
    add("mandatory", [](Scenario& s) { s.setup.participation = Participation::mandatory; });
    add("portfolio", [](Scenario& s) { s.setup.level = Level::portfolio; });
    add("funder reporting", [](Scenario& s) { s.setup.evidence = Evidence::funder_reporting; });
    add("internal", [](Scenario& s) { s.facilitator.kind = FacilitatorKind::internal; });
    add("self-managed", [](Scenario& s) { s.facilitator.kind = FacilitatorKind::self_managed; });
    add("no budget", [](Scenario& s) { s.setup.budget_hours = 0.0; });
    add("late join", [](Scenario& s) { s.setup.join_month = 12; });
    add("open-ended", [](Scenario& s) {
        s.setup.duration = Duration::open_ended;
        s.setup.review = true;
    });
    World reference = test::make_world(base);
    RandomStream reference_random(test::model_test_seed);
    test::run_months(reference, reference_random, 48);
    const double reference_next = reference_random.uniform();
    for (const auto& [name, scenario] : designs) {
        SCOPED_TRACE(name);
        World world = test::make_world(scenario);
        RandomStream random(test::model_test_seed);
        test::run_months(world, random, 48);
        EXPECT_EQ(world.partners.baseline_effectiveness, reference.partners.baseline_effectiveness);
        EXPECT_EQ(random.uniform(), reference_next);
    }
}

struct NamedScenario {
    std::string name;
    Scenario scenario;
};

// Scenarios at the edges of the parameter ranges, each pushing a different set of states
// toward their bounds.
std::vector<NamedScenario> extreme_scenarios() {
    std::vector<NamedScenario> all;
    {
        Scenario s = test::small_scenario(12);
        s.trust = TrustParameters{0.0, 20.0, 1.0, 0.5};
        s.partners.shock_rate = 1.0;
        s.partners.regional_shock_rate = 1.0;
        s.partners.shock_size = 5.0;
        s.partners.effectiveness_drift = 1.0;
        s.partners.resources_mean = 0.05;
        s.partners.capacity_mean = 0.0;
        s.partners.dependence_mean = 1.0;
        s.partners.initial_trust_funder = 0.01;
        s.partners.initial_trust_facilitator = 0.01;
        s.partners.learning_hours_per_month = 0.5;
        s.funder.accountability_focus = 1.0;
        s.funder.disclosure_risk = 1.0;
        s.funder.funding_uncertainty = 1.0;
        s.funder.flexibility = 0.0;
        s.funder.senior_buy_in = 0.0;
        s.funder.staff_time = 0.0;
        s.funder.focal_points = 10;
        s.funder.focal_point_turnover = 1.0;
        s.funder.focal_point_vacancy_months = 60;
        s.funder.decision_cycle_months = 1;
        s.funder.reporting_hours_per_year = 1000.0;
        s.setup.participation = Participation::mandatory;
        s.setup.evidence = Evidence::funder_reporting;
        s.setup.budget_hours = 20000.0;
        s.setup.end_month = 60;
        s.setup.clarity_of_purpose = 0.0;
        s.setup.quick_wins = 0.0;
        all.push_back({"harsh", s});
    }
    {
        Scenario s = test::small_scenario(12);
        s.trust = TrustParameters{20.0, 0.0, 600.0, 100.0};
        s.partners.shock_rate = 0.0;
        s.partners.regional_shock_rate = 0.0;
        s.partners.effectiveness_drift = 0.0;
        s.partners.diversity = 1.0;
        s.partners.resources_mean = 1.0;
        s.partners.capacity_mean = 1.0;
        s.partners.dependence_mean = 0.0;
        s.partners.unified_identity = 1.0;
        s.partners.initial_trust_funder = 0.99;
        s.partners.initial_trust_facilitator = 0.99;
        s.partners.learning_hours_per_month = 200.0;
        s.facilitator.external_kind = ExternalKind::consortium;
        s.facilitator.consortium_members = 12;
        s.facilitator.facilitation = s.facilitator.strategic_learning = s.facilitator.mel = 1.0;
        s.facilitator.sectoral = s.facilitator.contextual = s.facilitator.soft_skills = 1.0;
        s.facilitator.independence = s.facilitator.local_coverage = 1.0;
        s.facilitator.accompaniment = 1.0;
        s.facilitator.embeddedness_rate = find_parameter("facilitator.embeddedness_rate")->max;
        s.funder.flexibility = 1.0;
        s.funder.senior_buy_in = 1.0;
        s.funder.staff_time = 1.0;
        s.funder.decision_cycle_months = 120;
        s.funder.focal_point_turnover = 0.0;
        s.funder.focal_point_capital = 1.0;
        s.setup.duration = Duration::open_ended;
        s.setup.review = true;
        s.setup.review_interval_months = 1;
        s.setup.budget_hours = 20000.0;
        s.setup.paid_participation = 1.0;
        s.setup.clarity_of_purpose = 1.0;
        s.setup.quick_wins = 1.0;
        s.setup.evidence = Evidence::partner_led;
        all.push_back({"generous", s});
    }
    {
        Scenario s = test::small_scenario(2);
        s.facilitator.kind = FacilitatorKind::internal;
        s.funder.focal_points = 0;
        s.funder.reporting_hours_per_year = 0.0;
        s.setup.budget_hours = 0.0;
        s.setup.join_month = 100;
        s.setup.setup_months = 0;
        s.setup.duration = Duration::open_ended;
        s.setup.level = Level::portfolio;
        s.funder.centralised_decisions = 1.0;
        all.push_back({"bare and late", s});
    }
    {
        Scenario s = test::small_scenario(30);
        s.facilitator.kind = FacilitatorKind::self_managed;
        s.setup.archetype = Archetype::network_builder;
        s.setup.evidence = Evidence::partner_led;
        s.setup.budget_hours = 2000.0;
        s.setup.end_month = 24;
        s.partners.diversity = 1.0;
        s.partners.unified_identity = 1.0;
        s.trust.gain_rate = s.trust.loss_rate = 1.0;
        all.push_back({"self-managed network", s});
    }
    {
        Scenario s = test::small_scenario(20);
        s.setup.archetype = Archetype::sense_maker;
        s.setup.level = Level::portfolio;
        s.setup.end_month = 1;
        s.setup.setup_months = 36;
        s.facilitator.embeddedness_rate = find_parameter("facilitator.embeddedness_rate")->max;
        all.push_back({"ends at once", s});
    }
    { all.push_back({"defaults", test::small_scenario(20)}); }
    return all;
}

TEST(StepMonth, StatesStayInTheirRangesForTenYearsUnderExtremeScenarios) {
    for (const auto& [name, scenario] : extreme_scenarios()) {
        World world = test::make_world(scenario);
        ASSERT_EQ(test::first_state_out_of_range(world), "") << name << " at the start";
        RandomStream random(test::model_test_seed);
        double cost = 0.0;
        for (int month = 0; month < 120; ++month) {
            step_month(world, random);
            ASSERT_EQ(test::first_state_out_of_range(world), "")
                << name << " after month " << month;
            ASSERT_GE(world.cumulative_cost, cost) << name;
            cost = world.cumulative_cost;
        }
    }
}

// A legal scenario drawn from the parameter registry: each parameter at its minimum, its
// maximum or uniformly between, each choice at random; few partners so that it runs fast.
Scenario random_legal_scenario(RandomStream& pick) {
    Scenario s;
    for (const auto& spec : parameter_registry()) {
        // run.* and uncertainty.* are settings of the experiment, not of the partnership.
        if (spec.section() == "run" || spec.section() == "uncertainty") continue;
        const double u = pick.uniform();
        const double x = u < 0.3   ? spec.min
                         : u < 0.6 ? spec.max
                                   : spec.min + pick.uniform() * (spec.max - spec.min);
        ParameterValue v;
        switch (spec.kind) {
            case ParameterKind::real:
                v = x;
                break;
            case ParameterKind::integer:
                v = static_cast<std::int64_t>(std::llround(x));
                break;
            case ParameterKind::boolean:
                v = pick.chance(0.5);
                break;
            case ParameterKind::choice:
                v = spec.choices[pick.below(spec.choices.size())];
                break;
        }
        spec.set(s, v);
    }
    s.run.months = 120;
    s.partners.count = 2 + static_cast<int>(pick.below(15));
    s.setup.join_month = static_cast<int>(pick.below(120));
    return s;
}

// Every model constant at either end of its legal range, the others at their defaults: the
// legal ranges must keep the model's states meaningful, since a sweep or --set may go there.
TEST(StepMonth, StatesStayInTheirRangesWithEachModelConstantAtEitherEndOfItsRange) {
    for (const auto& spec : parameter_registry()) {
        if (!spec.is_model_constant()) continue;
        for (const double end : {spec.min, spec.max}) {
            Scenario s = test::small_scenario(8);
            s.run.months = 60;
            s.funder.disclosure_risk = 0.8;  // so that punished disclosure happens too
            if (spec.kind == ParameterKind::integer) {
                spec.set(s, static_cast<std::int64_t>(end));
            } else {
                spec.set(s, end);
            }
            if (check_consistency(s)) continue;
            World world = test::make_world(s);
            RandomStream random(test::model_test_seed);
            for (int month = 0; month < 60; ++month) {
                step_month(world, random);
                const std::string problem = test::first_state_out_of_range(world);
                if (problem.empty()) continue;
                ADD_FAILURE() << spec.name << " = " << end << ": " << problem << " after month "
                              << month;
                break;
            }
        }
    }
}

TEST(StepMonth, StatesStayInTheirRangesForTenYearsInRandomLegalScenarios) {
    RandomStream pick(test::model_test_seed);
    int checked = 0;
    for (int k = 0; k < 60; ++k) {
        const Scenario scenario = random_legal_scenario(pick);
        if (check_consistency(scenario)) continue;  // e.g. joining after a time-bound end
        ++checked;
        World world = test::make_world(scenario, static_cast<std::uint64_t>(k));
        RandomStream random(static_cast<std::uint64_t>(k));
        for (int month = 0; month < 120; ++month) {
            step_month(world, random);
            ASSERT_EQ(test::first_state_out_of_range(world), "")
                << "random scenario " << k << " after month " << month;
        }
    }
    EXPECT_GT(checked, 30);
}

// Mean of a measure at the end of `months`, over a few seeds, for one scenario.
double mean_final(const Scenario& s, Measure m, int months, int seeds) {
    double sum = 0.0;
    for (int seed = 0; seed < seeds; ++seed) {
        World world = test::make_world(s, 1000 + static_cast<std::uint64_t>(seed));
        RandomStream random(77 + static_cast<std::uint64_t>(seed));
        test::run_months(world, random, months);
        sum += measure_world(world)[static_cast<std::size_t>(m)];
    }
    return sum / seeds;
}

TEST(StepMonth, ASenseMakerLeavesTheFunderBetterInformedThanNoFacilitatorHours) {
    Scenario with = test::small_scenario(40);
    with.setup.archetype = Archetype::sense_maker;
    with.setup.duration = Duration::open_ended;
    Scenario without = with;
    without.setup.budget_hours = 0.0;
    EXPECT_LT(mean_final(with, Measure::belief_error, 36, 4),
              mean_final(without, Measure::belief_error, 36, 4));
}

TEST(StepMonth, APracticePartnerBuildsMoreCapacityThanASenseMaker) {
    Scenario practice = test::small_scenario(20);
    practice.setup.archetype = Archetype::practice_partner;
    practice.setup.duration = Duration::open_ended;
    Scenario sense = practice;
    sense.setup.archetype = Archetype::sense_maker;
    EXPECT_GT(mean_final(practice, Measure::capacity, 36, 4),
              mean_final(sense, Measure::capacity, 36, 4));
}

TEST(StepMonth, ALongerPartnershipBuildsMoreTrustThanOneThatEndsEarly) {
    // "Trust is built through time."
    Scenario longer = test::small_scenario(20);
    longer.setup.end_month = 48;
    Scenario shorter = longer;
    shorter.setup.end_month = 12;
    EXPECT_GT(mean_final(longer, Measure::trust_partner_facilitator, 48, 4),
              mean_final(shorter, Measure::trust_partner_facilitator, 48, 4));
}

TEST(StepMonth, TrustInAnAbsentFacilitatorReturnsToItsPrior) {
    Scenario s = test::small_scenario(10);
    s.setup.end_month = 12;
    World world = test::make_world(s);
    RandomStream random(test::model_test_seed);
    test::run_months(world, random, 12);
    const double at_end = std::abs(mean_trust(world.partners.trust_facilitator) -
                                   s.partners.initial_trust_facilitator);
    test::run_months(world, random, 96);
    const double later = std::abs(mean_trust(world.partners.trust_facilitator) -
                                  s.partners.initial_trust_facilitator);
    EXPECT_GT(at_end, 0.02);
    EXPECT_LT(later, 0.25 * at_end);
}

}  // namespace
}  // namespace partnersim
