#include "workshop/partnership_story.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <utility>

#include "io/hdf5_reader.hpp"
#include "model/month_events.hpp"
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

// One value of one traced run: trace[run][month][partner].
float traced(const TraceValues& trace, std::uint64_t run, std::size_t month, std::size_t partner) {
    const auto partners = static_cast<std::size_t>(trace.partners);
    return trace
        .values[(run * static_cast<std::size_t>(trace.months) + month) * partners + partner];
}

// ties[month] = [i, j, weight] for each pair that is one partner's strongest or second
// strongest tie that month, each pair once, i < j: the network the model's convenings built.
json monthly_ties(const ResultsFile& file, std::uint64_t run) {
    const TraceValues with[2] = {file.trace("strongest_tie_with"), file.trace("second_tie_with")};
    const TraceValues weight[2] = {file.trace("strongest_tie"), file.trace("second_tie")};
    json months = json::array();
    const auto partners = static_cast<std::size_t>(with[0].partners);
    for (std::size_t m = 0; m < static_cast<std::size_t>(with[0].months); ++m) {
        std::map<std::pair<std::size_t, std::size_t>, float> shown;
        for (std::size_t i = 0; i < partners; ++i) {
            for (int k = 0; k < 2; ++k) {
                const float j = traced(with[k], run, m, i);
                if (std::isnan(j)) continue;
                const auto other = static_cast<std::size_t>(j);
                shown[{std::min(i, other), std::max(i, other)}] = traced(weight[k], run, m, i);
            }
        }
        json row = json::array();
        for (const auto& [pair, w] : shown) {
            row.push_back({pair.first, pair.second, std::round(w * 1000.0f) / 1000.0f});
        }
        months.push_back(row);
    }
    return months;
}

// The partnership's events, from the flags its traced partners carry (the same for each).
void add_partnership_events(const TraceValues& flags, std::uint64_t run, json& events) {
    if (flags.partners <= 0) return;
    for (std::size_t m = 0; m < static_cast<std::size_t>(flags.months); ++m) {
        const float value = traced(flags, run, m, 0);
        if (std::isnan(value)) continue;
        const MonthEvents month{static_cast<std::uint32_t>(value)};
        for (const auto& info : month_event_catalogue) {
            if (!month.has(info.event)) continue;
            events.push_back({{"month", m + 1},
                              {"kind", std::string(info.name)},
                              {"label", std::string(info.label)}});
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
    add_partnership_events(file.trace("partnership_events"), request.run, events);
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
    std::stable_sort(events.begin(), events.end(), [](const json& a, const json& b) {
        return a["month"].get<int>() < b["month"].get<int>();
    });
    return {{"run", request.run},
            {"months", trust.months},
            {"partners", trust.partners},
            {"trust", monthly_states(trust, request.run)},
            {"capacity", monthly_states(file.trace("capacity"), request.run)},
            {"candour", monthly_states(file.trace("candour"), request.run)},
            {"present", monthly_states(file.trace("present"), request.run)},
            {"ties", monthly_ties(file, request.run)},
            {"outcome", ending},
            {"events", events}};
}

}  // namespace partnersim::workshop
