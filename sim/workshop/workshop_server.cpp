#include "workshop/workshop_server.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>

#include <httplib.h>

#include <fstream>
#include <sstream>

#include "engine/error.hpp"
#include "workshop/bundled_scenarios.hpp"
#include "workshop/controls.hpp"
#include "workshop/design_comparison.hpp"
#include "workshop/design_request.hpp"
#include "workshop/embedded_files.hpp"
#include "workshop/limits.hpp"
#include "workshop/partnership_story.hpp"
#include "workshop/qr_code.hpp"
#include "workshop/room.hpp"
#include "workshop/run_charts.hpp"
#include "workshop/run_queue.hpp"
#include "workshop/session_runs.hpp"

namespace partnersim::workshop {

using nlohmann::json;

namespace {

// Threads serving requests: every follower's event stream holds one for as long as it
// follows, so a room of 40 phones plus the facilitator needs more than the default
// (max_followers in limits.hpp leaves the rest for runs and votes).
constexpr std::size_t server_threads = 96;
// How long an event stream waits before a keep-alive comment (which also finds phones gone).
constexpr std::chrono::milliseconds keep_alive{5000};

std::string_view content_type(std::string_view path) {
    if (path.ends_with(".html")) return "text/html; charset=utf-8";
    if (path.ends_with(".js")) return "text/javascript; charset=utf-8";
    if (path.ends_with(".css")) return "text/css; charset=utf-8";
    if (path.ends_with(".svg")) return "image/svg+xml";
    return "application/octet-stream";
}

void send_json(httplib::Response& response, const json& body, int status = 200) {
    response.status = status;
    response.set_content(body.dump(), "application/json");
}

void send_error(httplib::Response& response, int status, const std::string& message,
                const std::string& field = "") {
    send_json(response, {{"error", message}, {"field", field}}, status);
}

// The model's message about a design (written for the command line's --set) in the page's
// words: the control's question for its dotted name, and that control as the field.
std::pair<std::string, std::string> in_page_words(std::string message) {
    if (message.starts_with("--set: ")) message.erase(0, 7);
    std::string field;
    for (const Control& control : facilitator_controls()) {
        const std::string name(control.parameter);
        const auto at = message.find(name);
        if (at == std::string::npos) continue;
        if (field.empty()) field = name;
        std::string quoted(1, '"');
        quoted.append(control.question).push_back('"');
        message.replace(at, name.size(), quoted);
    }
    return {message, field};
}

// Every handler's errors as the page shows them: the person's mistake as 400 with its field,
// a busy server as 503, anything else as 500 with its message.
template <typename Handler>
httplib::Server::Handler guarded(Handler handler) {
    return [handler](const httplib::Request& request, httplib::Response& response) {
        try {
            handler(request, response);
        } catch (const RequestError& e) {
            send_error(response, 400, e.what(), e.field());
        } catch (const InputError& e) {
            const auto [message, field] = in_page_words(e.what());
            send_error(response, 400, message, field);
        } catch (const json::exception&) {
            send_error(response, 400, "the request is not valid JSON");
        } catch (const std::exception& e) {
            send_error(response, 500, std::string("the server failed: ") + e.what());
        }
    };
}

json body_of(const httplib::Request& request) {
    return json::parse(request.body);
}

std::uint64_t number_parameter(const httplib::Request& request, const std::string& name) {
    const std::string text = request.get_param_value(name);
    if (text.empty() || text.size() > 18 ||
        text.find_first_not_of("0123456789") != std::string::npos) {
        throw RequestError(name, "'" + name + "' must be a whole number");
    }
    return std::stoull(text);
}

std::uint64_t run_of(const json& body, const std::string& name) {
    if (!body.contains(name) || !body[name].is_number_unsigned()) {
        throw RequestError(name, "'" + name + "' must name a run");
    }
    return body[name].get<std::uint64_t>();
}

std::string file_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

json controls_json(const json& values) {
    json controls = json::array();
    for (const Control& control : facilitator_controls()) {
        const ParameterSpec& spec = spec_of(control);
        json choices = json::array();
        for (const ChoiceLabel& choice : control.choices) {
            choices.push_back({{"value", choice.value}, {"label", choice.label}});
        }
        controls.push_back({{"parameter", control.parameter},
                            {"question", control.question},
                            {"explanation", control.explanation},
                            {"kind", kind_name(spec.kind)},
                            {"min", control_min(control)},
                            {"max", control_max(control)},
                            {"unit", spec.unit},
                            {"choices", choices},
                            {"shown_when", control.shown_when},
                            {"value", values[std::string(control.parameter)]}});
    }
    return controls;
}

}  // namespace

std::string reachable_host(const std::string& host) {
    if (host != "0.0.0.0" && host != "::" && !host.empty()) return host;
    ifaddrs* list = nullptr;
    std::string found = "127.0.0.1";
    if (::getifaddrs(&list) != 0) return found;
    for (ifaddrs* entry = list; entry != nullptr; entry = entry->ifa_next) {
        if (entry->ifa_addr == nullptr || entry->ifa_addr->sa_family != AF_INET) continue;
        char text[INET_ADDRSTRLEN];
        const auto* address = reinterpret_cast<const sockaddr_in*>(entry->ifa_addr);
        if (::inet_ntop(AF_INET, &address->sin_addr, text, sizeof text) == nullptr) continue;
        if (std::string_view(text).starts_with("127.")) continue;
        found = text;
        break;
    }
    ::freeifaddrs(list);
    return found;
}

class WorkshopServer::Impl {
public:
    explicit Impl(WorkshopOptions options)
        : options_(std::move(options)),
          runs_(options_.session_parent),
          queue_(concurrent_runs, queued_runs) {
        server_.new_task_queue = [] { return new httplib::ThreadPool(server_threads); };
        add_pages();
        add_design_routes();
        add_room_routes();
        add_downloads();
    }

