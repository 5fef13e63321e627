#include <cmath>
#include <iomanip>
#include <sstream>

#include "app/analysis_text.hpp"
#include "app/compare_designs.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/interrupt.hpp"
#include "cli/terminal_progress.hpp"

namespace partnersim {
namespace {

using analysis::PairedEffect;
using analysis::ScenarioComparison;
using app::signed_interval;

// Three decimals for shares and scores; fewer for hours and money, so columns stay aligned.
int precision_for(double value) {
    const double size = std::abs(value);
    return size >= 1000 ? 0 : size >= 100 ? 1 : 3;
}

std::string fixed(double value) {
    std::ostringstream text;
    text << std::fixed << std::setprecision(precision_for(value)) << value;
    return text.str();
}

std::string effect_size(double d) {
    if (std::isnan(d)) return "n/a";
    std::ostringstream text;
    text << std::fixed << std::setprecision(2) << d;
    return text.str();
}

bool excludes_zero(const PairedEffect& e) {
    return e.difference.excludes_zero();
}

void print_final(const ScenarioComparison& comparison, std::ostream& out) {
    out << "At month " << comparison.months << " (the final month), over " << comparison.replicates
        << " paired replicates: variant - baseline, mean [95% t interval of the paired\n"
           "difference], and d = difference / pooled s.d. across runs (|d| ~0.2 small, ~0.5 "
           "medium, ~0.8 large;\nn/a where the measure does not vary between runs).\n* the "
           "interval excludes zero.\n\n";
    out << "  " << std::left << std::setw(27) << "measure" << std::right << std::setw(9)
        << "baseline" << std::setw(9) << "variant"
        << "   " << std::left << std::setw(25) << "difference [95% CI]" << std::right
        << std::setw(7) << "d" << '\n';
    for (const auto& m : comparison.measures) {
        const PairedEffect& e = m.final;
        out << "  " << std::left << std::setw(27) << m.measure << std::right << std::setw(9)
            << fixed(e.baseline_mean) << std::setw(9) << fixed(e.variant_mean) << "   " << std::left
            << std::setw(25)
            << signed_interval(e.difference.estimate, e.difference.low, e.difference.high,
                               precision_for(e.difference.estimate))
            << std::right << std::setw(7) << effect_size(e.standardised)
            << (excludes_zero(e) ? " *" : "") << '\n';
    }
    out << '\n';
}

// Yearly months, plus the last month if it is not a whole year.
std::vector<int> reported_months(int months) {
    std::vector<int> chosen;
    const int step = months > 24 ? 12 : std::max(1, months / 4);
    for (int m = step; m <= months; m += step) chosen.push_back(m);
    if (chosen.empty() || chosen.back() != months) chosen.push_back(months);
    return chosen;
}

void print_over_time(const ScenarioComparison& comparison, std::ostream& out) {
    const std::vector<int> months = reported_months(comparison.months);
    out << "Over time: mean difference (variant - baseline) at the end of each month shown; "
           "* the 95% interval excludes zero.\n\n  "
        << std::left << std::setw(27) << "measure" << std::right;
    for (const int m : months) out << std::setw(11) << ("month " + std::to_string(m));
    out << '\n';
    for (const auto& measure : comparison.measures) {
        out << "  " << std::left << std::setw(27) << measure.measure << std::right;
        for (const int m : months) {
            const PairedEffect& e = measure.by_month[static_cast<std::size_t>(m - 1)];
            std::ostringstream cell;
            cell << std::showpos << std::fixed
                 << std::setprecision(precision_for(e.difference.estimate)) << e.difference.estimate
                 << (excludes_zero(e) ? "*" : " ");
            out << std::setw(11) << cell.str();
        }
        out << '\n';
    }
    out << '\n';
}

// The effect replicate by replicate: each replicate is one drawn model, so this is how far
// the effect itself, not its mean, spreads over what the model might be.
void print_across_models(const app::ComparisonOutcome& outcome, std::ostream& out) {
    out << "Across the " << outcome.comparison.replicates
        << " drawn models: the per-replicate paired effect at the final month, 5th - 95th "
           "percentile, and the share of models in which it has the sign of the mean effect.\n\n";
    out << "  " << std::left << std::setw(27) << "measure" << std::right << std::setw(25)
        << "5% - 95% of the effect" << std::setw(12) << "same sign" << '\n';
    for (const auto& m : outcome.across_models) {
        std::ostringstream range;
        range << std::showpos << std::fixed << std::setprecision(precision_for(m.p95)) << m.p05
              << " - " << m.p95;
        std::ostringstream share;
        share << std::fixed << std::setprecision(2) << m.same_sign;
        out << "  " << std::left << std::setw(27) << m.measure << std::right << std::setw(25)
            << range.str() << std::setw(12) << share.str() << '\n';
    }
    out << '\n';
}

std::string share(const analysis::Interval& s) {
    std::ostringstream text;
    text << std::fixed << std::setprecision(3) << s.estimate << " [" << s.low << ", " << s.high
         << "]";
    return text.str();
}

void print_risk(const app::ComparisonOutcome& outcome, std::ostream& out) {
    const analysis::OutcomeRisk& b = outcome.baseline_risk;
    const analysis::OutcomeRisk& v = outcome.variant_risk;
    out << "Risk of failure: share of runs ending in each class [95% Wilson interval]; failed is "
           "struggling or collapsed,\nwith the paired difference [95% Newcombe interval for "
           "paired shares].\n\n";
    out << "  " << std::left << std::setw(27) << "class" << std::setw(24) << "baseline"
        << std::setw(24) << "variant"
        << "difference" << '\n';
    for (std::size_t k = 0; k < b.classes.size(); ++k) {
        out << "  " << std::left << std::setw(27) << b.classes[k].name << std::setw(24)
            << share(b.classes[k].share) << std::setw(24) << share(v.classes[k].share) << '\n';
    }
    const analysis::Interval& d = outcome.failure_difference;
    out << "  " << std::left << std::setw(27) << "failed" << std::setw(24) << share(b.failure.share)
        << std::setw(24) << share(v.failure.share) << signed_interval(d.estimate, d.low, d.high, 3)
        << (d.excludes_zero() ? " *" : "") << '\n';
    const auto month = [](const analysis::OutcomeRisk& r) {
        if (r.failed_runs == 0) return std::string("none failed");
        std::ostringstream text;
        text << std::fixed << std::setprecision(1) << r.median_failure_month;
        return text.str();
    };
    out << "  " << std::left << std::setw(27) << "median month of failure" << std::setw(24)
        << month(b) << std::setw(24) << month(v) << '\n';
    out << "  by cause (share of runs):\n";
    for (std::size_t k = 0; k < b.causes.size(); ++k) {
        if (b.causes[k].runs == 0 && v.causes[k].runs == 0) continue;
        out << "    " << std::left << std::setw(25) << b.causes[k].name << std::setw(24)
            << share(b.causes[k].share) << std::setw(24) << share(v.causes[k].share) << '\n';
    }
    out << std::right << '\n';
}

void print_outcome(const app::ComparisonOutcome& outcome, std::ostream& out) {
    out << "baseline: " << outcome.baseline_label << "\nvariant:  " << outcome.variant_label
        << '\n';
    out << "what differs:"
        << (outcome.differences.empty() ? " nothing (the two scenarios are identical)" : "")
        << '\n';
    for (const auto& line : outcome.differences) out << "  " << line << '\n';
    for (const auto& note : outcome.notes) out << "note: " << note << '\n';
    out << "intervals: " << outcome.interval_kind << ".\n\n";
    print_final(outcome.comparison, out);
    if (outcome.drawn_models) print_across_models(outcome, out);
    print_risk(outcome, out);
    print_over_time(outcome.comparison, out);
}

}  // namespace

int compare_command(const CompareCommandOptions& options, std::ostream& out, std::ostream& err) {
    return guarded(err, [&] {
        InterruptGuard interrupt;
        TerminalProgress progress(options.quiet, err);
        app::CompareRequest request{options.baseline,
                                    options.variant,
                                    options.variant_overrides,
                                    options.baseline_overrides,
                                    options.seed,
                                    options.replicates,
                                    options.uncertainty,
                                    options.threads,
                                    options.output,
                                    options.force,
                                    &interrupt.requested(),
                                    &progress};
        const app::ComparisonOutcome outcome = app::compare_designs(request);
        print_outcome(outcome, out);
        if (!outcome.saved.empty() && !options.quiet) {
            err << "wrote the comparison to " << outcome.saved.string() << '\n';
        }
        return exit_ok;
    });
}

}  // namespace partnersim
