#include "engine/ensemble.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <numeric>
#include <thread>
#include <utility>
#include <vector>

#include "engine/random_streams.hpp"
#include "support/memory_writer.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

constexpr int months = 8;
constexpr int partners = 5;

Scenario small_scenario(int replicates) {
    Scenario scenario;
    scenario.run.months = months;
    scenario.run.replicates = replicates;
    scenario.run.seed = 314;
    scenario.partners.count = partners;
    return scenario;
}

std::vector<std::uint64_t> range(std::uint64_t first, std::uint64_t last) {
    std::vector<std::uint64_t> values(last - first);
    std::iota(values.begin(), values.end(), first);
    return values;
}

EnsembleOptions with_threads(int threads) {
    EnsembleOptions options;
    options.threads = threads;
    return options;
}

// Runs every replicate of the scenario into a fresh writer.
std::unique_ptr<test::MemoryWriter> run_all(const Scenario& scenario,
                                            const EnsembleOptions& options) {
    auto writer = std::make_unique<test::MemoryWriter>();
    const auto runs = static_cast<std::uint64_t>(scenario.run.replicates);
    const EnsembleReport report =
        run_ensemble(replicate_source(scenario), 0, runs, *writer, options);
    EXPECT_EQ(report.completed, runs);
    EXPECT_FALSE(report.stopped);
    return writer;
}

void expect_identical_runs(const test::MemoryWriter& a, const test::MemoryWriter& b) {
    ASSERT_EQ(a.results().size(), b.results().size());
    for (std::size_t i = 0; i < a.results().size(); ++i) {
        const RunResult& x = a.results()[i];
        const RunResult& y = b.results()[i];
        EXPECT_EQ(x.id.run_index, y.id.run_index);
        EXPECT_EQ(x.id.stream_seed, y.id.stream_seed);
        EXPECT_TRUE(test::bitwise_equal(x.timeseries, y.timeseries)) << "run " << i;
        EXPECT_TRUE(test::bitwise_equal(x.final_values, y.final_values)) << "run " << i;
        EXPECT_TRUE(test::bitwise_equal(x.trace, y.trace)) << "run " << i;
    }
}

TEST(ReplicateSource, MapsIndexToReplicateOfDesignPointZero) {
    const Scenario scenario = small_scenario(10);
    const RunSource source = replicate_source(scenario);
    for (std::uint64_t i = 0; i < 10; ++i) {
        const RunSpec spec = source(i);
        EXPECT_EQ(spec.id.run_index, i);
        EXPECT_EQ(spec.id.design_point, 0u);
        EXPECT_EQ(spec.id.replicate, i);
        EXPECT_EQ(spec.id.stream_seed, stream_seed(314, 0, i));
        EXPECT_EQ(spec.scenario.run.months, months);
        EXPECT_EQ(spec.scenario.partners.count, partners);
    }
}

TEST(ReplicateSource, KeepsItsOwnCopyOfTheScenario) {
    Scenario scenario = small_scenario(10);
    const RunSource source = replicate_source(scenario);
    scenario.run.seed = 1;
    scenario.partners.count = 40;
    EXPECT_EQ(source(3).id.stream_seed, stream_seed(314, 0, 3));
    EXPECT_EQ(source(3).scenario.partners.count, partners);
}

TEST(RunEnsemble, WritesEveryRunOnceInIndexOrder) {
    const Scenario scenario = small_scenario(24);
    for (const int threads : {1, 2, 4}) {
        const auto owned = run_all(scenario, with_threads(threads));
        const test::MemoryWriter& writer = *owned;
        EXPECT_EQ(writer.indices(), range(0, 24)) << threads << " threads";
        EXPECT_EQ(writer.overlapping_calls(), 0u) << threads << " threads";
        for (const RunResult& result : writer.results()) {
            EXPECT_EQ(result.id.replicate, result.id.run_index);
            EXPECT_EQ(result.id.stream_seed, stream_seed(314, 0, result.id.run_index));
        }
    }
}

