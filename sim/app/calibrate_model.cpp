#include "app/calibrate_model.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <sstream>

#include "analysis/statistics.hpp"
#include "app/bundled_files.hpp"
#include "app/input_checked.hpp"
#include "app/scenario_request.hpp"
#include "engine/ensemble.hpp"
#include "engine/experiment_design.hpp"
#include "engine/random_streams.hpp"
#include "engine/sampling.hpp"
#include "io/analysis_file.hpp"
#include "io/calibration_layout.hpp"
#include "io/calibration_targets.hpp"
#include "io/output_file.hpp"
#include "model/parameters.hpp"

namespace partnersim::app {
namespace {

namespace names = layout::calibration;
using analysis::AnalysisTable;
using analysis::TargetBand;

// One base scenario with its overrides, shared by the targets that name it, run once per
// sample and replicate.
struct TargetScenario {
    std::string label;
    Scenario scenario;
    std::vector<std::size_t> targets;  // indices into the targets file
};

struct Problem {
    CalibrationTargets file;
    std::vector<const ParameterSpec*> constants;
    std::vector<TargetScenario> scenarios;
    std::vector<std::size_t> scenario_of_target;
    std::vector<TargetBand> bands;
};

std::string scenario_label(const CalibrationTarget& t) {
    std::string label = t.scenario.lexically_normal().string();
    for (const auto& o : t.overrides) label += " --set " + o;
    return label;
}

Scenario base_scenario(const CalibrationTargets& file, const CalibrationTarget& t,
                       std::size_t index) {
    ScenarioRequest request{t.scenario, {}, std::nullopt, std::nullopt};
    ExperimentFile experiment = resolve_experiment(request);  // its own errors, located
    if (experiment.sweep) {
        throw ScenarioError(file.file, t.line, "target." + std::to_string(index + 1) + ".scenario",
                            t.scenario.string() + " has a [sweep]; a target needs one scenario");
    }
    for (const auto& assignment : t.overrides) {
        try {
            apply_override(experiment.base, assignment);
        } catch (const ScenarioError& error) {
            throw ScenarioError(file.file, t.line, "target." + std::to_string(index + 1) + ".set",
                                error.message());
        }
    }
    require_consistent(experiment.base, file.file);
    return experiment.base;
}

std::vector<const ParameterSpec*> chosen_constants(const std::vector<std::string>& patterns) {
    std::vector<const ParameterSpec*> chosen;
    std::vector<bool> used(patterns.size(), false);
    for (const ParameterSpec& spec : parameter_registry()) {
        if (!spec.is_model_constant() || !(spec.plausible_max > spec.plausible_min)) continue;
        bool match = patterns.empty();
        for (std::size_t p = 0; p < patterns.size(); ++p) {
            if (fnmatch(patterns[p].c_str(), spec.name.c_str(), 0) == 0) {
                match = true;
                used[p] = true;
            }
        }
        if (match) chosen.push_back(&spec);
    }
    for (std::size_t p = 0; p < patterns.size(); ++p) {
        if (!used[p]) {
            throw InputError("--constants '" + patterns[p] +
                             "' names no model constant with a plausible range; `partnersim "
                             "params --constants` lists them");
        }
    }
    return chosen;
}

void check_sizes(const CalibrateRequest& request, const Problem& problem) {
    if (request.samples < 1 || request.samples > max_calibration_samples) {
        throw InputError("--samples must be between 1 and " +
                         std::to_string(max_calibration_samples));
    }
    if (request.replicates < 1 || request.replicates > max_calibration_replicates) {
        throw InputError("--replicates must be between 1 and " +
                         std::to_string(max_calibration_replicates));
    }
    if (!(request.accept > 0.0 && request.accept <= 1.0)) {
        throw InputError("--accept must be a fraction in (0, 1]");
    }
    const std::uint64_t width = problem.constants.size() + problem.bands.size() + 3;
    if ((request.samples + 1) > max_calibration_values / width) {
        throw InputError("--samples " + std::to_string(request.samples) + " with " +
                         std::to_string(problem.constants.size()) +
                         " constants would keep more than " +
                         std::to_string(max_calibration_values) + " values in memory");
    }
    const auto per_sample =
        static_cast<std::uint64_t>(request.replicates) * problem.scenarios.size();
    if ((request.samples + 1) > max_design_runs / per_sample) {
        throw InputError("the calibration would make more than " + std::to_string(max_design_runs) +
                         " runs");
    }
}

// Keeps the targets named in `only` (all if empty), in file order.
void select_targets(CalibrationTargets& file, const std::vector<std::string>& only) {
    if (only.empty()) return;
    for (const auto& name : only) {
        const bool known = std::any_of(file.targets.begin(), file.targets.end(),
                                       [&](const CalibrationTarget& t) { return t.name == name; });
        if (!known) {
            std::string names;
            for (const auto& t : file.targets) names += (names.empty() ? "" : ", ") + t.name;
            throw InputError("--only '" + name + "': no such target in " + file.file + " (it has " +
                             names + ")");
        }
    }
    std::erase_if(file.targets, [&](const CalibrationTarget& t) {
        return std::find(only.begin(), only.end(), t.name) == only.end();
    });
}

Problem read_problem(const CalibrateRequest& request) {
    Problem problem;
    problem.file = load_calibration_targets(request.targets);
    select_targets(problem.file, request.only);
    std::map<std::string, std::size_t> scenario_index;
    for (std::size_t t = 0; t < problem.file.targets.size(); ++t) {
        CalibrationTarget& target = problem.file.targets[t];
        const std::string label = scenario_label(target);
        auto [it, fresh] = scenario_index.emplace(label, problem.scenarios.size());
        if (fresh) {
            problem.scenarios.push_back({label, base_scenario(problem.file, target, t), {}});
        }
        TargetScenario& group = problem.scenarios[it->second];
        const int months = group.scenario.run.months;
        if (target.last_month == 0) target.first_month = target.last_month = months;
        if (target.last_month > months) {
            throw ScenarioError(
                problem.file.file, target.line, "target." + std::to_string(t + 1) + ".months",
                "month " + std::to_string(target.last_month) + " is past the scenario's " +
                    std::to_string(months) + " months");
        }
        group.targets.push_back(t);
        problem.scenario_of_target.push_back(it->second);
        problem.bands.push_back({target.low, target.high, target.tolerance});
    }
    for (TargetScenario& group : problem.scenarios) {
        // Months past the last one a target reads change nothing before it; one more month is
        // run so that the final judgement of an unfinished partnership (run.cpp) stays after it.
        int needed = 0;
        for (const std::size_t t : group.targets) {
            needed = std::max(needed, problem.file.targets[t].last_month);
        }
        group.scenario.run.months = std::min(group.scenario.run.months, needed + 1);
    }
    problem.constants = chosen_constants(request.constants);
    return problem;
}

// The constants of sample p (the default point, p == samples, keeps each scenario's own).
class PriorSamples {
public:
    PriorSamples(const Problem& problem, const CalibrateRequest& request)
        : constants_(problem.constants),
          unit_(latin_hypercube(request.samples, problem.constants.size(),
                                mix64(request.seed ^ 0xca11b7a7e5ULL))) {
        values_.resize(unit_.size());
        for (std::size_t p = 0; p < unit_.size(); ++p) {
            for (std::size_t c = 0; c < constants_.size(); ++c) {
                values_[p].push_back(value_of(c, unit_[p][c]));
            }
        }
    }
    std::size_t samples() const { return values_.size(); }
    const std::vector<double>& values(std::size_t p) const { return values_[p]; }
    void apply(Scenario& scenario, std::size_t p) const {
        if (p >= values_.size()) return;
        for (std::size_t c = 0; c < constants_.size(); ++c) {
            const ParameterSpec& spec = *constants_[c];
            if (spec.kind == ParameterKind::integer) {
                spec.set(scenario, static_cast<std::int64_t>(values_[p][c]));
            } else {
                spec.set(scenario, values_[p][c]);
            }
        }
    }

private:
    double value_of(std::size_t c, double u) const {
        const ParameterSpec& spec = *constants_[c];
        const double v = spec.plausible_min + u * (spec.plausible_max - spec.plausible_min);
        return spec.kind == ParameterKind::integer ? std::round(v) : v;
    }
    std::vector<const ParameterSpec*> constants_;
    SampleMatrix unit_;
    std::vector<std::vector<double>> values_;
};

// Sums each target's statistic over replicates, per point, in run order.
class StatisticsWriter final : public ResultWriter {
public:
    StatisticsWriter(const Problem& problem, std::size_t points, std::uint64_t replicates)
        : problem_(problem),
          replicates_(replicates),
          sum_(points, std::vector<double>(problem.bands.size(), 0.0)),
          squares_(points, std::vector<double>(problem.bands.size(), 0.0)) {}

