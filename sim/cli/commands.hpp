#pragma once
// The sub-commands, as functions of their options and output streams, so tests can call them
// without a process. Each turns its options into one request to the application layer
// (sim/app), prints the outcome, and returns an exit code (cli/exit_code.hpp).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "app/results_summary.hpp"
#include "app/scenario_request.hpp"
#include "engine/run_distribution.hpp"

namespace partnersim {

// A scenario file plus --set, --seed and --replicates.
using ScenarioChoice = app::ScenarioRequest;
using app::resolve_experiment;
using app::resolve_scenario;

struct RunCommandOptions {
    ScenarioChoice scenario;
    std::filesystem::path output;
    int threads = 0;
    bool force = false;
    bool quiet = false;
    std::uint64_t trace_runs = 0;
    bool resume = false;               // finish the runs missing from OUTPUT.partial
    std::optional<std::string> shard;  // "K/N": run only the K-th of N slices (absent: all)
    std::string command_line;
    RunDistribution* distribution = nullptr;  // the MPI program's ranks (sim/mpi)
};

struct MergeCommandOptions {
    std::filesystem::path output;
    std::vector<std::filesystem::path> inputs;  // shard files, in any order
    bool force = false;
    std::string command_line;
};

struct CompareCommandOptions {
    std::filesystem::path baseline;
    std::optional<std::filesystem::path> variant;  // default: the baseline file
    std::vector<std::string> variant_overrides;    // --set, applied to the variant
    std::vector<std::string> baseline_overrides;   // --set-baseline
    std::optional<std::uint64_t> seed;
    std::optional<std::int64_t> replicates;
    bool uncertainty = false;  // --uncertainty, for both scenarios
    int threads = 0;
    std::filesystem::path output;  // optional: the comparison tables as HDF5
    bool force = false;
    bool quiet = false;
};

struct ExportCommandOptions {
    std::filesystem::path results;
    std::filesystem::path folder;  // --csv DIR
    bool timeseries = false;       // also every run's every month
    bool force = false;
};

struct AnalyzeCommandOptions {
    std::filesystem::path results;
    std::vector<std::string> measures;     // empty: all
    std::vector<std::string> interaction;  // {A, B} or empty
    std::optional<int> month;              // default: the final month
    int resamples = 1000;                  // bootstrap resamples
    std::uint64_t bootstrap_seed = 20261125;
    int bins = 4;            // bins of a sampled parameter's main effect
    bool levels = false;     // also print the mean at every level
    bool recompute = false;  // ignore stored analyses
    bool quiet = false;
};

struct DiscoverCommandOptions {
    std::filesystem::path results;
    std::string success;                  // condition on measures, e.g. "candour > 0.8"
    std::vector<std::string> parameters;  // may bound a box; empty: every varied parameter
    std::optional<int> month;
    double threshold = 0.8;  // density a box must reach
    double peel_alpha = 0.05;
    double min_mass = 0.05;
    int max_boxes = 3;
    bool recompute = false;
    bool quiet = false;
};

struct ReportCommandOptions {
    std::filesystem::path results;
    std::filesystem::path folder;          // -o DIR
    std::string success;                   // optional: also scenario discovery
    std::vector<std::string> interaction;  // optional: {A, B}
    std::filesystem::path comparison;      // optional: a `compare -o` file to show too
    bool force = false;
};

struct CalibrateCommandOptions {
    std::filesystem::path targets;  // empty: the bundled one (app/calibrate_model.hpp)
    std::uint64_t samples = 200;
    std::int64_t replicates = 20;
    std::vector<std::string> constants;  // shell patterns; empty: every model constant
    std::vector<std::string> only;       // target names; empty: every target
    double accept = 0.1;
    std::uint64_t seed = 20251;
    int threads = 0;
    std::filesystem::path output;
    bool force = false;
    bool quiet = false;
};

struct ValidateCommandOptions {
    std::filesystem::path ledger;              // the claims ledger (docs/claims.toml)
    std::vector<std::filesystem::path> bases;  // --bases: test every claim here instead
    int replicates = 200;                      // paired replicates per design
    std::uint64_t seed = 777;
    int threads = 0;
    int uncertainty_sets = 0;         // --uncertainty N: also under N sampled models
    int uncertainty_replicates = 20;  // paired replicates at each sampled model
    std::filesystem::path output;     // -o: the claims x bases table as HDF5
    bool force = false;
    bool quiet = false;
};

struct WorkshopCommandOptions {
    int port = 8080;
    std::string host = "127.0.0.1";
    bool open = false;  // open the page in this computer's browser
};

int run_command(const RunCommandOptions& options, std::ostream& out, std::ostream& err);
int check_command(const ScenarioChoice& choice, std::ostream& out, std::ostream& err);
// The design a scenario file (with or without [sweep]) asks for, its first points and an upper
// bound on the results' size, without running anything.
int plan_command(const ScenarioChoice& choice, std::ostream& out, std::ostream& err);
// What `params` lists: the settings (default), the model constants, or both.
enum class ParamsListing { settings, constants, all };
int params_command(ParamsListing listing, std::ostream& out);
int summary_command(const std::filesystem::path& results, std::ostream& out, std::ostream& err);
// The summary as `summary` prints it (and `run` after writing).
void print_summary(const app::ResultsSummary& summary, std::ostream& out);
// The risk of failure per design point: shares per class and cause, the median failure month.
void print_risks(const std::vector<app::PointRisk>& risks, std::ostream& out);
// Joins shard files into one results file (io/merge.hpp): 0 merged, 2 bad input (not shards of
// one experiment, gap, overlap, unfinished shard, existing output), 1 failure.
int merge_command(const MergeCommandOptions& options, std::ostream& out, std::ostream& err);
// Runs two scenarios with paired seeds and prints, for every measure, the mean difference with
// a 95% interval and a standardised effect, at the final month and over time.
int compare_command(const CompareCommandOptions& options, std::ostream& out, std::ostream& err);
// Scenario discovery (PRIM): boxes of set-up choices where the success condition is likely.
int discover_command(const DiscoverCommandOptions& options, std::ostream& out, std::ostream& err);
// A self-contained HTML page with figures (analysis/figures/report.py) about a results file,
// after computing its analyses (analyze, and discover with a success condition).
int report_command(const ReportCommandOptions& options, std::ostream& out, std::ostream& err);
// The results (and stored analyses) as CSV files in a folder (analysis/csv_export.hpp).
int export_command(const ExportCommandOptions& options, std::ostream& out, std::ostream& err);
// Runs the claims ledger: every tested claim of the seeds at each base scenario as a paired
// design, printed as a claims x bases table of effects and verdicts (holds / weak / fails /
// reversed) and optionally stored as HDF5. 0 done, 2 bad input, 1 failure, 130 interrupted.
int validate_command(const ValidateCommandOptions& options, std::ostream& out, std::ostream& err);
// Main effects, an interaction, and Sobol or Morris indices of a sweep's results; stored in
// "<results>.analysis.h5" (io/analysis_file.hpp). 0 done, 2 bad input, 1 failure.
int analyze_command(const AnalyzeCommandOptions& options, std::ostream& out, std::ostream& err);
// Approximate Bayesian computation of the model constants against a targets file
// (app/calibrate_model.hpp): posterior ranges, each target's fit. 0 done, 2 bad input, 1 failure.
int calibrate_command(const CalibrateCommandOptions& options, std::ostream& out, std::ostream& err);

// Serves the workshop page (sim/workshop) until Ctrl-C: 0 ended, 2 cannot listen, 1 failure.
int workshop_command(const WorkshopCommandOptions& options, std::ostream& out, std::ostream& err);

}  // namespace partnersim
