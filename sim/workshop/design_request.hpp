#pragma once
// A design as the page sends it, checked before anything runs: a bundled scenario, the
// facilitator's settings (only the page's controls, each in its range), replicates and seed
// within the workshop's limits. A mistake becomes a RequestError naming the field, which the page
// shows beside that control.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace partnersim::workshop {

class RequestError : public std::runtime_error {
public:
    RequestError(std::string field, const std::string& message)
        : std::runtime_error(message), field_(std::move(field)) {}
    const std::string& field() const { return field_; }

private:
    std::string field_;
};

struct DesignRequest {
    std::string scenario;                // a bundled scenario's id
    std::vector<std::string> overrides;  // "key=value", in the page's control order
    std::int64_t replicates = 0;
    std::uint64_t seed = 0;
};

// {"scenario": "default", "settings": {"setup.duration": "open_ended", ...},
//  "replicates": 100, "seed": 1}; settings, replicates and seed may be left out.
DesignRequest parse_design(const nlohmann::json& body);

// The design's settings back as JSON {"key": value}, for the page and the downloads.
nlohmann::json settings_json(const DesignRequest& design);

}  // namespace partnersim::workshop
