#pragma once
// An in-memory ResultWriter for tests of the engine: keeps every result in the order it was
// written, counts flushes, and logs writes and flushes in one sequence so a test can see what
// came after what. An optional hook runs on each write (e.g. to set a stop flag, or to be slow).

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "engine/result_writer.hpp"

namespace partnersim::test {

class MemoryWriter final : public ResultWriter {
public:
    struct Event {
        enum class Kind { write, flush } kind;
        std::uint64_t run_index = 0;  // for writes
    };

    void write(const RunResult& result) override {
        // Another write still inside write(): the engine called the writer concurrently.
        if (active_.fetch_add(1) != 0) overlapping_writes_.fetch_add(1);
        results_.push_back(result);
        events_.push_back({Event::Kind::write, result.id.run_index});
        if (on_write) on_write(result);
        active_.fetch_sub(1);
    }

    void flush() override {
        if (active_.load() != 0) overlapping_writes_.fetch_add(1);
        ++flushes_;
        events_.push_back({Event::Kind::flush, 0});
    }

    const std::vector<RunResult>& results() const { return results_; }
    const std::vector<Event>& events() const { return events_; }
    std::size_t flushes() const { return flushes_; }
    // Calls made while another write was in progress: the writer is called by one thread at
    // a time, so this must stay 0.
    std::size_t overlapping_calls() const { return overlapping_writes_.load(); }

    std::vector<std::uint64_t> indices() const {
        std::vector<std::uint64_t> written;
        for (const auto& result : results_) written.push_back(result.id.run_index);
        return written;
    }

    // Called after each result is stored.
    std::function<void(const RunResult&)> on_write;

private:
    std::vector<RunResult> results_;
    std::vector<Event> events_;
    std::size_t flushes_ = 0;
    std::atomic<int> active_{0};
    std::atomic<std::size_t> overlapping_writes_{0};
};

}  // namespace partnersim::test
