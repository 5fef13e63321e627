#include "mpi/run_message.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <stdexcept>

#include "engine/run.hpp"

namespace partnersim::mpi {
namespace {

// Runs that fill every field: one traced (partner states), one with drawn model constants.
std::vector<RunResult> sample_runs() {
    Scenario scenario;
    scenario.run.months = 24;
    scenario.partners.count = 12;
    RunOptions traced;
    traced.trace_partners = true;
    std::vector<RunResult> runs;
    runs.push_back(run_partnership(scenario, make_run_id(7, 0, 0, 2), traced));
    scenario.uncertainty.model_constants = ModelUncertainty::plausible;
    runs.push_back(run_partnership(scenario, make_run_id(7, 0, 1, 2), {}));
    return runs;
}

bool same_bytes(const std::vector<float>& a, const std::vector<float>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

TEST(RunMessage, CarriesEveryFieldUnchanged) {
    const std::vector<RunResult> runs = sample_runs();
    ASSERT_FALSE(runs[0].trace.empty());
    ASSERT_FALSE(runs[1].model_constants.empty());
    const DecodedRuns decoded = decode_runs(encode_runs({40, 2, 3}, runs));
    EXPECT_EQ(decoded.header.first, 40U);
    EXPECT_EQ(decoded.header.count, 2U);
    EXPECT_EQ(decoded.header.threads, 3U);
    ASSERT_EQ(decoded.runs.size(), 2U);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const RunResult& a = runs[i];
        const RunResult& b = decoded.runs[i];
        EXPECT_EQ(a.id.run_index, b.id.run_index);
        EXPECT_EQ(a.id.design_point, b.id.design_point);
        EXPECT_EQ(a.id.replicate, b.id.replicate);
        EXPECT_EQ(a.id.stream_seed, b.id.stream_seed);
        EXPECT_EQ(a.months, b.months);
        EXPECT_TRUE(same_bytes(a.timeseries, b.timeseries));
        EXPECT_EQ(std::memcmp(a.final_values.data(), b.final_values.data(), sizeof(MeasureValues)),
                  0);
        EXPECT_EQ(a.outcome, b.outcome);
        EXPECT_EQ(a.outcome_month, b.outcome_month);
        EXPECT_EQ(a.outcome_cause, b.outcome_cause);
        EXPECT_EQ(a.model_constants, b.model_constants);
        EXPECT_EQ(a.partners, b.partners);
        EXPECT_TRUE(same_bytes(a.trace, b.trace));
    }
}

TEST(RunMessage, SizeIsWhatEncodingTakes) {
    const std::vector<RunResult> runs = sample_runs();
    EXPECT_EQ(encode_runs({0, 2, 1}, runs).size(),
              sizeof(ChunkHeader) + run_message_bytes(runs[0]) + run_message_bytes(runs[1]));
}

TEST(RunMessage, FirstRequestHasNoRuns) {
    const DecodedRuns decoded = decode_runs(encode_runs({ChunkHeader::no_chunk, 0, 5}, {}));
    EXPECT_EQ(decoded.header.first, ChunkHeader::no_chunk);
    EXPECT_TRUE(decoded.runs.empty());
}

TEST(RunMessage, CutOrPaddedMessageIsRefused) {
    std::vector<std::byte> bytes = encode_runs({0, 2, 1}, sample_runs());
    std::vector<std::byte> cut(bytes.begin(), bytes.end() - 5);
    EXPECT_THROW(decode_runs(cut), std::runtime_error);
    bytes.push_back(std::byte{0});
    EXPECT_THROW(decode_runs(bytes), std::runtime_error);
}

}  // namespace
}  // namespace partnersim::mpi
