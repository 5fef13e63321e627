// The server end to end over loopback, without a browser: a design runs and comes back as
// charts, the same design gives the same charts, mistakes come back as 400 with their field,
// the room hears of runs, downloads are what they say, and a client that goes away mid-run
// does not take the server with it.
#include "workshop/workshop_server.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "support/test_helpers.hpp"
#include "workshop/limits.hpp"

namespace partnersim::workshop {
namespace {

using nlohmann::json;

class Server : public ::testing::Test {
protected:
    void SetUp() override {
        server_ = std::make_unique<WorkshopServer>(WorkshopOptions{"127.0.0.1", 0, folder_.path()});
        port_ = server_->bind();
        thread_ = std::thread([this] { server_->serve(); });
        client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
        client_->set_read_timeout(120, 0);
    }
    void TearDown() override {
        server_->stop();
        thread_.join();
    }
    json post(const std::string& path, const json& body, int expected = 200) {
        const auto result = client_->Post(path, body.dump(), "application/json");
        EXPECT_TRUE(result);
        if (!result) return {};
        EXPECT_EQ(result->status, expected) << result->body;
        return json::parse(result->body);
    }
    json get(const std::string& path, int expected = 200) {
        const auto result = client_->Get(path);
        EXPECT_TRUE(result);
        if (!result) return {};
        EXPECT_EQ(result->status, expected) << result->body;
        return json::parse(result->body);
    }

