#include "analysis/paired_comparison.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "analysis/outcome_risk.hpp"
#include "model/measures.hpp"

namespace partnersim::analysis {

PairedEffect paired_effect(std::span<const double> baseline, std::span<const double> variant,
                           double confidence) {
    if (baseline.size() != variant.size() || baseline.size() < 2) {
        throw std::invalid_argument(
            "a paired comparison needs the same number (>= 2) of "
            "baseline and variant replicates");
    }
    std::vector<double> differences(baseline.size());
    for (std::size_t r = 0; r < baseline.size(); ++r) differences[r] = variant[r] - baseline[r];

    PairedEffect effect;
    effect.baseline_mean = mean_of(baseline);
    effect.variant_mean = mean_of(variant);
    effect.difference = mean_interval(differences, confidence);
    const double sd_baseline = standard_deviation(baseline);
    const double sd_variant = standard_deviation(variant);
    const double pooled = std::sqrt((sd_baseline * sd_baseline + sd_variant * sd_variant) / 2.0);
    // A measure that does not vary between runs (a fixed budget's hours, or a value that is
    // constant up to rounding) has no scale to standardise by: NaN, not a huge number.
    const double scale =
        std::max({1.0, std::abs(effect.baseline_mean), std::abs(effect.variant_mean)});
    effect.standardised = pooled > 1e-9 * scale ? effect.difference.estimate / pooled
                                                : std::numeric_limits<double>::quiet_NaN();
    const auto pairs = [&](auto&& side) {
        return static_cast<std::size_t>(
            std::count_if(differences.begin(), differences.end(), side));
    };
    effect.higher =
        wilson_interval(pairs([](double d) { return d > 0; }), differences.size(), confidence);
    effect.lower =
        wilson_interval(pairs([](double d) { return d < 0; }), differences.size(), confidence);
    return effect;
}

namespace {

std::vector<double> column(const std::vector<RunResult>& runs, Measure measure, int month) {
    std::vector<double> values;
    values.reserve(runs.size());
    for (const auto& run : runs) values.push_back(run.at(measure, month));
    return values;
}

std::vector<double> finals(const std::vector<RunResult>& runs, Measure measure) {
    std::vector<double> values;
    values.reserve(runs.size());
    for (const auto& run : runs) values.push_back(run.final_value(measure));
    return values;
}

void check_comparable(const std::vector<RunResult>& baseline,
                      const std::vector<RunResult>& variant) {
    if (baseline.size() != variant.size() || baseline.size() < 2) {
        throw std::invalid_argument(
            "a paired comparison needs the same number (>= 2) of "
            "baseline and variant runs");
    }
    for (std::size_t r = 0; r < baseline.size(); ++r) {
        if (baseline[r].months != baseline.front().months ||
            variant[r].months != baseline.front().months) {
            throw std::invalid_argument(
                "the baseline and the variant must run for the same "
                "number of months to be compared month by month");
        }
    }
}

}  // namespace

ScenarioComparison compare_runs(const std::vector<RunResult>& baseline,
                                const std::vector<RunResult>& variant, double confidence) {
    check_comparable(baseline, variant);
    ScenarioComparison comparison;
    comparison.months = baseline.front().months;
    comparison.replicates = baseline.size();
    comparison.confidence = confidence;
    for (std::size_t m = 0; m < measure_count; ++m) {
        const auto measure = static_cast<Measure>(m);
        // A class code or a month has no meaningful mean difference: outcome_risk compares them.
        if (measure_table()[m].kind != MeasureKind::continuous) continue;
        MeasureComparison compared;
        compared.measure = std::string(measure_catalogue()[m].name);
        for (int month = 0; month < comparison.months; ++month) {
            compared.by_month.push_back(paired_effect(column(baseline, measure, month),
                                                      column(variant, measure, month), confidence));
        }
        compared.final =
            paired_effect(finals(baseline, measure), finals(variant, measure), confidence);
        comparison.measures.push_back(std::move(compared));
    }
    return comparison;
}

}  // namespace partnersim::analysis
