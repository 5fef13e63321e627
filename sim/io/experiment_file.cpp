#include "io/experiment_file.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <sstream>
#include <toml.hpp>
#include <utility>
#include <vector>

#include "engine/sweep_rules.hpp"
#include "io/toml_values.hpp"
#include "model/parameters.hpp"

namespace partnersim {
namespace {

// More levels than this buy nothing for screening and hint at a mistaken value.
constexpr std::int64_t max_morris_levels = 1000;

// The keys a [sweep] section may hold.
constexpr std::array<std::string_view, 6> sweep_keys{
    "method", "samples", "levels", "common_random_numbers", "grid", "ranges"};

// A parameter named in [sweep.grid] or [sweep.ranges], flattened from a quoted dotted key or
// nested tables.
struct Leaf {
    std::string name;          // dotted parameter name, e.g. "setup.duration"
    std::string key;           // for errors: "sweep.grid.setup.duration"
    const toml::value* value;  // the list of levels, or [low, high]
    int line;
};

// Where each factor was written, for errors that involve the base scenario (after --set).
struct Place {
    std::string parameter;
    std::string key;
    int line;
};

struct SweepDraft {
    SweepSpec spec;
    int line = 0;               // of [sweep]
    std::vector<Place> places;  // grid factors, then ranges, as in the spec
};

void flatten(const toml::value& table, const std::string& prefix, const std::string& key_prefix,
             std::vector<Leaf>& leaves) {
    for (const auto& [key, value] : table.as_table()) {
        const std::string name = prefix.empty() ? key : prefix + "." + key;
        // A table under a parameter's own name is a mistaken value, not more names.
        if (value.is_table() && find_parameter(name) == nullptr) {
            flatten(value, name, key_prefix, leaves);
        } else {
            leaves.push_back({name, key_prefix + name, &value, line_of(value)});
        }
    }
}

// The parameters of [sweep.grid] or [sweep.ranges] in file order (the order of the factors).
std::vector<Leaf> leaves_of(const toml::value& table, const std::string& key_prefix) {
    std::vector<Leaf> leaves;
    flatten(table, "", key_prefix, leaves);
    std::sort(leaves.begin(), leaves.end(), [](const Leaf& a, const Leaf& b) {
        return std::pair(a.line, a.name) < std::pair(b.line, b.name);
    });
    return leaves;
}

class SweepReader {
public:
    explicit SweepReader(const std::string& file) : file_(file) {}

    SweepDraft read(const toml::value& sweep) {
        draft_.line = line_of(sweep);
        if (!sweep.is_table()) {
            fail(draft_.line, "sweep",
                 "'sweep' must be a section: a [sweep] table with [sweep.grid] and/or "
                 "[sweep.ranges]");
        }
        const toml::value* ranges = nullptr;
        const toml::value* method = nullptr;
        const toml::value* samples = nullptr;
        const toml::value* levels = nullptr;
        for (const TomlEntry* entry : in_file_order(sweep.as_table())) {
            const std::string& key = entry->first;
            const toml::value* value = &entry->second;
            if (key == "method") {
                method = value;
                read_method(*value);
            } else if (key == "samples") {
                samples = value;
                read_samples(*value);
            } else if (key == "levels") {
                levels = value;
                read_levels(*value);
            } else if (key == "common_random_numbers") {
                if (!value->is_boolean()) {
                    fail(line_of(*value), "sweep.common_random_numbers",
                         "expected true or false, got " + value_text(*value));
                }
                draft_.spec.common_random_numbers = value->as_boolean();
            } else if (key == "grid") {
                read_grid(*value);
            } else if (key == "ranges") {
                ranges = value;
                read_ranges(*value);
            } else {
                unknown_key(key, *value);
            }
        }
        check_method(method, samples, ranges);
        check_levels(levels);
        if (draft_.spec.grid.empty() && draft_.spec.ranges.empty()) {
            fail(draft_.line, "sweep",
                 "the sweep varies nothing: list levels under [sweep.grid] or ranges under "
                 "[sweep.ranges]");
        }
        return draft_;
    }

private:
    [[noreturn]] void fail(int line, const std::string& key, const std::string& message) const {
        throw ScenarioError(file_, line, key, message);
    }

