// The story of a traced run is the model's own: its network is each partner's two strongest
// ties as the tie network holds them, its events the ones the processes noted. Checked against
// the same partnership stepped here month by month and read straight from the world.

#include "workshop/partnership_story.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/run_experiment.hpp"
#include "app/scenario_request.hpp"
#include "engine/run.hpp"
#include "model/month_events.hpp"
#include "model/step.hpp"
#include "support/test_helpers.hpp"

namespace partnersim::workshop {
namespace {

using nlohmann::json;
using Pair = std::pair<std::size_t, std::size_t>;

// Each enrolled founder's two strongest ties (weight > 0, the lower partner number first among
// equals), found by sorting every candidate: another way than the trace's running maximum.
std::map<Pair, float> two_strongest_ties(const World& world) {
    const auto& p = world.partners;
    std::map<Pair, float> shown;
    for (std::size_t i = 0; i < p.founders; ++i) {
        if (!p.enrolled[i]) continue;
        std::vector<std::pair<float, std::size_t>> candidates;
        for (std::size_t j = 0; j < p.founders; ++j) {
            if (j != i && p.enrolled[j] && p.ties.weight(i, j) > 0.0f) {
                candidates.emplace_back(p.ties.weight(i, j), j);
            }
        }
        std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        for (std::size_t k = 0; k < std::min<std::size_t>(2, candidates.size()); ++k) {
            const std::size_t j = candidates[k].second;
            shown[{std::min(i, j), std::max(i, j)}] = candidates[k].first;
        }
    }
    return shown;
}

std::set<std::string> event_names(std::uint32_t flags) {
    std::set<std::string> names;
    for (const auto& info : month_event_catalogue) {
        if ((flags & static_cast<std::uint32_t>(info.event)) != 0) names.emplace(info.name);
    }
    return names;
}

TEST(PartnershipStory, TiesAndEventsAreTheModelsOwnMonthByMonth) {
    test::TempDir dir;
    // Events far more frequent than the defaults, so that every run has several of them.
    test::write_text_file(dir / "eventful.toml", test::small_scenario_toml(48, 3, 8, 11) +
                                                     "\n[partnership]\n"
                                                     "facilitator_turnover_rate = 1.0\n"
                                                     "leadership_change_rate = 1.0\n"
                                                     "budget_cut_rate = 1.0\n"
                                                     "field_crisis_rate = 1.0\n"
                                                     "funder_breach_rate = 1.0\n"
                                                     "newcomer_rate = 1.0\n");
    app::RunRequest request;
    request.scenario.file = dir / "eventful.toml";
    request.output = dir / "eventful.h5";
    request.threads = 2;
    request.trace_runs = 3;
    app::run_experiment(request);
    const Scenario scenario = app::resolve_scenario(request.scenario);

    std::size_t ties_seen = 0, events_seen = 0;
    for (std::uint64_t run = 0; run < 3; ++run) {
        SCOPED_TRACE("run " + std::to_string(run));
        const json story = partnership_story({request.output, run, std::nullopt, std::nullopt});
        ASSERT_EQ(story["ties"].size(), 48u);
        const RunId id = make_run_id(scenario.run.seed, 0, run, 3);
        RandomStream random(id.stream_seed);
        World world = start_world(scenario, random);
        int last_month = 0;
        for (int month = 0; month < 47; ++month) {  // the last month is also judged: left out
            step_month(world, random);
            std::map<Pair, float> in_story;
            for (const json& tie : story["ties"][month]) {
                in_story[{tie[0].get<std::size_t>(), tie[1].get<std::size_t>()}] =
                    tie[2].get<float>();
            }
            const std::map<Pair, float> expected = two_strongest_ties(world);
            ASSERT_EQ(in_story.size(), expected.size()) << "month " << month + 1;
            for (const auto& [pair, weight] : expected) {
                ASSERT_TRUE(in_story.count(pair)) << "month " << month + 1;
                EXPECT_NEAR(in_story[pair], weight, 5.1e-4);  // the story rounds to 0.001
            }
            ties_seen += expected.size();
            std::set<std::string> told;
            for (const json& event : story["events"]) {
                const int event_month = event["month"].get<int>();
                EXPECT_GE(event_month, last_month) << "events are in month order";
                last_month = event_month;
                if (event_month == month + 1) told.insert(event["kind"].get<std::string>());
            }
            last_month = 0;
            const std::set<std::string> happened = event_names(world.events.flags);
            for (const std::string& name : happened) EXPECT_TRUE(told.count(name)) << name;
            for (const auto& info : month_event_catalogue) {
                if (told.count(std::string(info.name))) {
                    EXPECT_TRUE(happened.count(std::string(info.name))) << info.name;
                }
            }
            events_seen += happened.size();
        }
    }
    // Not a vacuous pass: networks formed and events happened.
    EXPECT_GT(ties_seen, 100u);
    EXPECT_GT(events_seen, 10u);
}

}  // namespace
}  // namespace partnersim::workshop
