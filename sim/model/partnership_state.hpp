#pragma once
// The state of the partnership as a whole, beyond its members: the latent traits drawn for
// this run, and how it ends (docs/model.md 7.14 and 7.16). Plain data; partnership_traits.*,
// partnership_events.* and outcome.* hold the processes over it.

#include <array>
#include <string_view>

namespace partnersim {

// What this partnership turned out to be, drawn once per run around the stated set-up.
struct PartnershipTraits {
    double buy_in = 0.0;       // the funder's realised senior buy-in, 0..1
    double flexibility = 0.0;  // the funder's realised flexibility, 0..1
    double fit = 0.0;  // shift of the facilitator's soft and contextual skills with these partners
    double volatility = 1.0;  // multiplier of the context's shock rates and drift
    double absorption = 1.0;  // how readily these partners turn learning into capacity and practice
    double staff_time = 0.0;  // the funder's realised staff time for the partnership, 0..1
};

// How a run ends. Every run ends in exactly one class.
enum class OutcomeClass : int {
    thriving = 0,    // ran its course, partners engaged and the funder valuing it
    struggling = 1,  // ran its course, but partners drifted away or the funder saw little in it
    collapsed = 2,   // ended before its time
};
inline constexpr std::size_t outcome_class_count = 3;

enum class OutcomeCause : int {
    none = 0,                  // thriving
    funder_ended = 1,          // collapsed: the funder ended a partnership it saw as dispensable
    partners_disengaged = 2,   // collapsed: partners disengaged for good
    facilitator_withdrew = 3,  // collapsed: the facilitator withdrew
    weak_engagement = 4,       // struggling: few partners still took part at the end
    weak_funder_value = 5,     // struggling: the funder saw little worth in it at the end
    no_buy_in_at_startup = 6,  // collapsed: the funder's leaders did not commit at start-up
};
inline constexpr std::size_t outcome_cause_count = 7;

inline constexpr std::array<std::string_view, outcome_class_count> outcome_class_names{
    "thriving", "struggling", "collapsed"};
inline constexpr std::array<std::string_view, outcome_cause_count> outcome_cause_names{
    "none",
    "funder_ended",
    "partners_disengaged",
    "facilitator_withdrew",
    "weak_engagement",
    "weak_funder_value",
    "no_buy_in_at_startup"};

struct PartnershipOutcome {
    OutcomeClass kind = OutcomeClass::thriving;
    OutcomeCause cause = OutcomeCause::none;
    int month = -1;        // the month it ended or was judged (0-based); -1 until decided
    bool decided = false;  // judged at its end, or collapsed
    // Running readings the judgement rests on (exponential averages over about six months).
    double recent_participation = 1.0;  // share of enrolled partners taking part
    double funder_worth = 0.5;          // the partnership's worth in the funder's own eyes
};

}  // namespace partnersim
