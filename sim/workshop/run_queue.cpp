#include "workshop/run_queue.hpp"

namespace partnersim::workshop {

RunQueue::Turn::~Turn() {
    if (queue_ != nullptr) queue_->leave();
}

RunQueue::Turn& RunQueue::Turn::operator=(Turn&& other) noexcept {
    if (this != &other) {
        if (queue_ != nullptr) queue_->leave();
        queue_ = other.queue_;
        other.queue_ = nullptr;
    }
    return *this;
}

std::optional<RunQueue::Turn> RunQueue::wait_for_turn() {
    std::unique_lock lock(mutex_);
    if (waiting_ >= queued_ && running_ >= concurrent_) return std::nullopt;
    const std::uint64_t ticket = next_ticket_++;
    ++waiting_;
    turn_free_.wait(lock, [&] { return running_ < concurrent_ && serving_ == ticket; });
    --waiting_;
    ++serving_;
    ++running_;
    turn_free_.notify_all();  // the next ticket may also fit
    return std::optional<Turn>(std::in_place, *this);
}

void RunQueue::leave() {
    {
        std::lock_guard lock(mutex_);
        --running_;
    }
    turn_free_.notify_all();
}

int RunQueue::running() const {
    std::lock_guard lock(mutex_);
    return running_;
}

int RunQueue::waiting() const {
    std::lock_guard lock(mutex_);
    return waiting_;
}

}  // namespace partnersim::workshop
