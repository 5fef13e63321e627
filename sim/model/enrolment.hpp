#pragma once
// Partners leaving the programme for good, and new partners joining it (docs/model.md 7.15): a
// partner that loses its grant, or one that has stayed away while finding little of value,
// gives up its slot; a newcomer takes the next slot set aside for newcomers at month 0. Slots
// are fixed for the run (structure-of-arrays, no resizing); a partner that left keeps
// enrolled = 0, a slot not yet taken has enrolled = 0 too.

#include <cstddef>

#include "model/world.hpp"

namespace partnersim {

// The partner leaves: it takes no further part, and the funder's support goes to the others.
void withdraw_partner(World& world, std::size_t partner);

// A new partner joins in the next free newcomer slot, if one is left (false if none): it
// starts as a founding partner started at month 0 (prior trust, the capacity it brings, no
// ties), the funder knows nothing of it yet (belief 0, the prior mean), and it gets an even
// share of the funder's support, the others' shares scaled down to make room.
bool admit_newcomer(World& world);

// Calls visit(weight) with the tie weight of every pair of enrolled partners, in slot order (so
// sums over it are the same bit for bit wherever they are taken). Slots no newcomer has taken
// are not enrolled: the loop stops at the slots taken. Returns the number of pairs.
template <class Visit>
std::size_t for_each_enrolled_pair(const PartnerPopulation& p, Visit visit) {
    const auto& weights = p.ties.weights();
    std::size_t pairs = 0;
    const std::size_t taken = p.slots_taken();
    // The measures read the triangle every month, and until a partner leaves every slot taken
    // is enrolled: then each row is read, in the same order, by a loop with no test per pair.
    if (p.enrolled_count() == taken) {
        for (std::size_t i = 0; i + 1 < taken; ++i) {
            const float* const row = weights.data() + p.ties.pair_index(i, i + 1);
            for (std::size_t k = 0; k < taken - i - 1; ++k) visit(row[k]);
        }
        return taken < 2 ? 0 : taken * (taken - 1) / 2;
    }
    for (std::size_t i = 0; i + 1 < taken; ++i) {
        if (!p.enrolled[i]) continue;
        std::size_t pair = p.ties.pair_index(i, i + 1);
        for (std::size_t j = i + 1; j < taken; ++j, ++pair) {
            if (!p.enrolled[j]) continue;
            ++pairs;
            visit(weights[pair]);
        }
    }
    return pairs;
}

// Share of pairs of enrolled partners with a tie at least `threshold` (0 with fewer than two).
double enrolled_tie_density(const PartnerPopulation& partners, float threshold);

// Process 8b: partners who stayed away for months while finding the partnership of little
// value disengage for good ("[partners] lose interest quickly").
void let_disengaged_partners_go(World& world);

}  // namespace partnersim
