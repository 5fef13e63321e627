#pragma once
// Per-run latent traits of the partnership as a whole (docs/model.md 7.14): what a funder's
// stated buy-in and flexibility turn out to be, how well this facilitator fits these partners,
// how volatile their context is. Two partnerships with one set-up differ by these.

#include "model/partnership_state.hpp"
#include "model/random_stream.hpp"
#include "model/scenario.hpp"

namespace partnersim {

// Sub-stream keys of a run (RandomStream::substream): fixed, so the traits and the events of
// replicate r are the same draws in every design compared with one seed.
inline constexpr std::uint64_t traits_substream = 0x7472616974730001ULL;
inline constexpr std::uint64_t events_substream = 0x6576656e74730001ULL;

// Always six normal draws from `traits`, whatever the scenario, so designs consume it alike.
PartnershipTraits draw_partnership_traits(const Scenario& scenario, RandomStream& traits);

// The scenario as realised in this run: the stated funder values (buy-in, flexibility, staff
// time) replaced by the realised ones, the facilitator's soft and contextual skills shifted by
// its fit, the context's shock rates and drift scaled by its volatility, and the rates at which
// learning takes hold scaled by partners' absorptive capacity. Every process reads these.
Scenario realise_traits(const Scenario& stated, const PartnershipTraits& traits);

}  // namespace partnersim
