#pragma once
// At most K runs at once, the rest waiting their turn in arrival order, and a bounded queue:
// a room of 40 pressing Run together gets its runs one after another instead of starving the
// two cores, and past the queue's length a request is told to try again rather than waiting
// for minutes.

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>

namespace partnersim::workshop {

class RunQueue {
public:
    RunQueue(int concurrent, int queued) : concurrent_(concurrent), queued_(queued) {}

    // A place among the running runs, given back when destroyed.
    class Turn {
    public:
        explicit Turn(RunQueue& queue) : queue_(&queue) {}
        Turn(Turn&& other) noexcept : queue_(other.queue_) { other.queue_ = nullptr; }
        Turn& operator=(Turn&& other) noexcept;
        Turn(const Turn&) = delete;
        ~Turn();

    private:
        RunQueue* queue_;
    };

    // Waits for a turn; nullopt at once when `queued` runs are already waiting.
    std::optional<Turn> wait_for_turn();

    int running() const;
    int waiting() const;

private:
    void leave();

    const int concurrent_;
    const int queued_;
    mutable std::mutex mutex_;
    std::condition_variable turn_free_;
    int running_ = 0;
    int waiting_ = 0;
    std::uint64_t next_ticket_ = 0;  // first come, first served
    std::uint64_t serving_ = 0;
};

}  // namespace partnersim::workshop
