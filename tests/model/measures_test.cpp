#include "model/measures.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "model/adaptation.hpp"
#include "model/month_events.hpp"
#include "model/participation.hpp"
#include "model/random_stream.hpp"
#include "model/step.hpp"
#include "model/trust.hpp"
#include "support/world_builder.hpp"

namespace partnersim {
namespace {

double value(const MeasureValues& v, Measure m) {
    return v[static_cast<std::size_t>(m)];
}

// A population whose capacity gains are exactly `gains`.
PartnerPopulation with_gains(const std::vector<double>& gains) {
    PartnerPopulation p;
    p.count = gains.size();
    p.enrolled.assign(gains.size(), 1);
    p.initial_capacity.assign(gains.size(), 0.2);
    p.capacity.resize(gains.size());
    for (std::size_t i = 0; i < gains.size(); ++i) p.capacity[i] = 0.2 + gains[i];
    return p;
}

// The Gini coefficient by its definition: mean absolute difference over twice the mean.
double gini_by_definition(const std::vector<double>& x) {
    const double n = static_cast<double>(x.size());
    double total = 0.0, differences = 0.0;
    for (const double a : x) {
        total += a;
        for (const double b : x) differences += std::abs(a - b);
    }
    return differences / (2.0 * n * total);
}

TEST(CapacityGini, IsZeroWhenEveryPartnerGainedTheSame) {
    EXPECT_NEAR(capacity_gini(with_gains({0.1, 0.1, 0.1, 0.1, 0.1})), 0.0, 1e-12);
}

TEST(CapacityGini, IsZeroWhenNobodyGained) {
    EXPECT_EQ(capacity_gini(with_gains({0.0, 0.0, 0.0})), 0.0);
}

TEST(CapacityGini, ApproachesOneWhenOnePartnerHasAllTheGains) {
    std::vector<double> gains(100, 0.0);
    gains[37] = 0.3;
    const double g = capacity_gini(with_gains(gains));
    EXPECT_GT(g, 0.95);
    EXPECT_LE(g, 1.0);
}

TEST(CapacityGini, MatchesTheDefinitionForUnequalGains) {
    const std::vector<double> gains{0.01, 0.3, 0.05, 0.2, 0.0, 0.12, 0.07};
    EXPECT_NEAR(capacity_gini(with_gains(gains)), gini_by_definition(gains), 1e-12);
}

TEST(CapacityGini, CountsLostCapacityAsNoGain) {
    EXPECT_NEAR(capacity_gini(with_gains({-0.1, 0.2, 0.2})),
                capacity_gini(with_gains({0.0, 0.2, 0.2})), 1e-12);
}

TEST(CapacityGini, DoesNotDependOnTheOrderOfPartners) {
    EXPECT_NEAR(capacity_gini(with_gains({0.3, 0.0, 0.1})),
                capacity_gini(with_gains({0.0, 0.1, 0.3})), 1e-12);
}

TEST(MeasureCatalogue, NamesEveryMeasureOnceWithADescriptionAndUnits) {
    const auto& catalogue = measure_catalogue();
    std::set<std::string_view> names;
    for (const auto& info : catalogue) {
        EXPECT_FALSE(info.name.empty());
        EXPECT_FALSE(info.description.empty());
        EXPECT_FALSE(info.units.empty());
        names.insert(info.name);
    }
    EXPECT_EQ(names.size(), measure_count);
    // In enum order: spot-check both ends and the middle.
    EXPECT_EQ(catalogue[static_cast<std::size_t>(Measure::trust_partner_facilitator)].name,
              "trust_partner_facilitator");
    EXPECT_EQ(catalogue[static_cast<std::size_t>(Measure::belief_error)].name, "belief_error");
    EXPECT_EQ(catalogue[static_cast<std::size_t>(Measure::cost)].name, "cost");
    const auto& trace = partner_trace_catalogue();
    std::set<std::string_view> trace_names;
    for (const auto& info : trace) trace_names.insert(info.name);
    EXPECT_EQ(trace_names.size(), partner_trace_count);
    EXPECT_EQ(trace[static_cast<std::size_t>(PartnerTrace::support_share)].name, "support_share");
}

class MeasureWorldTest : public ::testing::Test {
protected:
    void SetUp() override {
        world = test::make_world(test::small_scenario(4));
        test::make_partners_alike(world);
    }
    double measure(Measure m) const { return value(measure_world(world), m); }
    World world;
};

TEST_F(MeasureWorldTest, ParticipationAndTokenismAreSharesOfPartnersAndOfThosePresent) {
    world.partners.present = {1, 1, 1, 0};
    world.partners.engagement = {0.9, 0.2, 0.8, 0.0};
    EXPECT_DOUBLE_EQ(measure(Measure::participation), 0.75);
    EXPECT_DOUBLE_EQ(measure(Measure::tokenism), 1.0 / 3.0);
    test::set_presence(world, false);
    EXPECT_EQ(measure(Measure::participation), 0.0);
    EXPECT_EQ(measure(Measure::tokenism), 0.0);  // nobody present, nobody tokenistic
}

TEST_F(MeasureWorldTest, BeliefErrorIsTheRootMeanSquareErrorAgainstTheTruth) {
    world.partners.baseline_effectiveness = {0.0, 1.0, -1.0, 0.5};
    world.partners.practice_gain = {0.5, 0.0, 0.0, 0.0};
    world.funder.belief = {0.5, 1.0, -1.0, 0.5};  // right about everyone
    EXPECT_NEAR(measure(Measure::belief_error), 0.0, 1e-12);
    world.funder.belief = {1.5, 0.0, 0.0, 1.5};  // off by 1, -1, 1, 1
    EXPECT_NEAR(measure(Measure::belief_error), 1.0, 1e-12);
    world.funder.belief = {0.5, 1.0, -1.0, 2.5};  // one off by 2
    EXPECT_NEAR(measure(Measure::belief_error), 1.0, 1e-12);
}

TEST_F(MeasureWorldTest, PortfolioImpactIsWhatLearningAddedWhereTheSupportGoes) {
    world.partners.baseline_effectiveness = {-1.0, 0.0, 1.0, 2.0};
    EXPECT_NEAR(measure(Measure::portfolio_impact), 0.0, 1e-12);  // no practice gain
    // Selection alone is not impact: backing the best partners without anyone learning
    // anything adds nothing (a support-weighted effectiveness would give it 0.95 here).
    world.partners.support = {0.05, 0.05, 0.3, 0.6};
    EXPECT_NEAR(measure(Measure::portfolio_impact), 0.0, 1e-12);
    // Practice gains count where the funder's support goes.
    world.partners.practice_gain = {0.0, 0.0, 0.0, 0.5};
    EXPECT_NEAR(measure(Measure::portfolio_impact), 0.3, 1e-12);
    world.partners.support = {0.25, 0.25, 0.25, 0.25};
    world.partners.practice_gain = {0.2, 0.2, 0.2, 0.2};
    EXPECT_NEAR(measure(Measure::portfolio_impact), 0.2, 1e-12);
}

TEST(MeasureWorld, PortfolioImpactDoesNotGrowWithTheNumberOfPartnersToChooseFrom) {
    // The same gains and the same (perfect) knowledge, 10 partners or 500: impact is the mean
    // gain in both, up to sampling (s.e. about 0.1 / sqrt(10) per portfolio, averaged over 200
    // portfolios). Support-weighted effectiveness rose by about 1.5 s.d. from 10 to 500 here.
    auto mean_impact = [](int partners) {
        RandomStream random(test::model_test_seed);
        double sum = 0.0;
        for (int d = 0; d < 200; ++d) {
            World world = test::make_world(test::small_scenario(partners), 1 + d);
            auto& p = world.partners;
            for (std::size_t i = 0; i < p.count; ++i) {
                p.baseline_effectiveness[i] = random.normal();
                p.practice_gain[i] = 0.2 + 0.1 * random.normal();
            }
            for (std::size_t i = 0; i < p.count; ++i)
                world.funder.belief[i] = p.true_effectiveness(i);
            support_shares(world.funder.belief, 1.0, p.support);
            sum += value(measure_world(world), Measure::portfolio_impact);
        }
        return sum / 200;
    };
    EXPECT_NEAR(mean_impact(10), 0.2, 0.03);
    EXPECT_NEAR(mean_impact(500), 0.2, 0.03);
}

TEST_F(MeasureWorldTest, DecisionQualityIsMeasuredFromTheFundersBeliefs) {
    world.partners.baseline_effectiveness = {-1.0, 0.0, 1.0, 2.0};
    EXPECT_EQ(measure(Measure::decision_quality), 0.0);  // believes all alike: an even spread
    world.funder.belief = {-0.1, 0.0, 0.1, 0.2};         // timid, but rightly ordered
    EXPECT_NEAR(measure(Measure::decision_quality), 1.0, 1e-12);
    world.funder.belief = {0.2, 0.1, 0.0, -0.1};
    EXPECT_LT(measure(Measure::decision_quality), 0.0);
    EXPECT_EQ(measure(Measure::decision_quality),
              decision_quality(world.partners, world.funder.belief,
                               world.scenario.constants.adaptation.support_sharpness));
}

TEST_F(MeasureWorldTest, TrustMeasuresAreMeansOfEachDirection) {
    test::set_trust(world.partners.trust_facilitator, 0, 0.9);
    test::set_trust(world.partners.trust_facilitator, 1, 0.1);
    test::set_trust(world.funder.trust_facilitator, 0, 0.3);
    EXPECT_NEAR(measure(Measure::trust_partner_facilitator), 0.5, 1e-12);
    EXPECT_NEAR(measure(Measure::trust_partner_funder), 0.5, 1e-12);
    EXPECT_NEAR(measure(Measure::trust_funder_facilitator), 0.3, 1e-12);
}

// Weighted density: a weak tie counts for its strength, not as nothing or as a working tie.
TEST_F(MeasureWorldTest, NetworkDensityIsTheMeanTieStrengthOverAllPairs) {
    test::set_tie(world, 0, 1, 0.9f);
    test::set_tie(world, 2, 3, 0.1f);  // an acquaintance counts a little
    EXPECT_NEAR(measure(Measure::network_density), (0.9 + 0.1) / 6.0, 1e-6);
}

TEST_F(MeasureWorldTest, MeansAndWorldLevelStatesAreReported) {
    world.partners.capacity = {0.1, 0.2, 0.3, 0.4};
    world.partners.burden_hours = {1.0, 2.0, 3.0, 6.0};
    world.partners.perceived_value = {0.0, 1.0, 0.5, 0.5};
    world.partners.candour = {0.2, 0.4, 0.6, 0.8};
    world.goal_alignment = 0.7;
    world.facilitator.hours = EffortSplit{1.0, 2.0, 3.0, 4.0};
    world.cumulative_cost = 1234.0;
    EXPECT_NEAR(measure(Measure::capacity), 0.25, 1e-12);
    EXPECT_NEAR(measure(Measure::burden_hours), 3.0, 1e-12);
    EXPECT_NEAR(measure(Measure::perceived_value), 0.5, 1e-12);
    EXPECT_NEAR(measure(Measure::candour), 0.5, 1e-12);
    EXPECT_EQ(measure(Measure::goal_alignment), 0.7);
    EXPECT_EQ(measure(Measure::facilitator_hours), 10.0);
    EXPECT_EQ(measure(Measure::cost), 1234.0);
}

TEST(MeasureWorld, GivesValuesInTheirDocumentedRangesThroughSimulatedRuns) {
    for (const auto archetype : {Archetype::practice_partner, Archetype::network_builder}) {
        Scenario s = test::small_scenario(15);
        s.setup.archetype = archetype;
        s.setup.participation = Participation::mandatory;
        s.partners.shock_rate = 0.1;
        World world = test::make_world(s);
        RandomStream random(test::model_test_seed);
        double cost = 0.0;
        for (int month = 0; month < 60; ++month) {
            step_month(world, random);
            const MeasureValues v = measure_world(world);
            SCOPED_TRACE("month " + std::to_string(month));
            for (const Measure m :
                 {Measure::trust_partner_facilitator, Measure::trust_partner_funder,
                  Measure::trust_funder_facilitator, Measure::capacity, Measure::capacity_gini,
                  Measure::participation, Measure::tokenism, Measure::candour,
                  Measure::network_density, Measure::perceived_value, Measure::goal_alignment}) {
                ASSERT_TRUE(test::in_unit_interval(value(v, m)))
                    << measure_catalogue()[static_cast<std::size_t>(m)].name << " = "
                    << value(v, m);
            }
            ASSERT_GE(value(v, Measure::decision_quality), -1.0);
            ASSERT_LE(value(v, Measure::decision_quality), 1.0);
            ASSERT_GE(value(v, Measure::portfolio_impact), 0.0);
            ASSERT_GE(value(v, Measure::belief_error), 0.0);
            ASSERT_GE(value(v, Measure::burden_hours), 0.0);
            ASSERT_GE(value(v, Measure::facilitator_hours), 0.0);
            ASSERT_GE(value(v, Measure::cost), cost);  // cumulative
            cost = value(v, Measure::cost);
            for (const double x : v) ASSERT_TRUE(std::isfinite(x));
        }
    }
}

TEST(TracePartners, WritesEachVariableOfEachPartnerAtItsOffset) {
    World world = test::make_world(test::small_scenario(3));
    auto& p = world.partners;
    // Distinct, exactly representable values for every partner and variable.
    for (std::size_t i = 0; i < 3; ++i) {
        const double d = static_cast<double>(i);
        test::set_trust(p.trust_facilitator, i, 0.125 + 0.25 * d);
        test::set_trust(p.trust_funder, i, 0.0625 + 0.25 * d);
        p.capacity[i] = 0.03125 + d / 8.0;
        p.candour[i] = 0.5 + d / 16.0;
        p.present[i] = static_cast<std::uint8_t>(i % 2);
        p.engagement[i] = 0.25 + d / 32.0;
        p.perceived_value[i] = 0.75 - d / 8.0;
        p.burden_hours[i] = 10.0 + d;
        p.baseline_effectiveness[i] = -1.0 + d;
        p.practice_gain[i] = 0.5;
        world.funder.belief[i] = 2.0 + d;
        p.support[i] = 0.125 * (1.0 + d);
    }
    const std::size_t stride = 5;  // wider than the partner count: rows are padded
    const float sentinel = -999.0f;
    std::vector<float> out(partner_trace_count * stride, sentinel);
    trace_partners(world, out.data(), stride);
    auto at = [&out, stride](PartnerTrace t, std::size_t i) {
        return out[static_cast<std::size_t>(t) * stride + i];
    };
    for (std::size_t i = 0; i < 3; ++i) {
        const float d = static_cast<float>(i);
        SCOPED_TRACE("partner " + std::to_string(i));
        EXPECT_FLOAT_EQ(at(PartnerTrace::trust_facilitator, i), 0.125f + 0.25f * d);
        EXPECT_FLOAT_EQ(at(PartnerTrace::trust_funder, i), 0.0625f + 0.25f * d);
        EXPECT_FLOAT_EQ(at(PartnerTrace::capacity, i), 0.03125f + d / 8.0f);
        EXPECT_FLOAT_EQ(at(PartnerTrace::candour, i), 0.5f + d / 16.0f);
        EXPECT_FLOAT_EQ(at(PartnerTrace::present, i), static_cast<float>(i % 2));
        EXPECT_FLOAT_EQ(at(PartnerTrace::engagement, i), 0.25f + d / 32.0f);
        EXPECT_FLOAT_EQ(at(PartnerTrace::perceived_value, i), 0.75f - d / 8.0f);
        EXPECT_FLOAT_EQ(at(PartnerTrace::burden_hours, i), 10.0f + d);
        EXPECT_FLOAT_EQ(at(PartnerTrace::true_effectiveness, i), -0.5f + d);
        EXPECT_FLOAT_EQ(at(PartnerTrace::funder_belief, i), 2.0f + d);
        EXPECT_FLOAT_EQ(at(PartnerTrace::support_share, i), 0.125f * (1.0f + d));
    }
    // The padding after each row is left alone.
    for (std::size_t v = 0; v < partner_trace_count; ++v) {
        for (std::size_t i = 3; i < stride; ++i) EXPECT_EQ(out[v * stride + i], sentinel);
    }
}

// The story of a run draws each partner's two strongest ties: the partner numbers and weights
// of the two largest ties to other enrolled founders, none for a tie of 0 or a partner gone.
TEST(TracePartners, RecordsEachPartnersTwoStrongestTiesAndTheMonthsEvents) {
    World world = test::make_world(test::small_scenario(4));
    auto& p = world.partners;
    auto set_tie = [&p](std::size_t i, std::size_t j, float w) {
        p.ties.weights()[p.ties.pair_index(i, j)] = w;
    };
    set_tie(0, 1, 0.5f);
    set_tie(0, 2, 0.75f);
    set_tie(0, 3, 0.25f);
    set_tie(1, 2, 0.5f);  // partner 1: 0 and 2 weigh the same, the lower number first
    world.events.note(MonthEvent::field_crisis);
    world.events.note(MonthEvent::partner_joined);
    const std::size_t stride = 4;
    std::vector<float> out(partner_trace_count * stride, -1.0f);
    trace_partners(world, out.data(), stride);
    auto at = [&out, stride](PartnerTrace t, std::size_t i) {
        return out[static_cast<std::size_t>(t) * stride + i];
    };
    EXPECT_EQ(at(PartnerTrace::strongest_tie_with, 0), 2.0f);
    EXPECT_EQ(at(PartnerTrace::strongest_tie, 0), 0.75f);
    EXPECT_EQ(at(PartnerTrace::second_tie_with, 0), 1.0f);
    EXPECT_EQ(at(PartnerTrace::second_tie, 0), 0.5f);
    EXPECT_EQ(at(PartnerTrace::strongest_tie_with, 1), 0.0f);
    EXPECT_EQ(at(PartnerTrace::second_tie_with, 1), 2.0f);
    // Partner 3 has one tie only; the second is missing, not zero.
    EXPECT_EQ(at(PartnerTrace::strongest_tie_with, 3), 0.0f);
    EXPECT_TRUE(std::isnan(at(PartnerTrace::second_tie_with, 3)));
    EXPECT_TRUE(std::isnan(at(PartnerTrace::second_tie, 3)));
    for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(at(PartnerTrace::partnership_events, i), 80.0f);

    // A partner that left has no ties, and is no one's tie.
    p.enrolled[2] = 0;
    trace_partners(world, out.data(), stride);
    EXPECT_TRUE(std::isnan(at(PartnerTrace::strongest_tie_with, 2)));
    EXPECT_EQ(at(PartnerTrace::strongest_tie_with, 0), 1.0f);
    EXPECT_EQ(at(PartnerTrace::second_tie_with, 0), 3.0f);
}

// Noting events is for the observers: a month's step starts with none, and a run with every
// event far more frequent gives each kind a flag in some month.
TEST(MonthEvents, EveryKindIsNotedInTheMonthItHappens) {
    Scenario scenario = test::small_scenario(6);
    scenario.run.months = 120;
    scenario.setup.end_month = 120;
    scenario.partnership.facilitator_turnover_rate = 3.0;
    scenario.partnership.leadership_change_rate = 3.0;
    scenario.partnership.budget_cut_rate = 3.0;
    scenario.partnership.field_crisis_rate = 3.0;
    scenario.partnership.funder_breach_rate = 3.0;
    scenario.partnership.newcomer_rate = 3.0;
    scenario.partnership.newcomer_slots = 4;
    scenario.funder.focal_point_turnover = 0.2;
    scenario.partnership.funder_patience = 0.0;  // the funder never ends it
    std::uint32_t seen = 0;
    RandomStream random(7);
    World world = start_world(scenario, random);
    for (int month = 0; month < scenario.run.months; ++month) {
        step_month(world, random);
        seen |= world.events.flags;
    }
    for (const auto& info : month_event_catalogue) {
        EXPECT_NE(seen & static_cast<std::uint32_t>(info.event), 0u) << info.name;
    }
    // With every rate 0, a month that starts with a stale flag ends with none.
    scenario.partnership = PartnershipParameters{};
    scenario.partnership.facilitator_turnover_rate = 0.0;
    scenario.partnership.leadership_change_rate = 0.0;
    scenario.partnership.budget_cut_rate = 0.0;
    scenario.partnership.field_crisis_rate = 0.0;
    scenario.partnership.funder_breach_rate = 0.0;
    scenario.partnership.newcomer_rate = 0.0;
    scenario.funder.focal_point_turnover = 0.0;
    RandomStream quiet_random(7);
    World quiet = start_world(scenario, quiet_random);
    quiet.events.note(MonthEvent::budget_cut);
    step_month(quiet, quiet_random);
    EXPECT_EQ(quiet.events.flags, 0u);
}

// The table is the declaration: the catalogue the results file carries is read from it, row by
// row in enum order.
TEST(MeasureTable, TheCatalogueIsTheTablesNamesDescriptionsAndUnits) {
    const auto& table = measure_table();
    for (std::size_t m = 0; m < measure_count; ++m) {
        EXPECT_EQ(table[m].id, static_cast<Measure>(m));
        EXPECT_EQ(measure_catalogue()[m].name, table[m].name);
        EXPECT_EQ(measure_catalogue()[m].description, table[m].description);
        EXPECT_EQ(measure_catalogue()[m].units, table[m].units);
    }
    EXPECT_EQ(table[static_cast<std::size_t>(Measure::network_density)].name, "network_density");
}

// The calibration measures read the partners' history (partner_history.hpp): five partners,
// one left, with attendances 9/10 (core), 8/10 (core: the cut-off is inclusive), 5/10 (active
// ring), 2/10 (peripheral) and a core attender who left (peripheral: no longer enrolled).
TEST(CalibrationMeasures, SortPartnersIntoCoreActiveRingAndPeriphery) {
    World world = test::make_world(test::small_scenario(5));
    auto& p = world.partners;
    p.months_on_offer = {10, 10, 10, 10, 10};
    p.months_present = {9, 8, 5, 2, 10};
    p.enrolled = {1, 1, 1, 1, 0};
    const MeasureValues v = measure_world(world);
    EXPECT_DOUBLE_EQ(value(v, Measure::core_share), 2.0 / 5.0);
    EXPECT_DOUBLE_EQ(value(v, Measure::active_ring_share), 1.0 / 5.0);
}

TEST(CalibrationMeasures, CountObstaclesMetAmongAllPartnersEnrolledAtTheStart) {
    World world = test::make_world(test::small_scenario(4));
    world.partners.met_obstacle = {1, 0, 0, 1};
    world.partners.enrolled = {1, 1, 1, 0};  // one that met an obstacle and left still counts
    EXPECT_DOUBLE_EQ(value(measure_world(world), Measure::obstacle_share), 0.5);
}

TEST(CalibrationMeasures, ReportingHoursAreTwelveTimesTheMonthsMeanOverEnrolledPartners) {
    World world = test::make_world(test::small_scenario(3));
    world.partners.report_hours = {1.0, 2.0, 9.0};
    world.partners.enrolled = {1, 1, 0};
    EXPECT_DOUBLE_EQ(value(measure_world(world), Measure::reporting_hours), 12.0 * 1.5);
}

// Through simulated months: the history moves as the processes say. Attendance can only be
// counted in months with activities on offer, every partner's months present are at most its
// months on offer, and an obstacle once met stays met.
TEST(CalibrationMeasures, HistoryFollowsParticipationAndShocks) {
    Scenario scenario = test::small_scenario(8);
    scenario.partners.shock_rate = 0.2;
    World world = test::make_world(scenario);
    RandomStream random(11);
    std::vector<std::uint8_t> met_before(8, 0);
    for (int month = 0; month < 12; ++month) {
        step_month(world, random);
        const auto& p = world.partners;
        for (std::size_t i = 0; i < p.count; ++i) {
            EXPECT_LE(p.months_present[i], p.months_on_offer[i]);
            EXPECT_LE(p.months_on_offer[i], month + 1);
            EXPECT_GE(p.met_obstacle[i], met_before[i]);
            if (p.stress_months[i] > 0 && p.enrolled[i]) {
                EXPECT_EQ(p.met_obstacle[i], 1);
            }
            met_before[i] = p.met_obstacle[i];
        }
    }
    const double met = value(measure_world(world), Measure::obstacle_share);
    EXPECT_GT(met, 0.5) << "at 0.2 shocks a month, most of 8 partners meet one in a year";
    // The reporting hours a year of a partner out of survival mode are the funder's demand.
    EXPECT_GT(value(measure_world(world), Measure::reporting_hours), 0.0);
}

}  // namespace
}  // namespace partnersim
