#pragma once
// The random stream of one run. Boost's distributions are specified exactly, so a stream gives
// the same numbers on every platform and compiler, unlike std::normal_distribution.

#include <cstdint>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_01.hpp>

namespace partnersim {

class RandomStream {
public:
    explicit RandomStream(std::uint64_t seed) : engine_(seed) {}

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
    boost::random::mt19937_64 engine_;
};

}  // namespace partnersim
