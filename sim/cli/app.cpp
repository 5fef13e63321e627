#include "cli/app.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.hpp"

namespace partnersim {
namespace {

std::string joined(int argc, char** argv) {
    std::string line;
    for (int i = 0; i < argc; ++i) line += (i ? " " : "") + std::string(argv[i]);
    return line;
}

void add_scenario_options(CLI::App& command, ScenarioChoice& choice) {
    command.add_option("scenario", choice.file, "Scenario file (TOML)")->required();
    command.add_option("--set", choice.overrides,
                       "Override a parameter by its dotted name, e.g. setup.duration=open_ended")
        ->type_name("KEY=VALUE")
        ->allow_extra_args(false);
    // Ranges as in the registry, so a bad value is reported against the option typed.
    command.add_option("--seed", choice.seed, "Master seed (overrides run.seed)")
        ->check(CLI::NonNegativeNumber &
                CLI::Range(std::uint64_t{0}, std::uint64_t{9'000'000'000'000'000}));
    command.add_option("--replicates", choice.replicates,
                       "Replicate runs per design point (overrides run.replicates)")
        ->check(CLI::Range(std::int64_t{1}, std::int64_t{10'000'000}));
}

}  // namespace

int run_command_line(int argc, char** argv) {
    CLI::App app{
        "partnersim: an agent-based simulation of learning partnerships between a funder, its "
        "partner organisations and a learning facilitator."};
    app.set_version_flag("--version", std::string("partnersim ") + PARTNERSIM_VERSION);
    app.require_subcommand(1);

    RunCommandOptions run;
    run.command_line = joined(argc, argv);
    auto* run_cmd = app.add_subcommand("run", "Run a scenario's replicates and write HDF5 results");
    add_scenario_options(*run_cmd, run.scenario);
    run_cmd->add_option("-o,--output", run.output, "Results file (HDF5)")->required();
    run_cmd->add_option("--threads", run.threads, "Worker threads (default: all cores)")
        ->check(CLI::NonNegativeNumber);
    run_cmd->add_flag("--force", run.force, "Overwrite an existing results file");
    run_cmd->add_flag("-q,--quiet", run.quiet, "No progress bar or messages");
    run_cmd->add_flag("--resume", run.resume,
                      "Finish an interrupted or killed run from OUTPUT.partial");
    run_cmd->add_option("--shard", run.shard,
                        "Run only the K-th of N slices of the runs (K/N), for `merge`")
        ->type_name("K/N");
    run_cmd->add_option("--trace", run.trace_runs,
                        "Record every partner's state each month for the first N runs")
        ->check(CLI::NonNegativeNumber);

    ScenarioChoice check;
    auto* check_cmd = app.add_subcommand("check", "Validate a scenario and print it resolved");
    add_scenario_options(*check_cmd, check);

    ScenarioChoice plan;
    auto* plan_cmd = app.add_subcommand(
        "plan", "Show the runs a scenario or its [sweep] asks for, without running them");
    add_scenario_options(*plan_cmd, plan);

    auto* params_cmd =
        app.add_subcommand("params", "List every parameter: default, range, unit, meaning");

    std::filesystem::path summary_file;
    auto* summary_cmd = app.add_subcommand("summary", "Summarise a results file");
    summary_cmd->add_option("results", summary_file, "Results file (HDF5)")->required();

    MergeCommandOptions merge;
    merge.command_line = run.command_line;
    auto* merge_cmd = app.add_subcommand(
        "merge", "Join the files of `run --shard K/N` into one results file");
    merge_cmd->add_option("output", merge.output, "Merged results file (HDF5)")->required();
    merge_cmd->add_option("shards", merge.inputs, "Shard files, in any order")->required();
    merge_cmd->add_flag("--force", merge.force, "Overwrite an existing results file");

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
    if (params_cmd->parsed()) return params_command(std::cout);
    if (summary_cmd->parsed()) return summary_command(summary_file, std::cout, std::cerr);
    if (merge_cmd->parsed()) return merge_command(merge, std::cout, std::cerr);
    return exit_bad_input;
}

}  // namespace partnersim