    void unknown_key(const std::string& key, const toml::value& value) const {
        std::string message = "unknown key '" + key + "' in [sweep]; its keys are: ";
        for (std::size_t i = 0; i < sweep_keys.size(); ++i) {
            message += (i ? ", " : "") + std::string(sweep_keys[i]);
        }
        if (find_parameter(key) != nullptr || value.is_array()) {
            message +=
                "; a parameter to vary goes under [sweep.grid] (a list of levels) or "
                "[sweep.ranges] ([low, high])";
        }
        fail(line_of(value), "sweep." + key, message);
    }

    void read_method(const toml::value& value) {
        const std::string expected =
            "expected \"grid\", \"latin_hypercube\", \"sobol\" or \"morris\" (as a quoted "
            "string)";
        if (!value.is_string()) {
            fail(line_of(value), "sweep.method", expected + ", got " + value_text(value));
        }
        const std::string& name = value.as_string().str;
        for (const auto method : {SamplingMethod::none, SamplingMethod::latin_hypercube,
                                  SamplingMethod::sobol, SamplingMethod::morris}) {
            if (name == sampling_method_name(method)) {
                draft_.spec.method = method;
                return;
            }
        }
        std::string message = "unknown method \"" + name + "\"; " + expected;
        if (name == "lhs" || name == "latin" || name == "latin-hypercube") {
            message += " (did you mean \"latin_hypercube\"?)";
        } else if (name == "saltelli" || name == "sobol'") {
            message += " (did you mean \"sobol\"?)";
        } else if (name == "Morris" || name == "elementary_effects" || name == "ee") {
            message += " (did you mean \"morris\"?)";
        }
        fail(line_of(value), "sweep.method", message);
    }

    void read_samples(const toml::value& value) {
        if (!value.is_integer()) {
            fail(line_of(value), "sweep.samples",
                 "expected a positive integer, got " + value_text(value));
        }
        if (value.as_integer() <= 0) {
            fail(line_of(value), "sweep.samples",
                 "must be a positive integer, got " + std::to_string(value.as_integer()));
        }
        draft_.spec.samples = static_cast<std::uint64_t>(value.as_integer());
    }

    // Even only: the standard step p / (2 (p - 1)) is p/2 grid intervals for even p and falls
    // between grid levels for odd p.
    void read_levels(const toml::value& value) {
        if (!value.is_integer()) {
            fail(line_of(value), "sweep.levels",
                 "expected an even integer of at least 2 (4 is usual), got " + value_text(value));
        }
        const auto levels = value.as_integer();
        if (!is_morris_levels(levels)) {
            fail(line_of(value), "sweep.levels",
                 levels < 2 ? "must be at least 2 (4 is usual), got " + std::to_string(levels)
                            : "must be even, got " + std::to_string(levels) +
                                  ": Morris's step of p / (2 (p - 1)) lands on the grid only "
                                  "for even p");
        }
        if (levels > max_morris_levels) {
            fail(line_of(value), "sweep.levels",
                 "at most " + std::to_string(max_morris_levels) + ", got " +
                     std::to_string(levels) + "; 4 to 8 levels are usual");
        }
        draft_.spec.morris_levels = static_cast<int>(levels);
    }

    const ParameterSpec& factor_parameter(const Leaf& leaf) {
        const ParameterSpec* spec = find_parameter(leaf.name);
        if (spec == nullptr) {
            std::string message = unknown_key_message(leaf.name);
            const std::string_view known_prefix = "unknown key";
            if (message.starts_with(known_prefix)) {
                message = "unknown parameter" + message.substr(known_prefix.size());
            }
            fail(leaf.line, leaf.key, message);
        }
        if (!is_design_factor(*spec)) {
            fail(leaf.line, leaf.key,
                 spec->section() == "run"
                     ? "run.months, run.replicates and run.seed are settings of the whole "
                       "experiment, not design factors; set them in [run]"
                     : "uncertainty.model_constants is a setting of the whole experiment, not a "
                       "design factor: every design point draws its models alike; set it in "
                       "[uncertainty] (or --uncertainty), and compare two files to see its "
                       "effect");
        }
        for (const auto& place : draft_.places) {
            if (place.parameter == leaf.name) {
                fail(leaf.line, leaf.key,
                     "'" + leaf.name + "' is already varied at line " + std::to_string(place.line) +
                         " (as '" + place.key +
                         "'); vary each parameter once, in [sweep.grid] or [sweep.ranges]");
            }
        }
        draft_.places.push_back({leaf.name, leaf.key, leaf.line});
        return *spec;
    }

