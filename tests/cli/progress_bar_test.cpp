#include "cli/progress_bar.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace partnersim {
namespace {

// A temporary file standing in for stderr, with what was written to it.
class Capture {
public:
    Capture() : file_(std::tmpfile()) {}
    ~Capture() {
        if (file_) std::fclose(file_);
    }
    Capture(const Capture&) = delete;
    Capture& operator=(const Capture&) = delete;

    std::FILE* get() const { return file_; }
    std::string text() const {
        std::fflush(file_);
        std::string contents;
        std::rewind(file_);
        int c;
        while ((c = std::fgetc(file_)) != EOF) contents += static_cast<char>(c);
        std::fseek(file_, 0, SEEK_END);
        return contents;
    }

private:
    std::FILE* file_;
};

// The terminal side of a pseudo-terminal, so isatty() is true without a real terminal.
class PseudoTerminal {
public:
    PseudoTerminal() {
        master_ = posix_openpt(O_RDWR | O_NOCTTY);
        if (master_ < 0 || grantpt(master_) != 0 || unlockpt(master_) != 0) return;
        const char* name = ptsname(master_);
        if (name != nullptr) terminal_ = std::fopen(name, "w");
    }
    ~PseudoTerminal() {
        if (terminal_) std::fclose(terminal_);
        if (master_ >= 0) close(master_);
    }
    PseudoTerminal(const PseudoTerminal&) = delete;
    PseudoTerminal& operator=(const PseudoTerminal&) = delete;

    std::FILE* terminal() const { return terminal_; }

private:
    int master_ = -1;
    std::FILE* terminal_ = nullptr;
};

std::size_t count(const std::string& text, char c) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), c));
}

// The segments a carriage return starts: what each redraw left on the line.
std::vector<std::string> redraws(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t at = 0;
    while ((at = text.find('\r', at)) != std::string::npos) {
        const std::size_t next = text.find_first_of("\r\n", at + 1);
        lines.push_back(text.substr(at + 1, next == std::string::npos ? next : next - at - 1));
        at += 1;
    }
    return lines;
}

// At 60 columns the old 30-column bar and its figures (about 75 characters) wrapped, and every
// redraw then added a line. Every width from 20 to 120 must fit, leaving the last column free.
TEST(ProgressBar, FitsTheTerminalWidthAtEveryRedraw) {
    for (const int columns : {20, 40, 60, 79, 120}) {
        SCOPED_TRACE(columns);
        const Capture capture;
        ProgressBar bar(true, capture.get(), columns);
        bar.update(0, 123456);  // the first and the last are always drawn
        bar.update(123456, 123456);
        const std::string text = capture.text();
        EXPECT_EQ(count(text, '\n'), 0u) << text;
        ASSERT_GE(redraws(text).size(), 2u) << text;
        for (const std::string& drawn : redraws(text)) {
            EXPECT_LE(drawn.size(), static_cast<std::size_t>(columns - 1)) << drawn;
            EXPECT_NE(drawn.find("/123456"), std::string::npos) << drawn;  // at least the counts
        }
    }
    // Wide enough, everything is there; at 60 columns the rate still fits beside a bar.
    ProgressBar wide(true, nullptr, 60);
    const std::string line = wide.line(5, 10, 5.0);
    EXPECT_TRUE(line.starts_with("[#")) << line;
    EXPECT_NE(line.find("1.0 runs/s  ETA 00:05"), std::string::npos) << line;
}

// After --resume, 50 of 100 runs were saved before this process started; 10 more in 10 s is
// 1 run/s and 40 s to go, not (60 runs / 10 s) = 6 runs/s and 7 s.
TEST(ProgressBar, RateAndEtaCountOnlyTheRunsOfThisProcess) {
    ProgressBar bar(true, nullptr, 100);
    bar.count_from(50);
    const std::string line = bar.line(60, 100, 10.0);
    EXPECT_NE(line.find("60/100 runs"), std::string::npos) << line;
    EXPECT_NE(line.find("1.0 runs/s  ETA 00:40"), std::string::npos) << line;
    // Before this process has finished a run there is no rate to tell.
    EXPECT_NE(bar.line(50, 100, 3.0).find("0.0 runs/s  ETA --:--"), std::string::npos)
        << bar.line(50, 100, 3.0);
}