    int bind() {
        const int port =
            options_.port == 0
                ? server_.bind_to_any_port(options_.host)
                : (server_.bind_to_port(options_.host, options_.port) ? options_.port : -1);
        if (port < 0) {
            throw InputError("cannot listen on " + options_.host + ":" +
                             std::to_string(options_.port) +
                             " (in use, or not an address of this machine); try --port");
        }
        port_ = port;
        return port;
    }
    std::string address() const {
        return "http://" + options_.host + ":" + std::to_string(port_) + "/";
    }
    std::string join_address() const {
        return "http://" + reachable_host(options_.host) + ":" + std::to_string(port_) + "/j";
    }
    void serve() { server_.listen_after_bind(); }
    void stop() {
        room_.close();
        server_.stop();
    }

private:
    void add_pages() {
        const auto page = [](std::string_view name) {
            return [name](const httplib::Request&, httplib::Response& response) {
                const EmbeddedFile* file = find_file(web_files(), name);
                response.set_content(std::string(file->bytes), std::string(content_type(name)));
            };
        };
        server_.Get("/", page("index.html"));
        server_.Get("/j", page("phone.html"));
        server_.Get(R"(/assets/([A-Za-z0-9_.\-/]+))", [](const httplib::Request& request,
                                                         httplib::Response& response) {
            const std::string name = request.matches[1];
            const EmbeddedFile* file = find_file(web_files(), name);
            if (file == nullptr || name.ends_with(".json")) {
                send_error(response, 404, "no such file");
                return;
            }
            response.set_content(std::string(file->bytes), std::string(content_type(name)));
        });
    }

    void add_design_routes() {
        server_.Get(
            "/api/scenarios", guarded([](const auto&, auto& response) {
                json list = json::array();
                for (const BundledScenario& s : bundled_scenarios()) {
                    list.push_back({{"id", s.id}, {"name", s.name}, {"purpose", s.purpose}});
                }
                send_json(response, {{"scenarios", list},
                                     {"limits",
                                      {{"replicates", max_replicates},
                                       {"default_replicates", default_replicates}}}});
            }));
        server_.Get("/api/controls", guarded([this](const auto& request, auto& response) {
                        const std::string id = request.get_param_value("scenario");
                        if (find_scenario(id) == nullptr) {
                            throw RequestError("scenario", "choose one of the bundled scenarios");
                        }
                        send_json(response, {{"controls", controls_json(runs_.control_values(id))},
                                             {"measures", measures_json()}});
                    }));
        server_.Post("/api/run", guarded([this](const auto& request, auto& response) {
                         const DesignRequest design = parse_design(body_of(request));
                         auto turn = queue_.wait_for_turn();
                         if (!turn) {
                             send_error(response, 503,
                                        "the server is busy with other runs; press Run again in "
                                        "a moment");
                             return;
                         }
                         const SessionRun run = runs_.run(design);
                         turn.reset();
                         json result{{"run", run.id},
                                     {"seconds", run.seconds},
                                     {"scenario", design.scenario},
                                     {"settings", settings_json(design)},
                                     {"seed", design.seed},
                                     {"story_runs", story_runs},
                                     {"charts", run_charts(run.results, run.contract_end)}};
                         room_.publish("run", result);
                         send_json(response, result);
                     }));
        server_.Post("/api/compare", guarded([this](const auto& request, auto& response) {
                         const json body = body_of(request);
                         const SessionRun a = runs_.find(run_of(body, "a"));
                         const SessionRun b = runs_.find(run_of(body, "b"));
                         json result = compare_runs(a.results, b.results);
                         result["a"] = a.id;
                         result["b"] = b.id;
                         room_.publish("compare", result);
                         send_json(response, result);
                     }));
        server_.Get("/api/story", guarded([this](const auto& request, auto& response) {
                        const SessionRun run = runs_.find(number_parameter(request, "run"));
                        StoryRequest story{run.results, number_parameter(request, "story"),
                                           run.join_month, run.contract_end};
                        send_json(response, partnership_story(story));
                    }));
    }

    static json measures_json() {
        json list = json::array();
        for (const KeyMeasure& m : key_measures()) {
            list.push_back({{"name", m.name}, {"label", m.label}, {"explanation", m.explanation}});
        }
        return list;
    }

