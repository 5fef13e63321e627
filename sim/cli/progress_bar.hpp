#pragma once
// A progress bar for long runs: drawn on a terminal only, silent when stderr is piped or
// redirected, or with --quiet.

#include <chrono>
#include <cstdint>
#include <cstdio>

namespace partnersim {

class ProgressBar {
public:
    ProgressBar(bool enabled, std::FILE* stream = stderr);
    ~ProgressBar();

    // Whether a bar would be drawn on this stream (a terminal, not quiet).
    static bool wanted(bool quiet, std::FILE* stream = stderr);

    void update(std::uint64_t done, std::uint64_t total);
    void finish();

private:
    bool enabled_;
    std::FILE* stream_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_;
    bool drawn_ = false;
};

}  // namespace partnersim