TEST(RunEnsemble, WritesInIndexOrderEvenWhenRunsFinishOutOfOrder) {
    // Every third run is slow, so later runs finish first on other workers.
    const Scenario scenario = small_scenario(30);
    const RunSource inner = replicate_source(scenario);
    const RunSource uneven = [&](std::uint64_t index) {
        if (index % 3 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        return inner(index);
    };
    for (const int threads : {2, 4}) {
        test::MemoryWriter writer;
        EnsembleOptions options = with_threads(threads);
        options.runs_in_flight = 6;
        const EnsembleReport report = run_ensemble(uneven, 0, 30, writer, options);
        EXPECT_EQ(report.completed, 30u);
        EXPECT_EQ(writer.indices(), range(0, 30)) << threads << " threads";
    }
}

TEST(RunEnsemble, ResultsAreEqualToSingleRuns) {
    const Scenario scenario = small_scenario(6);
    const auto owned = run_all(scenario, with_threads(2));
    const test::MemoryWriter& writer = *owned;
    ASSERT_EQ(writer.results().size(), 6u);
    for (std::uint64_t i = 0; i < 6; ++i) {
        const RunResult alone = run_partnership(scenario, make_run_id(314, 0, i, 6));
        EXPECT_TRUE(test::bitwise_equal(writer.results()[i].timeseries, alone.timeseries));
        EXPECT_TRUE(test::bitwise_equal(writer.results()[i].final_values, alone.final_values));
    }
}

TEST(RunEnsemble, ResultsAreBitIdenticalOnOneTwoFourAndEightThreads) {
    const Scenario scenario = small_scenario(24);
    EnsembleOptions options = with_threads(1);
    options.trace_runs = 3;
    const auto one = run_all(scenario, options);
    options.threads = 2;
    const auto two = run_all(scenario, options);
    options.threads = 4;
    options.runs_in_flight = 3;
    const auto four = run_all(scenario, options);
    // More threads than this machine's cores, so runs finish in yet other orders.
    options.threads = 8;
    options.runs_in_flight = 0;
    const auto eight = run_all(scenario, options);
    expect_identical_runs(*one, *two);
    expect_identical_runs(*one, *four);
    expect_identical_runs(*one, *eight);
}

TEST(RunEnsemble, RunsASubrangeOfIndices) {
    const Scenario scenario = small_scenario(20);
    test::MemoryWriter writer;
    const EnsembleReport report =
        run_ensemble(replicate_source(scenario), 5, 9, writer, with_threads(2));
    EXPECT_EQ(report.completed, 4u);
    EXPECT_FALSE(report.stopped);
    EXPECT_EQ(writer.indices(), range(5, 9));
    // The same runs as in the full range.
    const auto full = run_all(scenario, with_threads(1));
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_TRUE(
            test::bitwise_equal(writer.results()[i].timeseries, full->results()[5 + i].timeseries));
    }
}

TEST(RunEnsemble, AnEmptyRangeWritesNothing) {
    const Scenario scenario = small_scenario(4);
    test::MemoryWriter writer;
    EXPECT_EQ(run_ensemble(replicate_source(scenario), 3, 3, writer, {}).completed, 0u);
    EXPECT_EQ(run_ensemble(replicate_source(scenario), 3, 1, writer, {}).completed, 0u);
    EXPECT_TRUE(writer.results().empty());
}

TEST(RunEnsemble, DefaultOptionsUseAllThreadsAndComplete) {
    const Scenario scenario = small_scenario(12);
    const auto owned = run_all(scenario, EnsembleOptions{});
    const test::MemoryWriter& writer = *owned;
    EXPECT_EQ(writer.indices(), range(0, 12));
}

TEST(RunEnsemble, NeverHoldsMoreThanRunsInFlightUnwrittenRuns) {
    // A slow writer lets the workers run ahead as far as the pipeline allows. A run whose
    // source is being asked for while `written` runs are written is the (index - written + 1)th
    // run in flight; that must never exceed the bound.
    const Scenario scenario = small_scenario(40);
    const RunSource inner = replicate_source(scenario);
    for (const std::size_t bound : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
        std::atomic<std::uint64_t> written{0};
        std::atomic<std::uint64_t> widest{0};
        const RunSource source = [&](std::uint64_t index) {
            const std::uint64_t in_flight = index + 1 - written.load();
            std::uint64_t seen = widest.load();
            while (in_flight > seen && !widest.compare_exchange_weak(seen, in_flight)) {
            }
            return inner(index);
        };
        test::MemoryWriter writer;
        writer.on_write = [&](const RunResult&) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            written.fetch_add(1);
        };
        EnsembleOptions options = with_threads(4);
        options.runs_in_flight = bound;
        const EnsembleReport report = run_ensemble(source, 0, 40, writer, options);
        EXPECT_EQ(report.completed, 40u);
        EXPECT_EQ(writer.indices(), range(0, 40)) << "bound " << bound;
        EXPECT_LE(widest.load(), bound) << "bound " << bound;
        EXPECT_GE(widest.load(), 1u);
    }
}

TEST(RunEnsemble, StopFlagStopsEarlyAndKeepsAWrittenPrefix) {
    const Scenario scenario = small_scenario(200);
    std::atomic<bool> stop{false};
    constexpr std::size_t stop_after = 5;
    constexpr std::size_t in_flight = 2;
    test::MemoryWriter writer;
    writer.on_write = [&](const RunResult&) {
        if (writer.results().size() == stop_after) stop.store(true);
    };
    EnsembleOptions options = with_threads(2);
    options.runs_in_flight = in_flight;
    options.stop = &stop;
    const EnsembleReport report = run_ensemble(replicate_source(scenario), 0, 200, writer, options);

    EXPECT_TRUE(report.stopped);
    EXPECT_GE(report.completed, stop_after);
    // Runs already started when the flag was set are finished and written, but no more.
    EXPECT_LE(report.completed, stop_after + in_flight);
    EXPECT_EQ(writer.indices(), range(0, report.completed));
    ASSERT_FALSE(writer.events().empty());
    EXPECT_EQ(writer.events().back().kind, test::MemoryWriter::Event::Kind::flush)
        << "what was written before stopping is not flushed";

    // The kept runs are the same as those of an uninterrupted ensemble.
    const auto full = run_all(small_scenario(12), with_threads(1));
    for (std::size_t i = 0; i < writer.results().size(); ++i) {
        EXPECT_TRUE(
            test::bitwise_equal(writer.results()[i].timeseries, full->results()[i].timeseries));
    }
}

