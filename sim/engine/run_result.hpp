#pragma once
// What one run produces, handed from the workers to the single writer.

#include <cstdint>
#include <vector>

#include "model/measures.hpp"
#include "model/partnership_state.hpp"

namespace partnersim {

// Which run this is. The stream seed is derived from (master seed, design point, replicate)
// alone, so a run's results never depend on which worker ran it or when.
struct RunId {
    std::uint64_t run_index = 0;     // position in the whole experiment (0-based)
    std::uint64_t design_point = 0;  // which design point of a sweep (0 without a sweep)
    std::uint64_t replicate = 0;     // which replicate of that point
    std::uint64_t stream_seed = 0;   // seed of this run's random stream
};

struct RunResult {
    RunId id;
    int months = 0;
    // Monthly measures, measure-major: timeseries[m * months + month].
    std::vector<float> timeseries;
    MeasureValues final_values{};
    // How the partnership ended (docs/model.md 7.16): its class, the month it ended or was
    // judged (0-based), and the cause.
    OutcomeClass outcome = OutcomeClass::thriving;
    int outcome_month = -1;
    OutcomeCause outcome_cause = OutcomeCause::none;
    // The value of every model constant this run used (model_constant_entries() order), only
    // when the scenario draws them (uncertainty.model_constants = plausible), empty otherwise.
    std::vector<double> model_constants;
    // Per-partner monthly states, only for traced runs, empty otherwise:
    // trace[(variable * months + month) * partners + partner].
    int partners = 0;
    std::vector<float> trace;

    float at(Measure m, int month) const {
        return timeseries[static_cast<std::size_t>(m) * static_cast<std::size_t>(months) +
                          static_cast<std::size_t>(month)];
    }
    double final_value(Measure m) const { return final_values[static_cast<std::size_t>(m)]; }
};

}  // namespace partnersim
