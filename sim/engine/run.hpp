#pragma once
// One run: a pure function of (scenario, run id). This is the unit that sweeps, replicates and
// comparisons are made of.

#include "engine/run_result.hpp"
#include "model/scenario.hpp"

namespace partnersim {

struct RunOptions {
    bool trace_partners = false;  // also record every partner's state each month
};

// Runs the scenario for run.months months with the stream id.stream_seed, recording every
// measure each month (the observer) and the final values.
RunResult run_partnership(const Scenario& scenario, const RunId& id, RunOptions options = {});

// The id of replicate r of design point d under a master seed, with its run index.
RunId make_run_id(std::uint64_t master_seed, std::uint64_t design_point, std::uint64_t replicate,
                  std::uint64_t replicates_per_point);

}  // namespace partnersim