    const toml::value& require_table(const toml::value& value, const std::string& key,
                                     const std::string& what) const {
        if (!value.is_table()) {
            fail(line_of(value), key,
                 "expected a table [" + key + "] of " + what + ", got " + value_text(value));
        }
        return value;
    }

    // A level or bound checked against the parameter (kind, range, choices).
    ParameterValue checked_value(const ParameterSpec& spec, const Leaf& leaf,
                                 const toml::value& element, const std::string& role) const {
        auto value = parameter_value_of(element);
        if (!value) {
            fail(line_of(element), leaf.key,
                 role + " " + value_text(element) + ": expected " + kind_noun(spec.kind));
        }
        if (const auto problem = check_value(spec, *value)) {
            std::string message = role + " " + value_text(element) + ": " + *problem;
            if (spec.kind == ParameterKind::integer && element.is_floating()) {
                message += "; write it without a decimal point";
            }
            fail(line_of(element), leaf.key, message);
        }
        return *value;
    }

    void read_grid(const toml::value& grid) {
        require_table(grid, "sweep.grid", "parameters with lists of levels");
        for (const Leaf& leaf : leaves_of(grid, "sweep.grid.")) {
            const ParameterSpec& spec = factor_parameter(leaf);
            if (!leaf.value->is_array()) {
                fail(leaf.line, leaf.key,
                     "expected a list of levels, e.g. [a, b], got " + value_text(*leaf.value));
            }
            const auto& elements = leaf.value->as_array();
            if (elements.empty()) {
                fail(leaf.line, leaf.key, "the list of levels is empty; give at least one");
            }
            GridFactor factor{leaf.name, {}};
            for (const auto& element : elements) {
                ParameterValue level = checked_value(spec, leaf, element, "level");
                for (const auto& earlier : factor.levels) {
                    if (earlier == level) {
                        fail(line_of(element), leaf.key,
                             "level " + format_value(level) + " is listed twice");
                    }
                }
                factor.levels.push_back(std::move(level));
            }
            draft_.spec.grid.push_back(std::move(factor));
        }
    }

    void read_ranges(const toml::value& ranges) {
        require_table(ranges, "sweep.ranges", "parameters with [low, high]");
        ranges_line_ = line_of(ranges);
        for (const Leaf& leaf : leaves_of(ranges, "sweep.ranges.")) {
            const ParameterSpec& spec = factor_parameter(leaf);
            if (!has_range(spec)) {
                fail(leaf.line, leaf.key,
                     "'" + leaf.name + "' is " + kind_noun(spec.kind) +
                         " and has no range; list its levels under [sweep.grid] instead");
            }
            if (!leaf.value->is_array() || leaf.value->as_array().size() != 2) {
                fail(leaf.line, leaf.key,
                     "expected a range [low, high] of two numbers, got " +
                         (leaf.value->is_array()
                              ? "a list of " + std::to_string(leaf.value->as_array().size())
                              : value_text(*leaf.value)));
            }
            const auto& bounds = leaf.value->as_array();
            const ParameterValue low = checked_value(spec, leaf, bounds[0], "low end");
            const ParameterValue high = checked_value(spec, leaf, bounds[1], "high end");
            const auto as_double = [](const ParameterValue& v) {
                if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
                return std::get<double>(v);
            };
            RangeFactor factor{leaf.name, as_double(low), as_double(high)};
            // Both ends passed check_value, so within the bounds: a broken range is empty.
            if (!is_range_of(spec, factor.low, factor.high)) {
                fail(leaf.line, leaf.key,
                     "the range [" + format_value(low) + ", " + format_value(high) +
                         "] is empty: low must be below high (to fix a value, set it in the "
                         "scenario or give one level in [sweep.grid])");
            }
            draft_.spec.ranges.push_back(std::move(factor));
        }
    }

