#pragma once
// What an analysis produces, as one long table: text columns (measure, parameter, level...)
// and number columns (estimate, low, high...), one row per entry. Every analysis fits this
// shape, so one piece of code stores it (analysis_file.hpp), one exports it as CSV, and Python
// or a spreadsheet reads it without knowing which analysis made it.

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace partnersim::analysis {

struct AnalysisTable {
    std::string name;         // e.g. "main_effects": the HDF5 group and CSV file name
    std::string description;  // one sentence for the file's reader
    std::vector<std::string> text_columns;
    std::vector<std::string> number_columns;
    std::vector<std::vector<std::string>> text;  // [column][row]
    std::vector<std::vector<double>> numbers;    // [column][row]

    AnalysisTable() = default;
    AnalysisTable(std::string table_name, std::string table_description,
                  std::vector<std::string> text_names, std::vector<std::string> number_names)
        : name(std::move(table_name)),
          description(std::move(table_description)),
          text_columns(std::move(text_names)),
          number_columns(std::move(number_names)),
          text(text_columns.size()),
          numbers(number_columns.size()) {}

    std::size_t rows() const {
        if (!text.empty()) return text.front().size();
        return numbers.empty() ? 0 : numbers.front().size();
    }

    void add_row(const std::vector<std::string>& text_values,
                 const std::vector<double>& number_values) {
        if (text_values.size() != text.size() || number_values.size() != numbers.size()) {
            throw std::invalid_argument("table " + name + ": a row must have one value per column");
        }
        for (std::size_t c = 0; c < text.size(); ++c) text[c].push_back(text_values[c]);
        for (std::size_t c = 0; c < numbers.size(); ++c) numbers[c].push_back(number_values[c]);
    }

    const std::vector<std::string>& text_column(std::string_view column) const {
        return text[index_of(text_columns, column)];
    }
    const std::vector<double>& number_column(std::string_view column) const {
        return numbers[index_of(number_columns, column)];
    }

private:
    std::size_t index_of(const std::vector<std::string>& names, std::string_view column) const {
        for (std::size_t c = 0; c < names.size(); ++c)
            if (names[c] == column) return c;
        throw std::out_of_range("table " + name + " has no column " + std::string(column));
    }
};

}  // namespace partnersim::analysis
