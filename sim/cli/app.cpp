#include "cli/app.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fstream>
#include <iostream>

#include "app/calibrate_model.hpp"
#include "cli/command_docs.hpp"
#include "cli/commands.hpp"
#include "cli/option_checks.hpp"
#include "cli/suggestions.hpp"
#include "engine/ensemble.hpp"
#include "engine/error.hpp"

namespace partnersim {
namespace {

std::string joined(int argc, char** argv) {
    std::string line;
    for (int i = 0; i < argc; ++i) line += (i ? " " : "") + std::string(argv[i]);
    return line;
}

// --threads: 0 (all cores) up to the ensemble's cap, so a typo of a million is refused by name.
CLI::Validator threads_range() {
    return between(0, max_worker_threads());
}

// Seeds up to 9e15: every seed a results file records is exact in a double and in int64.
constexpr std::uint64_t max_seed = 9'000'000'000'000'000;

// Every -q means the same: nothing on stdout or stderr unless something goes wrong.
void add_quiet(CLI::App& command, bool& quiet) {
    command.add_flag("-q,--quiet", quiet,
                     "Print nothing on success: no progress, messages or tables (errors still "
                     "go to stderr)");
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
        ->check(between(std::uint64_t{0}, max_seed));
    command
        .add_option("--replicates", choice.replicates,
                    "Replicate runs per design point (overrides run.replicates)")
        ->check(between(std::int64_t{1}, std::int64_t{10'000'000}));
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
    add_quiet(*run_cmd, run.quiet);
    run_cmd->add_flag("--resume", run.resume,
                      "Finish an interrupted or killed run from OUTPUT.partial");
    run_cmd
        ->add_option("--shard", run.shard,
                     "Run only the K-th of N slices of the runs (K/N), for `merge`")
        ->type_name("K/N");
    run_cmd
        ->add_option("--trace", run.trace_runs,
                     "Record every partner's state each month for the first N runs")
        ->check(at_least(std::uint64_t{0}));
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
        ->check(between(std::uint64_t{1}, app::max_calibration_samples));
    cmd->add_option("--replicates", calibrate.replicates, "Runs per sample and target scenario")
        ->capture_default_str()
        ->check(between(std::int64_t{1}, app::max_calibration_replicates));
    cmd->add_option("--constants", calibrate.constants,
                    "Constants to calibrate, as shell patterns of dotted names (e.g. 'burden.*'); "
                    "default: every model constant")
        ->type_name("PATTERN");
    cmd->add_option("--only", calibrate.only,
                    "Fit only these targets (by name); default: every target of the file")
        ->type_name("TARGET");
    cmd->add_option("--accept", calibrate.accept, "Fraction of samples accepted")
        ->capture_default_str()
        ->check(between(1e-9, 1.0));
    cmd->add_option("--seed", calibrate.seed, "Master seed")
        ->capture_default_str()
        ->check(between(std::uint64_t{0}, max_seed));
    cmd->add_option("--threads", calibrate.threads, "Worker threads (default: all cores)")
        ->check(threads_range());
    cmd->add_option("-o,--output", calibrate.output, "Also write the tables to this HDF5 file");
    cmd->add_flag("--force", calibrate.force, "Overwrite an existing output file");
    add_quiet(*cmd, calibrate.quiet);
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
        ->check(between(std::uint64_t{0}, max_seed));
    compare_cmd
        ->add_option("--replicates", compare.replicates,
                     "Paired replicates (overrides run.replicates)")
        ->check(between(std::int64_t{2}, std::int64_t{10'000'000}));
    compare_cmd->add_flag("--uncertainty", compare.uncertainty,
                          "Draw the model constants not set explicitly from their plausible "
                          "ranges, one model per replicate, the same in both scenarios");
    compare_cmd->add_option("--threads", compare.threads, "Worker threads (default: all cores)")
        ->check(threads_range());
    compare_cmd->add_option("-o,--output", compare.output,
                            "Also write the comparison, month by month, to this HDF5 file");
    compare_cmd->add_flag("--force", compare.force, "Overwrite an existing output file");
    add_quiet(*compare_cmd, compare.quiet);
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
        ->check(at_least(1));
    discover_cmd
        ->add_option("--threshold", discover.threshold,
                     "Share of successes a box must reach (density)")
        ->capture_default_str()
        ->check(between(0.0, 1.0));
    discover_cmd->add_option("--peel-alpha", discover.peel_alpha, "Share peeled per step")
        ->capture_default_str()
        ->check(between(0.001, 0.5));
    discover_cmd->add_option("--min-mass", discover.min_mass, "Smallest box, as a share of runs")
        ->capture_default_str()
        ->check(between(0.001, 1.0));
    discover_cmd->add_option("--max-boxes", discover.max_boxes, "Boxes to find, at most")
        ->capture_default_str()
        ->check(between(1, 20));
    discover_cmd->add_flag("--recompute", discover.recompute,
                           "Compute again even if the analysis file has these results");
    add_quiet(*discover_cmd, discover.quiet);
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
        ->check(at_least(1));
    analyze_cmd
        ->add_option("--resamples", analyze.resamples, "Bootstrap resamples for the intervals")
        ->capture_default_str()
        ->check(between(100, 100000));
    analyze_cmd
        ->add_option("--bootstrap-seed", analyze.bootstrap_seed, "Seed of the bootstrap resampling")
        ->capture_default_str();
    analyze_cmd
        ->add_option("--bins", analyze.bins,
                     "Bins for a sampled parameter's main effect (quantiles)")
        ->capture_default_str()
        ->check(between(2, 20));
    analyze_cmd->add_flag("--levels", analyze.levels, "Also print the mean at every level");
    analyze_cmd->add_flag("--recompute", analyze.recompute,
                          "Compute again even if the analysis file has these results");
    add_quiet(*analyze_cmd, analyze.quiet);
    return analyze_cmd;
}

CLI::App* add_workshop(CLI::App& app, WorkshopCommandOptions& workshop) {
    auto* cmd = app.add_subcommand(
        "workshop",
        "Serve the workshop page: run, compare and show designs to a room in a browser");
    cmd->add_option("--port", workshop.port, "Port to listen on (0: any free one)")
        ->capture_default_str()
        ->check(between(0, 65535));
    cmd->add_option("--host", workshop.host,
                    "Address to listen on; 0.0.0.0 lets phones in the room join")
        ->capture_default_str();
    cmd->add_flag("--open", workshop.open, "Open the page in this computer's browser");
    return cmd;
}

CLI::App* add_validate(CLI::App& app, ValidateCommandOptions& validate) {
    auto* validate_cmd = app.add_subcommand(
        "validate", "Test every claim of the seeds at several base scenarios (claims ledger)");
    validate_cmd->add_option("--ledger", validate.ledger,
                             "Claims ledger (TOML; default: docs/claims.toml of the source tree "
                             "the program sits in)");
    validate_cmd->add_option("--bases", validate.bases,
                             "Scenario files to test every claim at (default: the ledger's)");
    validate_cmd->add_option("--replicates", validate.replicates, "Paired replicates per design")
        ->check(between(2, 100000))
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
        ->check(between(1, 100000));
    validate_cmd
        ->add_option("--uncertainty-replicates", validate.uncertainty_replicates,
                     "Paired replicates per design at each sampled model")
        ->check(between(2, 100000))
        ->capture_default_str();
    validate_cmd->add_option("-o,--output", validate.output,
                             "Also write the table to this HDF5 file");
    validate_cmd->add_flag("--force", validate.force, "Overwrite an existing output file");
    add_quiet(*validate_cmd, validate.quiet);
    return validate_cmd;
}

// One example per command, shown at the foot of its --help (a test parses each of them).
void add_examples(CLI::App& app) {
    const std::pair<const char*, const char*> examples[] = {
        {"run", "partnersim run scenarios/default.toml -o results.h5 --replicates 100"},
        {"check", "partnersim check scenarios/default.toml --set setup.duration=open_ended"},
        {"plan", "partnersim plan scenarios/examples/sweep_duration_budget.toml"},
        {"params", "partnersim params --constants"},
        {"summary", "partnersim summary results.h5"},
        {"merge", "partnersim merge results.h5 part-1.h5 part-2.h5"},
        {"compare", "partnersim compare scenarios/default.toml --set setup.duration=open_ended"},
        {"discover", "partnersim discover early.h5 --success \"trust_partner_facilitator > 0.7\""},
        {"report", "partnersim report early.h5 -o report"},
        {"export", "partnersim export results.h5 --csv results-csv"},
        {"analyze", "partnersim analyze early.h5 --interaction setup.join_month,setup.duration"},
        {"calibrate", "partnersim calibrate --constants 'burden.*' --samples 100"},
        {"workshop", "partnersim workshop --host 0.0.0.0 --open"},
        {"validate", "partnersim validate --replicates 50 -o claims.h5"},
        {"help", "partnersim help run"},
        {"version", "partnersim version"},
    };
    for (const auto& [command, example] : examples) {
        app.get_subcommand(command)->footer(std::string("Example:\n  ") + example);
    }
    app.footer(
        "Exit codes: 0 done, 1 a failure the input does not explain, 2 bad input, 130 "
        "interrupted.\n`partnersim help COMMAND` shows a command's options and an example.");
}

}  // namespace

struct CommandLine::Choices {
    CLI::App app{
        "partnersim: an agent-based simulation of learning partnerships between a funder, its "
        "partner organisations and a learning facilitator."};
    RunCommandOptions run;
    ScenarioChoice check;
    ScenarioChoice plan;
    bool params_constants = false;
    bool params_all = false;
    std::filesystem::path summary_file;
    MergeCommandOptions merge;
    CompareCommandOptions compare;
    DiscoverCommandOptions discover;
    ReportCommandOptions report;
    ExportCommandOptions export_options;
    AnalyzeCommandOptions analyze;
    CalibrateCommandOptions calibrate;
    WorkshopCommandOptions workshop;
    ValidateCommandOptions validate;
    std::string help_topic;
    std::string completion_shell;
    std::filesystem::path generated_file;  // `completion` and `man`: where (default: stdout)
};

CommandLine::CommandLine(RunDistribution* distribution) : choices_(std::make_unique<Choices>()) {
    Choices& c = *choices_;
    CLI::App& app = c.app;
    app.name("partnersim");  // in the usage lines, whatever path the program was started by
    app.set_version_flag("--version", std::string("partnersim ") + PARTNERSIM_VERSION);
    app.require_subcommand(1);
    app.get_formatter()->column_width(34);

    c.run.distribution = distribution;
    add_run(app, c.run);
    auto* check_cmd = app.add_subcommand("check", "Validate a scenario and print it resolved");
    add_scenario_options(*check_cmd, c.check);
    auto* plan_cmd = app.add_subcommand(
        "plan", "Show the runs a scenario or its [sweep] asks for, without running them");
    add_scenario_options(*plan_cmd, c.plan);

    auto* params_cmd =
        app.add_subcommand("params", "List every parameter: default, range, unit, meaning");
    params_cmd->add_flag("--constants", c.params_constants,
                         "List the model constants (with plausible range and source) instead");
    params_cmd->add_flag("--all", c.params_all, "List the settings and the model constants");

    auto* summary_cmd = app.add_subcommand("summary", "Summarise a results file");
    summary_cmd->add_option("results", c.summary_file, "Results file (HDF5)")->required();

    add_merge(app, c.merge);
    add_compare(app, c.compare);
    add_discover(app, c.discover);
    add_report(app, c.report);
    add_export(app, c.export_options);
    add_analyze(app, c.analyze);
    add_calibrate(app, c.calibrate);
    add_workshop(app, c.workshop);
    add_validate(app, c.validate);

    // As people type them: `partnersim help run`, `partnersim version`.
    auto* help_cmd = app.add_subcommand("help", "Show the commands, or one command's options");
    help_cmd->add_option("command", c.help_topic, "The command to explain");
    app.add_subcommand("version", "Print the version");

    // Hidden (no group): the build makes the man page and the bash completion with these.
    auto* completion_cmd =
        app.add_subcommand("completion", "Write the shell completion script")->group("");
    completion_cmd->add_option("shell", c.completion_shell, "Shell")
        ->required()
        ->check(CLI::IsMember({"bash"}));
    completion_cmd->add_option("-o,--output", c.generated_file, "File to write");
    auto* man_cmd = app.add_subcommand("man", "Write the man page (roff)")->group("");
    man_cmd->add_option("-o,--output", c.generated_file, "File to write");

    add_examples(app);
}

CommandLine::~CommandLine() = default;

const CLI::App& CommandLine::definition() const {
    return choices_->app;
}

namespace {

// Where a command prints its result: nowhere with --quiet (errors still reach stderr).
std::ostream& result_stream(bool quiet) {
    static std::ostream nowhere(nullptr);
    return quiet ? nowhere : std::cout;
}

int write_generated(const std::string& text, const std::filesystem::path& file) {
    return guarded(std::cerr, [&] {
        if (file.empty()) {
            std::cout << text;
            return exit_ok;
        }
        std::ofstream out(file);
        out << text;
        out.close();
        if (!out) throw RuntimeFailure("cannot write " + file.string());
        return exit_ok;
    });
}

// CLI11 ends a sub-command's help with its footer and no newline.
int print_help(const std::string& text) {
    std::cout << text << (text.empty() || text.back() != '\n' ? "\n" : "");
    return exit_ok;
}

int parse_error(const std::string& message) {
    std::cerr << "error: " << message << "\nRun with --help for more information.\n";
    return exit_bad_input;
}

}  // namespace

int CommandLine::run(int argc, char** argv) {
    Choices& c = *choices_;
    CLI::App& app = c.app;
    c.run.command_line = joined(argc, argv);
    c.merge.command_line = c.run.command_line;

    const std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
    if (auto unknown = unknown_word(app, args)) return parse_error(*unknown);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        return print_help(app.help());  // of the command named, not only the top level
    } catch (const CLI::Success& success) {
        return app.exit(success);  // --version
    } catch (const CLI::ParseError& error) {
        return parse_error(worded(error));
    }