    void check_method(const toml::value* method, const toml::value* samples,
                      const toml::value* ranges) const {
        const SweepSpec& spec = draft_.spec;
        const int method_line = method ? line_of(*method) : draft_.line;
        const bool has_ranges = !spec.ranges.empty() || (ranges && !ranges->as_table().empty());
        if (spec.method == SamplingMethod::none) {
            if (!method_agrees(spec.method, has_ranges)) {
                fail(ranges_line_, "sweep.ranges",
                     "[sweep.ranges] needs a sampling method: add method = \"latin_hypercube\", "
                     "\"sobol\" or \"morris\" (with samples = N) to [sweep]");
            }
            if (samples) {
                fail(line_of(*samples), "sweep.samples",
                     "samples is for method = \"latin_hypercube\", \"sobol\" or \"morris\"; a "
                     "grid runs every combination of its levels once");
            }
            return;
        }
        const std::string name(sampling_method_name(spec.method));
        if (!method_agrees(spec.method, !spec.ranges.empty())) {
            fail(method_line, "sweep.method",
                 "method = \"" + name +
                     "\" samples the parameters of [sweep.ranges], but there are none; add "
                     "[sweep.ranges] or leave method out for a grid");
        }
        if (!samples) {
            fail(method_line, "sweep.samples",
                 "method = \"" + name + "\" needs samples = N in [sweep] (" +
                     samples_meaning(spec.method) + ")");
        }
    }

    void check_levels(const toml::value* levels) const {
        if (levels && draft_.spec.method != SamplingMethod::morris) {
            fail(line_of(*levels), "sweep.levels",
                 "levels is for method = \"morris\" (the grid of its trajectories); the levels "
                 "of a grid factor are listed under [sweep.grid]");
        }
    }

    static std::string samples_meaning(SamplingMethod method) {
        switch (method) {
            case SamplingMethod::sobol:
                return "the base sample size, giving N(k + 2) points per grid cell; a power of "
                       "two such as 64 is best";
            case SamplingMethod::morris:
                return "the number of trajectories r, giving r(k + 1) points per grid cell; 10 "
                       "to 50 is usual";
            default:
                return "the number of points per grid cell";
        }
    }

    const std::string& file_;
    SweepDraft draft_;
    int ranges_line_ = 0;
};

std::string format_count(std::uint64_t n) {
    const std::string digits = std::to_string(n);
    std::string text;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) text += ',';
        text += digits[i];
    }
    return text;
}

// The extreme values of a factor: every level, or both ends of a range.
std::vector<ParameterValue> extremes(const SweepSpec& spec, std::size_t factor) {
    if (factor < spec.grid.size()) return spec.grid[factor].levels;
    const RangeFactor& range = spec.ranges[factor - spec.grid.size()];
    if (find_parameter(range.parameter)->kind == ParameterKind::integer) {
        return {static_cast<std::int64_t>(std::llround(range.low)),
                static_cast<std::int64_t>(std::llround(range.high))};
    }
    return {range.low, range.high};
}

