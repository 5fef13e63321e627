#pragma once
// The room: what the facilitator's page shares with every participant's phone. Events (a run's
// charts, a comparison, a vote opened, counted or closed) are numbered and kept, and followers
// wait for the ones after the last they saw (server-sent events, workshop_server.cpp); a phone
// that joins late gets the latest of each kind first, so it shows what the room is looking at.
//
// Votes: the facilitator poses a question with options; each participant (a random id its phone
// keeps) has one vote and may change it; the counts go to the room as they change. A later play
// mode (docs/workshop.md) adds its own event kinds and a participant's moves on the same path.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace partnersim::workshop {

struct RoomEvent {
    std::uint64_t id = 0;
    std::string kind;  // "run", "compare", "vote_open", "vote_count", "vote_closed"
    std::string data;  // JSON text
};

struct Vote {
    std::string question;
    std::vector<std::string> options;
    std::map<std::string, std::size_t> ballots;  // participant -> option
    bool open = false;
};

class Room {
public:
    std::uint64_t publish(const std::string& kind, const nlohmann::json& data);

    // The events after `after` (for a new follower, after = 0: the latest of each kind), waiting
    // up to `timeout` for one; empty on timeout or once the room is closed.
    std::vector<RoomEvent> events_after(std::uint64_t after, std::chrono::milliseconds timeout);
    // Wakes every follower for good (the server is stopping).
    void close();
    bool closed() const { return closed_; }

    // Throws RequestError for an empty question, fewer than 2 or too many options.
    void open_vote(const std::string& question, const std::vector<std::string>& options);
    // Throws RequestError when no vote is open, the option is unknown or the room is full.
    void cast_vote(const std::string& participant, const std::string& option);
    // Closes the vote with the model's answer (text shown beside the counts).
    nlohmann::json close_vote(const nlohmann::json& model_answer);
    nlohmann::json vote_json() const;
    std::size_t followers() const { return followers_; }
    // Takes a follower's place if fewer than `limit` follow; false when the room is full. One
    // atomic step, so two phones arriving together cannot both take the last place.
    bool try_follow(std::size_t limit) {
        std::size_t now = followers_.load();
        while (now < limit) {
            if (followers_.compare_exchange_weak(now, now + 1)) return true;
        }
        return false;
    }
    void follower_left() { --followers_; }

private:
    nlohmann::json vote_json_locked() const;
    std::uint64_t publish_locked(const std::string& kind, const nlohmann::json& data);

    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<RoomEvent> events_;  // the most recent ones
    std::uint64_t next_id_ = 1;
    Vote vote_;
    std::atomic<bool> closed_ = false;
    std::atomic<std::size_t> followers_ = 0;
};

}  // namespace partnersim::workshop
