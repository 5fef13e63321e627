// `partnersim workshop` as a facilitator starts it: it prints the address to open and the
// phones' join address, `--open` hands the address to the desktop's opener (xdg-open), the
// address serves the room, and Ctrl-C ends the session cleanly.

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "support/subprocess.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

namespace fs = std::filesystem;

// Sets an environment variable for this scope (the child inherits it at fork).
class ScopedEnvironment {
public:
    ScopedEnvironment(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        setenv(name, value.c_str(), 1);
    }
    ~ScopedEnvironment() { setenv(name_, old_.c_str(), 1); }

private:
    const char* name_;
    std::string old_;
};

std::string first_line_of(const fs::path& file) {
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    return line;
}

TEST(WorkshopCommand, OpenHandsTheAddressToTheDesktopAndCtrlCEndsTheSession) {
    test::TempDir dir;
    // A stand-in for the desktop's opener: it writes down what it was asked to open.
    const fs::path opened = dir / "opened.txt";
    test::write_text_file(dir / "xdg-open", "#!/bin/sh\necho \"$1\" > " + opened.string() +
                                                ".tmp && mv " + opened.string() + ".tmp " +
                                                opened.string() + "\n");
    fs::permissions(dir / "xdg-open", fs::perms::owner_all);
    std::optional<test::Subprocess> child;
    {
        const ScopedEnvironment path("PATH", dir.path().string() + ":" + std::getenv("PATH"));
        child.emplace(
            std::vector<std::string>{PARTNERSIM_EXECUTABLE, "workshop", "--port", "0", "--open"});
    }
    const auto bound = std::chrono::steady_clock::now() + std::chrono::minutes(2);
    while (!fs::exists(opened) && child->running() && std::chrono::steady_clock::now() < bound) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));  // a poll, not a wait
    }
    ASSERT_TRUE(fs::exists(opened)) << "the opener was never called";
    const std::string address = first_line_of(opened);
    const std::string prefix = "http://127.0.0.1:";
    ASSERT_EQ(address.rfind(prefix, 0), 0u) << address;
    const int port = std::stoi(address.substr(prefix.size()));
    ASSERT_GT(port, 0);

    // The address opened is the room's.
    httplib::Client client("127.0.0.1", port);
    const auto room = client.Get("/api/room");
    ASSERT_TRUE(room);
    EXPECT_EQ(room->status, 200);
    EXPECT_NE(room->body.find("\"followers\""), std::string::npos) << room->body;

    child->send_signal(SIGINT);
    const test::ProcessResult result = child->wait();
    EXPECT_FALSE(result.timed_out);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("partnersim workshop: open " + address), std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("participants join at"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("session ended"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace partnersim