    const auto parsed = [&](const char* name) { return app.get_subcommand(name)->parsed(); };
    if (parsed("run")) return run_command(c.run, result_stream(c.run.quiet), std::cerr);
    if (parsed("check")) return check_command(c.check, std::cout, std::cerr);
    if (parsed("plan")) return plan_command(c.plan, std::cout, std::cerr);
    if (parsed("params")) {
        const ParamsListing listing = c.params_all         ? ParamsListing::all
                                      : c.params_constants ? ParamsListing::constants
                                                           : ParamsListing::settings;
        return params_command(listing, std::cout);
    }
    if (parsed("summary")) return summary_command(c.summary_file, std::cout, std::cerr);
    if (parsed("merge")) return merge_command(c.merge, std::cout, std::cerr);
    if (parsed("compare")) {
        return compare_command(c.compare, result_stream(c.compare.quiet), std::cerr);
    }
    if (parsed("discover")) {
        return discover_command(c.discover, result_stream(c.discover.quiet), std::cerr);
    }
    if (parsed("report")) return report_command(c.report, std::cout, std::cerr);
    if (parsed("export")) return export_command(c.export_options, std::cout, std::cerr);
    if (parsed("analyze")) {
        return analyze_command(c.analyze, result_stream(c.analyze.quiet), std::cerr);
    }
    if (parsed("calibrate")) {
        return calibrate_command(c.calibrate, result_stream(c.calibrate.quiet), std::cerr);
    }
    if (parsed("validate")) {
        return validate_command(c.validate, result_stream(c.validate.quiet), std::cerr);
    }
    if (parsed("workshop")) return workshop_command(c.workshop, std::cout, std::cerr);
    if (parsed("help")) {
        if (c.help_topic.empty()) {  // the top level's help, not that of `help` itself
            return print_help(
                app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal));
        }
        const auto found =
            app.get_subcommands([&](const CLI::App* sub) { return sub->check_name(c.help_topic); });
        if (found.empty()) {
            std::vector<std::string> names;
            for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
            const auto near = nearest_name(c.help_topic, names);
            return parse_error("no command '" + c.help_topic + "'" +
                               (near ? "; did you mean '" + *near + "'?" : ""));
        }
        return print_help(found.front()->help(app.get_name()));
    }
    if (parsed("version")) {
        std::cout << app.version() << '\n';
        return exit_ok;
    }
    if (parsed("completion")) return write_generated(bash_completion(app), c.generated_file);
    if (parsed("man")) return write_generated(man_page(app), c.generated_file);
    return exit_bad_input;
}

int run_command_line(int argc, char** argv, RunDistribution* distribution) {
    CommandLine command_line(distribution);
    return command_line.run(argc, argv);
}

}  // namespace partnersim
