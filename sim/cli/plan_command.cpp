// `partnersim plan FILE`: what a scenario file, with or without a [sweep], would run, without
// running it: the design, its first points, and an upper bound on the size of the results.

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <sstream>
#include <string>
#include <vector>

#include "app/plan_experiment.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"

namespace partnersim {
namespace {

constexpr std::uint64_t shown_points = 10;

std::string cell_text(const ParameterValue& value) {
    if (const auto* real = std::get_if<double>(&value)) {
        std::ostringstream out;
        out << std::setprecision(6) << *real;
        return out.str();
    }
    if (const auto* integer = std::get_if<std::int64_t>(&value)) return std::to_string(*integer);
    if (const auto* truth = std::get_if<bool>(&value)) return *truth ? "true" : "false";
    return std::get<std::string>(value);
}

std::string bytes_text(double bytes) {
    static const char* const units[] = {"B", "kB", "MB", "GB", "TB", "PB"};
    std::size_t unit = 0;
    while (bytes >= 1000.0 && unit + 1 < std::size(units)) {
        bytes /= 1000.0;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.1f %s", bytes, units[unit]);
    return text;
}

void print_points(const ExperimentDesign& design, std::ostream& out) {
    if (design.parameters.empty()) return;
    const bool saltelli = design.spec.method == SamplingMethod::sobol;
    const std::uint64_t rows = design.points() <= shown_points + 2 ? design.points() : shown_points;
    std::vector<std::string> header{"point", "cell", "sample"};
    if (saltelli) header.emplace_back("role");
    header.insert(header.end(), design.parameters.begin(), design.parameters.end());
    std::vector<std::vector<std::string>> table{header};
    for (std::uint64_t point = 0; point < rows; ++point) {
        std::vector<std::string> row{std::to_string(point), std::to_string(design.grid_cell[point]),
                                     std::to_string(design.sample_index[point])};
        if (saltelli) {
            const std::size_t k = design.spec.ranges.size();
            row.push_back(saltelli_role_name(design.saltelli_role[point], k));
        }
        for (const auto& column : design.values) row.push_back(cell_text(column[point]));
        table.push_back(std::move(row));
    }
    std::vector<std::size_t> width(header.size(), 0);
    for (const auto& row : table) {
        for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
    }
    out << "\ndesign points";
    if (rows < design.points()) out << " (first " << rows << " of " << design.points() << ")";
    out << ":\n";
    for (const auto& row : table) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            const std::string pad(width[c] - row[c].size(), ' ');
            // The three counters read best right-aligned, role and values left-aligned.
            line += "  " + (c < 3 ? pad + row[c] : row[c] + pad);
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << '\n';
    }
}

void print_size(const app::ResultsSizeEstimate& size, std::ostream& out) {
    const std::string r = std::to_string(size.runs) + " runs x ";
    const std::string m = std::to_string(size.measures) + " measures x ";
    const std::vector<std::pair<std::string, std::string>> lines{
        {"time series", r + m + std::to_string(size.months) + " months x " +
                            std::to_string(size.timeseries_value_bytes) + " bytes"},
        {"final values", r + m + std::to_string(size.final_value_bytes) + " bytes"},
        {"run ids", r + std::to_string(size.run_record_bytes) + " bytes"},
    };
    const std::vector<double> sizes{size.timeseries, size.finals, size.records};
    std::size_t width = 0;
    for (const auto& line : lines) width = std::max(width, line.second.size());
    out << "\nestimated results size (an upper bound, before compression; traces not included):\n";
    for (std::size_t i = 0; i < lines.size(); ++i) {
        out << "  " << std::left << std::setw(14) << lines[i].first
            << std::setw(static_cast<int>(width)) << lines[i].second << "  " << std::right
            << std::setw(9) << bytes_text(sizes[i]) << '\n';
    }
    out << "  " << std::left << std::setw(static_cast<int>(14 + width)) << "total"
        << "  " << std::right << std::setw(9) << bytes_text(size.total()) << '\n';
}

}  // namespace

int plan_command(const ScenarioChoice& choice, std::ostream& out, std::ostream& err) {
    return guarded(err, [&] {
        const app::ExperimentPlan plan = app::plan_experiment(choice);
        const ExperimentDesign& design = plan.design;
        out << "# " << choice.file.string() << ": valid"
            << (plan.has_sweep ? ", with a sweep" : ", no sweep") << ". Nothing is run.\n"
            << design.describe();
        const std::uint64_t n = design.spec.samples;
        if (design.spec.method == SamplingMethod::sobol && (n & (n - 1)) != 0) {
            out << "note: samples = " << n
                << " is not a power of two; Sobol' estimates converge best with N = 2^m\n";
        }
        print_points(design, out);
        print_size(plan.size, out);
        return exit_ok;
    });
}

}  // namespace partnersim
