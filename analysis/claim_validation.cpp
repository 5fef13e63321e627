#include "analysis/claim_validation.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "engine/ensemble.hpp"
#include "engine/error.hpp"
#include "io/experiment_file.hpp"
#include "io/scenario_file.hpp"

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

// The designs of every cell, shared where two cells need the same scenario and reading.
class DesignSet {
public:
    std::size_t add(const NamedBase& base, const Claim& claim, std::vector<std::string> overrides,
                    const ValidationOptions& options) {
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
        const Reading reading{measure_named(test.measure), test.months, test.change_from};
        std::string key = scenario_to_toml(scenario) + "\n#" + test.measure + " " +
                          std::to_string(test.months.first) + "-" +
                          std::to_string(test.months.last);
        if (test.change_from) {
            key += " from " + std::to_string(test.change_from->first) + "-" +
                   std::to_string(test.change_from->last);
        }
        const auto [it, fresh] = index_.try_emplace(key, designs_.size());
        if (fresh) designs_.push_back({scenario, reading, {}});
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
        CellDesigns designs{set.add(cell.base, claim, test.baseline, options),
                            set.add(cell.base, claim, test.variant, options), std::nullopt,
                            std::nullopt};
        if (!test.condition.empty()) {
            designs.conditioned_baseline =
                set.add(cell.base, claim, joined(test.baseline, test.condition), options);
            designs.conditioned_variant =
                set.add(cell.base, claim, joined(test.variant, test.condition), options);
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

AnalysisTable claims_table(const std::vector<ClaimResult>& results) {
    AnalysisTable table(
        "claims",
        "Each tested claim of the seeds at each base scenario: variant minus baseline over paired "
        "replicates (common random numbers), the mean difference with its 95% t interval, and "
        "the verdict (holds: the interval lies on the predicted side of zero; weak: only the "
        "mean does; fails; reversed: the interval lies on the other side)",
        {"claim", "base", "verdict"},
        {"baseline_mean", "variant_mean", "difference", "low", "high", "replicates"});
    for (const auto& r : results) {
        table.add_row({r.claim, r.base, std::string(verdict_name(r.verdict))},
                      {r.baseline_mean, r.variant_mean, r.difference.estimate, r.difference.low,
                       r.difference.high, static_cast<double>(r.replicates)});
    }
    return table;
}

}  // namespace partnersim::analysis