TEST(RunEnsemble, StopFlagSetBeforeTheStartRunsNothing) {
    const Scenario scenario = small_scenario(10);
    const std::atomic<bool> stop{true};
    test::MemoryWriter writer;
    EnsembleOptions options = with_threads(2);
    options.stop = &stop;
    const EnsembleReport report = run_ensemble(replicate_source(scenario), 0, 10, writer, options);
    EXPECT_TRUE(report.stopped);
    EXPECT_EQ(report.completed, 0u);
    EXPECT_TRUE(writer.results().empty());
}

TEST(RunEnsemble, AnUnsetStopFlagChangesNothing) {
    const Scenario scenario = small_scenario(10);
    const std::atomic<bool> stop{false};
    EnsembleOptions options = with_threads(2);
    options.stop = &stop;
    const auto owned = run_all(scenario, options);
    const test::MemoryWriter& writer = *owned;
    EXPECT_EQ(writer.indices(), range(0, 10));
}

TEST(RunEnsemble, TracesOnlyRunsBelowTraceRuns) {
    const Scenario scenario = small_scenario(8);
    EnsembleOptions options = with_threads(2);
    options.trace_runs = 2;
    const auto owned = run_all(scenario, options);
    const test::MemoryWriter& writer = *owned;
    ASSERT_EQ(writer.results().size(), 8u);
    const std::size_t trace_size = partner_trace_count * months * partners;
    for (const RunResult& result : writer.results()) {
        if (result.id.run_index < 2) {
            EXPECT_EQ(result.trace.size(), trace_size) << "run " << result.id.run_index;
        } else {
            EXPECT_TRUE(result.trace.empty()) << "run " << result.id.run_index;
        }
    }
}

TEST(RunEnsemble, TraceRunsCountsRunIndicesNotPositionsInTheRange) {
    const Scenario scenario = small_scenario(8);
    EnsembleOptions options = with_threads(2);
    options.trace_runs = 4;
    test::MemoryWriter writer;
    run_ensemble(replicate_source(scenario), 3, 7, writer, options);
    ASSERT_EQ(writer.indices(), range(3, 7));
    EXPECT_FALSE(writer.results()[0].trace.empty()) << "run 3 is below trace_runs";
    for (std::size_t i = 1; i < 4; ++i) EXPECT_TRUE(writer.results()[i].trace.empty());
}

TEST(RunEnsemble, FlushesAtTheEnd) {
    const Scenario scenario = small_scenario(10);
    EnsembleOptions options = with_threads(2);
    options.flush_interval = std::chrono::hours(1);
    const auto owned = run_all(scenario, options);
    const test::MemoryWriter& writer = *owned;
    EXPECT_EQ(writer.flushes(), 1u);
    ASSERT_FALSE(writer.events().empty());
    EXPECT_EQ(writer.events().back().kind, test::MemoryWriter::Event::Kind::flush);
}

TEST(RunEnsemble, FlushesAsOftenAsTheIntervalAsks) {
    const Scenario scenario = small_scenario(10);
    EnsembleOptions options = with_threads(2);
    options.flush_interval = std::chrono::milliseconds(0);
    const auto owned = run_all(scenario, options);
    const test::MemoryWriter& writer = *owned;
    EXPECT_GE(writer.flushes(), 10u);
    EXPECT_EQ(writer.events().back().kind, test::MemoryWriter::Event::Kind::flush);
}

TEST(RunEnsemble, ReportsProgressAfterEachWrittenRun) {
    const Scenario scenario = small_scenario(20);
    std::vector<std::pair<std::uint64_t, std::uint64_t>> calls;
    test::MemoryWriter writer;
    EnsembleOptions options = with_threads(2);
    options.on_progress = [&](std::uint64_t done, std::uint64_t total) {
        // Progress counts runs already handed to the writer.
        EXPECT_EQ(writer.results().size(), done);
        calls.emplace_back(done, total);
    };
    run_ensemble(replicate_source(scenario), 10, 20, writer, options);
    ASSERT_EQ(calls.size(), 10u);
    for (std::size_t i = 0; i < calls.size(); ++i) {
        EXPECT_EQ(calls[i].first, i + 1);
        EXPECT_EQ(calls[i].second, 10u);
    }
}

}  // namespace
}  // namespace partnersim
