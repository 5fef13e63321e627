#include "workshop/room.hpp"

#include <algorithm>

#include "workshop/design_request.hpp"
#include "workshop/limits.hpp"

namespace partnersim::workshop {

using nlohmann::json;

namespace {
// Events kept for followers that reconnect; older ones are only needed as "latest of a kind",
// which is kept separately below.
constexpr std::size_t kept_events = 64;
}  // namespace

std::uint64_t Room::publish_locked(const std::string& kind, const json& data) {
    // The wall-clock time it was sent, so a follower can tell how late it arrived (the load
    // test, bench/workshop_load.py, measures delivery by it on loopback).
    json sent = data;
    sent["published_ms"] = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
    events_.push_back({next_id_++, kind, sent.dump()});
    if (events_.size() > kept_events) {
        // Keep the latest event of every kind, drop the oldest other one.
        for (auto it = events_.begin(); it != events_.end(); ++it) {
            const bool later_of_kind = std::any_of(
                std::next(it), events_.end(), [&](const auto& e) { return e.kind == it->kind; });
            if (later_of_kind) {
                events_.erase(it);
                break;
            }
        }
    }
    changed_.notify_all();
    return next_id_ - 1;
}

std::uint64_t Room::publish(const std::string& kind, const json& data) {
    std::lock_guard lock(mutex_);
    return publish_locked(kind, data);
}

std::vector<RoomEvent> Room::events_after(std::uint64_t after, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    const auto newer = [&] { return closed_ || (!events_.empty() && events_.back().id > after); };
    if (!changed_.wait_for(lock, timeout, newer) || closed_) return {};
    std::vector<RoomEvent> found;
    for (const RoomEvent& event : events_) {
        if (event.id <= after) continue;
        if (after == 0) {
            // A new follower: only the latest of each kind, in order.
            const bool later_of_kind =
                std::any_of(events_.begin(), events_.end(),
                            [&](const auto& e) { return e.kind == event.kind && e.id > event.id; });
            if (later_of_kind) continue;
        }
        found.push_back(event);
    }
    return found;
}

void Room::close() {
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
    }
    changed_.notify_all();
}

void Room::open_vote(const std::string& question, const std::vector<std::string>& options) {
    if (question.empty() || question.size() > max_text) {
        throw RequestError("question",
                           "the question needs 1 to " + std::to_string(max_text) + " characters");
    }
    if (options.size() < 2 || options.size() > max_vote_options) {
        throw RequestError("options",
                           "a vote needs 2 to " + std::to_string(max_vote_options) + " options");
    }
    for (const std::string& option : options) {
        if (option.empty() || option.size() > max_text) {
            throw RequestError(
                "options", "each option needs 1 to " + std::to_string(max_text) + " characters");
        }
    }
    std::lock_guard lock(mutex_);
    vote_ = Vote{question, options, {}, true};
    publish_locked("vote_open", vote_json_locked());
}

void Room::cast_vote(const std::string& participant, const std::string& option) {
    std::lock_guard lock(mutex_);
    if (!vote_.open) throw RequestError("vote", "no vote is open");
    if (participant.empty() || participant.size() > 64) {
        throw RequestError("participant", "the phone sent no participant id");
    }
    const auto found = std::ranges::find(vote_.options, option);
    if (found == vote_.options.end()) throw RequestError("option", "not an option of this vote");
    if (!vote_.ballots.contains(participant) && vote_.ballots.size() >= max_voters) {
        throw RequestError("vote", "the room is full");
    }
    vote_.ballots[participant] = static_cast<std::size_t>(found - vote_.options.begin());
    publish_locked("vote_count", vote_json_locked());
}

json Room::close_vote(const json& model_answer) {
    std::lock_guard lock(mutex_);
    if (!vote_.open) throw RequestError("vote", "no vote is open");
    vote_.open = false;
    json result = vote_json_locked();
    result["model_answer"] = model_answer;
    publish_locked("vote_closed", result);
    return result;
}

json Room::vote_json_locked() const {
    std::vector<std::size_t> counts(vote_.options.size(), 0);
    for (const auto& [participant, option] : vote_.ballots) ++counts[option];
    return {{"question", vote_.question},
            {"options", vote_.options},
            {"counts", counts},
            {"voters", vote_.ballots.size()},
            {"open", vote_.open}};
}

json Room::vote_json() const {
    std::lock_guard lock(mutex_);
    return vote_json_locked();
}

}  // namespace partnersim::workshop
