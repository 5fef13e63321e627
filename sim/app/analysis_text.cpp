#include "app/analysis_text.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <map>
#include <numeric>
#include <sstream>

namespace partnersim::app {
namespace {

std::string signed_number(double value, int precision) {
    std::ostringstream text;
    text << std::showpos << std::fixed << std::setprecision(precision) << value;
    return text.str();
}

std::string plain_number(double value, int precision) {
    std::ostringstream text;
    text << std::fixed << std::setprecision(precision) << value;
    return text.str();
}

bool excludes_zero(double low, double high) {
    return low > 0.0 || high < 0.0;
}

using RowGroups = std::vector<std::pair<std::string, std::vector<std::size_t>>>;

// Rows grouped by a heading each row names (`heading_of(row)`), in order of first appearance.
template <class HeadingOf>
RowGroups rows_grouped_by(std::size_t rows, HeadingOf&& heading_of) {
    RowGroups groups;
    for (std::size_t row = 0; row < rows; ++row) {
        const std::string heading = heading_of(row);
        auto found = std::find_if(groups.begin(), groups.end(),
                                  [&](const auto& g) { return g.first == heading; });
        if (found == groups.end()) {
            groups.push_back({heading, {}});
            found = groups.end() - 1;
        }
        found->second.push_back(row);
    }
    return groups;
}

// Rows of a table grouped by its `measure` column.
RowGroups rows_by_measure(const analysis::AnalysisTable& table) {
    const auto& measures = table.text_column("measure");
    return rows_grouped_by(measures.size(), [&](std::size_t row) { return measures[row]; });
}

std::size_t widest(const std::vector<std::string>& column, const std::vector<std::size_t>& rows,
                   std::size_t at_least) {
    std::size_t width = at_least;
    for (const auto row : rows) width = std::max(width, column[row].size());
    return width;
}

}  // namespace

std::string signed_interval(double estimate, double low, double high, int precision) {
    return signed_number(estimate, precision) + " [" + signed_number(low, precision) + ", " +
           signed_number(high, precision) + "]";
}

std::string describe_month(const analysis::ResultsTable& table) {
    if (table.month == table.months) {
        return "month " + std::to_string(table.month) + " (the final month)";
    }
    return "month " + std::to_string(table.month) + " of " + std::to_string(table.months);
}

void print_design_header(const analysis::ResultsTable& table, std::ostream& out) {
    out << table.file.string() << ": " << table.runs() << " runs = " << table.design_points
        << " design points x " << table.replicates_per_point << " replicates\n";
    std::istringstream sweep(table.sweep);
    for (std::string line; std::getline(sweep, line);) out << "  " << line << '\n';
    out << '\n';
}

void print_outcome_risk(const analysis::AnalysisTable& risks, const std::string& when,
                        std::ostream& out) {
    out << "Risk of failure at " << when
        << ", per design point: share of runs failed (struggling or collapsed)\n"
           "[95% Wilson interval], the share in each class, and the median month of failure.\n";
    const auto& points = risks.text_column("point");
    const auto number = [&](const std::string& name) -> const std::vector<double>& {
        return risks.number_column(name);
    };
    for (std::size_t row = 0; row < points.size(); ++row) {
        std::ostringstream line;
        line << std::fixed << std::setprecision(3) << "  " << points[row] << ": failed "
             << number("failed")[row] << " [" << number("failed_low")[row] << ", "
             << number("failed_high")[row] << "]; thriving " << number("thriving")[row]
             << ", struggling " << number("struggling")[row] << ", collapsed "
             << number("collapsed")[row];
        const double month = number("median_failure_month")[row];
        if (!std::isnan(month)) line << std::setprecision(1) << "; median month " << month;
        out << line.str() << '\n';
    }
    out << '\n';
}

void print_effects_table(const analysis::AnalysisTable& effects, const std::string& when,
                         std::ostream& out) {
    out << "Main effects at " << when
        << ": change in the mean from a parameter's first level to its last,\n"
           "[95% bootstrap interval], and in standard deviations of the measure across runs.\n"
           "* the interval excludes zero.\n";
    const auto& parameters = effects.text_column("parameter");
    const auto& from = effects.text_column("from");
    const auto& to = effects.text_column("to");
    const auto& estimate = effects.number_column("estimate");
    const auto& low = effects.number_column("low");
    const auto& high = effects.number_column("high");
    const auto& standardised = effects.number_column("standardised");
    for (auto [measure, rows] : rows_by_measure(effects)) {
        // NaN (a measure that does not vary) sorts last, and keeps the ordering strict.
        const auto size = [&](std::size_t row) {
            return std::isnan(standardised[row]) ? -1.0 : std::abs(standardised[row]);
        };
        std::stable_sort(rows.begin(), rows.end(),
                         [&](std::size_t a, std::size_t b) { return size(a) > size(b); });
        out << '\n' << measure << '\n';
        const std::size_t name_width = widest(parameters, rows, 9);
        std::vector<std::string> changes;
        for (const auto row : rows) changes.push_back(from[row] + " -> " + to[row]);
        std::size_t change_width = 6;
        for (const auto& c : changes) change_width = std::max(change_width, c.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto row = rows[i];
            out << "  " << std::left << std::setw(static_cast<int>(name_width)) << parameters[row]
                << "  " << std::setw(static_cast<int>(change_width)) << changes[i] << std::right
                << "  " << signed_interval(estimate[row], low[row], high[row]) << "  "
                << std::setw(6)
                << (std::isnan(standardised[row]) ? std::string("n/a")
                                                  : signed_number(standardised[row], 2))
                << " sd" << (excludes_zero(low[row], high[row]) ? " *" : "") << '\n';
        }
    }
    out << '\n';
}

void print_level_means(const analysis::AnalysisTable& level_means, std::ostream& out) {
    out << "Mean at each level [95% bootstrap interval] (runs)\n";
    const auto& parameters = level_means.text_column("parameter");
    const auto& levels = level_means.text_column("level");
    const auto& mean = level_means.number_column("mean");
    const auto& low = level_means.number_column("low");
    const auto& high = level_means.number_column("high");
    const auto& runs = level_means.number_column("runs");
    for (const auto& [measure, rows] : rows_by_measure(level_means)) {
        out << '\n' << measure << '\n';
        std::string current;
        for (const auto row : rows) {
            if (parameters[row] != current) {
                current = parameters[row];
                out << "  " << current << '\n';
            }
            out << "    " << std::left << std::setw(static_cast<int>(widest(levels, rows, 6)))
                << levels[row] << std::right << "  " << plain_number(mean[row], 3) << " ["
                << plain_number(low[row], 3) << ", " << plain_number(high[row], 3) << "]  ("
                << static_cast<long long>(runs[row]) << ")\n";
        }
    }
    out << '\n';
}

void print_interaction_table(const analysis::AnalysisTable& effects, const std::string& when,
                             std::ostream& out) {
    const auto& parameter_a = effects.text_column("parameter_a");
    const auto& from_a = effects.text_column("from_a");
    const auto& to_a = effects.text_column("to_a");
    const auto& parameter_b = effects.text_column("parameter_b");
    const auto& at_b = effects.text_column("at_b");
    const auto& estimate = effects.number_column("estimate");
    const auto& low = effects.number_column("low");
    const auto& high = effects.number_column("high");
    if (effects.rows() == 0) return;
    out << "Interaction at " << when << ": the effect of " << parameter_a[0] << " (" << from_a[0]
        << " -> " << to_a[0] << ") at each level of " << parameter_b[0]
        << ",\nand how much it differs between " << parameter_b[0]
        << "'s last and first levels [95% bootstrap interval].\n* the interval excludes zero.\n";
    for (const auto& [measure, rows] : rows_by_measure(effects)) {
        out << '\n' << measure << '\n';
        const std::size_t width = widest(at_b, rows, 6);
        for (const auto row : rows) {
            out << "  " << std::left << std::setw(static_cast<int>(width)) << at_b[row]
                << std::right << "  " << signed_interval(estimate[row], low[row], high[row])
                << (excludes_zero(low[row], high[row]) ? " *" : "") << '\n';
        }
    }
    out << '\n';
}

namespace {

// Rows grouped by measure and grid cell ("all" when the design has no grid).
RowGroups rows_by_measure_and_cell(const analysis::AnalysisTable& table) {
    const auto& measures = table.text_column("measure");
    const auto& cells = table.text_column("cell");
    return rows_grouped_by(measures.size(), [&](std::size_t row) {
        return cells[row] == "all" ? measures[row] : measures[row] + "  (" + cells[row] + ")";
    });
}

std::string short_number(double value) {
    std::ostringstream text;
    text << std::setprecision(3) << value;
    return text.str();
}

std::string p_value(double p) {
    if (p < 0.001) return "<0.001";
    return plain_number(p, 3);
}

std::string plain_interval(double estimate, double low, double high) {
    return plain_number(estimate, 3) + " [" + plain_number(low, 3) + ", " + plain_number(high, 3) +
           "]";
}

}  // namespace

void print_sobol_table(const analysis::AnalysisTable& sobol, const std::string& when,
                       std::ostream& out) {
    out << "Sobol indices at " << when
        << " (design-point means over replicates): S1 = share of the variance a\n"
           "parameter explains alone, ST = with all its interactions [95% bootstrap interval]. "
           "ST - S1 is what it\ndoes only together with others.\n";
    const auto& parameters = sobol.text_column("parameter");
    const auto& s1 = sobol.number_column("first_order");
    const auto& s1_low = sobol.number_column("first_low");
    const auto& s1_high = sobol.number_column("first_high");
    const auto& st = sobol.number_column("total");
    const auto& st_low = sobol.number_column("total_low");
    const auto& st_high = sobol.number_column("total_high");
    for (auto [name, rows] : rows_by_measure_and_cell(sobol)) {
        std::stable_sort(rows.begin(), rows.end(),
                         [&](std::size_t a, std::size_t b) { return st[a] > st[b]; });
        out << '\n' << name << '\n';
        const std::size_t width = widest(parameters, rows, 9);
        for (const auto row : rows) {
            out << "  " << std::left << std::setw(static_cast<int>(width)) << parameters[row]
                << std::right << "  S1 " << std::setw(22)
                << plain_interval(s1[row], s1_low[row], s1_high[row]) << "  ST " << std::setw(22)
                << plain_interval(st[row], st_low[row], st_high[row]) << '\n';
        }
    }
    out << '\n';
}

void print_morris_table(const analysis::AnalysisTable& morris, const std::string& when,
                        std::ostream& out) {
    out << "Morris screening at " << when
        << " (design-point means over replicates), per whole range of a parameter:\n"
           "mu* = mean absolute effect [95% bootstrap interval], mu = mean signed effect, "
           "sigma = spread of the\neffect (large: it depends on the other parameters, or is "
           "not linear).\n";
    const auto& parameters = morris.text_column("parameter");
    const auto& mu = morris.number_column("mu");
    const auto& mu_star = morris.number_column("mu_star");
    const auto& low = morris.number_column("mu_star_low");
    const auto& high = morris.number_column("mu_star_high");
    const auto& sigma = morris.number_column("sigma");
    for (auto [name, rows] : rows_by_measure_and_cell(morris)) {
        std::stable_sort(rows.begin(), rows.end(),
                         [&](std::size_t a, std::size_t b) { return mu_star[a] > mu_star[b]; });
        out << '\n' << name << '\n';
        const std::size_t width = widest(parameters, rows, 9);
        for (const auto row : rows) {
            out << "  " << std::left << std::setw(static_cast<int>(width)) << parameters[row]
                << std::right << "  mu* " << std::setw(22)
                << plain_interval(mu_star[row], low[row], high[row]) << "  mu " << std::setw(7)
                << signed_number(mu[row], 3) << "  sigma " << plain_number(sigma[row], 3) << '\n';
        }
    }
    out << '\n';
}

void print_prim_boxes(const analysis::AnalysisTable& boxes, const analysis::AnalysisTable& limits,
                      std::size_t runs, std::size_t successes, std::ostream& out) {
    const auto percent = [](double share) { return plain_number(100.0 * share, 1) + "%"; };
    out << "Success: " << (boxes.rows() ? boxes.text_column("condition")[0] : std::string())
        << "\n  " << successes << " of " << runs << " runs succeed ("
        << percent(runs ? double(successes) / double(runs) : 0.0) << ").\n";
    if (boxes.rows() == 0) {
        out << "  No box found: " << (successes == 0 ? "no run succeeds." : "every run succeeds?")
            << "\n\n";
        return;
    }
    out << "\nBoxes of set-up choices where success is likely (PRIM). coverage = share of all "
           "successful runs\ninside the box; density = share of the runs inside that succeed; "
           "mass = share of all runs inside.\nquasi-p: how likely the box's successes would be "
           "by chance without that limit (EMA Workbench's\ntest); limits are listed most "
           "important first, and those above 0.05 are marked weak.\n";
    const auto& number = boxes.number_column("box");
    const auto& limit_box = limits.number_column("box");
    for (std::size_t b = 0; b < boxes.rows(); ++b) {
        out << "\nBox " << static_cast<int>(number[b]) << ": coverage "
            << percent(boxes.number_column("coverage")[b]) << ", density "
            << percent(boxes.number_column("density")[b]) << ", mass "
            << percent(boxes.number_column("mass")[b]) << " ("
            << static_cast<long long>(boxes.number_column("successes")[b]) << " of "
            << static_cast<long long>(boxes.number_column("cases")[b]) << " runs succeed)"
            << (boxes.number_column("meets_threshold")[b] > 0 ? ""
                                                              : "  [below the density threshold]")
            << '\n';
        std::vector<std::size_t> rows;
        for (std::size_t l = 0; l < limits.rows(); ++l)
            if (limit_box[l] == number[b]) rows.push_back(l);
        const auto& quasi_p = limits.number_column("quasi_p");
        std::stable_sort(rows.begin(), rows.end(),
                         [&](std::size_t x, std::size_t y) { return quasi_p[x] < quasi_p[y]; });
        const bool any = !rows.empty();
        const std::size_t width = widest(limits.text_column("parameter"), rows, 9);
        for (const auto l : rows) {
            const std::string& categories = limits.text_column("categories")[l];
            std::string limit;
            if (!categories.empty()) {
                limit = "in {" + categories + "}";
            } else {
                limit = "in [" + short_number(limits.number_column("low")[l]) + ", " +
                        short_number(limits.number_column("high")[l]) + "] of " +
                        short_number(limits.number_column("range_low")[l]) + ".." +
                        short_number(limits.number_column("range_high")[l]);
            }
            out << "  " << std::left << std::setw(static_cast<int>(width))
                << limits.text_column("parameter")[l] << "  " << std::setw(32) << limit
                << std::right << "  quasi-p " << p_value(quasi_p[l])
                << (quasi_p[l] > 0.05 ? "  (weak)" : "") << '\n';
        }
        if (!any) out << "  (no restriction: all remaining runs)\n";
    }
    out << '\n';
}

}  // namespace partnersim::app