TEST(ProgressBar, DisabledDrawsNothing) {
    const Capture capture;
    {
        ProgressBar bar(false, capture.get());
        bar.update(0, 10);
        bar.update(5, 10);
        bar.update(10, 10);
        bar.finish();
    }
    EXPECT_EQ(capture.text(), "");
}

TEST(ProgressBar, DrawsABarThatFillsWithTheRunsDone) {
    const Capture capture;
    ProgressBar bar(true, capture.get());
    bar.update(0, 10);
    const std::string start = capture.text();
    EXPECT_TRUE(start.starts_with("\r[" + std::string(30, '.') + "]")) << start;
    EXPECT_NE(start.find("  0%"), std::string::npos) << start;
    EXPECT_NE(start.find("0/10 runs"), std::string::npos) << start;

    std::this_thread::sleep_for(std::chrono::milliseconds(120));
    bar.update(5, 10);
    const std::string half = capture.text().substr(start.size());
    EXPECT_TRUE(half.starts_with("\r[" + std::string(15, '#') + std::string(15, '.') + "]"))
        << half;
    EXPECT_NE(half.find(" 50%"), std::string::npos) << half;
    EXPECT_NE(half.find("5/10 runs"), std::string::npos) << half;
    EXPECT_NE(half.find("ETA "), std::string::npos) << half;
}

TEST(ProgressBar, AlwaysDrawsTheLastUpdateAndEndsTheLineOnce) {
    const Capture capture;
    ProgressBar bar(true, capture.get());
    bar.update(1, 4);
    bar.update(4, 4);  // straight after: not throttled, because it is the end
    const std::string text = capture.text();
    EXPECT_NE(text.find("\r[" + std::string(30, '#') + "] 100%  4/4 runs"), std::string::npos)
        << text;
    EXPECT_EQ(count(text, '\n'), 0u);
    bar.finish();
    bar.finish();
    EXPECT_EQ(count(capture.text(), '\n'), 1u);
    EXPECT_TRUE(capture.text().ends_with("\n"));
}

TEST(ProgressBar, DoesNotRedrawMoreThanAboutTenTimesASecond) {
    const Capture capture;
    ProgressBar bar(true, capture.get());
    for (std::uint64_t done = 0; done < 1000; ++done) bar.update(done, 1000);
    // A thousand quick updates: the first draws, the rest come within the redraw interval
    // (unless the machine stalls for 100 ms), and no draw is skipped at the end.
    EXPECT_LE(count(capture.text(), '\r'), 3u) << capture.text();
    bar.update(1000, 1000);
    EXPECT_NE(capture.text().find("1000/1000 runs"), std::string::npos);
}

TEST(ProgressBar, DestructorEndsTheLineOnlyIfSomethingWasDrawn) {
    const Capture drawn;
    {
        ProgressBar bar(true, drawn.get());
        bar.update(3, 3);
    }
    EXPECT_TRUE(drawn.text().ends_with("\n")) << drawn.text();

    const Capture silent;
    { ProgressBar bar(true, silent.get()); }
    EXPECT_EQ(silent.text(), "");
}

TEST(ProgressBar, NothingToDoDrawsNothing) {
    const Capture capture;
    {
        ProgressBar bar(true, capture.get());
        bar.update(0, 0);
    }
    EXPECT_EQ(capture.text(), "");
}

TEST(ProgressBar, WantedOnlyOnATerminalAndNotWhenQuiet) {
    const Capture file;
    EXPECT_FALSE(ProgressBar::wanted(false, file.get())) << "a regular file is not a terminal";
    EXPECT_FALSE(ProgressBar::wanted(true, file.get()));

    const PseudoTerminal terminal;
    if (terminal.terminal() == nullptr) GTEST_SKIP() << "no pseudo-terminal available";
    EXPECT_TRUE(ProgressBar::wanted(false, terminal.terminal()));
    EXPECT_FALSE(ProgressBar::wanted(true, terminal.terminal()));
}

TEST(ProgressBar, NotWantedOnAPipe) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    std::FILE* write_end = fdopen(fds[1], "w");
    ASSERT_NE(write_end, nullptr);
    EXPECT_FALSE(ProgressBar::wanted(false, write_end));
    std::fclose(write_end);
    close(fds[0]);
}

}  // namespace
}  // namespace partnersim
