#include "cli/progress_bar.hpp"

#include <unistd.h>

namespace partnersim {
namespace {

constexpr int bar_width = 30;
constexpr auto redraw_interval = std::chrono::milliseconds(100);

}  // namespace

ProgressBar::ProgressBar(bool enabled, std::FILE* stream)
    : enabled_(enabled),
      stream_(stream),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_ - redraw_interval) {}

ProgressBar::~ProgressBar() {
    finish();
}

bool ProgressBar::wanted(bool quiet, std::FILE* stream) {
    return !quiet && isatty(fileno(stream)) == 1;
}

void ProgressBar::update(std::uint64_t done, std::uint64_t total) {
    if (!enabled_ || total == 0) return;
    const auto now = std::chrono::steady_clock::now();
    if (done < total && now - last_draw_ < redraw_interval) return;
    last_draw_ = now;
    const double fraction = static_cast<double>(done) / static_cast<double>(total);
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;
    const double remaining = rate > 0 ? static_cast<double>(total - done) / rate : 0.0;
    const int filled = static_cast<int>(fraction * bar_width);
    std::fprintf(stream_, "\r[");
    for (int i = 0; i < bar_width; ++i) std::fputc(i < filled ? '#' : '.', stream_);
    std::fprintf(stream_, "] %3d%%  %llu/%llu runs  %.1f runs/s  ETA %02d:%02d ",
                 static_cast<int>(100 * fraction), static_cast<unsigned long long>(done),
                 static_cast<unsigned long long>(total), rate, static_cast<int>(remaining) / 60,
                 static_cast<int>(remaining) % 60);
    std::fflush(stream_);
    drawn_ = true;
}

void ProgressBar::finish() {
    if (!drawn_) return;
    std::fputc('\n', stream_);
    std::fflush(stream_);
    drawn_ = false;
}

}  // namespace partnersim