// Checks that need the base scenario as the overrides left it.
void check_against_base(const SweepDraft& draft, const Scenario& base, const std::string& file) {
    const SweepSpec& spec = draft.spec;
    const auto replicates = static_cast<std::uint64_t>(std::max(base.run.replicates, 1));
    const std::uint64_t points = design_point_count(spec);
    const bool too_many = points > max_design_runs || points * replicates > max_design_runs;
    if (too_many) {
        const std::string runs = points > max_design_runs
                                     ? "more than " + format_count(max_design_runs)
                                     : format_count(points * replicates);
        throw ScenarioError(
            file, draft.line, "sweep",
            "the sweep asks for " + runs + " runs (" +
                (points > max_design_runs ? "more than " + format_count(max_design_runs)
                                          : format_count(points)) +
                " design points x " + format_count(replicates) + " replicates); the limit is " +
                format_count(max_design_runs) +
                ": use fewer levels or samples, or fewer run.replicates");
    }
    // Rules tying parameters together (check_consistency), at each factor's extremes: every
    // factor alone, then every combination while there are few enough.
    const std::size_t factors = spec.grid.size() + spec.ranges.size();
    std::vector<std::vector<ParameterValue>> ends(factors);
    std::uint64_t combinations = 1;
    for (std::size_t f = 0; f < factors; ++f) {
        ends[f] = extremes(spec, f);
        combinations = combinations > 4096 ? combinations : combinations * ends[f].size();
        const ParameterSpec& parameter = *find_parameter(draft.places[f].parameter);
        for (const auto& value : ends[f]) {
            Scenario scenario = base;
            parameter.set(scenario, value);
            if (const auto problem = check_consistency(scenario)) {
                throw ScenarioError(
                    file, draft.places[f].line, draft.places[f].key,
                    "at " + parameter.name + " = " + format_value(value) + ": " + *problem);
            }
        }
    }
    if (factors < 2 || combinations > 4096) return;
    for (std::uint64_t c = 0; c < combinations; ++c) {
        Scenario scenario = base;
        std::string assignment;
        std::uint64_t rest = c;
        for (std::size_t f = factors; f-- > 0;) {
            const auto& value = ends[f][rest % ends[f].size()];
            rest /= ends[f].size();
            find_parameter(draft.places[f].parameter)->set(scenario, value);
            assignment = draft.places[f].parameter + " = " + format_value(value) +
                         (assignment.empty() ? "" : ", " + assignment);
        }
        if (const auto problem = check_consistency(scenario)) {
            throw ScenarioError(file, draft.line, "sweep", "at " + assignment + ": " + *problem);
        }
    }
}

std::string trimmed_name(std::string_view assignment) {
    const auto end = assignment.find('=');
    std::string_view name = assignment.substr(0, end);
    while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.remove_prefix(1);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
    return std::string(name);
}

ExperimentFile read_experiment(std::string_view text, const std::string& file,
                               std::span<const std::string> overrides) {
    static const std::string sweep_section = "sweep";
    ExperimentFile experiment;
    // The base first: it reports malformed TOML, and every section but [sweep].
    experiment.base = parse_scenario(text, file, std::span(&sweep_section, 1));

    std::istringstream in{std::string(text)};
    const toml::value document = toml::parse(in, file);  // parsed once already: no errors
    std::optional<SweepDraft> draft;
    if (document.contains(sweep_section)) {
        draft = SweepReader(file).read(document.at(sweep_section));
    }

    for (const auto& assignment : overrides) {
        apply_override(experiment.base, assignment);
        const std::string name = trimmed_name(assignment);
        if (!draft) continue;
        for (const auto& place : draft->places) {
            if (place.parameter == name) {
                throw ScenarioError("--set", 0, name,
                                    "the sweep in " + file + " varies '" + name + "' (line " +
                                        std::to_string(place.line) +
                                        "), so --set would have no effect; change its levels "
                                        "or range in [sweep] instead");
            }
        }
    }
    if (!overrides.empty()) require_consistent(experiment.base, "--set");

    if (draft) {
        check_against_base(*draft, experiment.base, file);
        experiment.sweep = draft->spec;
    }
    return experiment;
}

}  // namespace

ExperimentFile load_experiment(const std::filesystem::path& path,
                               std::span<const std::string> overrides) {
    return read_experiment(read_scenario_text(path), path.string(), overrides);
}

ExperimentFile parse_experiment(std::string_view toml_text, const std::string& file_name) {
    return read_experiment(toml_text, file_name, {});
}

ExperimentDesign design_of(const ExperimentFile& experiment) {
    if (experiment.sweep) return make_design(experiment.base, *experiment.sweep);
    return single_point_design(experiment.base);
}

}  // namespace partnersim
