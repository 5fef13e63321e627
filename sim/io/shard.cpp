#include "io/shard.hpp"

#include <charconv>
#include <stdexcept>

namespace partnersim {
namespace {

// floor(runs * k / n) without overflow: with runs = q * n + r, it is q * k + floor(r * k / n),
// and r * k < n * n fits in 64 bits since n is 32-bit.
std::uint64_t scaled(std::uint64_t runs, unsigned k, unsigned n) {
    const std::uint64_t q = runs / n;
    const std::uint64_t r = runs % n;
    return q * k + r * k / n;
}

}  // namespace

std::string ShardInfo::label() const {
    return std::to_string(index) + "/" + std::to_string(count);
}

std::pair<std::uint64_t, std::uint64_t> shard_range(std::uint64_t runs, unsigned k, unsigned n) {
    if (n == 0) throw std::invalid_argument("shard K/N needs N of at least 1; got N = 0");
    if (k < 1 || k > n) {
        throw std::invalid_argument("shard " + std::to_string(k) + "/" + std::to_string(n) +
                                    ": K must be between 1 and " + std::to_string(n));
    }
    return {scaled(runs, k - 1, n), scaled(runs, k, n)};
}

std::pair<std::uint64_t, std::uint64_t> shard_range(const ShardInfo& shard) {
    return shard_range(shard.total_runs, shard.index, shard.count);
}

ShardInfo parse_shard(const std::string& text, std::uint64_t total_runs) {
    const auto slash = text.find('/');
    const auto number = [&](std::string_view part, const char* what) {
        unsigned value = 0;
        const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
        if (part.empty() || error != std::errc() || end != part.data() + part.size()) {
            throw std::invalid_argument("--shard '" + text + "': " + what +
                                        " is not a whole number; write K/N, e.g. 2/8");
        }
        return value;
    };
    if (slash == std::string::npos) {
        throw std::invalid_argument("--shard '" + text +
                                    "': write K/N, e.g. 2/8 for the second "
                                    "of eight shards");
    }
    const std::string_view whole(text);
    ShardInfo shard;
    shard.index = number(whole.substr(0, slash), "K");
    shard.count = number(whole.substr(slash + 1), "N");
    shard.total_runs = total_runs;
    try {
        shard_range(shard);  // validates K and N
    } catch (const std::invalid_argument& error) {
        throw std::invalid_argument("--shard '" + text + "': " + error.what());
    }
    return shard;
}

}  // namespace partnersim