    test::TempDir folder_;
    std::unique_ptr<WorkshopServer> server_;
    int port_ = 0;
    std::thread thread_;
    std::unique_ptr<httplib::Client> client_;
};

const json small_design{
    {"scenario", "default"},
    {"settings", {{"partners.count", 8}, {"run.months", 24}, {"setup.end_month", 12}}},
    {"replicates", 10}};

TEST_F(Server, ADesignRunsAndComesBackAsFanChartsAndRisk) {
    const json run = post("/api/run", small_design);
    ASSERT_TRUE(run.contains("charts"));
    const json& charts = run["charts"];
    EXPECT_EQ(charts["months"], 24);
    EXPECT_EQ(charts["replicates"], 10);
    EXPECT_EQ(charts["contract_end"], 12);
    ASSERT_EQ(charts["measures"].size(), 4u);
    for (const json& measure : charts["measures"]) {
        ASSERT_EQ(measure["p50"].size(), 24u);
        for (std::size_t m = 0; m < 24; ++m) {
            EXPECT_LE(measure["p05"][m].get<double>(), measure["p25"][m].get<double>());
            EXPECT_LE(measure["p25"][m].get<double>(), measure["p50"][m].get<double>());
            EXPECT_LE(measure["p50"][m].get<double>(), measure["p75"][m].get<double>());
            EXPECT_LE(measure["p75"][m].get<double>(), measure["p95"][m].get<double>());
        }
    }
    const json& risk = charts["risk"];
    EXPECT_EQ(risk["runs"], 10);
    EXPECT_LE(risk["low"].get<double>(), risk["share"].get<double>());
    EXPECT_GE(risk["high"].get<double>(), risk["share"].get<double>());
    EXPECT_NE(risk["interval_kind"].get<std::string>().find("Monte Carlo"), std::string::npos);
    // The same design and seed give the same charts (the run's streams depend on nothing else).
    EXPECT_EQ(post("/api/run", small_design)["charts"], charts);
}

TEST_F(Server, MistakesComeBackWithTheirField) {
    json bad = small_design;
    bad["settings"]["partners.count"] = 5000;
    EXPECT_EQ(post("/api/run", bad, 400)["field"], "partners.count");
    bad = small_design;
    bad["settings"]["setup.join_month"] = 30;  // after the 24 months followed
    const json answer = post("/api/run", bad, 400);
    EXPECT_EQ(answer["field"], "setup.join_month");
    EXPECT_NE(answer["error"].get<std::string>().find("When does the facilitator join?"),
              std::string::npos)
        << answer["error"];
    const auto not_json = client_->Post("/api/run", "{", "application/json");
    ASSERT_TRUE(not_json);
    EXPECT_EQ(not_json->status, 400);
    EXPECT_EQ(get("/api/story?run=99&story=0", 400)["field"], "run");
    EXPECT_EQ(get("/api/story?run=../x&story=0", 400)["field"], "run");
    EXPECT_EQ(get("/api/controls?scenario=../../etc/passwd", 400)["field"], "scenario");
    EXPECT_EQ(client_->Get("/assets/../CMakeLists.txt")->status, 404);
}

TEST_F(Server, AAgainstBWithPairedSeedsGivesASentencePerKeyMeasure) {
    const json a = post("/api/run", small_design);
    json design_b = small_design;
    design_b["settings"]["setup.duration"] = "open_ended";
    const json b = post("/api/run", design_b);
    const json comparison = post("/api/compare", {{"a", a["run"]}, {"b", b["run"]}});
    ASSERT_EQ(comparison["sentences"].size(), 5u);
    EXPECT_NE(comparison["sentences"][0]["text"].get<std::string>().find("at month 24"),
              std::string::npos);
    // B with another seed is not paired with A.
    json unpaired = design_b;
    unpaired["seed"] = 2;
    const json c = post("/api/run", unpaired);
    EXPECT_EQ(post("/api/compare", {{"a", a["run"]}, {"b", c["run"]}}, 400)["field"], "compare");
}

TEST_F(Server, AStoryHasEveryPartnerEveryMonthAndTheContractsEnd) {
    const json run = post("/api/run", small_design);
    const json story = get("/api/story?run=" + std::to_string(run["run"].get<int>()) + "&story=0");
    EXPECT_EQ(story["months"], 24);
    EXPECT_EQ(story["partners"], 8);
    ASSERT_EQ(story["trust"].size(), 24u);
    EXPECT_EQ(story["trust"][0].size(), 8u);
    bool contract_marked = false;
    for (const json& event : story["events"]) {
        contract_marked |= event["kind"] == "contract_ends" && event["month"] == 12;
    }
    EXPECT_TRUE(contract_marked);
    EXPECT_EQ(
        get("/api/story?run=" + std::to_string(run["run"].get<int>()) + "&story=5", 400)["field"],
        "run");  // only the first 5 runs keep their story
}

TEST_F(Server, DownloadsAreTheDesignTheResultsAndTheirCsv) {
    const json run = post("/api/run", small_design);
    const std::string id = std::to_string(run["run"].get<int>());
    const auto toml = client_->Get("/download/scenario.toml?run=" + id);
    ASSERT_TRUE(toml);
    EXPECT_NE(toml->body.find("count = 8"), std::string::npos);
    EXPECT_NE(toml->body.find("replicates = 10"), std::string::npos);
    const auto h5 = client_->Get("/download/results.h5?run=" + id);
    ASSERT_TRUE(h5);
    EXPECT_TRUE(h5->body.starts_with("\x89HDF\r\n\x1a\n"));
    const auto csv = client_->Get("/download/runs.csv?run=" + id);
    ASSERT_TRUE(csv);
    EXPECT_TRUE(csv->body.starts_with("run_index,"));
    EXPECT_EQ(std::count(csv->body.begin(), csv->body.end(), '\n'), 11);  // header + 10 runs
}

TEST_F(Server, TheRoomHearsOfARunAndAVoteIsCounted) {
    post("/api/vote/open", {{"question", "Which?"}, {"options", {"A", "B"}}});
    post("/api/vote", {{"participant", "phone-1"}, {"option", "B"}});
    EXPECT_EQ(post("/api/vote", {{"participant", "phone-2"}, {"option", "C"}}, 400)["field"],
              "option");
    EXPECT_EQ(get("/api/room")["vote"]["counts"], (std::vector<int>{0, 1}));
    const json closed = post("/api/vote/close", json::object());
    EXPECT_EQ(closed["counts"], (std::vector<int>{0, 1}));
    const auto svg = client_->Get("/api/qr.svg");
    ASSERT_TRUE(svg);
    EXPECT_TRUE(svg->body.starts_with("<svg"));
}

// A plain socket connected to the server on loopback.
int connect_to(int port) {
    const int sock = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::connect(sock, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    return sock;
}

// Sends a run request and closes the connection before the answer.
void run_and_hang_up(int port, const std::string& body) {
    const int sock = connect_to(port);
    const std::string request =
        "POST /api/run HTTP/1.1\r\nHost: x\r\nContent-Type: "
        "application/json\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body;
    ASSERT_EQ(::send(sock, request.data(), request.size(), MSG_NOSIGNAL),
              static_cast<ssize_t>(request.size()));
    ::close(sock);
}

TEST_F(Server, AClientThatHangsUpMidRunLeavesTheServerServing) {
    json big = small_design;
    big["replicates"] = 200;
    run_and_hang_up(port_, big.dump());
    run_and_hang_up(port_, big.dump());
    // The server finishes those runs (writing to nobody) and answers the next request.
    const json run = post("/api/run", small_design);
    EXPECT_EQ(run["charts"]["replicates"], 10);
}

// A phone following the room over a plain socket: connected once its request is sent; it
// leaves when closed (the server notices at its next keep-alive write).
int follow_room(int port) {
    const int sock = connect_to(port);
    const std::string request = "GET /api/events HTTP/1.1\r\nHost: x\r\n\r\n";
    EXPECT_EQ(::send(sock, request.data(), request.size(), MSG_NOSIGNAL),
              static_cast<ssize_t>(request.size()));
    return sock;
}

// max_followers (80) phones follow at once; the next is told the room is full (503, with the
// reason), the facilitator's page still runs, and once they go the room takes followers again.
// Waits are on a condition (the room's follower count) with a generous bound, never on time.
TEST_F(Server, TheRoomTakesEightyFollowersAndTellsTheNextItIsFull) {
    std::vector<int> phones;
    for (std::size_t k = 0; k < max_followers; ++k) phones.push_back(follow_room(port_));
    auto followers_become = [this](std::size_t n) {
        const auto bound = std::chrono::steady_clock::now() + std::chrono::minutes(2);
        while (std::chrono::steady_clock::now() < bound) {
            if (get("/api/room")["followers"].get<std::size_t>() == n) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));  // a poll, not a wait
        }
        return false;
    };
    ASSERT_TRUE(followers_become(max_followers));
    const auto full = client_->Get("/api/events");
    ASSERT_TRUE(full);
    EXPECT_EQ(full->status, 503);
    EXPECT_NE(full->body.find("the room is full (80 following)"), std::string::npos) << full->body;
    EXPECT_EQ(post("/api/run", small_design)["charts"]["replicates"], 10);
    for (const int phone : phones) ::close(phone);
    ASSERT_TRUE(followers_become(0));
    const int late = follow_room(port_);
    EXPECT_TRUE(followers_become(1));
    ::close(late);
}

}  // namespace
}  // namespace partnersim::workshop
