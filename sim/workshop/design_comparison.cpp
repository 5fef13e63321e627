#include "workshop/design_comparison.hpp"

#include <cmath>
#include <cstdio>

#include "analysis/outcome_risk.hpp"
#include "analysis/paired_comparison.hpp"
#include "io/hdf5_reader.hpp"
#include "io/results_layout.hpp"
#include "workshop/design_request.hpp"
#include "workshop/run_charts.hpp"

namespace partnersim::workshop {

using nlohmann::json;

namespace {

std::string fixed(double value, int decimals, bool sign) {
    // No "-0" or "+0": a value that rounds to zero is written as plain zero.
    if (std::abs(value) < 0.5 * std::pow(10.0, -decimals)) {
        value = 0.0;
        sign = false;
    }
    char text[64];
    std::snprintf(text, sizeof text, sign ? "%+.*f" : "%.*f", decimals, value);
    return text;
}

}  // namespace

std::string difference_sentence(const std::string& label, int month,
                                const analysis::Interval& difference) {
    const std::string interval = "(95% interval " + fixed(difference.low, 3, true) + " to " +
                                 fixed(difference.high, 3, true) + ")";
    const std::string when = label + " at month " + std::to_string(month) + ": ";
    if (difference.estimate == 0.0 && difference.low == 0.0 && difference.high == 0.0) {
        return when + "A and B are the same in every paired run.";
    }
    if (!difference.excludes_zero()) {
        return when + "A and B cannot be told apart; the difference B - A is " +
               fixed(difference.estimate, 3, true) + " " + interval + ".";
    }
    return when + "B is " + (difference.estimate > 0 ? "higher" : "lower") + " than A by " +
           fixed(std::abs(difference.estimate), 3, false) + " " + interval + ".";
}

std::string failure_sentence(double share_a, double share_b, const analysis::Interval& difference) {
    const std::string shares = fixed(100 * share_b, 0, false) + "% of runs under B against " +
                               fixed(100 * share_a, 0, false) + "% under A";
    const std::string interval = "(95% interval " + fixed(100 * difference.low, 0, true) + " to " +
                                 fixed(100 * difference.high, 0, true) + " points)";
    if (!difference.excludes_zero()) {
        return "Runs ending struggling or collapsed: " + shares +
               "; A and B cannot be told apart " + interval + ".";
    }
    return "Runs ending struggling or collapsed: " + shares + ", " +
           fixed(100 * std::abs(difference.estimate), 0, false) + " points " +
           (difference.estimate > 0 ? "more" : "fewer") + " under B " + interval + ".";
}

json compare_runs(const std::filesystem::path& a, const std::filesystem::path& b) {
    const ResultsFile file_a(a);
    const ResultsFile file_b(b);
    if (file_a.info().runs != file_b.info().runs || file_a.info().months != file_b.info().months ||
        file_a.run_column(layout::seed) != file_b.run_column(layout::seed)) {
        throw RequestError("compare",
                           "A and B must have the same runs, months and seed to be compared "
                           "run for run; run B again from the page");
    }
    const int month = file_a.info().months;
    json sentences = json::array();
    for (const KeyMeasure& measure : key_measures()) {
        const auto values_a = file_a.final_values(measure.name);
        const auto values_b = file_b.final_values(measure.name);
        const analysis::PairedEffect effect = analysis::paired_effect(values_a, values_b);
        sentences.push_back(
            {{"measure", measure.name},
             {"label", measure.label},
             {"a", effect.baseline_mean},
             {"b", effect.variant_mean},
             {"difference", effect.difference.estimate},
             {"low", effect.difference.low},
             {"high", effect.difference.high},
             {"text", difference_sentence(std::string(measure.label), month, effect.difference)}});
    }
    const auto failed_a = analysis::failure_events(file_a.final_values("outcome"));
    const auto failed_b = analysis::failure_events(file_b.final_values("outcome"));
    const analysis::Interval difference = analysis::paired_share_difference(failed_a, failed_b);
    const double share_a = analysis::mean_of(failed_a);
    const double share_b = analysis::mean_of(failed_b);
    sentences.push_back({{"measure", "failed"},
                         {"label", "Runs ending struggling or collapsed"},
                         {"a", share_a},
                         {"b", share_b},
                         {"difference", difference.estimate},
                         {"low", difference.low},
                         {"high", difference.high},
                         {"text", failure_sentence(share_a, share_b, difference)}});
    return {{"month", month},
            {"replicates", file_a.info().runs},
            {"interval_kind", analysis::interval_kind(false, 0)},
            {"sentences", sentences}};
}

}  // namespace partnersim::workshop
