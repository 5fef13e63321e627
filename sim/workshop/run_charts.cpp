#include "workshop/run_charts.hpp"

#include "analysis/outcome_risk.hpp"
#include "analysis/statistics.hpp"
#include "io/hdf5_reader.hpp"

namespace partnersim::workshop {

using nlohmann::json;

std::span<const KeyMeasure> key_measures() {
    static const std::vector<KeyMeasure> measures{
        {"trust_partner_facilitator", "Partners' trust in the facilitator",
         "Mean trust of partners in the facilitator, 0 to 1: built by good experiences over "
         "time, lost faster by bad ones."},
        {"capacity", "Partners' learning capacity",
         "Mean MEL capacity of partners, 0 to 1: what they can do with evidence and reflection."},
        {"candour", "Candour",
         "How openly partners share what is not working, 0 to 1. It needs trust and a funder "
         "for whom bad news is safe."},
        {"participation", "Participation",
         "Share of partners taking part in learning activities that month."},
    };
    return measures;
}

Fan fan_of(std::span<const float> values, std::size_t runs, std::size_t months) {
    Fan fan;
    std::vector<double> month_values(runs);
    for (std::size_t m = 0; m < months; ++m) {
        for (std::size_t r = 0; r < runs; ++r) month_values[r] = values[r * months + m];
        fan.p05.push_back(analysis::quantile(month_values, 0.05));
        fan.p25.push_back(analysis::quantile(month_values, 0.25));
        fan.p50.push_back(analysis::quantile(month_values, 0.50));
        fan.p75.push_back(analysis::quantile(month_values, 0.75));
        fan.p95.push_back(analysis::quantile(month_values, 0.95));
    }
    return fan;
}

namespace {

json share_json(const analysis::Interval& share) {
    return {{"share", share.estimate}, {"low", share.low}, {"high", share.high}};
}

json risk_json(const ResultsFile& file) {
    const auto outcome = file.final_values("outcome");
    const auto cause = file.final_values("outcome_cause");
    const auto month = file.final_values("outcome_month");
    const analysis::OutcomeRisk risk = analysis::outcome_risk(outcome, cause, month);
    json classes = json::array();
    for (const analysis::ShareOfRuns& c : risk.classes) {
        json entry = share_json(c.share);
        entry["name"] = c.name;
        entry["runs"] = c.runs;
        classes.push_back(entry);
    }
    json result = share_json(risk.failure.share);
    result["runs"] = risk.runs;
    result["failed_runs"] = risk.failed_runs;
    result["classes"] = classes;
    result["interval_kind"] = analysis::interval_kind(false, 0);
    return result;
}

}  // namespace

json run_charts(const std::filesystem::path& results, std::optional<int> contract_end) {
    const ResultsFile file(results);
    const auto runs = static_cast<std::size_t>(file.info().runs);
    const auto months = static_cast<std::size_t>(file.info().months);
    json measures = json::array();
    for (const KeyMeasure& measure : key_measures()) {
        const Fan fan = fan_of(file.timeseries(measure.name), runs, months);
        measures.push_back({{"name", measure.name},
                            {"label", measure.label},
                            {"explanation", measure.explanation},
                            {"p05", fan.p05},
                            {"p25", fan.p25},
                            {"p50", fan.p50},
                            {"p75", fan.p75},
                            {"p95", fan.p95}});
    }
    return {{"months", months},
            {"replicates", runs},
            {"contract_end", contract_end ? json(*contract_end) : json(nullptr)},
            {"measures", measures},
            {"risk", risk_json(file)}};
}

}  // namespace partnersim::workshop
