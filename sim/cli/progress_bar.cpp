#include "cli/progress_bar.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>

namespace partnersim {
namespace {

constexpr int widest_bar = 30;
constexpr int narrowest_bar = 5;
constexpr auto redraw_interval = std::chrono::milliseconds(100);

int terminal_columns(std::FILE* stream) {
    winsize size{};
    if (ioctl(fileno(stream), TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

std::string formatted(const char* format, auto... values) {
    char text[160];
    std::snprintf(text, sizeof text, format, values...);
    return text;
}

}  // namespace

ProgressBar::ProgressBar(bool enabled, std::FILE* stream, int columns)
    : enabled_(enabled),
      stream_(stream),
      columns_(columns > 0 ? columns
               : enabled   ? terminal_columns(stream)
                           : 80),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_ - redraw_interval) {}

ProgressBar::~ProgressBar() {
    finish();
}

bool ProgressBar::wanted(bool quiet, std::FILE* stream) {
    return !quiet && isatty(fileno(stream)) == 1;
}

void ProgressBar::count_from(std::uint64_t already_done) {
    already_done_ = already_done;
    start_ = std::chrono::steady_clock::now();
}

std::string ProgressBar::line(std::uint64_t done, std::uint64_t total, double seconds) const {
    const double fraction = total ? static_cast<double>(done) / static_cast<double>(total) : 0.0;
    const std::uint64_t run_now = done > already_done_ ? done - already_done_ : 0;
    const double rate = seconds > 0 ? static_cast<double>(run_now) / seconds : 0.0;
    const std::string counts =
        formatted(" %3d%%  %llu/%llu runs", static_cast<int>(100 * fraction),
                  static_cast<unsigned long long>(done), static_cast<unsigned long long>(total));
    std::string speed = formatted("  %.1f runs/s  ETA --:--", rate);
    if (rate > 0) {
        const auto remaining = static_cast<long long>(static_cast<double>(total - done) / rate);
        speed = formatted("  %.1f runs/s  ETA %02lld:%02lld", rate, remaining / 60, remaining % 60);
    }
    const int room = columns_ - 1;
    // The widest that fits: bar, counts and speed; then without the speed; then counts alone.
    for (const std::string& words : {counts + speed, counts}) {
        const int bar = std::min(widest_bar, room - 2 - static_cast<int>(words.size()));
        if (bar < narrowest_bar) continue;
        const int filled = static_cast<int>(fraction * bar);
        std::string drawn(static_cast<std::size_t>(bar) + 2, '.');
        drawn.front() = '[';
        drawn.back() = ']';
        std::fill_n(drawn.begin() + 1, filled, '#');
        return drawn.append(words);
    }
    return counts.substr(1, static_cast<std::size_t>(std::max(room, 0)));
}

void ProgressBar::update(std::uint64_t done, std::uint64_t total) {
    if (!enabled_ || total == 0) return;
    const auto now = std::chrono::steady_clock::now();
    if (done < total && now - last_draw_ < redraw_interval) return;
    last_draw_ = now;
    std::string text = line(done, total, std::chrono::duration<double>(now - start_).count());
    const std::size_t width = text.size();
    if (width < drawn_width_) text.append(drawn_width_ - width, ' ');
    drawn_width_ = width;
    std::fprintf(stream_, "\r%s", text.c_str());
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
