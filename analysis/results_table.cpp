#include "analysis/results_table.hpp"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "io/hdf5_reader.hpp"
#include "io/results_layout.hpp"
#include "model/edit_distance.hpp"
#include "model/parameters.hpp"

namespace partnersim::analysis {
namespace {

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

DesignFactor read_factor(const ResultsFile& file, const TableEntry& table) {
    DesignFactor factor;
    factor.name = table.name;
    if (table.text) {
        encode_categories(file.labels(layout::design_group, table.name), factor);
        return factor;
    }
    const std::vector<double> numbers = file.table(layout::design_group, table.name);
    const ParameterSpec* spec = find_parameter(table.name);
    if (spec && spec->kind == ParameterKind::boolean) {
        std::vector<std::string> labels;
        for (const double v : numbers) labels.push_back(v != 0.0 ? "true" : "false");
        encode_categories(labels, factor);
        return factor;
    }
    factor.values = numbers;
    const std::string dataset = layout::dataset_path(layout::design_group, table.name);
    factor.low = file.number_attribute(dataset, layout::low_attribute);
    factor.high = file.number_attribute(dataset, layout::high_attribute);
    if (const auto index = file.number_attribute(dataset, layout::range_index_attribute))
        factor.range_index = static_cast<int>(*index);
    return factor;
}

std::vector<int> read_codes(const ResultsFile& file, const std::vector<TableEntry>& tables,
                            std::string_view name, std::size_t points) {
    const bool present = std::any_of(tables.begin(), tables.end(),
                                     [&](const TableEntry& t) { return t.name == name; });
    if (!present) return std::vector<int>(points, -1);
    std::vector<int> codes;
    for (const auto v : file.integer_table(layout::design_group, name))
        codes.push_back(static_cast<int>(v));
    return codes;
}

std::vector<std::uint64_t> read_indices(const ResultsFile& file,
                                        const std::vector<TableEntry>& tables,
                                        std::string_view name, std::size_t points) {
    const bool present = std::any_of(tables.begin(), tables.end(),
                                     [&](const TableEntry& t) { return t.name == name; });
    if (!present) return std::vector<std::uint64_t>(points, 0);
    std::vector<std::uint64_t> indices;
    for (const auto v : file.integer_table(layout::design_group, name))
        indices.push_back(static_cast<std::uint64_t>(v));
    return indices;
}

void read_design(const ResultsFile& file, ResultsTable& table) {
    const std::filesystem::path& path = file.path();
    const std::vector<TableEntry> tables = file.tables(layout::root_path(layout::design_group));
    for (const auto& entry : tables) {
        if (!layout::is_design_structure_table(entry.name))
            table.factors.push_back(read_factor(file, entry));
    }
    std::size_t points = 1;
    if (!table.factors.empty()) points = table.factors.front().values.size();
    for (const auto& factor : table.factors) {
        if (factor.values.size() != points) {
            throw std::runtime_error(path.string() + ": " +
                                     layout::dataset_path(layout::design_group, factor.name) +
                                     " has " + std::to_string(factor.values.size()) +
                                     " rows, not " + std::to_string(points));
        }
    }
    table.grid_cell = read_indices(file, tables, layout::grid_cell_table, points);
    table.sample_index = read_indices(file, tables, layout::sample_index_table, points);
    table.saltelli_role = read_codes(file, tables, layout::saltelli_role_table, points);
    table.morris_factor = read_codes(file, tables, layout::morris_factor_table, points);
    table.design_points = points;
    std::optional<DesignAttributes> attributes;
    try {
        attributes = file.design();
    } catch (const std::runtime_error&) {
        // unreadable design attributes read as no sweep, like missing ones
    }
    if (attributes) {
        table.sweep = attributes->sweep;
        table.replicates_per_point = attributes->replicates_per_point;
    } else {
        table.sweep = "a single scenario (no sweep)";
    }
}

void read_outcomes(const ResultsFile& file, ResultsTable& table) {
    const ResultsFileInfo& info = file.info();
    const auto runs = static_cast<Eigen::Index>(table.runs());
    table.outcomes.resize(runs, static_cast<Eigen::Index>(info.measures.size()));
    for (std::size_t m = 0; m < info.measures.size(); ++m) {
        const auto column = static_cast<Eigen::Index>(m);
        if (table.month == table.months) {
            const std::vector<double> values = file.final_values(info.measures[m]);
            for (Eigen::Index r = 0; r < runs; ++r)
                table.outcomes(r, column) = values[static_cast<std::size_t>(r)];
        } else {
            const std::vector<float> values = file.timeseries(info.measures[m]);
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
    return std::string(closest_name(unknown, known, suggestion_limit(unknown)).value_or(""));
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
    return read_results_table(ResultsFile(path), month);
}

ResultsTable read_results_table(const ResultsFile& file, std::optional<int> month) {
    const std::filesystem::path& path = file.path();
    const ResultsFileInfo& info = file.info();
    ResultsTable table;
    table.file = path;
    table.months = info.months;
    if (month && (*month < 1 || *month > info.months)) {
        throw std::invalid_argument("month " + std::to_string(*month) + " is outside 1.." +
                                    std::to_string(info.months) + " of " + path.string());
    }
    table.month = month.value_or(info.months);
    table.measures = info.measures;
    read_design(file, table);
    table.design_point = file.run_column(layout::design_point);
    table.replicate = file.run_column(layout::replicate);
    if (table.replicates_per_point == 0) table.replicates_per_point = table.runs();
    for (const auto point : table.design_point) {
        if (point >= table.design_points) {
            throw std::runtime_error(path.string() + ": a run refers to design point " +
                                     std::to_string(point) + " of " +
                                     std::to_string(table.design_points));
        }
    }
    require_complete(table);
    read_outcomes(file, table);
    return table;
}

}  // namespace partnersim::analysis
