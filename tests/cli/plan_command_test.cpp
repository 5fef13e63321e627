#include <gtest/gtest.h>

#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <sstream>
#include <string>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

const std::string kExample =
    std::string(PARTNERSIM_SOURCE_DIR) + "/scenarios/examples/sweep_duration_budget.toml";

struct Outcome {
    int code;
    std::string out;
    std::string err;
};

Outcome plan(const ScenarioChoice& choice) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = plan_command(choice, out, err);
    return {code, out.str(), err.str()};
}

using test::contains;

TEST(PlanCommand, PrintsTheDesignItsPointsAndRunsAndExitsZero) {
    const Outcome o = plan({kExample, {}, {}, {}});
    EXPECT_EQ(o.code, exit_ok) << o.err;
    EXPECT_TRUE(o.err.empty()) << o.err;
    for (const std::string part :
         {"Latin hypercube", "setup.duration", "setup.budget_hours", "points: 32",
          "replicates: 20 per point", "runs: 640", "common random numbers: on",
          "design points (first 10 of 32)", "time_bound", "estimated results size"}) {
        EXPECT_TRUE(contains(o.out, part)) << "no '" << part << "' in:\n" << o.out;
    }
}

TEST(PlanCommand, EstimatesTheResultsSizeFromRunsMonthsAndMeasures) {
    const Outcome o = plan({kExample, {}, {}, {}});
    // 640 runs x 26 measures x 60 months x 4 bytes = 3,993,600 bytes.
    EXPECT_TRUE(contains(o.out, "640 runs x 26 measures x 60 months x 4 bytes")) << o.out;
    EXPECT_TRUE(contains(o.out, "4.0 MB")) << o.out;
    // + 640 x 26 x 8 + 640 x 32 = 4,147,200 bytes in all.
    EXPECT_TRUE(contains(o.out, "4.1 MB")) << o.out;
}

TEST(PlanCommand, HonoursSetSeedAndReplicates) {
    const Outcome base = plan({kExample, {}, {}, {}});
    const Outcome o = plan({kExample, {"setup.end_month=24"}, 99u, 5});
    EXPECT_EQ(o.code, exit_ok) << o.err;
    EXPECT_TRUE(contains(o.out, "replicates: 5 per point")) << o.out;
    EXPECT_TRUE(contains(o.out, "runs: 160")) << o.out;
    // Another seed draws another Latin hypercube.
    const auto table = [](const std::string& text) {
        return text.substr(text.find("design points"));
    };
    EXPECT_NE(table(o.out), table(base.out));
}

TEST(PlanCommand, ShowsSaltelliRoles) {
    const test::TempFile file(R"([run]
replicates = 2
[sweep]
method = "sobol"
samples = 8
[sweep.ranges]
"setup.budget_hours" = [40.0, 240.0]
"funder.flexibility" = [0.0, 1.0]
)");
    const Outcome o = plan({file.path(), {}, {}, {}});
    EXPECT_EQ(o.code, exit_ok) << o.err;
    EXPECT_TRUE(contains(o.out, "points: 32")) << o.out;
    EXPECT_TRUE(contains(o.out, "role")) << o.out;
    EXPECT_TRUE(contains(o.out, "AB2")) << o.out;
}

TEST(PlanCommand, AScenarioWithoutASweepIsOnePoint) {
    const Outcome o =
        plan({std::string(PARTNERSIM_SOURCE_DIR) + "/scenarios/default.toml", {}, {}, {}});
    EXPECT_EQ(o.code, exit_ok) << o.err;
    EXPECT_TRUE(contains(o.out, "points: 1\n")) << o.out;
    EXPECT_TRUE(contains(o.out, "runs: 100")) << o.out;
}

TEST(PlanCommand, ABadSweepExitsTwoWithALocatedError) {
    const test::TempFile file("[sweep.grid.setup]\nduraton = [\"time_bound\"]\n");
    const Outcome o = plan({file.path(), {}, {}, {}});
    EXPECT_EQ(o.code, exit_bad_input);
    EXPECT_TRUE(o.out.empty()) << o.out;
    EXPECT_TRUE(contains(o.err, file.path().string() + ":2: key 'sweep.grid.setup.duraton'"))
        << o.err;
    EXPECT_TRUE(contains(o.err, "did you mean 'setup.duration'?")) << o.err;
}

TEST(PlanCommand, ABadOverrideExitsTwo) {
    const Outcome o = plan({kExample, {"setup.review=true"}, {}, {}});
    EXPECT_EQ(o.code, exit_bad_input);
    EXPECT_TRUE(contains(o.err, "--set")) << o.err;
}

TEST(PlanCommand, IsASubcommandOfTheExecutable) {
    const std::string command =
        std::string(PARTNERSIM_EXECUTABLE) + " plan '" + kExample + "' --replicates 3 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string output;
    std::array<char, 4096> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
        output.append(buffer.data(), n);
    }
    const int status = pclose(pipe);
    ASSERT_TRUE(WIFEXITED(status)) << output;
    EXPECT_EQ(WEXITSTATUS(status), exit_ok) << output;
    EXPECT_TRUE(contains(output, "runs: 96")) << output;
}

}  // namespace
}  // namespace partnersim
