#pragma once
// Every run's random stream derives from (master seed, design point, replicate) alone, through
// a well-mixed hash (SplitMix64's finaliser, Steele et al. 2014), so neighbouring runs get
// unrelated streams and no run depends on which worker ran it or in what order.

#include <cstdint>

#include "model/random_stream.hpp"  // mix64

namespace partnersim {

constexpr std::uint64_t stream_seed(std::uint64_t master_seed, std::uint64_t design_point,
                                    std::uint64_t replicate) {
    return mix64(mix64(mix64(master_seed) ^ design_point) ^ replicate);
}

// The seed of a run's drawn model (model/model_uncertainty.hpp) under
// uncertainty.model_constants = "plausible": from the run's stream seed, which with common
// random numbers is (master seed, replicate) alone, so every design point at one replicate
// draws the same model. Without common random numbers every run draws its own.
constexpr std::uint64_t model_draw_seed(std::uint64_t run_stream_seed) {
    return mix64(run_stream_seed ^ 0x756e636572746169ULL);
}

}  // namespace partnersim
