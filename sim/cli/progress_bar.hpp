#pragma once
// A progress bar for long runs: drawn on a terminal only, silent when stderr is piped or
// redirected, or with --quiet. It fits the terminal's width (a line wider than the terminal
// wraps, and every redraw then adds a line), and its rate and ETA count only the runs of this
// process: after --resume the runs already saved are done but were not run now.

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace partnersim {

class ProgressBar {
public:
    // `columns`: the width to fit; 0 asks the terminal (80 if it does not say).
    ProgressBar(bool enabled, std::FILE* stream = stderr, int columns = 0);
    ~ProgressBar();
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

    // Whether a bar would be drawn on this stream (a terminal, not quiet).
    static bool wanted(bool quiet, std::FILE* stream = stderr);

    // `already_done` runs were finished before this process started (resumed): they count as
    // done but not in the rate, whose clock starts now.
    void count_from(std::uint64_t already_done);
    void update(std::uint64_t done, std::uint64_t total);
    void finish();

    // The line drawn after `seconds` of this process's work, at most columns - 1 wide (the
    // last column is left free: some terminals wrap when it is written).
    std::string line(std::uint64_t done, std::uint64_t total, double seconds) const;

private:
    bool enabled_;
    std::FILE* stream_;
    int columns_;
    std::uint64_t already_done_ = 0;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_;
    std::size_t drawn_width_ = 0;  // of the line on screen, to blank what a shorter one leaves
    bool drawn_ = false;
};

}  // namespace partnersim
