#include "workshop/room.hpp"

#include <gtest/gtest.h>

#include "workshop/design_request.hpp"
#include "workshop/run_queue.hpp"

#include <atomic>
#include <thread>
#include <vector>

namespace partnersim::workshop {
namespace {

using namespace std::chrono_literals;

TEST(Room, EachParticipantHasOneVoteAndMayChangeIt) {
    Room room;
    room.open_vote("Which builds more trust?", {"A", "B"});
    room.cast_vote("p1", "A");
    room.cast_vote("p2", "A");
    room.cast_vote("p1", "B");  // changed
    const auto vote = room.vote_json();
    EXPECT_EQ(vote["counts"], (std::vector<std::size_t>{1, 1}));
    EXPECT_EQ(vote["voters"], 2u);
    const auto closed = room.close_vote({{"option", "B"}});
    EXPECT_EQ(closed["model_answer"]["option"], "B");
    EXPECT_FALSE(closed["open"].get<bool>());
    EXPECT_THROW(room.cast_vote("p3", "A"), RequestError);  // closed
}

TEST(Room, ABadVoteIsRefused) {
    Room room;
    EXPECT_THROW(room.cast_vote("p1", "A"), RequestError);  // none open
    EXPECT_THROW(room.open_vote("", {"A", "B"}), RequestError);
    EXPECT_THROW(room.open_vote("Q?", {"A"}), RequestError);
    EXPECT_THROW(room.open_vote("Q?", {"A", "B", "C", "D", "E", "F", "G"}), RequestError);
    room.open_vote("Q?", {"A", "B"});
    EXPECT_THROW(room.cast_vote("p1", "C"), RequestError);
    EXPECT_THROW(room.cast_vote("", "A"), RequestError);
}

TEST(Room, ANewFollowerGetsTheLatestOfEachKindAndThenWhatFollows) {
    Room room;
    room.publish("run", {{"run", 1}});
    room.publish("run", {{"run", 2}});
    room.publish("compare", {{"a", 1}, {"b", 2}});
    const auto first = room.events_after(0, 0ms);
    ASSERT_EQ(first.size(), 2u);
    EXPECT_EQ(first[0].kind, "run");
    EXPECT_EQ(nlohmann::json::parse(first[0].data)["run"], 2);
    EXPECT_GT(nlohmann::json::parse(first[0].data)["published_ms"].get<std::int64_t>(), 0);
    EXPECT_EQ(first[1].kind, "compare");
    EXPECT_TRUE(room.events_after(first.back().id, 0ms).empty());
    // A follower waiting is woken by the next event.
    std::vector<RoomEvent> later;
    std::thread follower([&] { later = room.events_after(first.back().id, 60s); });
    room.publish("run", {{"run", 3}});
    follower.join();
    ASSERT_EQ(later.size(), 1u);
    EXPECT_EQ(nlohmann::json::parse(later[0].data)["run"], 3);
}

TEST(Room, ClosingWakesFollowers) {
    Room room;
    std::vector<RoomEvent> got{{1, "x", "y"}};
    std::thread follower([&] { got = room.events_after(0, 60s); });
    room.close();
    follower.join();
    EXPECT_TRUE(got.empty());
    EXPECT_TRUE(room.closed());
}

TEST(RunQueue, PastItsLengthARunIsToldToTryAgain) {
    RunQueue queue(1, 1);
    auto first = queue.wait_for_turn();
    ASSERT_TRUE(first);
    EXPECT_EQ(queue.running(), 1);
    std::optional<RunQueue::Turn> second;
    std::thread waiter([&] { second = queue.wait_for_turn(); });
    // Wait (bounded) until the second is queued, then a third finds the queue full.
    const auto give_up = std::chrono::steady_clock::now() + 60s;
    while (queue.waiting() < 1 && std::chrono::steady_clock::now() < give_up) {
        std::this_thread::sleep_for(1ms);
    }
    ASSERT_EQ(queue.waiting(), 1);
    EXPECT_FALSE(queue.wait_for_turn());
    first.reset();  // the first run ends: the second gets its turn
    waiter.join();
    EXPECT_TRUE(second);
    EXPECT_EQ(queue.running(), 1);
    second.reset();
    EXPECT_EQ(queue.running(), 0);
}

// Phones that arrive together cannot overfill the room: of 800 attempts from 8 threads at
// once against 50 places, exactly 50 take one, and a place that is left is free again.
TEST(Room, FollowersNeverExceedTheLimitWhenTheyArriveTogether) {
    Room room;
    std::atomic<int> admitted = 0;
    std::vector<std::thread> phones;
    for (int t = 0; t < 8; ++t) {
        phones.emplace_back([&] {
            for (int k = 0; k < 100; ++k) admitted += room.try_follow(50) ? 1 : 0;
        });
    }
    for (auto& phone : phones) phone.join();
    EXPECT_EQ(admitted, 50);
    EXPECT_EQ(room.followers(), 50u);
    EXPECT_FALSE(room.try_follow(50));
    room.follower_left();
    EXPECT_TRUE(room.try_follow(50));
}

}  // namespace
}  // namespace partnersim::workshop