    void add_room_routes() {
        server_.Get("/api/room", guarded([this](const auto&, auto& response) {
                        send_json(response, {{"join", join_address()},
                                             {"followers", room_.followers()},
                                             {"vote", room_.vote_json()}});
                    }));
        server_.Get("/api/qr.svg", guarded([this](const auto&, auto& response) {
                        response.set_content(qr_code_svg(join_address()), "image/svg+xml");
                    }));
        server_.Get("/api/events", [this](const httplib::Request&, httplib::Response& response) {
            if (!room_.try_follow(max_followers)) {
                send_error(response, 503,
                           "the room is full (" + std::to_string(max_followers) + " following)");
                return;
            }
            auto last = std::make_shared<std::uint64_t>(0);
            auto started = std::make_shared<bool>(false);
            response.set_header("Cache-Control", "no-cache");
            response.set_chunked_content_provider(
                "text/event-stream",
                [this, last, started](std::size_t, httplib::DataSink& sink) {
                    // The first answer goes at once (the room's state, or a comment), so the
                    // follower knows it is connected without waiting for the first event.
                    const auto wait = *started ? keep_alive : std::chrono::milliseconds(0);
                    *started = true;
                    const auto events = room_.events_after(*last, wait);
                    if (room_.closed()) return false;
                    std::string text = events.empty() ? ": keep-alive\n\n" : "";
                    for (const RoomEvent& event : events) {
                        text += "id: " + std::to_string(event.id) + "\nevent: " + event.kind +
                                "\ndata: " + event.data + "\n\n";
                        *last = event.id;
                    }
                    return sink.write(text.data(), text.size());
                },
                [this](bool) { room_.follower_left(); });
        });
        server_.Post("/api/vote/open", guarded([this](const auto& request, auto& response) {
                         const json body = body_of(request);
                         room_.open_vote(body.value("question", std::string()),
                                         body.value("options", std::vector<std::string>{}));
                         send_json(response, room_.vote_json());
                     }));
        server_.Post("/api/vote", guarded([this](const auto& request, auto& response) {
                         const json body = body_of(request);
                         room_.cast_vote(body.value("participant", std::string()),
                                         body.value("option", std::string()));
                         send_json(response, room_.vote_json());
                     }));
        server_.Post("/api/vote/close", guarded([this](const auto& request, auto& response) {
                         send_json(response, room_.close_vote(model_answer(body_of(request))));
                     }));
    }

    // What the model says to the vote's question: the comparison of A and B on one measure.
    json model_answer(const json& body) {
        if (!body.contains("a") || !body.contains("b")) return nullptr;
        const SessionRun a = runs_.find(run_of(body, "a"));
        const SessionRun b = runs_.find(run_of(body, "b"));
        const std::string measure = body.value("measure", std::string("trust_partner_facilitator"));
        const json comparison = compare_runs(a.results, b.results);
        for (const json& sentence : comparison["sentences"]) {
            if (sentence["measure"] != measure) continue;
            const bool apart =
                sentence["low"].get<double>() > 0 || sentence["high"].get<double>() < 0;
            const bool b_higher = sentence["difference"].get<double>() > 0;
            return {{"option", apart ? (b_higher ? "B" : "A") : "cannot tell apart"},
                    {"text", sentence["text"]},
                    {"interval_kind", comparison["interval_kind"]}};
        }
        throw RequestError("measure", "not a key measure: " + measure);
    }

    void add_downloads() {
        server_.Get("/download/scenario.toml", guarded([this](const auto& request, auto& response) {
                        const SessionRun run = runs_.find(number_parameter(request, "run"));
                        response.set_header("Content-Disposition",
                                            "attachment; filename=\"workshop-design-" +
                                                std::to_string(run.id) + ".toml\"");
                        response.set_content(runs_.scenario_toml(run.design), "application/toml");
                    }));
        server_.Get("/download/results.h5", guarded([this](const auto& request, auto& response) {
                        const SessionRun run = runs_.find(number_parameter(request, "run"));
                        response.set_header("Content-Disposition",
                                            "attachment; filename=\"workshop-runs-" +
                                                std::to_string(run.id) + ".h5\"");
                        response.set_content(file_text(run.results), "application/x-hdf5");
                    }));
        server_.Get("/download/runs.csv", guarded([this](const auto& request, auto& response) {
                        const SessionRun run = runs_.find(number_parameter(request, "run"));
                        response.set_header("Content-Disposition",
                                            "attachment; filename=\"workshop-runs-" +
                                                std::to_string(run.id) + ".csv\"");
                        response.set_content(file_text(runs_.csv_of(run)), "text/csv");
                    }));
    }

    WorkshopOptions options_;
    SessionRuns runs_;
    RunQueue queue_;
    Room room_;
    httplib::Server server_;
    int port_ = 0;
};

WorkshopServer::WorkshopServer(WorkshopOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}
WorkshopServer::~WorkshopServer() = default;
int WorkshopServer::bind() {
    return impl_->bind();
}
std::string WorkshopServer::address() const {
    return impl_->address();
}
std::string WorkshopServer::join_address() const {
    return impl_->join_address();
}
void WorkshopServer::serve() {
    impl_->serve();
}
void WorkshopServer::stop() {
    impl_->stop();
}

}  // namespace partnersim::workshop
