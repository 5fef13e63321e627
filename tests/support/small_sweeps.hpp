#pragma once
// Small sweeps run for real, in-process through the `run` command, for the tests of the
// analyses and of the commands that read results files. Five partners, a few months and two or
// three replicates: each file takes a tenth of a second to make.
//
//   const test::TempDir dir;
//   const auto path = test::run_small_sweep(dir, "grid", test::grid_sweep_toml());

#include <cstdint>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <string>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "support/test_helpers.hpp"

namespace partnersim::test {

// [run] and [partners] of every small sweep.
inline std::string small_sweep_header(int months, int replicates, std::uint64_t seed = 11) {
    return "[run]\nmonths = " + std::to_string(months) +
           "\nreplicates = " + std::to_string(replicates) + "\nseed = " + std::to_string(seed) +
           "\n\n[partners]\ncount = 5\n\n";
}

// A full factorial grid of 2 x 2 x 2 = 8 points over a choice listed against its declaration
// order (open_ended before time_bound), a boolean listed true first, and an integer. Points are
// ordered as make_design orders a grid, the first factor slowest: point p has
//   setup.duration   = p / 4 == 0 ? open_ended : time_bound
//   setup.review     = (p / 2) % 2 == 0 ? true : false
//   setup.join_month = p % 2 == 0 ? 0 : 3
// Joining at month 3 rather than 0 changes trust and capacity within 6 months.
inline std::string grid_sweep_toml(int months = 6, int replicates = 3, std::uint64_t seed = 11) {
    return small_sweep_header(months, replicates, seed) +
           "[sweep.grid]\n"
           "\"setup.duration\" = [\"open_ended\", \"time_bound\"]\n"
           "\"setup.review\" = [true, false]\n"
           "\"setup.join_month\" = [0, 3]\n";
}

// A Sobol (Saltelli) design over two ranges: setup.budget_hours [40, 240] (range 1) and
// partners.initial_trust_facilitator [0.2, 0.8] (range 2), N = `samples` base samples, so
// N (k + 2) = 4N points; with `with_grid`, crossed with setup.duration = [time_bound,
// open_ended] (two cells). The measure facilitator_hours equals setup.budget_hours at every
// point (the facilitator works the hours the budget pays for), a known answer for the indices:
// all of its variance is the budget's.
inline std::string sobol_sweep_toml(int samples = 8, bool with_grid = false) {
    std::string toml = small_sweep_header(6, 2) +
                       "[sweep]\nmethod = \"sobol\"\nsamples = " + std::to_string(samples) + "\n\n";
    if (with_grid)
        toml += "[sweep.grid]\n\"setup.duration\" = [\"time_bound\", \"open_ended\"]\n\n";
    return toml +
           "[sweep.ranges]\n"
           "\"setup.budget_hours\" = [40.0, 240.0]\n"
           "\"partners.initial_trust_facilitator\" = [0.2, 0.8]\n";
}

// A Latin hypercube of 5 points over a real range (setup.budget_hours [40, 240], range 1) and
// an integer one (setup.join_month [0, 3], range 2).
inline std::string latin_hypercube_sweep_toml() {
    return small_sweep_header(4, 2) +
           "[sweep]\nmethod = \"latin_hypercube\"\nsamples = 5\n\n"
           "[sweep.ranges]\n"
           "\"setup.budget_hours\" = [40.0, 240.0]\n"
           "\"setup.join_month\" = [0, 3]\n";
}

// Morris trajectories (r = `trajectories`, 4 levels) over the same two ranges as the Sobol
// sweep: (k + 1) r = 3r points.
inline std::string morris_sweep_toml(int trajectories = 4) {
    return small_sweep_header(6, 2) +
           "[sweep]\nmethod = \"morris\"\nsamples = " + std::to_string(trajectories) +
           "\nlevels = 4\n\n"
           "[sweep.ranges]\n"
           "\"setup.budget_hours\" = [40.0, 240.0]\n"
           "\"partners.initial_trust_facilitator\" = [0.2, 0.8]\n";
}

// A single scenario (no sweep): 6 months, 4 replicates.
inline std::string single_scenario_toml() {
    return small_scenario_toml(6, 4, 5, 11);
}

// Writes `toml` to <dir>/<name>.toml, runs it with `partnersim run` into <dir>/<name>.h5 and
// returns that path. Throws std::runtime_error with the command's messages if it fails.
inline std::filesystem::path run_small_sweep(const TempDir& dir, const std::string& name,
                                             const std::string& toml) {
    const std::filesystem::path scenario = dir / (name + ".toml");
    write_text_file(scenario, toml);
    RunCommandOptions options;
    options.scenario.file = scenario;
    options.output = dir / (name + ".h5");
    options.threads = 2;
    options.quiet = true;
    options.command_line = "partnersim run " + name + ".toml -o " + name + ".h5";
    std::ostringstream out;
    std::ostringstream err;
    if (run_command(options, out, err) != exit_ok) {
        throw std::runtime_error("could not run the small sweep " + name + ": " + err.str());
    }
    return options.output;
}

}  // namespace partnersim::test