    void write(const RunResult& result) override {
        const std::uint64_t cell = result.id.run_index / replicates_;
        const std::size_t point = cell / problem_.scenarios.size();
        const std::size_t group = cell % problem_.scenarios.size();
        for (const std::size_t t : problem_.scenarios[group].targets) {
            const CalibrationTarget& target = problem_.file.targets[t];
            double total = 0.0;
            for (int m = target.first_month; m <= target.last_month; ++m) {
                total += result.at(target.measure, m - 1);
            }
            const double value = total / (target.last_month - target.first_month + 1);
            sum_[point][t] += value;
            squares_[point][t] += value * value;
        }
    }
    void flush() override {}

    double mean(std::size_t point, std::size_t t) const {
        return sum_[point][t] / static_cast<double>(replicates_);
    }
    double standard_error(std::size_t point, std::size_t t) const {
        const auto n = static_cast<double>(replicates_);
        if (n < 2) return 0.0;
        const double m = mean(point, t);
        const double variance = std::max(0.0, (squares_[point][t] - n * m * m) / (n - 1.0));
        return std::sqrt(variance / n);
    }

private:
    const Problem& problem_;
    std::uint64_t replicates_;
    std::vector<std::vector<double>> sum_;
    std::vector<std::vector<double>> squares_;
};

void simulate(const Problem& problem, const PriorSamples& prior, const CalibrateRequest& request,
              StatisticsWriter& writer) {
    const std::size_t points = prior.samples() + 1;  // the prior samples and the defaults
    const auto replicates = static_cast<std::uint64_t>(request.replicates);
    const std::uint64_t groups = problem.scenarios.size();
    const std::uint64_t total = points * groups * replicates;
    const RunSource source = [&](std::uint64_t index) {
        const std::uint64_t cell = index / replicates;
        const std::uint64_t replicate = index % replicates;
        const std::uint64_t group = cell % groups;
        RunSpec spec{problem.scenarios[group].scenario, {}};
        prior.apply(spec.scenario, cell / groups);
        spec.id.run_index = index;
        spec.id.design_point = cell;
        spec.id.replicate = replicate;
        spec.id.stream_seed = stream_seed(request.seed, group, replicate);
        return spec;
    };
    EnsembleOptions options;
    options.threads = request.threads;
    options.stop = request.stop;
    if (request.observer != nullptr) {
        options.on_progress = [&](std::uint64_t done, std::uint64_t all) {
            request.observer->progress(done, all);
        };
    }
    const EnsembleReport report = run_ensemble(source, 0, total, writer, options);
    if (request.observer != nullptr) request.observer->finished();
    if (report.stopped) throw Interrupted("nothing was written");
}

std::string months_text(const CalibrationTarget& t) {
    if (t.first_month == t.last_month) return "month " + std::to_string(t.last_month);
    return "months " + std::to_string(t.first_month) + "-" + std::to_string(t.last_month);
}

CalibrationOutcome summarise(const Problem& problem, const PriorSamples& prior,
                             const StatisticsWriter& stats, const CalibrateRequest& request,
                             std::vector<double>& distances, std::vector<std::size_t>& accepted) {
    const std::size_t samples = prior.samples();
    const std::size_t targets = problem.bands.size();
    auto statistics_of = [&](std::size_t point) {
        std::vector<double> values(targets);
        for (std::size_t t = 0; t < targets; ++t) values[t] = stats.mean(point, t);
        return values;
    };
    distances.resize(samples);
    for (std::size_t p = 0; p < samples; ++p) {
        distances[p] = analysis::abc_distance(statistics_of(p), problem.bands);
    }
    accepted = analysis::accept_nearest(distances, request.accept);

    CalibrationOutcome out;
    out.targets_file = request.targets.string();
    out.samples = samples;
    out.accepted = accepted.size();
    out.replicates = request.replicates;
    out.runs =
        (samples + 1) * problem.scenarios.size() * static_cast<std::uint64_t>(request.replicates);
    out.threshold = analysis::acceptance_threshold(distances, accepted);
    out.default_distance = analysis::abc_distance(statistics_of(samples), problem.bands);
    const Scenario& first = problem.scenarios.front().scenario;
    for (std::size_t c = 0; c < problem.constants.size(); ++c) {
        const ParameterSpec& spec = *problem.constants[c];
        std::vector<double> kept;
        for (const std::size_t p : accepted) kept.push_back(prior.values(p)[c]);
        const ParameterValue value = spec.get(first);
        const double default_value = std::holds_alternative<double>(value)
                                         ? std::get<double>(value)
                                         : static_cast<double>(std::get<std::int64_t>(value));
        out.constants.push_back(
            {spec.name, spec.unit, default_value,
             analysis::posterior_range(kept, spec.plausible_min, spec.plausible_max)});
    }
    for (std::size_t t = 0; t < targets; ++t) {
        const CalibrationTarget& target = problem.file.targets[t];
        TargetFit fit;
        fit.name = target.name;
        fit.measure = std::string(measure_table()[static_cast<std::size_t>(target.measure)].name);
        fit.scenario = problem.scenarios[problem.scenario_of_target[t]].label;
        fit.months = months_text(target);
        fit.source = target.source;
        fit.band = problem.bands[t];
        fit.default_value = stats.mean(samples, t);
        fit.default_se = stats.standard_error(samples, t);
        fit.default_deviation = analysis::target_deviation(fit.default_value, fit.band);
        std::vector<double> kept, deviations;
        for (const std::size_t p : accepted) {
            kept.push_back(stats.mean(p, t));
            deviations.push_back(analysis::target_deviation(kept.back(), fit.band));
        }
        fit.accepted_low = analysis::quantile(kept, 0.05);
        fit.accepted_median = analysis::quantile(kept, 0.5);
        fit.accepted_high = analysis::quantile(kept, 0.95);
        fit.accepted_deviation = analysis::quantile(deviations, 0.5);
        out.targets.push_back(fit);
    }
    out.best_sample = accepted.front();
    for (const std::size_t p : accepted) {
        if (distances[p] < distances[out.best_sample]) out.best_sample = p;
    }
    out.best_distance = distances[out.best_sample];
    out.best_values = prior.values(out.best_sample);
    return out;
}

std::vector<AnalysisTable> calibration_tables(const CalibrationOutcome& out, const Problem& problem,
                                              const PriorSamples& prior,
                                              const StatisticsWriter& stats,
                                              const std::vector<double>& distances,
                                              const std::vector<std::size_t>& accepted) {
    auto s = [](std::string_view v) { return std::string(v); };
    AnalysisTable constants(
        s(names::constants_table),
        "Each calibrated model constant: its default, its uniform prior (the plausible range), "
        "the 5%, 50% and 95% quantiles and extremes of the accepted samples, and the width of "
        "their central 90% over the prior's (near 1: the targets say nothing about it)",
        {s(names::constant)},
        {s(names::default_value), s(names::prior_low), s(names::prior_high),
         s(names::posterior_low), s(names::posterior_median), s(names::posterior_high),
         s(names::posterior_min), s(names::posterior_max), s(names::width_ratio)});
    for (const auto& c : out.constants) {
        const auto& r = c.range;
        constants.add_row({c.name}, {c.default_value, r.prior_low, r.prior_high, r.low, r.median,
                                     r.high, r.min, r.max, r.width_ratio});
    }
    AnalysisTable targets(
        s(names::targets_table),
        "Each calibration target: its value or range and tolerance, the default constants' "
        "statistic (mean over replicates), its standard error and deviation in tolerances, and "
        "the statistic's 5%, 50% and 95% quantiles and median deviation over accepted samples",
        {s(names::target), s(names::measure), s(names::scenario), s(names::source)},
        {s(names::target_low), s(names::target_high), s(names::tolerance),
         s(names::default_statistic), s(names::default_standard_error), s(names::default_deviation),
         s(names::accepted_low), s(names::accepted_median), s(names::accepted_high),
         s(names::accepted_deviation)});
    for (const auto& t : out.targets) {
        targets.add_row({t.name, t.measure, t.scenario + " (" + t.months + ")", t.source},
                        {t.band.low, t.band.high, t.band.tolerance, t.default_value, t.default_se,
                         t.default_deviation, t.accepted_low, t.accepted_median, t.accepted_high,
                         t.accepted_deviation});
    }
    std::vector<std::string> columns{s(names::sample), s(names::distance), s(names::accepted)};
    for (const auto* spec : problem.constants) columns.push_back(spec->name);
    for (const auto& t : problem.file.targets) columns.push_back(names::statistic_column(t.name));
    AnalysisTable samples(s(names::samples_table),
                          "Every prior sample: its index, distance from the targets (root mean "
                          "square of deviations in tolerances), 1 if accepted, its constants and "
                          "its statistics",
                          {}, columns);
    std::vector<bool> kept(prior.samples(), false);
    for (const std::size_t p : accepted) kept[p] = true;
    for (std::size_t p = 0; p < prior.samples(); ++p) {
        std::vector<double> row{static_cast<double>(p), distances[p], kept[p] ? 1.0 : 0.0};
        for (const double v : prior.values(p)) row.push_back(v);
        for (std::size_t t = 0; t < problem.bands.size(); ++t) row.push_back(stats.mean(p, t));
        samples.add_row({}, row);
    }
    return {constants, targets, samples};
}

std::string request_key(const CalibrateRequest& request) {
    std::ostringstream key;
    key << "targets: " << request.targets.string() << "; samples " << request.samples
        << "; replicates " << request.replicates << "; accept " << request.accept << "; seed "
        << request.seed << "; targets";
    if (request.only.empty()) key << " all";
    for (const auto& t : request.only) key << ' ' << t;
    key << "; constants";
    if (request.constants.empty()) key << " all";
    for (const auto& c : request.constants) key << ' ' << c;
    return key.str();
}

}  // namespace

CalibrationOutcome calibrate_model(const CalibrateRequest& request) {
    if (request.targets.empty()) {  // the targets that come with the program
        CalibrateRequest bundled = request;
        bundled.targets =
            bundled_file(program_path(), "docs/calibration/targets.toml", "--targets");
        return calibrate_model(bundled);
    }
    const Problem problem = read_problem(request);
    check_sizes(request, problem);
    if (!request.output.empty()) {  // fail before running anything
        const auto folder = std::filesystem::absolute(request.output).parent_path();
        if (!std::filesystem::is_directory(folder)) {
            throw InputError("cannot write " + request.output.string() + ": directory " +
                             folder.string() + " does not exist");
        }
        const OutputFile check(request.output, request.force, ExistingPartial::refuse);
    }
    const PriorSamples prior(problem, request);
    StatisticsWriter stats(problem, prior.samples() + 1,
                           static_cast<std::uint64_t>(request.replicates));
    simulate(problem, prior, request, stats);
    std::vector<double> distances;
    std::vector<std::size_t> accepted;
    CalibrationOutcome outcome = summarise(problem, prior, stats, request, distances, accepted);
    if (!request.output.empty()) {
        OutputFile output(request.output, request.force, ExistingPartial::refuse);
        std::filesystem::remove(output.partial_path());
        std::vector<analysis::StoredTable> stored;
        const std::string key = request_key(request);
        for (auto& table : calibration_tables(outcome, problem, prior, stats, distances, accepted))
            stored.push_back({std::move(table), key});
        analysis::store_tables(output.partial_path(), stored);
        output.commit();
        outcome.saved = request.output;
    }
    return outcome;
}

}  // namespace partnersim::app
