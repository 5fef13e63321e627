#include "mpi/run_message.hpp"

#include <cstring>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace partnersim::mpi {
namespace {

// Writes into a buffer already sized to the whole message (encode_runs counts it first).
class Packer {
public:
    explicit Packer(std::vector<std::byte>& out) : out_(out) {}
    template <typename T>
    void value(const T& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        put(&v, sizeof(T));
    }
    template <typename T>
    void values(const std::vector<T>& v) {
        value(static_cast<std::uint64_t>(v.size()));
        put(v.data(), v.size() * sizeof(T));
    }

private:
    void put(const void* data, std::size_t bytes) {
        if (bytes > out_.size() - at_) throw std::logic_error("encode_runs: message overflows");
        if (bytes > 0) std::memcpy(out_.data() + at_, data, bytes);
        at_ += bytes;
    }
    std::vector<std::byte>& out_;
    std::size_t at_ = 0;
};

class Unpacker {
public:
    explicit Unpacker(std::span<const std::byte> in) : in_(in) {}
    template <typename T>
    T value() {
        static_assert(std::is_trivially_copyable_v<T>);
        T v{};
        std::memcpy(&v, take(sizeof(T)).data(), sizeof(T));
        return v;
    }
    template <typename T>
    std::vector<T> values() {
        const auto n = value<std::uint64_t>();
        if (n > (in_.size() - at_) / sizeof(T)) fail();
        std::vector<T> v(n);
        if (n > 0) std::memcpy(v.data(), take(n * sizeof(T)).data(), n * sizeof(T));
        return v;
    }
    bool finished() const { return at_ == in_.size(); }

private:
    std::span<const std::byte> take(std::size_t n) {
        if (n > in_.size() - at_) fail();
        const auto part = in_.subspan(at_, n);
        at_ += n;
        return part;
    }
    [[noreturn]] static void fail() {
        throw std::runtime_error("a message of finished runs ended early");
    }
    std::span<const std::byte> in_;
    std::size_t at_ = 0;
};

constexpr std::size_t fixed_run_bytes = sizeof(RunId) + sizeof(int) + sizeof(MeasureValues) +
                                        3 * sizeof(int) + sizeof(int) + 3 * sizeof(std::uint64_t);

}  // namespace

std::size_t run_message_bytes(const RunResult& run) {
    return fixed_run_bytes + run.timeseries.size() * sizeof(float) +
           run.model_constants.size() * sizeof(double) + run.trace.size() * sizeof(float);
}

std::vector<std::byte> encode_runs(const ChunkHeader& header, const std::vector<RunResult>& runs) {
    std::size_t size = sizeof(ChunkHeader);
    for (const RunResult& run : runs) size += run_message_bytes(run);
    std::vector<std::byte> bytes(size);
    Packer pack(bytes);
    pack.value(header);
    for (const RunResult& run : runs) {
        pack.value(run.id);
        pack.value(run.months);
        pack.values(run.timeseries);
        pack.value(run.final_values);
        pack.value(static_cast<int>(run.outcome));
        pack.value(run.outcome_month);
        pack.value(static_cast<int>(run.outcome_cause));
        pack.values(run.model_constants);
        pack.value(run.partners);
        pack.values(run.trace);
    }
    return bytes;
}

DecodedRuns decode_runs(std::span<const std::byte> bytes) {
    Unpacker unpack(bytes);
    DecodedRuns decoded;
    decoded.header = unpack.value<ChunkHeader>();
    const std::uint64_t count =
        decoded.header.first == ChunkHeader::no_chunk ? 0 : decoded.header.count;
    if (count > bytes.size() / fixed_run_bytes) {
        throw std::runtime_error("a message of finished runs claims " + std::to_string(count) +
                                 " runs in " + std::to_string(bytes.size()) + " bytes");
    }
    decoded.runs.resize(count);
    for (RunResult& run : decoded.runs) {
        run.id = unpack.value<RunId>();
        run.months = unpack.value<int>();
        run.timeseries = unpack.values<float>();
        run.final_values = unpack.value<MeasureValues>();
        run.outcome = static_cast<OutcomeClass>(unpack.value<int>());
        run.outcome_month = unpack.value<int>();
        run.outcome_cause = static_cast<OutcomeCause>(unpack.value<int>());
        run.model_constants = unpack.values<double>();
        run.partners = unpack.value<int>();
        run.trace = unpack.values<float>();
    }
    if (!unpack.finished()) throw std::runtime_error("a message of finished runs has extra bytes");
    return decoded;
}

}  // namespace partnersim::mpi
