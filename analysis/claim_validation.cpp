#include "analysis/claim_validation.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "analysis/outcome_risk.hpp"
#include "engine/ensemble.hpp"
#include "engine/error.hpp"
#include "engine/random_streams.hpp"
#include "io/claims_layout.hpp"
#include "io/experiment_file.hpp"
#include "io/scenario_file.hpp"
#include "model/model_uncertainty.hpp"

namespace partnersim::analysis {
namespace {

// What a claim reads from one run: the mean of a measure over a window of months, less its
// mean over an earlier window for a claim about change.
struct Reading {
    Measure measure{};
    MonthWindow months;
    std::optional<MonthWindow> change_from;

    double mean_over(const RunResult& run, const MonthWindow& w) const {
        double sum = 0.0;
        for (int m = w.first; m <= w.last; ++m) sum += run.at(measure, m - 1);
        return sum / (w.last - w.first + 1);
    }
    double operator()(const RunResult& run) const {
        const double level = mean_over(run, months);
        return change_from ? level - mean_over(run, *change_from) : level;
    }
};

Measure measure_named(const std::string& name) {
    const auto& catalogue = measure_catalogue();
    for (std::size_t m = 0; m < catalogue.size(); ++m) {
        if (catalogue[m].name == name) return static_cast<Measure>(m);
    }
    throw std::invalid_argument("unknown measure '" + name + "'");
}

// One scenario run over the replicates, with one reading taken from each run.
struct Design {
    Scenario scenario;
    Reading reading;
    std::vector<double> values;  // [replicate]
};

// One design's scenario: the base with a claim's overrides, at the options' seed and
// replicates, checked to run as long as the claim reads.
Scenario load_design(const NamedBase& base, const Claim& claim,
                     const std::vector<std::string>& overrides, const ValidationOptions& options) {
    const ExperimentFile experiment = load_experiment(base.file, overrides);
    if (experiment.sweep) {
        throw ScenarioError(base.file.string(), 0, "sweep",
                            "a base for claims is a single scenario, not a sweep");
    }
    Scenario scenario = experiment.base;
    scenario.run.seed = options.seed;
    scenario.run.replicates = options.replicates;
    const ClaimTest& test = *claim.test;
    const int last = std::max(test.months.last, test.change_from ? test.change_from->last : 0);
    if (last > scenario.run.months) {
        throw InputError("claim '" + claim.id + "' reads month " + std::to_string(last) +
                         " but base '" + base.name + "' runs " +
                         std::to_string(scenario.run.months) +
                         " months; add run.months to the claim's overrides");
    }
    return scenario;
}

// One sampled model for all designs of a cell: a constant that any of them sets is held in
// every one (at its base value where that design does not set it), so the designs differ only
// in what the claim changes; the rest are drawn from `seed`. The drawn model is fixed for
// every replicate (the engine draws no other).
void draw_cell_model(std::vector<Scenario>& scenarios, std::uint64_t seed) {
    std::vector<std::string> held;
    for (const auto& s : scenarios) {
        held.insert(held.end(), s.uncertainty.held.begin(), s.uncertainty.held.end());
    }
    for (auto& s : scenarios) {
        for (const auto& name : held) hold(s.uncertainty, name);
        draw_model_constants(s, seed);
        s.uncertainty.model_constants = ModelUncertainty::fixed;
    }
}

// The designs of every cell, shared where two cells need the same scenario and reading.
class DesignSet {
public:
    std::size_t add(Scenario scenario, const ClaimTest& test) {
        const Reading reading{measure_named(test.measure), test.months, test.change_from};
        std::string key = scenario_to_toml(scenario) + "\n#" + test.measure + " " +
                          std::to_string(test.months.first) + "-" +
                          std::to_string(test.months.last);
        if (test.change_from) {
            key += " from " + std::to_string(test.change_from->first) + "-" +
                   std::to_string(test.change_from->last);
        }
        const auto [it, fresh] = index_.try_emplace(key, designs_.size());
        if (fresh) designs_.push_back({std::move(scenario), reading, {}});
        return it->second;
    }

