#pragma once
// What one workshop request may ask for, so that a room of people pressing Run cannot make the
// server run for minutes or fill the disk: a run of the largest request (500 replicates of 200
// partners over 120 months) takes seconds on two cores (bench/workshop_load.py measures 100
// replicates of the default), and each is a few megabytes.

#include <cstddef>
#include <cstdint>

namespace partnersim::workshop {

inline constexpr std::int64_t default_replicates = 100;
inline constexpr std::int64_t max_replicates = 500;
inline constexpr std::int64_t max_partners = 200;
inline constexpr std::int64_t max_months = 120;
// Runs whose partners' monthly states are kept for "one partnership's story".
inline constexpr std::uint64_t story_runs = 5;
// Runs at once (each uses every core through TBB) and runs waiting for their turn; more than
// that is refused with a message to try again.
inline constexpr int concurrent_runs = 2;
inline constexpr int queued_runs = 16;
// Runs a session keeps on disk before its oldest (unpinned) are deleted.
inline constexpr std::size_t kept_runs = 40;
// Phones following the room at once: each holds one of the server's threads (96) while it
// follows, so the rest stay free for runs and votes.
inline constexpr std::size_t max_followers = 80;
// Vote: options, voters, and text lengths.
inline constexpr std::size_t max_vote_options = 6;
inline constexpr std::size_t max_voters = 1000;
inline constexpr std::size_t max_text = 200;

}  // namespace partnersim::workshop
