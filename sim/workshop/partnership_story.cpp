#include "workshop/partnership_story.hpp"

#include <cmath>
#include <string>

#include "io/hdf5_reader.hpp"
#include "model/partnership_state.hpp"
#include "workshop/design_request.hpp"

namespace partnersim::workshop {

using nlohmann::json;

namespace {

// [month][partner] of one traced run, NaN as null.
json monthly_states(const TraceValues& trace, std::uint64_t run) {
    json months = json::array();
    const auto partners = static_cast<std::size_t>(trace.partners);
    for (int m = 0; m < trace.months; ++m) {
        json row = json::array();
        const std::size_t base =
            (run * static_cast<std::size_t>(trace.months) + static_cast<std::size_t>(m)) * partners;
        for (std::size_t p = 0; p < partners; ++p) {
            const float value = trace.values[base + p];
            row.push_back(std::isnan(value) ? json(nullptr)
                                            : json(std::round(value * 1000.0f) / 1000.0f));
        }
        months.push_back(row);
    }
    return months;
}

// A partner that was there and is not any more, the month after its last recorded state.
void add_departures(const TraceValues& trust, std::uint64_t run, json& events) {
    const auto partners = static_cast<std::size_t>(trust.partners);
    const auto months = static_cast<std::size_t>(trust.months);
    for (std::size_t p = 0; p < partners; ++p) {
        const auto at = [&](std::size_t m) {
            return trust.values[(run * months + m) * partners + p];
        };
        for (std::size_t m = 1; m < months; ++m) {
            if (!std::isnan(at(m - 1)) && std::isnan(at(m))) {
                events.push_back({{"month", m + 1},
                                  {"kind", "partner_left"},
                                  {"label", "Partner " + std::to_string(p + 1) + " leaves"}});
                break;
            }
        }
    }
}

}  // namespace

json partnership_story(const StoryRequest& request) {
    const ResultsFile file(request.results);
    const TraceValues trust = file.trace("trust_facilitator");
    if (request.run >= trust.runs) {
        throw RequestError("run", "only the first " + std::to_string(trust.runs) +
                                      " runs of a design keep their story");
    }
    json events = json::array();
    if (request.join_month && *request.join_month > 0) {
        events.push_back({{"month", *request.join_month},
                          {"kind", "facilitator_joins"},
                          {"label", "The facilitator joins"}});
    }
    if (request.contract_end) {
        events.push_back({{"month", *request.contract_end},
                          {"kind", "contract_ends"},
                          {"label", "The contract ends"}});
    }
    add_departures(trust, request.run, events);
    const auto outcome = file.final_values("outcome");
    const auto outcome_month = file.final_values("outcome_month");
    const auto code = static_cast<std::size_t>(outcome[request.run]);
    const std::string ending =
        code < outcome_class_names.size() ? std::string(outcome_class_names[code]) : "not judged";
    if (ending == "struggling" || ending == "collapsed") {
        events.push_back({{"month", static_cast<int>(outcome_month[request.run]) + 1},
                          {"kind", "outcome"},
                          {"label", "Judged " + ending}});
    }
    return {{"run", request.run},
            {"months", trust.months},
            {"partners", trust.partners},
            {"trust", monthly_states(trust, request.run)},
            {"capacity", monthly_states(file.trace("capacity"), request.run)},
            {"candour", monthly_states(file.trace("candour"), request.run)},
            {"present", monthly_states(file.trace("present"), request.run)},
            {"outcome", ending},
            {"events", events}};
}

}  // namespace partnersim::workshop