    std::vector<Design>& designs() { return designs_; }

private:
    std::map<std::string, std::size_t> index_;
    std::vector<Design> designs_;
};

// Takes each finished run's reading; run_index = design * replicates + replicate.
class ReadingWriter final : public ResultWriter {
public:
    ReadingWriter(std::vector<Design>& designs, std::size_t replicates)
        : designs_(designs), replicates_(replicates) {}
    void write(const RunResult& result) override {
        Design& d = designs_[result.id.run_index / replicates_];
        d.values.push_back(d.reading(result));
    }
    void flush() override {}

private:
    std::vector<Design>& designs_;
    std::size_t replicates_;
};

std::vector<std::string> joined(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

struct CellDesigns {
    std::size_t baseline, variant;
    std::optional<std::size_t> conditioned_baseline, conditioned_variant;
};

ClaimResult summarise(const Claim& claim, const std::string& base, const CellDesigns& cell,
                      const std::vector<Design>& designs) {
    const auto& a = designs[cell.baseline].values;
    const auto& b = designs[cell.variant].values;
    std::vector<double> differences(a.size());
    for (std::size_t r = 0; r < a.size(); ++r) differences[r] = b[r] - a[r];
    ClaimResult result;
    result.claim = claim.id;
    result.base = base;
    result.replicates = a.size();
    if (cell.conditioned_baseline) {
        // The effect under the condition minus the effect without it, replicate by replicate.
        const auto& ca = designs[*cell.conditioned_baseline].values;
        const auto& cb = designs[*cell.conditioned_variant].values;
        std::vector<double> conditioned(a.size());
        for (std::size_t r = 0; r < a.size(); ++r) conditioned[r] = cb[r] - ca[r];
        result.baseline_mean = mean_of(differences);
        result.variant_mean = mean_of(conditioned);
        for (std::size_t r = 0; r < a.size(); ++r) differences[r] = conditioned[r] - differences[r];
    } else {
        result.baseline_mean = mean_of(a);
        result.variant_mean = mean_of(b);
    }
    result.difference = mean_interval(differences, 0.95);
    result.verdict = verdict_of(result.difference, claim.test->direction);
    return result;
}

}  // namespace

std::string_view verdict_name(Verdict verdict) {
    switch (verdict) {
        case Verdict::holds:
            return "holds";
        case Verdict::weak:
            return "weak";
        case Verdict::fails:
            return "fails";
        case Verdict::reversed:
            return "reversed";
    }
    return "fails";
}

Verdict verdict_of(const Interval& difference, Direction direction) {
    const double sign = direction == Direction::increase ? 1.0 : -1.0;
    const double estimate = sign * difference.estimate;
    const double near = sign > 0 ? difference.low : -difference.high;  // bound nearest zero
    const double far = sign > 0 ? difference.high : -difference.low;   // the other bound
    if (near > 0.0) return Verdict::holds;
    if (estimate > 0.0) return Verdict::weak;
    if (far < 0.0) return Verdict::reversed;
    return Verdict::fails;
}

ValidationPlan plan_validation(const ClaimLedger& ledger, const std::vector<NamedBase>& bases) {
    ValidationPlan plan;
    for (std::size_t c = 0; c < ledger.claims.size(); ++c) {
        const Claim& claim = ledger.claims[c];
        if (!claim.test) continue;
        if (!bases.empty()) {
            for (const auto& base : bases) plan.cells.push_back({c, base});
            continue;
        }
        for (const auto& base : ledger.bases) {
            const auto& named = claim.test->bases;
            if (named.empty() || std::find(named.begin(), named.end(), base.name) != named.end()) {
                plan.cells.push_back({c, base});
            }
        }
    }
    return plan;
}

std::vector<ClaimResult> validate_claims(const ClaimLedger& ledger, const ValidationPlan& plan,
                                         const ValidationOptions& options) {
    if (options.replicates < 2) {
        throw InputError("a paired comparison needs at least 2 replicates (--replicates)");
    }
    DesignSet set;
    std::vector<CellDesigns> cells;
    for (const auto& cell : plan.cells) {
        const Claim& claim = ledger.claims[cell.claim];
        const ClaimTest& test = *claim.test;
        std::vector<std::vector<std::string>> overrides{test.baseline, test.variant};
        if (!test.condition.empty()) {
            overrides.push_back(joined(test.baseline, test.condition));
            overrides.push_back(joined(test.variant, test.condition));
        }
        std::vector<Scenario> scenarios;
        for (const auto& o : overrides)
            scenarios.push_back(load_design(cell.base, claim, o, options));
        if (options.model_draw_seed) draw_cell_model(scenarios, *options.model_draw_seed);
        std::vector<std::size_t> index;
        for (auto& s : scenarios) index.push_back(set.add(std::move(s), test));
        CellDesigns designs{index[0], index[1], std::nullopt, std::nullopt};
        if (index.size() == 4) {
            designs.conditioned_baseline = index[2];
            designs.conditioned_variant = index[3];
        }
        cells.push_back(designs);
    }

    auto& designs = set.designs();
    const auto replicates = static_cast<std::size_t>(options.replicates);
    for (auto& d : designs) d.values.reserve(replicates);
    // Replicate r of every design draws the stream of replicate r: common random numbers.
    const RunSource source = [&](std::uint64_t run_index) {
        const Design& d = designs[run_index / replicates];
        RunId id = make_run_id(options.seed, 0, run_index % replicates, replicates);
        id.run_index = run_index;
        return RunSpec{d.scenario, id};
    };
    ReadingWriter writer(designs, replicates);
    EnsembleOptions ensemble;
    ensemble.threads = options.threads;
    ensemble.stop = options.stop;
    ensemble.on_progress = options.on_progress;
    const EnsembleReport report =
        run_ensemble(source, 0, designs.size() * replicates, writer, ensemble);
    if (report.stopped) return {};

    std::vector<ClaimResult> results;
    for (std::size_t i = 0; i < plan.cells.size(); ++i) {
        results.push_back(summarise(ledger.claims[plan.cells[i].claim], plan.cells[i].base.name,
                                    cells[i], designs));
    }
    return results;
}

std::uint64_t sampled_model_seed(std::uint64_t seed, std::size_t k) {
    // A design point no design of the ledger uses (they are all point 0), so a sampled model's
    // seed is not the stream of any run.
    constexpr std::uint64_t sampled_models = 0x6d6f64656c73ULL;  // "models"
    return model_draw_seed(stream_seed(seed, sampled_models, k));
}

UncertaintyValidation validate_under_uncertainty(const ClaimLedger& ledger,
                                                 const ValidationPlan& plan,
                                                 const ValidationOptions& options, int sets) {
    if (sets < 1) throw InputError("--uncertainty needs at least 1 sampled model");
    UncertaintyValidation out;
    for (int k = 0; k < sets; ++k) {
        ValidationOptions at_model = options;
        at_model.model_draw_seed = sampled_model_seed(options.seed, static_cast<std::size_t>(k));
        if (options.on_progress) {
            at_model.on_progress = [&options, k, sets](std::uint64_t done, std::uint64_t total) {
                const auto n = static_cast<std::uint64_t>(sets);
                options.on_progress(static_cast<std::uint64_t>(k) * total + done, n * total);
            };
        }
        auto results = validate_claims(ledger, plan, at_model);
        if (results.empty() && !plan.cells.empty()) return {};  // stopped
        Scenario drawn;
        draw_model_constants(drawn, *at_model.model_draw_seed);
        out.model_seeds.push_back(*at_model.model_draw_seed);
        out.model_constants.push_back(model_constant_values(drawn));
        out.results.push_back(std::move(results));
    }
    for (std::size_t i = 0; i < plan.cells.size(); ++i) {
        ClaimRobustness r;
        r.claim = ledger.claims[plan.cells[i].claim].id;
        r.base = plan.cells[i].base.name;
        r.replicates = static_cast<std::size_t>(options.replicates);
        r.sets = out.results.size();
        for (const auto& at_model : out.results) {
            const Verdict v = at_model[i].verdict;
            r.holding += v == Verdict::holds ? 1 : 0;
            r.predicted_side += v == Verdict::holds || v == Verdict::weak ? 1 : 0;
        }
        r.share = wilson_interval(r.holding, r.sets);
        out.robustness.push_back(std::move(r));
    }
    return out;
}

std::string robustness_interval_kind(std::size_t sets) {
    return "95% Wilson interval of the share over " + std::to_string(sets) +
           " sampled models: how precisely that many draws pin down the share of plausible "
           "models in which the claim holds (each model's own verdict rests on its Monte Carlo "
           "interval over paired runs)";
}

AnalysisTable claims_uncertainty_table(const UncertaintyValidation& validation) {
    namespace L = layout::claims;
    const std::size_t sets = validation.results.size();
    AnalysisTable table(
        std::string(L::uncertainty_table),
        "Each tested claim at each base under sampled sets of model constants (each drawn from "
        "its plausible range, those the claim or base sets held): how many models were run, in "
        "how many the claim holds (95% interval of the paired difference on the predicted side), "
        "the share, at how many its mean effect is on the predicted side (holds or weak), and "
        "the paired replicates at each model. Intervals: " +
            robustness_interval_kind(sets),
        {std::string(L::claim), std::string(L::base)},
        {std::string(L::sets), std::string(L::holding), std::string(L::share),
         std::string(L::share_low), std::string(L::share_high), std::string(L::predicted_side),
         std::string(L::replicates)});
    for (const auto& r : validation.robustness) {
        table.add_row({r.claim, r.base},
                      {static_cast<double>(r.sets), static_cast<double>(r.holding),
                       r.share.estimate, r.share.low, r.share.high,
                       static_cast<double>(r.predicted_side), static_cast<double>(r.replicates)});
    }
    return table;
}

AnalysisTable claims_sampled_table(const UncertaintyValidation& validation) {
    namespace L = layout::claims;
    AnalysisTable table(
        std::string(L::sampled_table),
        "Each tested claim at each base at each sampled model (sampled_models): variant minus "
        "baseline over paired replicates, the mean difference with its 95% t interval (Monte "
        "Carlo precision at that model's constants) and the verdict",
        {std::string(L::claim), std::string(L::base), std::string(L::verdict)},
        {std::string(L::model), std::string(L::difference), std::string(L::low),
         std::string(L::high)});
    for (std::size_t k = 0; k < validation.results.size(); ++k) {
        for (const auto& r : validation.results[k]) {
            table.add_row({r.claim, r.base, std::string(verdict_name(r.verdict))},
                          {static_cast<double>(k), r.difference.estimate, r.difference.low,
                           r.difference.high});
        }
    }
    return table;
}

AnalysisTable sampled_models_table(const UncertaintyValidation& validation) {
    namespace L = layout::claims;
    std::vector<std::string> numbers{std::string(L::model)};
    for (const auto& name : model_constant_names()) numbers.push_back(name);
    AnalysisTable table(std::string(L::models_table),
                        "Each sampled model: its seed and every model constant's drawn value "
                        "(the draw with nothing held; a cell holds what its claim or base sets)",
                        {std::string(L::seed)}, numbers);
    for (std::size_t k = 0; k < validation.model_seeds.size(); ++k) {
        std::vector<double> values{static_cast<double>(k)};
        values.insert(values.end(), validation.model_constants[k].begin(),
                      validation.model_constants[k].end());
        table.add_row({std::to_string(validation.model_seeds[k])}, values);
    }
    return table;
}

AnalysisTable claims_table(const std::vector<ClaimResult>& results) {
    namespace L = layout::claims;
    AnalysisTable table(
        std::string(L::claims_table),
        "Each tested claim of the seeds at each base scenario: variant minus baseline over paired "
        "replicates (common random numbers), the mean difference with its 95% t interval, and "
        "the verdict (holds: the interval lies on the predicted side of zero; weak: only the "
        "mean does; fails; reversed: the interval lies on the other side). Intervals: " +
            interval_kind(false, 0),
        {std::string(L::claim), std::string(L::base), std::string(L::verdict)},
        {std::string(L::baseline_mean), std::string(L::variant_mean), std::string(L::difference),
         std::string(L::low), std::string(L::high), std::string(L::replicates)});
    for (const auto& r : results) {
        table.add_row({r.claim, r.base, std::string(verdict_name(r.verdict))},
                      {r.baseline_mean, r.variant_mean, r.difference.estimate, r.difference.low,
                       r.difference.high, static_cast<double>(r.replicates)});
    }
    return table;
}

}  // namespace partnersim::analysis
