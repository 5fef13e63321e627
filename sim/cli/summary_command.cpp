#include <iomanip>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"

namespace partnersim {

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
    out << "Final month, across runs: mean [95% CI of the mean]  (5th - 95th percentile)\n";
    for (const auto& s : summary.measures) {
        out << "  " << std::left << std::setw(27) << s.measure << std::right << std::fixed
            << std::setprecision(3) << std::setw(10) << s.mean << " [" << std::setw(9)
            << s.mean - s.half_width << ", " << std::setw(9) << s.mean + s.half_width << "]  ("
            << std::setw(9) << s.p05 << " - " << std::setw(9) << s.p95 << ")\n";
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
