#include "engine/run.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "engine/random_streams.hpp"
#include "model/measures.hpp"
#include "support/test_helpers.hpp"
#include "support/world_builder.hpp"

namespace partnersim {
namespace {

constexpr int months = 12;
constexpr int partners = 6;

Scenario small_scenario() {
    Scenario scenario;
    scenario.run.months = months;
    scenario.run.replicates = 8;
    scenario.run.seed = 11;
    scenario.partners.count = partners;
    return scenario;
}

std::size_t index_of(std::string_view trace_variable) {
    const auto& catalogue = partner_trace_catalogue();
    for (std::size_t v = 0; v < catalogue.size(); ++v) {
        if (catalogue[v].name == trace_variable) return v;
    }
    ADD_FAILURE() << "no trace variable " << trace_variable;
    return 0;
}

float trace_at(const RunResult& result, std::size_t variable, int month, int partner) {
    return result.trace[(variable * static_cast<std::size_t>(result.months) +
                         static_cast<std::size_t>(month)) *
                            static_cast<std::size_t>(result.partners) +
                        static_cast<std::size_t>(partner)];
}

TEST(RunPartnership, SameScenarioAndIdGiveBitIdenticalResults) {
    const Scenario scenario = small_scenario();
    const RunId id = make_run_id(scenario.run.seed, 0, 3, 8);
    const RunResult a = run_partnership(scenario, id);
    const RunResult b = run_partnership(scenario, id);
    EXPECT_TRUE(test::bitwise_equal(a.timeseries, b.timeseries));
    EXPECT_TRUE(test::bitwise_equal(a.final_values, b.final_values));
    EXPECT_EQ(a.months, b.months);
    EXPECT_EQ(a.partners, b.partners);
}

TEST(RunPartnership, ResultDoesNotDependOnWhatRanBefore) {
    // No state carried between runs: a run after other runs equals the same run done first.
    const Scenario scenario = small_scenario();
    const RunId id = make_run_id(scenario.run.seed, 0, 2, 8);
    const RunResult first = run_partnership(scenario, id);
    Scenario other = scenario;
    other.partners.count = 9;
    other.setup.duration = Duration::open_ended;
    (void)run_partnership(other, make_run_id(99, 4, 5, 8), RunOptions{true});
    (void)run_partnership(scenario, make_run_id(scenario.run.seed, 0, 7, 8));
    const RunResult again = run_partnership(scenario, id);
    EXPECT_TRUE(test::bitwise_equal(first.timeseries, again.timeseries));
    EXPECT_TRUE(test::bitwise_equal(first.final_values, again.final_values));
}

TEST(RunPartnership, DifferentReplicatesGiveDifferentResults) {
    const Scenario scenario = small_scenario();
    std::vector<RunResult> runs;
    for (std::uint64_t r = 0; r < 4; ++r) {
        runs.push_back(run_partnership(scenario, make_run_id(scenario.run.seed, 0, r, 8)));
    }
    for (std::size_t i = 0; i < runs.size(); ++i) {
        for (std::size_t j = i + 1; j < runs.size(); ++j) {
            EXPECT_FALSE(test::bitwise_equal(runs[i].timeseries, runs[j].timeseries))
                << "replicates " << i << " and " << j << " have the same timeseries";
            EXPECT_FALSE(test::bitwise_equal(runs[i].final_values, runs[j].final_values))
                << "replicates " << i << " and " << j << " have the same final values";
        }
    }
}

TEST(RunPartnership, DifferentMasterSeedsGiveDifferentResults) {
    const Scenario scenario = small_scenario();
    const RunResult a = run_partnership(scenario, make_run_id(1, 0, 0, 8));
    const RunResult b = run_partnership(scenario, make_run_id(2, 0, 0, 8));
    EXPECT_FALSE(test::bitwise_equal(a.timeseries, b.timeseries));
}

TEST(RunPartnership, TheStreamSeedAloneDecidesTheRun) {
    // Two ids that differ in everything but the stream seed give the same run: the run index,
    // design point and replicate are labels, not inputs.
    const Scenario scenario = small_scenario();
    const RunId id = make_run_id(scenario.run.seed, 0, 1, 8);
    RunId relabelled{77, 5, 6, id.stream_seed};
    const RunResult a = run_partnership(scenario, id);
    const RunResult b = run_partnership(scenario, relabelled);
    EXPECT_TRUE(test::bitwise_equal(a.timeseries, b.timeseries));
    EXPECT_EQ(b.id.run_index, 77u);
    EXPECT_EQ(b.id.design_point, 5u);
    EXPECT_EQ(b.id.replicate, 6u);
}

TEST(RunPartnership, ResultCarriesItsIdAndShape) {
    const Scenario scenario = small_scenario();
    const RunId id = make_run_id(scenario.run.seed, 2, 5, 8);
    const RunResult result = run_partnership(scenario, id);
    EXPECT_EQ(result.id.run_index, 21u);
    EXPECT_EQ(result.id.design_point, 2u);
    EXPECT_EQ(result.id.replicate, 5u);
    EXPECT_EQ(result.id.stream_seed, stream_seed(scenario.run.seed, 2, 5));
    EXPECT_EQ(result.months, months);
    EXPECT_EQ(result.partners, partners);
    EXPECT_EQ(result.timeseries.size(), measure_count * static_cast<std::size_t>(months));
    EXPECT_TRUE(result.trace.empty()) << "an untraced run carries a trace";
    for (const float value : result.timeseries) EXPECT_TRUE(std::isfinite(value));
}

TEST(RunPartnership, FinalValuesAreTheLastMonthOfTheTimeseries) {
    const Scenario scenario = small_scenario();
    const RunResult result = run_partnership(scenario, make_run_id(scenario.run.seed, 0, 4, 8));
    for (std::size_t m = 0; m < measure_count; ++m) {
        const auto measure = static_cast<Measure>(m);
        EXPECT_EQ(result.at(measure, months - 1), static_cast<float>(result.final_value(measure)))
            << measure_catalogue()[m].name;
    }
    // And the series is not one value repeated: cumulative cost grows every month.
    for (int month = 1; month < months; ++month) {
        EXPECT_GT(result.at(Measure::cost, month), result.at(Measure::cost, month - 1));
    }
}

TEST(RunPartnership, TimeseriesIsMeasureMajor) {
    // timeseries[m * months + month]: cumulative cost is the running sum of the monthly
    // facilitator hours times the hourly cost, which holds only if measures and months are
    // where the layout says.
    const Scenario scenario = small_scenario();
    const RunResult result = run_partnership(scenario, make_run_id(scenario.run.seed, 0, 0, 8));
    double cost = 0;
    for (int month = 0; month < months; ++month) {
        cost += result.at(Measure::facilitator_hours, month) * scenario.facilitator.hourly_cost;
        EXPECT_NEAR(result.at(Measure::cost, month), cost, 1e-4 * cost) << "month " << month;
        EXPECT_EQ(result.timeseries[static_cast<std::size_t>(Measure::cost) * months +
                                    static_cast<std::size_t>(month)],
                  result.at(Measure::cost, month));
    }
}

TEST(RunPartnership, TracingRecordsEveryPartnerWithoutChangingTheRun) {
    // Traces hold every founding partner's slot (docs/model.md 7.15), the means the enrolled
    // partners: with no partnership events (no newcomer, no lost grant) and no one leaving in
    // this run, they are the same partners.
    const Scenario scenario = test::without_partnership_variation(small_scenario());
    const RunId id = make_run_id(scenario.run.seed, 0, 6, 8);
    const RunResult plain = run_partnership(scenario, id);
    const RunResult traced = run_partnership(scenario, id, RunOptions{true});
    EXPECT_TRUE(test::bitwise_equal(plain.timeseries, traced.timeseries));
    EXPECT_TRUE(test::bitwise_equal(plain.final_values, traced.final_values));
    ASSERT_EQ(traced.trace.size(),
              partner_trace_count * static_cast<std::size_t>(months) * partners);

    // trace[(variable * months + month) * partners + partner]: the partners' mean capacity in
    // the trace is the capacity measure of that month, and the share present is participation.
    const std::size_t capacity = index_of("capacity");
    const std::size_t present = index_of("present");
    for (int month = 0; month < months; ++month) {
        double capacity_sum = 0;
        double present_sum = 0;
        for (int p = 0; p < partners; ++p) {
            capacity_sum += trace_at(traced, capacity, month, p);
            const float here = trace_at(traced, present, month, p);
            EXPECT_TRUE(here == 0.0f || here == 1.0f) << "present = " << here;
            present_sum += here;
        }
        EXPECT_NEAR(capacity_sum / partners, traced.at(Measure::capacity, month), 1e-5)
            << "month " << month;
        EXPECT_NEAR(present_sum / partners, traced.at(Measure::participation, month), 1e-5)
            << "month " << month;
    }
}

TEST(MakeRunId, NumbersRunsDesignPointMajor) {
    const RunId id = make_run_id(5, 3, 4, 10);
    EXPECT_EQ(id.run_index, 34u);
    EXPECT_EQ(id.design_point, 3u);
    EXPECT_EQ(id.replicate, 4u);
    EXPECT_EQ(id.stream_seed, stream_seed(5, 3, 4));
    EXPECT_EQ(make_run_id(5, 0, 0, 10).run_index, 0u);
    EXPECT_EQ(make_run_id(5, 1, 0, 10).run_index, 10u);
    EXPECT_EQ(make_run_id(5, 0, 9, 10).run_index, 9u);
}

TEST(MakeRunId, StreamSeedDoesNotDependOnTheNumberOfReplicates) {
    // Adding replicates to an experiment renumbers the runs but must not change them.
    const RunId few = make_run_id(5, 2, 3, 4);
    const RunId many = make_run_id(5, 2, 3, 1000);
    EXPECT_NE(few.run_index, many.run_index);
    EXPECT_EQ(few.stream_seed, many.stream_seed);
}

TEST(MakeRunId, StreamSeedChangesWithTheMasterSeed) {
    EXPECT_NE(make_run_id(5, 2, 3, 4).stream_seed, make_run_id(6, 2, 3, 4).stream_seed);
    EXPECT_EQ(make_run_id(5, 2, 3, 4).run_index, make_run_id(6, 2, 3, 4).run_index);
}

}  // namespace
}  // namespace partnersim
