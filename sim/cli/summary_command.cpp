#include <iomanip>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"

namespace partnersim {

void print_summary(const app::ResultsSummary& summary, std::ostream& out) {
    out << summary.file.string() << ": " << summary.runs << " runs x " << summary.months
        << " months (partnersim " << summary.partnersim_version << ", " << summary.created_utc
        << ")\n";
    if (summary.runs == 0) return;
    out << "Final month, across runs: mean [95% CI of the mean]  (5th - 95th percentile)\n";
    for (const auto& s : summary.measures) {
        out << "  " << std::left << std::setw(27) << s.measure << std::right << std::fixed
            << std::setprecision(3) << std::setw(10) << s.mean << " [" << std::setw(9)
            << s.mean - s.half_width << ", " << std::setw(9) << s.mean + s.half_width << "]  ("
            << std::setw(9) << s.p05 << " - " << std::setw(9) << s.p95 << ")\n";
    }
}

int summary_command(const std::filesystem::path& results, std::ostream& out, std::ostream& err) {
    return guarded(err, [&] {
        print_summary(app::summarise_results(results), out);
        return exit_ok;
    });
}

}  // namespace partnersim
