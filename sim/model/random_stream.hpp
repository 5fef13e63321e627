#pragma once
// The random stream of one run. Boost's distributions are specified exactly, so a stream gives
// the same numbers on every platform and compiler, unlike std::normal_distribution.

#include <cstdint>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_01.hpp>

namespace partnersim {

// SplitMix64's finaliser (Steele et al. 2014): a well-mixed hash of 64 bits, behind every
// derived seed (runs' streams in engine/, a run's sub-streams here).
constexpr std::uint64_t mix64(std::uint64_t z) {
    z += 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

class RandomStream {
public:
    explicit RandomStream(std::uint64_t seed) : seed_(seed), engine_(seed) {}

    // A stream of its own for one kind of draw (the partnership's traits, its events), derived
    // from this stream's seed alone: drawing from it never moves this stream, so how many draws
    // a design makes there cannot shift the draws of anything else (common random numbers).
    RandomStream substream(std::uint64_t key) const {
        return RandomStream(mix64(seed_ ^ mix64(key)));
    }

    double uniform() { return boost::random::uniform_01<double>{}(engine_); }
    double normal(double mean = 0.0, double sd = 1.0) {
        return boost::random::normal_distribution<double>{mean, sd}(engine_);
    }
    bool chance(double probability) { return uniform() < probability; }
    // A uniform integer in [0, n).
    std::uint64_t below(std::uint64_t n) {
        return static_cast<std::uint64_t>(uniform() * static_cast<double>(n)) % n;
    }

private:
    std::uint64_t seed_;
    boost::random::mt19937_64 engine_;
};

}  // namespace partnersim
