#include <cmath>
#include <iomanip>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"

namespace partnersim {
namespace {

// "  cost  576000 (the same in every run)  currency", not "576000.000 [576000.000, ...]";
// whole numbers from a thousand up.
void print_spread(const app::MeasureSpread& s, const char* indent, std::ostream& out) {
    const int decimals = std::abs(s.mean) >= 1000 ? 0 : 3;
    out << indent << std::left << std::setw(27) << s.measure << std::right << std::fixed
        << std::setprecision(decimals) << std::setw(10) << s.mean;
    if (s.runs > 1 && s.half_width == 0 && s.p05 == s.p95) {
        out << " (the same in every run)";
    } else {
        out << " [" << std::setw(9) << s.mean - s.half_width << ", " << std::setw(9)
            << s.mean + s.half_width << "]  (" << std::setw(9) << s.p05 << " - " << std::setw(9)
            << s.p95 << ")";
    }
    if (!s.units.empty()) out << "  " << s.units;
    out << '\n';
}

void print_ended(const app::PointSummary& point, const char* indent, std::ostream& out) {
    if (point.ended_month == 0) return;
    out << indent << "(the time-bound partnership ended at month " << point.ended_month
        << ": participation reads 0 because it had ended, not because partners left)\n";
}

}  // namespace

void print_summary(const app::ResultsSummary& summary, std::ostream& out) {
    out << summary.file.string() << ": " << summary.runs << " runs x " << summary.months
        << " months (partnersim " << summary.partnersim_version << ", " << summary.created_utc
        << ")\n";
    if (summary.runs == 0) return;
    out << "Intervals: " << summary.interval_kind << ".\n";
    if (summary.drawn_models) {
        out << "Model constants: drawn per replicate from their plausible ranges (triangular "
               "around the default); ";
        if (summary.held_constants.empty())
            out << "none is held";
        else
            out << "held at their set values, not drawn:";
        for (const auto& name : summary.held_constants) out << " " << name;
        out << "\n";
    }
    const bool by_point = summary.points.size() > 1;
    out << "Final month (" << summary.months << "), "
        << (by_point ? "by design point" : "across runs")
        << ": mean [95% CI of the mean]  (5th - 95th percentile)  units\n";
    if (!by_point) {
        if (!summary.points.empty()) print_ended(summary.points.front(), "  ", out);
        for (const auto& s : summary.measures) print_spread(s, "  ", out);
    }
    for (const auto& point : by_point ? summary.points : std::vector<app::PointSummary>{}) {
        out << "  " << point.point << " ("
            << (point.measures.empty() ? 0 : point.measures.front().runs) << " runs)\n";
        print_ended(point, "    ", out);
        for (const auto& s : point.measures) print_spread(s, "    ", out);
    }
    print_risks(summary.risks, out);
}

namespace {

std::string share_text(const analysis::ShareOfRuns& share) {
    std::ostringstream text;
    text << std::fixed << std::setprecision(3) << share.share.estimate << " [" << share.share.low
         << ", " << share.share.high << "]";
    return text.str();
}

}  // namespace

void print_risks(const std::vector<app::PointRisk>& risks, std::ostream& out) {
    out << "Risk of failure, final outcome: share of runs [95% Wilson interval]\n";
    for (const auto& point : risks) {
        const analysis::OutcomeRisk& r = point.risk;
        out << "  " << point.point << " (" << r.runs << " runs)\n   ";
        for (const auto& c : r.classes) out << " " << c.name << " " << share_text(c);
        out << "\n    failed (struggling or collapsed) " << share_text(r.failure);
        if (r.failed_runs > 0) {
            out << "; median month of failure " << std::fixed << std::setprecision(1)
                << r.median_failure_month << " (of " << r.failed_runs << " failed runs)";
        }
        out << "\n    by cause:";
        for (const auto& c : r.causes) {
            if (c.runs > 0) out << " " << c.name << " " << share_text(c);
        }
        out << '\n';
    }
}

int summary_command(const std::filesystem::path& results, std::ostream& out, std::ostream& err) {
    return guarded(err, [&] {
        print_summary(app::summarise_results(results), out);
        return exit_ok;
    });
}

}  // namespace partnersim
