#include "analysis/csv_export.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <functional>
#include <stdexcept>

#include "analysis/results_table.hpp"
#include "io/analysis_file.hpp"
#include "io/hdf5_reader.hpp"
#include "io/results_layout.hpp"

namespace partnersim::analysis {

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

namespace {

// Shortest decimal that reads back to the same value of its own type (to_chars' guarantee).
template <class Number>
std::string shortest(Number value) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

}  // namespace

std::string csv_number(double value) {
    return shortest(value);
}
std::string csv_number(float value) {
    return shortest(value);
}

std::string table_csv(const AnalysisTable& table) {
    std::string text;
    std::vector<std::string> header = table.text_columns;
    header.insert(header.end(), table.number_columns.begin(), table.number_columns.end());
    // Appended piece by piece: g++ 12 gives a false -Wrestrict on "," + std::string.
    for (std::size_t c = 0; c < header.size(); ++c) {
        if (c) text += ',';
        text += csv_field(header[c]);
    }
    text += '\n';
    for (std::size_t row = 0; row < table.rows(); ++row) {
        bool first = true;
        for (const auto& column : table.text) {
            if (!first) text += ',';
            text += csv_field(column[row]);
            first = false;
        }
        for (const auto& column : table.numbers) {
            if (!first) text += ',';
            text += csv_number(column[row]);
            first = false;
        }
        text += '\n';
    }
    return text;
}

namespace {

// One output file: written under "<name>.partial", renamed when complete.
class CsvFile {
public:
    explicit CsvFile(std::filesystem::path path) : path_(std::move(path)), partial_(path_) {
        partial_ += ".partial";
        out_.open(partial_, std::ios::binary);
        if (!out_) throw std::runtime_error("cannot write " + partial_.string());
    }
    ~CsvFile() {
        if (!committed_) {
            out_.close();
            std::error_code ignored;
            std::filesystem::remove(partial_, ignored);
        }
    }
    std::ofstream& out() { return out_; }
    void commit() {
        out_.close();
        if (!out_) throw std::runtime_error("cannot finish writing " + partial_.string());
        std::filesystem::rename(partial_, path_);
        committed_ = true;
    }

private:
    std::filesystem::path path_;
    std::filesystem::path partial_;
    std::ofstream out_;
    bool committed_ = false;
};

// Fields are already formatted (numbers) or quoted where needed (csv_field).
void write_row(std::ostream& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << fields[i];
    out << '\n';
}

void write_text_row(std::ostream& out, const std::vector<std::string>& fields) {
    std::vector<std::string> quoted;
    for (const auto& f : fields) quoted.push_back(csv_field(f));
    write_row(out, quoted);
}

std::vector<std::string> factor_fields(const ResultsTable& table, std::size_t point) {
    std::vector<std::string> fields;
    for (const auto& factor : table.factors) {
        fields.push_back(factor.categorical() ? csv_field(factor.label(point))
                                              : csv_number(factor.values[point]));
    }
    return fields;
}

std::vector<std::string> factor_names(const ResultsTable& table) {
    std::vector<std::string> names;
    for (const auto& factor : table.factors) names.push_back(csv_field(factor.name));
    return names;
}

// The columns named after the results file's own datasets carry the same names.
std::vector<std::string> names(std::initializer_list<std::string_view> columns) {
    return std::vector<std::string>(columns.begin(), columns.end());
}

void write_runs(const ResultsFile& results, const ResultsTable& table, CsvFile& file) {
    const auto run_index = results.run_column(layout::run_index);
    const auto seed = results.run_column(layout::seed);
    std::vector<std::string> header =
        names({layout::run_index, layout::design_point, layout::replicate, layout::seed});
    for (auto& n : factor_names(table)) header.push_back(n);
    for (const auto& m : table.measures) header.push_back(m);
    write_row(file.out(), header);
    for (std::size_t r = 0; r < table.runs(); ++r) {
        std::vector<std::string> fields{
            std::to_string(run_index[r]), std::to_string(table.design_point[r]),
            std::to_string(table.replicate[r]), std::to_string(seed[r])};
        for (auto& f : factor_fields(table, table.design_point[r])) fields.push_back(f);
        for (Eigen::Index m = 0; m < table.outcomes.cols(); ++m)
            fields.push_back(csv_number(table.outcomes(static_cast<Eigen::Index>(r), m)));
        write_row(file.out(), fields);
    }
}

void write_design(const ResultsTable& table, CsvFile& file) {
    std::vector<std::string> header =
        names({layout::design_point, layout::grid_cell_table, layout::sample_index_table,
               layout::saltelli_role_table, layout::morris_factor_table});
    for (auto& n : factor_names(table)) header.push_back(n);
    write_row(file.out(), header);
    for (std::size_t p = 0; p < table.design_points; ++p) {
        std::vector<std::string> fields{std::to_string(p), std::to_string(table.grid_cell[p]),
                                        std::to_string(table.sample_index[p]),
                                        std::to_string(table.saltelli_role[p]),
                                        std::to_string(table.morris_factor[p])};
        for (auto& f : factor_fields(table, p)) fields.push_back(f);
        write_row(file.out(), fields);
    }
}

// Per measure, the runs x months values are read one measure at a time, so memory holds one
// measure's series, not all of them.
void write_timeseries_means(const ResultsFile& results, const ResultsTable& table, CsvFile& file) {
    const auto months = static_cast<std::size_t>(table.months);
    const std::size_t points = table.design_points;
    std::vector<std::vector<double>> means(table.measures.size(),
                                           std::vector<double>(points * months, 0.0));
    std::vector<double> runs_at(points, 0.0);
    for (const auto p : table.design_point) runs_at[p] += 1.0;
    for (std::size_t m = 0; m < table.measures.size(); ++m) {
        const std::vector<float> series = results.timeseries(table.measures[m]);
        for (std::size_t r = 0; r < table.runs(); ++r) {
            const std::size_t p = table.design_point[r];
            for (std::size_t month = 0; month < months; ++month)
                means[m][p * months + month] += series[r * months + month] / runs_at[p];
        }
    }
    std::vector<std::string> header = names({layout::design_point});
    for (auto& n : factor_names(table)) header.push_back(n);
    header.push_back("month");
    for (const auto& m : table.measures) header.push_back(m);
    write_row(file.out(), header);
    for (std::size_t p = 0; p < points; ++p) {
        if (runs_at[p] == 0) continue;
        const auto factors = factor_fields(table, p);
        for (std::size_t month = 0; month < months; ++month) {
            std::vector<std::string> fields{std::to_string(p)};
            fields.insert(fields.end(), factors.begin(), factors.end());
            fields.push_back(std::to_string(month + 1));
            for (std::size_t m = 0; m < table.measures.size(); ++m)
                fields.push_back(csv_number(means[m][p * months + month]));
            write_row(file.out(), fields);
        }
    }
}

void write_timeseries(const ResultsFile& results, const ResultsTable& table, CsvFile& file) {
    const auto months = static_cast<std::size_t>(table.months);
    std::vector<std::vector<float>> series;
    for (const auto& m : table.measures) series.push_back(results.timeseries(m));
    std::vector<std::string> header =
        names({layout::run_index, layout::design_point, layout::replicate});
    header.emplace_back("month");
    for (const auto& m : table.measures) header.push_back(m);
    write_row(file.out(), header);
    const auto run_index = results.run_column(layout::run_index);
    for (std::size_t r = 0; r < table.runs(); ++r) {
        for (std::size_t month = 0; month < months; ++month) {
            std::vector<std::string> fields{
                std::to_string(run_index[r]), std::to_string(table.design_point[r]),
                std::to_string(table.replicate[r]), std::to_string(month + 1)};
            for (const auto& s : series) fields.push_back(csv_number(s[r * months + month]));
            write_row(file.out(), fields);
        }
    }
}

void write_columns(const ResultsFile& results, const ResultsTable& table, CsvFile& file) {
    const auto row = [&](std::string_view column, std::string description, std::string units) {
        write_text_row(file.out(), {std::string(column), std::move(description), std::move(units)});
    };
    write_text_row(file.out(), {"column", "description", "units"});
    row(layout::run_index, "Position of the run in the whole experiment", "index");
    row(layout::design_point, "Which design point (row of design.csv)", "index");
    row(layout::replicate, "Which replicate of its design point", "index");
    row(layout::seed, "Seed of the run's random stream", "none");
    write_text_row(file.out(), {"month", "Month of the partnership, from 1", "month"});
    for (const auto& factor : table.factors) {
        const auto d = results.description(layout::dataset_path(layout::design_group, factor.name));
        write_text_row(file.out(), {factor.name, d.description, d.units});
    }
    for (const auto& measure : table.measures) {
        const auto d = results.description(layout::dataset_path(layout::final_group, measure));
        write_text_row(file.out(), {measure, d.description, d.units});
    }
}

// What each analysis_<table>.csv was computed with (month, options, resamples), which the
// tables themselves do not say.
void write_manifest(const std::vector<StoredTable>& analyses, CsvFile& file) {
    write_text_row(file.out(), {"file", "description", "computed_with"});
    for (const auto& stored : analyses) {
        write_text_row(file.out(), {"analysis_" + stored.table.name + ".csv",
                                    stored.table.description, stored.key});
    }
}

// With --force, analysis CSVs of an earlier export that this one does not write would sit
// beside the new ones looking current: they go.
template <class Outputs>
void remove_other_analyses(const std::filesystem::path& folder, const Outputs& outputs) {
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        const bool analysis =
            (name.starts_with("analysis_") && name.ends_with(".csv")) || name == "analyses.csv";
        const bool written = std::any_of(outputs.begin(), outputs.end(),
                                         [&](const auto& output) { return output.first == name; });
        if (analysis && !written) std::filesystem::remove(entry.path());
    }
}

}  // namespace

