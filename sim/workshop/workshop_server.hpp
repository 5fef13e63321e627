#pragma once
// The workshop server: the facilitator's page, the participants' phone view and the JSON they
// call, all served from the binary (cpp-httplib). It runs designs through the application layer
// (app/run_experiment.hpp) in its session folder, at most a few at once (run_queue.hpp), and
// shares what the facilitator shows with the room (room.hpp) by server-sent events.
//
// Routes (JSON unless said):
//   GET  /                  the facilitator's page        GET /j        the phone view
//   GET  /assets/<file>     the page's script, style, chart library
//   GET  /api/scenarios     bundled scenarios: id, name, purpose
//   GET  /api/controls?scenario=ID   the controls, with that scenario's values
//   POST /api/run           a design -> {run, seconds, charts}; also sent to the room
//   POST /api/compare       {a, b} runs -> sentences; also sent to the room
//   GET  /api/story?run=ID&replicate=K   one traced run's partners month by month
//   GET  /api/room          join address, followers, vote;  GET /api/qr.svg  its QR code
//   GET  /api/events        server-sent events of the room
//   POST /api/vote/open {question, options}; POST /api/vote {participant, option};
//   POST /api/vote/close {a, b, measure}: counts beside the model's answer
//   GET  /download/scenario.toml?run=ID, /download/results.h5?run=ID, /download/runs.csv?run=ID

#include <filesystem>
#include <memory>
#include <string>

namespace partnersim::workshop {

struct WorkshopOptions {
    std::string host = "127.0.0.1";
    int port = 8080;  // 0: any free port
    std::filesystem::path session_parent = std::filesystem::temp_directory_path();
};

class WorkshopServer {
public:
    explicit WorkshopServer(WorkshopOptions options);
    ~WorkshopServer();
    WorkshopServer(const WorkshopServer&) = delete;
    WorkshopServer& operator=(const WorkshopServer&) = delete;

    // Binds the address; returns the port. Throws InputError if it cannot (in use, bad host).
    int bind();
    // "http://127.0.0.1:8080/" and the phones' "http://<host>:8080/j".
    std::string address() const;
    std::string join_address() const;
    // Serves until stop() (from another thread or a signal watcher).
    void serve();
    void stop();

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

// The address phones use: the host named, or for 0.0.0.0 / :: the machine's first non-loopback
// IPv4 address (so the QR code works on the room's network).
std::string reachable_host(const std::string& host);

}  // namespace partnersim::workshop
