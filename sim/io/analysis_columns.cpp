#include "io/analysis_columns.hpp"

#include <array>
#include <optional>
#include <string>

#include "model/measures.hpp"
#include "model/parameters.hpp"

namespace partnersim::analysis {
namespace {

// The unit of a value that is a level, mean or difference of the row's measure.
constexpr std::string_view measure_units =
    "the units of the row's measure (its `units` in the results file)";

struct KnownColumn {
    std::string_view name;
    std::string_view description;
    std::string_view units;
};

// Columns shared by several analyses; their meaning does not depend on the table.
constexpr std::array known_columns{
    KnownColumn{"measure",
                "Name of the measure the row is about (a dataset of /timeseries and "
                "/final in the results file)",
                "none"},
    KnownColumn{"parameter",
                "Dotted name of the design parameter the row is about (see "
                "`partnersim params`)",
                "none"},
    KnownColumn{"parameter_a", "Dotted name of the first of the two parameters", "none"},
    KnownColumn{"parameter_b", "Dotted name of the second of the two parameters", "none"},
    KnownColumn{"level", "Value of the parameter at this row, as written in a scenario", "none"},
    KnownColumn{"level_a", "Value of parameter_a at this row", "none"},
    KnownColumn{"level_b", "Value of parameter_b at this row", "none"},
    KnownColumn{"from", "First level of the parameter: where the effect is measured from", "none"},
    KnownColumn{"to", "Last level of the parameter: where the effect is measured to", "none"},
    KnownColumn{"estimate", "Point estimate (see the table's description for of what)",
                measure_units},
    KnownColumn{"mean", "Mean of the measure over the runs of this row", measure_units},
    KnownColumn{"low",
                "Lower end of the row's interval (its kind is in the table's "
                "description)",
                measure_units},
    KnownColumn{"high",
                "Upper end of the row's interval (its kind is in the table's "
                "description)",
                measure_units},
    KnownColumn{"difference", "Variant minus baseline: the mean over paired replicates",
                measure_units},
    KnownColumn{"baseline_mean", "Mean over the baseline's replicates", measure_units},
    KnownColumn{"variant_mean", "Mean over the variant's replicates", measure_units},
    KnownColumn{"standardised",
                "Effect in pooled standard deviations of the measure "
                "(Cohen's d); NaN when the measure does not vary",
                "standard deviations"},
    KnownColumn{"runs", "Number of runs behind the row", "runs"},
    KnownColumn{"run", "Position of the run in the results file (its /runs/run_index)", "index"},
    KnownColumn{"month", "Month of the simulation, counted from 1", "months"},
    KnownColumn{"replicates", "Number of paired replicates behind the row", "runs"},
};

// The description of the entry named `column` (each has name, description and units), if any.
template <class Entries>
std::optional<ColumnDescription> named_in(const Entries& entries, std::string_view column) {
    for (const auto& entry : entries) {
        if (entry.name == column) {
            return ColumnDescription{std::string(entry.description), std::string(entry.units)};
        }
    }
    return std::nullopt;
}

const ParameterSpec* parameter_named(std::string_view column) {
    return column.find('.') == std::string_view::npos ? nullptr : find_parameter(column);
}

}  // namespace

ColumnDescription describe_column(const AnalysisTable& table, std::string_view column) {
    if (auto known = named_in(known_columns, column)) return *known;
    if (auto measure = named_in(measure_catalogue(), column)) return *measure;
    if (const ParameterSpec* spec = parameter_named(column)) {
        return {spec->meaning, spec->unit.empty() ? std::string("none") : spec->unit};
    }
    return {"Column `" + std::string(column) + "` of the table " + table.name + ": " +
                table.description,
            "as the table's description says"};
}

}  // namespace partnersim::analysis