std::vector<std::filesystem::path> export_csv(const std::filesystem::path& results,
                                              const std::filesystem::path& folder,
                                              const CsvExportOptions& options) {
    const ResultsFile results_file(results);
    const ResultsTable table = read_results_table(results_file);
    // Only analyses of these very results: a table left by an earlier file of the same name
    // carries another identity in its key.
    std::vector<StoredTable> analyses = read_analysis_file(analysis_path_for(results));
    const std::string identity = results_file.identity();
    std::erase_if(analyses, [&](const StoredTable& t) { return !t.key.starts_with(identity); });

    using Writer = std::function<void(CsvFile&)>;
    std::vector<std::pair<std::string, Writer>> outputs{
        {"runs.csv", [&](CsvFile& f) { write_runs(results_file, table, f); }},
        {"design.csv", [&](CsvFile& f) { write_design(table, f); }},
        {"timeseries_means.csv",
         [&](CsvFile& f) { write_timeseries_means(results_file, table, f); }},
    };
    if (options.timeseries)
        outputs.push_back(
            {"timeseries.csv", [&](CsvFile& f) { write_timeseries(results_file, table, f); }});
    for (const auto& stored : analyses) {
        outputs.push_back({"analysis_" + stored.table.name + ".csv",
                           [&](CsvFile& f) { f.out() << table_csv(stored.table); }});
    }
    if (!analyses.empty()) {
        outputs.push_back({"analyses.csv", [&](CsvFile& f) { write_manifest(analyses, f); }});
    }
    outputs.push_back({"columns.csv", [&](CsvFile& f) { write_columns(results_file, table, f); }});

    std::filesystem::create_directories(folder);
    if (!options.overwrite) {
        for (const auto& [name, write] : outputs) {
            if (std::filesystem::exists(folder / name)) {
                throw std::runtime_error((folder / name).string() +
                                         " exists; use --force to overwrite it");
            }
        }
    }
    if (options.overwrite) remove_other_analyses(folder, outputs);
    std::vector<std::filesystem::path> written;
    for (const auto& [name, write] : outputs) {
        CsvFile file(folder / name);
        write(file);
        file.commit();
        written.push_back(folder / name);
    }
    return written;
}

}  // namespace partnersim::analysis
