#include <algorithm>
#include <cmath>
#include <iomanip>
#include <stdexcept>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "io/hdf5_reader.hpp"

namespace partnersim {
namespace {

struct Spread {
    double mean = 0, half_width = 0, p05 = 0, p95 = 0;
};

double quantile(std::vector<double> sorted_values, double q) {
    const double position = q * static_cast<double>(sorted_values.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const auto above = std::min(below + 1, sorted_values.size() - 1);
    const double weight = position - static_cast<double>(below);
    return (1 - weight) * sorted_values[below] + weight * sorted_values[above];
}

Spread spread_of(std::vector<double> values) {
    Spread s;
    const double n = static_cast<double>(values.size());
    for (const double v : values) s.mean += v;
    s.mean /= n;
    double squares = 0;
    for (const double v : values) squares += (v - s.mean) * (v - s.mean);
    // Normal approximation to the 95% interval of the mean; fine for the replicate counts a
    // summary is read at (tens and up).
    s.half_width = values.size() > 1 ? 1.96 * std::sqrt(squares / (n - 1) / n) : 0.0;
    std::sort(values.begin(), values.end());
    s.p05 = quantile(values, 0.05);
    s.p95 = quantile(values, 0.95);
    return s;
}

}  // namespace

int summary_command(const std::filesystem::path& results, std::ostream& out, std::ostream& err) {
    try {
        const ResultsFile file(results);
        const ResultsFileInfo& info = file.info();
        out << results.string() << ": " << info.runs << " runs x " << info.months
            << " months (partnersim " << info.metadata.partnersim_version << ", "
            << info.metadata.created_utc << ")\n";
        if (info.runs == 0) return exit_ok;
        out << "Final month, across runs: mean [95% CI of the mean]  (5th - 95th percentile)\n";
        for (const auto& measure : info.measures) {
            const Spread s = spread_of(file.final_values(measure));
            out << "  " << std::left << std::setw(27) << measure << std::right << std::fixed
                << std::setprecision(3) << std::setw(10) << s.mean << " [" << std::setw(9)
                << s.mean - s.half_width << ", " << std::setw(9) << s.mean + s.half_width << "]  ("
                << std::setw(9) << s.p05 << " - " << std::setw(9) << s.p95 << ")\n";
        }
        return exit_ok;
    } catch (const std::exception& error) {
        err << "error: " << error.what() << '\n';
        return exit_failure;
    }
}

}  // namespace partnersim
