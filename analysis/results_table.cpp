#include "analysis/results_table.hpp"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "io/design_tables.hpp"
#include "io/hdf5_reader.hpp"
#include "model/parameters.hpp"

namespace partnersim::analysis {
namespace {

// Tables under /design that describe the design's structure rather than a parameter.
bool is_structure_table(const std::string& name) {
    return name == "grid_cell" || name == "sample_index" || name == "saltelli_role" ||
           name == "morris_factor";
}

// Categories in order of first appearance, and each point's code.
void encode_categories(const std::vector<std::string>& labels, DesignFactor& factor) {
    factor.values.reserve(labels.size());
    for (const auto& label : labels) {
        auto found = std::find(factor.categories.begin(), factor.categories.end(), label);
        if (found == factor.categories.end()) {
            factor.categories.push_back(label);
            found = factor.categories.end() - 1;
        }
        factor.values.push_back(static_cast<double>(found - factor.categories.begin()));
    }
}

DesignFactor read_factor(const std::filesystem::path& path, const TableEntry& table) {
    DesignFactor factor;
    factor.name = table.name;
    if (table.text) {
        encode_categories(read_labels(path, "design", table.name), factor);
        return factor;
    }
    const std::vector<double> numbers = read_table(path, "design", table.name);
    const ParameterSpec* spec = find_parameter(table.name);
    if (spec && spec->kind == ParameterKind::boolean) {
        std::vector<std::string> labels;
        for (const double v : numbers) labels.push_back(v != 0.0 ? "true" : "false");
        encode_categories(labels, factor);
        return factor;
    }
    factor.values = numbers;
    factor.low = read_number_attribute(path, "/design/" + table.name, "low");
    factor.high = read_number_attribute(path, "/design/" + table.name, "high");
    if (const auto index = read_number_attribute(path, "/design/" + table.name, "range_index"))
        factor.range_index = static_cast<int>(*index);
    return factor;
}

std::vector<int> read_codes(const std::filesystem::path& path,
                            const std::vector<TableEntry>& tables, const std::string& name,
                            std::size_t points) {
    const bool present = std::any_of(tables.begin(), tables.end(),
                                     [&](const TableEntry& t) { return t.name == name; });
    if (!present) return std::vector<int>(points, -1);
    std::vector<int> codes;
    for (const auto v : read_integer_table(path, "design", name))
        codes.push_back(static_cast<int>(v));
    return codes;
}

std::vector<std::uint64_t> read_indices(const std::filesystem::path& path,
                                        const std::vector<TableEntry>& tables,
                                        const std::string& name, std::size_t points) {
    const bool present = std::any_of(tables.begin(), tables.end(),
                                     [&](const TableEntry& t) { return t.name == name; });
    if (!present) return std::vector<std::uint64_t>(points, 0);
    std::vector<std::uint64_t> indices;
    for (const auto v : read_integer_table(path, "design", name))
        indices.push_back(static_cast<std::uint64_t>(v));
    return indices;
}

void read_design(const std::filesystem::path& path, ResultsTable& table) {
    const std::vector<TableEntry> tables = list_tables(path, "/design");
    for (const auto& entry : tables) {
        if (!is_structure_table(entry.name)) table.factors.push_back(read_factor(path, entry));
    }
    std::size_t points = 1;
    if (!table.factors.empty()) points = table.factors.front().values.size();
    for (const auto& factor : table.factors) {
        if (factor.values.size() != points) {
            throw std::runtime_error(path.string() + ": /design/" + factor.name + " has " +
                                     std::to_string(factor.values.size()) + " rows, not " +
                                     std::to_string(points));
        }
    }
    table.grid_cell = read_indices(path, tables, "grid_cell", points);
    table.sample_index = read_indices(path, tables, "sample_index", points);
    table.saltelli_role = read_codes(path, tables, "saltelli_role", points);
    table.morris_factor = read_codes(path, tables, "morris_factor", points);
    table.design_points = points;
    try {
        const DesignAttributes attributes = read_design_attributes(path);
        table.sweep = attributes.sweep;
        table.replicates_per_point = attributes.replicates_per_point;
    } catch (const std::runtime_error&) {
        table.sweep = "a single scenario (no sweep)";
    }
}

void read_outcomes(const std::filesystem::path& path, const ResultsFileInfo& info,
                   ResultsTable& table) {
    const auto runs = static_cast<Eigen::Index>(table.runs());
    table.outcomes.resize(runs, static_cast<Eigen::Index>(info.measures.size()));
    for (std::size_t m = 0; m < info.measures.size(); ++m) {
        const auto column = static_cast<Eigen::Index>(m);
        if (table.month == table.months) {
            const std::vector<double> values = read_final(path, info.measures[m]);
            for (Eigen::Index r = 0; r < runs; ++r)
                table.outcomes(r, column) = values[static_cast<std::size_t>(r)];
        } else {
            const std::vector<float> values = read_timeseries(path, info.measures[m]);
            const auto months = static_cast<std::size_t>(table.months);
            for (Eigen::Index r = 0; r < runs; ++r) {
                table.outcomes(r, column) = values[static_cast<std::size_t>(r) * months +
                                                   static_cast<std::size_t>(table.month - 1)];
            }
        }
    }
}

// The known name fewest edits away from a typo, if it is close enough to be a likely meaning.
std::string nearest(std::string_view unknown, const std::vector<std::string>& known) {
    std::string best;
    std::size_t best_distance = std::string::npos;
    for (const auto& name : known) {
        const std::size_t distance = edit_distance(unknown, name);
        if (distance < best_distance) best_distance = distance, best = name;
    }
    return best_distance <= std::max<std::size_t>(3, unknown.size() / 3) ? best : std::string();
}

std::string listing(const std::vector<std::string>& names) {
    std::string text;
    for (const auto& n : names) text += (text.empty() ? "" : ", ") + n;
    return text;
}

// Every estimator assumes each design point carries all its replicates: a shard, or the
// .partial file of an interrupted run, would silently give a missing point the weight of zero
// outcomes (Sobol indices from zeros) or a NaN mean.
void require_complete(const ResultsTable& table) {
    const std::uint64_t expected = table.design_points * table.replicates_per_point;
    if (table.runs() == expected) return;
    throw std::invalid_argument(
        table.file.string() + " holds " + std::to_string(table.runs()) + " of the experiment's " +
        std::to_string(expected) + " runs (" + std::to_string(table.design_points) +
        " design points x " + std::to_string(table.replicates_per_point) +
        " replicates); analyses need them all: join shards with `partnersim merge`, or finish an "
        "interrupted run with `run ... --resume`");
}

}  // namespace

std::string DesignFactor::label(std::size_t point) const {
    if (categorical()) return categories[static_cast<std::size_t>(values[point])];
    std::ostringstream text;
    text << values[point];
    return text.str();
}

std::size_t ResultsTable::measure_index(std::string_view measure) const {
    for (std::size_t m = 0; m < measures.size(); ++m)
        if (measures[m] == measure) return m;
    std::string message = "unknown measure '";
    message += measure;
    message += "'";
    if (const auto guess = nearest(measure, measures); !guess.empty())
        message += "; did you mean '" + guess + "'?";
    throw std::invalid_argument(message + " (measures: " + listing(measures) + ")");
}

std::size_t ResultsTable::factor_index(std::string_view parameter) const {
    std::vector<std::string> names;
    for (std::size_t f = 0; f < factors.size(); ++f) {
        if (factors[f].name == parameter) return f;
        names.push_back(factors[f].name);
    }
    // Appended piece by piece: g++ 12 gives a false -Wrestrict on "'" + std::string(...).
    std::string message = "'";
    message += parameter;
    if (names.empty()) {
        message += "' was not varied: this results file has no sweep";
        throw std::invalid_argument(message);
    }
    message += "' was not varied in this sweep";
    if (const auto guess = nearest(parameter, names); !guess.empty())
        message += "; did you mean '" + guess + "'?";
    throw std::invalid_argument(message + " (varied: " + listing(names) + ")");
}

bool ResultsTable::is_saltelli() const {
    return std::any_of(saltelli_role.begin(), saltelli_role.end(), [](int r) { return r >= 0; });
}

bool ResultsTable::is_morris() const {
    return std::any_of(morris_factor.begin(), morris_factor.end(), [](int f) { return f >= 0; });
}

ResultsTable read_results_table(const std::filesystem::path& path, std::optional<int> month) {
    const ResultsFileInfo info = read_results_info(path);
    ResultsTable table;
    table.file = path;
    table.months = info.months;
    if (month && (*month < 1 || *month > info.months)) {
        throw std::invalid_argument("month " + std::to_string(*month) + " is outside 1.." +
                                    std::to_string(info.months) + " of " + path.string());
    }
    table.month = month.value_or(info.months);
    table.measures = info.measures;
    read_design(path, table);
    table.design_point = read_run_column(path, "design_point");
    table.replicate = read_run_column(path, "replicate");
    if (table.replicates_per_point == 0) table.replicates_per_point = table.runs();
    for (const auto point : table.design_point) {
        if (point >= table.design_points) {
            throw std::runtime_error(path.string() + ": a run refers to design point " +
                                     std::to_string(point) + " of " +
                                     std::to_string(table.design_points));
        }
    }
    require_complete(table);
    read_outcomes(path, info, table);
    return table;
}

}  // namespace partnersim::analysis
