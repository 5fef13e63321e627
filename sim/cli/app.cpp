#include "cli/app.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/calibrate_model.hpp"
#include "cli/commands.hpp"
#include "engine/ensemble.hpp"

namespace partnersim {
namespace {

std::string joined(int argc, char** argv) {
    std::string line;
    for (int i = 0; i < argc; ++i) line += (i ? " " : "") + std::string(argv[i]);
    return line;
}

// --threads: 0 (all cores) up to the ensemble's cap, so a typo of a million is refused by name.
CLI::Range threads_range() {
    return CLI::Range(0, max_worker_threads());
}

void add_scenario_options(CLI::App& command, ScenarioChoice& choice) {
    command.add_option("scenario", choice.file, "Scenario file (TOML)")->required();
    command
        .add_option("--set", choice.overrides,
                    "Override a parameter by its dotted name, e.g. setup.duration=open_ended")
        ->type_name("KEY=VALUE")
        ->allow_extra_args(false);
    // Ranges as in the registry, so a bad value is reported against the option typed.
    command.add_option("--seed", choice.seed, "Master seed (overrides run.seed)")
        ->check(CLI::NonNegativeNumber &
                CLI::Range(std::uint64_t{0}, std::uint64_t{9'000'000'000'000'000}));
    command
        .add_option("--replicates", choice.replicates,
                    "Replicate runs per design point (overrides run.replicates)")
        ->check(CLI::Range(std::int64_t{1}, std::int64_t{10'000'000}));
    command.add_flag("--uncertainty", choice.uncertainty,
                     "Draw the model constants not set explicitly from their plausible ranges, "
                     "one model per replicate (uncertainty.model_constants=plausible)");
}

CLI::App* add_run(CLI::App& app, RunCommandOptions& run) {
    auto* run_cmd = app.add_subcommand("run", "Run a scenario's replicates and write HDF5 results");
    add_scenario_options(*run_cmd, run.scenario);
    run_cmd->add_option("-o,--output", run.output, "Results file (HDF5)")->required();
    run_cmd->add_option("--threads", run.threads, "Worker threads (default: all cores)")
        ->check(threads_range());
    run_cmd->add_flag("--force", run.force, "Overwrite an existing results file");
    run_cmd->add_flag("-q,--quiet", run.quiet, "No progress bar or messages");
    run_cmd->add_flag("--resume", run.resume,
                      "Finish an interrupted or killed run from OUTPUT.partial");
    run_cmd
        ->add_option("--shard", run.shard,
                     "Run only the K-th of N slices of the runs (K/N), for `merge`")
        ->type_name("K/N");
    run_cmd
        ->add_option("--trace", run.trace_runs,
                     "Record every partner's state each month for the first N runs")
        ->check(CLI::NonNegativeNumber);
    return run_cmd;
}

CLI::App* add_merge(CLI::App& app, MergeCommandOptions& merge) {
    auto* merge_cmd =
        app.add_subcommand("merge", "Join the files of `run --shard K/N` into one results file");
    merge_cmd->add_option("output", merge.output, "Merged results file (HDF5)")->required();
    merge_cmd->add_option("shards", merge.inputs, "Shard files, in any order")->required();
    merge_cmd->add_flag("--force", merge.force, "Overwrite an existing results file");
    return merge_cmd;
}

CLI::App* add_calibrate(CLI::App& app, CalibrateCommandOptions& calibrate) {
    auto* cmd = app.add_subcommand(
        "calibrate",
        "Fit the model constants to the literature's figures (ABC rejection over a Latin "
        "hypercube of their plausible ranges)");
    cmd->add_option("--targets", calibrate.targets, "Targets file (TOML)")->capture_default_str();
    cmd->add_option("--samples", calibrate.samples, "Prior samples (Latin hypercube points)")
        ->capture_default_str()
        ->check(CLI::Range(std::uint64_t{1}, app::max_calibration_samples));
    cmd->add_option("--replicates", calibrate.replicates, "Runs per sample and target scenario")
        ->capture_default_str()
        ->check(CLI::Range(std::int64_t{1}, app::max_calibration_replicates));
    cmd->add_option("--constants", calibrate.constants,
                    "Constants to calibrate, as shell patterns of dotted names (e.g. 'burden.*'); "
                    "default: every model constant")
        ->type_name("PATTERN");
    cmd->add_option("--only", calibrate.only,
                    "Fit only these targets (by name); default: every target of the file")
        ->type_name("TARGET");
    cmd->add_option("--accept", calibrate.accept, "Fraction of samples accepted")
        ->capture_default_str()
        ->check(CLI::Range(1e-9, 1.0));
    cmd->add_option("--seed", calibrate.seed, "Master seed")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber &
                CLI::Range(std::uint64_t{0}, std::uint64_t{9'000'000'000'000'000}));
    cmd->add_option("--threads", calibrate.threads, "Worker threads (default: all cores)")
        ->check(threads_range());
    cmd->add_option("-o,--output", calibrate.output, "Also write the tables to this HDF5 file");
    cmd->add_flag("--force", calibrate.force, "Overwrite an existing output file");
    cmd->add_flag("-q,--quiet", calibrate.quiet, "No progress bar or messages");
    return cmd;
}

CLI::App* add_compare(CLI::App& app, CompareCommandOptions& compare) {
    auto* compare_cmd = app.add_subcommand(
        "compare", "Run two scenarios with paired seeds and report the difference they make");
    compare_cmd->add_option("baseline", compare.baseline, "Baseline scenario file (TOML)")
        ->required();
    compare_cmd->add_option("variant", compare.variant,
                            "Variant scenario file (default: the baseline with --set changes)");
    compare_cmd
        ->add_option("--set", compare.variant_overrides,
                     "Change the variant: a parameter by its dotted name, key=value")
        ->type_name("KEY=VALUE")
        ->allow_extra_args(false);
    compare_cmd
        ->add_option("--set-baseline", compare.baseline_overrides, "Change the baseline: key=value")
        ->type_name("KEY=VALUE")
        ->allow_extra_args(false);
    compare_cmd->add_option("--seed", compare.seed, "Master seed of both (overrides run.seed)")
        ->check(CLI::NonNegativeNumber &
                CLI::Range(std::uint64_t{0}, std::uint64_t{9'000'000'000'000'000}));
    compare_cmd
        ->add_option("--replicates", compare.replicates,
                     "Paired replicates (overrides run.replicates)")
        ->check(CLI::Range(std::int64_t{2}, std::int64_t{10'000'000}));
    compare_cmd->add_flag("--uncertainty", compare.uncertainty,
                          "Draw the model constants not set explicitly from their plausible "
                          "ranges, one model per replicate, the same in both scenarios");
    compare_cmd->add_option("--threads", compare.threads, "Worker threads (default: all cores)")
        ->check(threads_range());
    compare_cmd->add_option("-o,--output", compare.output,
                            "Also write the comparison, month by month, to this HDF5 file");
    compare_cmd->add_flag("--force", compare.force, "Overwrite an existing output file");
    compare_cmd->add_flag("-q,--quiet", compare.quiet, "No progress bar or messages");
    return compare_cmd;
}

CLI::App* add_discover(CLI::App& app, DiscoverCommandOptions& discover) {
    auto* discover_cmd = app.add_subcommand(
        "discover", "Find the set-up choices under which success is likely (PRIM boxes)");
    discover_cmd->add_option("results", discover.results, "Results file of a sweep (HDF5)")
        ->required();
    discover_cmd
        ->add_option("--success", discover.success,
                     "Condition on measures, e.g. \"candour > 0.8 and tokenism < 0.2\"")
        ->required();
    discover_cmd->add_option("--parameters", discover.parameters,
                             "Parameters a box may restrict (default: all varied)");
    discover_cmd->add_option("--month", discover.month, "Judge success at this month")
        ->check(CLI::PositiveNumber);
    discover_cmd
        ->add_option("--threshold", discover.threshold,
                     "Share of successes a box must reach (density)")
        ->check(CLI::Range(0.0, 1.0));
    discover_cmd->add_option("--peel-alpha", discover.peel_alpha, "Share peeled per step")
        ->check(CLI::Range(0.001, 0.5));
    discover_cmd->add_option("--min-mass", discover.min_mass, "Smallest box, as a share of runs")
        ->check(CLI::Range(0.001, 1.0));
    discover_cmd->add_option("--max-boxes", discover.max_boxes, "Boxes to find, at most")
        ->check(CLI::Range(1, 20));
    discover_cmd->add_flag("--recompute", discover.recompute,
                           "Compute again even if the analysis file has these results");
    discover_cmd->add_flag("-q,--quiet", discover.quiet, "No messages on stderr");
    return discover_cmd;
}

CLI::App* add_report(CLI::App& app, ReportCommandOptions& report) {
    auto* report_cmd = app.add_subcommand(
        "report", "Write an HTML page with figures and the key findings in plain words");
    report_cmd->add_option("results", report.results, "Results file (HDF5)")->required();
    report_cmd->add_option("-o,--output", report.folder, "Folder for index.html and the figures")
        ->required();
    report_cmd->add_option("--success", report.success,
                           "Also find where this condition on measures is likely (PRIM)");
    report_cmd
        ->add_option("--interaction", report.interaction,
                     "Also show whether the effect of A depends on B: A,B")
        ->delimiter(',')
        ->expected(2);
    report_cmd->add_option("--comparison", report.comparison,
                           "Also show a comparison written by `compare -o`");
    report_cmd->add_flag("--force", report.force, "Overwrite an existing report");
    return report_cmd;
}

CLI::App* add_export(CLI::App& app, ExportCommandOptions& export_options) {
    auto* export_cmd =
        app.add_subcommand("export", "Write a results file (and its analyses) as CSV files");
    export_cmd->add_option("results", export_options.results, "Results file (HDF5)")->required();
    export_cmd->add_option("--csv", export_options.folder, "Folder for the CSV files")->required();
    export_cmd->add_flag("--timeseries", export_options.timeseries,
                         "Also every run's every month (large for big sweeps)");
    export_cmd->add_flag("--force", export_options.force, "Overwrite existing CSV files");
    return export_cmd;
}

CLI::App* add_analyze(CLI::App& app, AnalyzeCommandOptions& analyze) {
    auto* analyze_cmd = app.add_subcommand(
        "analyze", "Effects of a sweep's parameters, their interaction, and sensitivity indices");
    analyze_cmd->add_option("results", analyze.results, "Results file of a sweep (HDF5)")
        ->required();
    analyze_cmd->add_option("--measures", analyze.measures, "Measures to analyse (default: all)");
    analyze_cmd
        ->add_option("--interaction", analyze.interaction,
                     "Does the effect of A depend on B? Two varied parameters: A,B")
        ->delimiter(',')
        ->expected(2);
    analyze_cmd->add_option("--month", analyze.month, "Analyse this month (default: the last)")
        ->check(CLI::PositiveNumber);
    analyze_cmd
        ->add_option("--resamples", analyze.resamples, "Bootstrap resamples for the intervals")
        ->check(CLI::Range(100, 100000));
    analyze_cmd->add_option("--bootstrap-seed", analyze.bootstrap_seed,
                            "Seed of the bootstrap resampling");
    analyze_cmd
        ->add_option("--bins", analyze.bins,
                     "Bins for a sampled parameter's main effect (quantiles)")
        ->check(CLI::Range(2, 20));
    analyze_cmd->add_flag("--levels", analyze.levels, "Also print the mean at every level");
    analyze_cmd->add_flag("--recompute", analyze.recompute,
                          "Compute again even if the analysis file has these results");
    analyze_cmd->add_flag("-q,--quiet", analyze.quiet, "No messages on stderr");
    return analyze_cmd;
}

CLI::App* add_workshop(CLI::App& app, WorkshopCommandOptions& workshop) {
    auto* cmd = app.add_subcommand(
        "workshop",
        "Serve the workshop page: run, compare and show designs to a room in a browser");
    cmd->add_option("--port", workshop.port, "Port to listen on (0: any free one)")
        ->capture_default_str()
        ->check(CLI::Range(0, 65535));
    cmd->add_option("--host", workshop.host,
                    "Address to listen on; 0.0.0.0 lets phones in the room join")
        ->capture_default_str();
    cmd->add_flag("--open", workshop.open, "Open the page in this computer's browser");
    return cmd;
}

}  // namespace

int run_command_line(int argc, char** argv, RunDistribution* distribution) {
    CLI::App app{
        "partnersim: an agent-based simulation of learning partnerships between a funder, its "
        "partner organisations and a learning facilitator."};
    app.set_version_flag("--version", std::string("partnersim ") + PARTNERSIM_VERSION);
    app.require_subcommand(1);

    RunCommandOptions run;
    run.command_line = joined(argc, argv);
    run.distribution = distribution;
    auto* run_cmd = add_run(app, run);
    ScenarioChoice check;
    auto* check_cmd = app.add_subcommand("check", "Validate a scenario and print it resolved");
    add_scenario_options(*check_cmd, check);

    ScenarioChoice plan;
    auto* plan_cmd = app.add_subcommand(
        "plan", "Show the runs a scenario or its [sweep] asks for, without running them");
    add_scenario_options(*plan_cmd, plan);

    auto* params_cmd =
        app.add_subcommand("params", "List every parameter: default, range, unit, meaning");
    bool params_constants = false;
    bool params_all = false;
    params_cmd->add_flag("--constants", params_constants,
                         "List the model constants (with plausible range and source) instead");
    params_cmd->add_flag("--all", params_all, "List the settings and the model constants");

    std::filesystem::path summary_file;
    auto* summary_cmd = app.add_subcommand("summary", "Summarise a results file");
    summary_cmd->add_option("results", summary_file, "Results file (HDF5)")->required();

    MergeCommandOptions merge;
    merge.command_line = run.command_line;
    auto* merge_cmd = add_merge(app, merge);
    CompareCommandOptions compare;
    auto* compare_cmd = add_compare(app, compare);
    DiscoverCommandOptions discover;
    auto* discover_cmd = add_discover(app, discover);
    ReportCommandOptions report;
    auto* report_cmd = add_report(app, report);
    ExportCommandOptions export_options;
    auto* export_cmd = add_export(app, export_options);
    AnalyzeCommandOptions analyze;
    auto* analyze_cmd = add_analyze(app, analyze);
    CalibrateCommandOptions calibrate;
    auto* calibrate_cmd = add_calibrate(app, calibrate);

    WorkshopCommandOptions workshop;
    auto* workshop_cmd = add_workshop(app, workshop);

    ValidateCommandOptions validate;
    auto* validate_cmd = app.add_subcommand(
        "validate", "Test every claim of the seeds at several base scenarios (claims ledger)");
    validate_cmd->add_option("--ledger", validate.ledger,
                             "Claims ledger (TOML; default: docs/claims.toml of the source tree "
                             "the program sits in)");
    validate_cmd->add_option("--bases", validate.bases,
                             "Scenario files to test every claim at (default: the ledger's)");
    validate_cmd->add_option("--replicates", validate.replicates, "Paired replicates per design")
        ->check(CLI::Range(2, 100000))
        ->capture_default_str();
    validate_cmd->add_option("--seed", validate.seed, "Master seed of every design")
        ->capture_default_str();
    validate_cmd->add_option("--threads", validate.threads, "Worker threads (default: all cores)")
        ->check(threads_range());
    validate_cmd
        ->add_option("--uncertainty", validate.uncertainty_sets,
                     "Also run the ledger under N sampled sets of model constants (each "
                     "from its plausible range) and report the share in which each "
                     "claim holds")
        ->check(CLI::Range(1, 100000));
    validate_cmd
        ->add_option("--uncertainty-replicates", validate.uncertainty_replicates,
                     "Paired replicates per design at each sampled model")
        ->check(CLI::Range(2, 100000))
        ->capture_default_str();
    validate_cmd->add_option("-o,--output", validate.output,
                             "Also write the table to this HDF5 file");
    validate_cmd->add_flag("--force", validate.force, "Overwrite an existing output file");
    validate_cmd->add_flag("-q,--quiet", validate.quiet, "No progress bar or messages");

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& success) {
        return app.exit(success);  // --help, --version
    } catch (const CLI::ParseError& error) {
        app.exit(error);
        return exit_bad_input;
    }

    if (run_cmd->parsed()) return run_command(run, std::cout, std::cerr);
    if (check_cmd->parsed()) return check_command(check, std::cout, std::cerr);
    if (plan_cmd->parsed()) return plan_command(plan, std::cout, std::cerr);
    if (params_cmd->parsed()) {
        const ParamsListing listing = params_all         ? ParamsListing::all
                                      : params_constants ? ParamsListing::constants
                                                         : ParamsListing::settings;
        return params_command(listing, std::cout);
    }
    if (summary_cmd->parsed()) return summary_command(summary_file, std::cout, std::cerr);
    if (merge_cmd->parsed()) return merge_command(merge, std::cout, std::cerr);
    if (compare_cmd->parsed()) return compare_command(compare, std::cout, std::cerr);
    if (discover_cmd->parsed()) return discover_command(discover, std::cout, std::cerr);
    if (report_cmd->parsed()) return report_command(report, std::cout, std::cerr);
    if (export_cmd->parsed()) return export_command(export_options, std::cout, std::cerr);
    if (analyze_cmd->parsed()) return analyze_command(analyze, std::cout, std::cerr);
    if (calibrate_cmd->parsed()) return calibrate_command(calibrate, std::cout, std::cerr);
    if (validate_cmd->parsed()) return validate_command(validate, std::cout, std::cerr);
    if (workshop_cmd->parsed()) return workshop_command(workshop, std::cout, std::cerr);
    return exit_bad_input;
}

}  // namespace partnersim
