#pragma once
// Ties between partner organisations: a symmetric weight in [0, 1] per pair, stored as the
// strict upper triangle in one contiguous array so the monthly decay and formation loops
// stream through memory.

#include <cstddef>
#include <vector>

namespace partnersim {

// A tie this strong is a working relationship partners can meet on by themselves once the
// facilitator has gone (effort.cpp): self-organisation needs a connected core, which appears
// past a threshold (Guimera et al. 2005). The measure network_density has no cut-off.
inline constexpr float working_tie = 0.25f;

class TieNetwork {
public:
    TieNetwork() = default;
    explicit TieNetwork(std::size_t partners)
        : partners_(partners), weights_(partners * (partners - 1) / 2, 0.0f) {}

    std::size_t partners() const { return partners_; }
    std::size_t pairs() const { return weights_.size(); }

    // Index of pair (i, j), i < j, in the upper triangle.
    std::size_t pair_index(std::size_t i, std::size_t j) const {
        return i * partners_ - i * (i + 1) / 2 + (j - i - 1);
    }
    float weight(std::size_t i, std::size_t j) const {
        if (i == j) return 0.0f;
        return i < j ? weights_[pair_index(i, j)] : weights_[pair_index(j, i)];
    }
    // Share of pairs whose tie is at least `threshold`.
    double density(float threshold) const {
        if (weights_.empty()) return 0.0;
        std::size_t strong = 0;
        for (const float w : weights_) strong += w >= threshold ? 1 : 0;
        return static_cast<double>(strong) / static_cast<double>(weights_.size());
    }
    std::vector<float>& weights() { return weights_; }
    const std::vector<float>& weights() const { return weights_; }

private:
    std::size_t partners_ = 0;
    std::vector<float> weights_;
};

}  // namespace partnersim
