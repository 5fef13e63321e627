#include "analysis/main_effects.hpp"

#include <limits>
#include <stdexcept>

#include "analysis/grouped_means.hpp"
#include "model/measures.hpp"

namespace partnersim::analysis {

std::vector<std::size_t> chosen_measures(const ResultsTable& table,
                                         const std::vector<std::string>& names) {
    std::vector<std::size_t> indices;
    if (names.empty()) {
        for (std::size_t m = 0; m < table.measures.size(); ++m) {
            if (measure_kind(table.measures[m]) == MeasureKind::continuous) indices.push_back(m);
        }
        return indices;
    }
    for (const auto& name : names) {
        if (measure_kind(name) != MeasureKind::continuous) {
            throw std::invalid_argument(
                name + " is a " +
                (measure_kind(name) == MeasureKind::month ? "month" : "class code") +
                ": its mean means nothing; the risk of failure per design point (shares per "
                "class with Wilson intervals, the median month of failure) is the table "
                "outcome_risk; for a mean, use failed or collapsed (0/1)");
        }
        indices.push_back(table.measure_index(name));
    }
    return indices;
}

namespace {

double spread_of(const ResultsTable& table, std::size_t measure) {
    const auto column = table.outcomes.col(static_cast<Eigen::Index>(measure));
    std::vector<double> values(column.begin(), column.end());
    return standard_deviation(values);
}

void add_factor(const ResultsTable& table, std::size_t measure, const DesignFactor& factor,
                const MainEffectOptions& options, const Eigen::MatrixXd& resamples,
                MainEffects& out) {
    const FactorLevels levels = factor_levels(factor, options.levels);
    const int count = static_cast<int>(levels.labels.size());
    if (count < 2) return;  // a factor with one level has no effect to estimate
    std::vector<double> last_minus_first(static_cast<std::size_t>(count), 0.0);
    last_minus_first.front() = -1.0;
    last_minus_first.back() = 1.0;
    const GroupedMeans means = grouped_means(table, measure, levels.level_of_point, count,
                                             {last_minus_first}, options.bootstrap, &resamples);
    const std::string& name = table.measures[measure];
    for (int l = 0; l < count; ++l) {
        const auto i = static_cast<std::size_t>(l);
        out.level_means.add_row({name, factor.name, levels.labels[i]},
                                {double(l), means.means[i].estimate, means.means[i].low,
                                 means.means[i].high, double(means.runs[i])});
    }
    const Interval& effect = means.contrasts.front();
    const double spread = spread_of(table, measure);
    out.effects.add_row(
        {name, factor.name, levels.labels.front(), levels.labels.back()},
        // NaN, not 0, where the measure does not vary between runs: there is no scale.
        {effect.estimate, effect.low, effect.high,
         spread > 0 ? effect.estimate / spread : std::numeric_limits<double>::quiet_NaN()});
}

}  // namespace

MainEffects main_effects(const ResultsTable& table, const MainEffectOptions& options) {
    if (table.factors.empty()) {
        throw std::invalid_argument(table.file.string() +
                                    " holds a single scenario: main effects need a sweep that "
                                    "varies at least one parameter");
    }
    MainEffects out{
        AnalysisTable("main_effect_levels",
                      "Mean of each measure at each level of each varied parameter, with a "
                      "bootstrap interval",
                      {"measure", "parameter", "level"},
                      {"level_index", "mean", "low", "high", "runs"}),
        AnalysisTable("main_effects",
                      "Effect of moving each varied parameter from its first level to its last, "
                      "with a bootstrap interval and in standard deviations of the measure",
                      {"measure", "parameter", "from", "to"},
                      {"estimate", "low", "high", "standardised"})};
    const Eigen::MatrixXd resamples = unit_resamples(table, options.bootstrap);
    for (const std::size_t measure : chosen_measures(table, options.measures)) {
        for (const auto& factor : table.factors)
            add_factor(table, measure, factor, options, resamples, out);
    }
    return out;
}

}  // namespace partnersim::analysis
