#include "io/design_tables.hpp"

#include <filesystem>
#include <stdexcept>
#include <type_traits>
#include <variant>
#include <vector>

#include "io/hdf5_handles.hpp"
#include "io/results_layout.hpp"
#include "model/parameters.hpp"
#include "model/partnership_state.hpp"

namespace partnersim {
namespace {

const std::string design_group(layout::design_group);
const std::string labels_group(layout::labels_group);

ParameterKind kind_of(const std::string& parameter, const std::vector<ParameterValue>& values) {
    if (const ParameterSpec* spec = find_parameter(parameter)) return spec->kind;
    // Not in the registry (a hand-made design): go by the values themselves.
    ParameterKind kind = ParameterKind::real;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const ParameterKind here = std::visit(
            [](const auto& value) {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, double>) return ParameterKind::real;
                if constexpr (std::is_same_v<T, std::int64_t>) return ParameterKind::integer;
                if constexpr (std::is_same_v<T, bool>) return ParameterKind::boolean;
                return ParameterKind::choice;
            },
            values[i]);
        if (i == 0) {
            kind = here;
        } else if (here != kind) {
            const bool numbers = (here == ParameterKind::real || here == ParameterKind::integer) &&
                                 (kind == ParameterKind::real || kind == ParameterKind::integer);
            if (!numbers) {
                throw std::invalid_argument("design parameter " + parameter +
                                            " mixes values of different kinds");
            }
            kind = ParameterKind::real;
        }
    }
    return kind;
}

[[noreturn]] void wrong_value(const std::string& parameter, std::size_t point,
                              const char* expected) {
    throw std::invalid_argument("design parameter " + parameter + " at point " +
                                std::to_string(point) + " is not " + expected);
}

void write_parameter(Hdf5ResultWriter& writer, const std::string& parameter,
                     const std::vector<ParameterValue>& values) {
    const ParameterKind kind = kind_of(parameter, values);
    const ParameterSpec* spec = find_parameter(parameter);
    std::string description = "Value of " + parameter + " at each design point";
    if (spec && !spec->meaning.empty()) description += ": " + spec->meaning;
    const std::string units = spec && !spec->unit.empty() ? spec->unit : "none";
    switch (kind) {
        case ParameterKind::real: {
            std::vector<double> numbers;
            for (std::size_t p = 0; p < values.size(); ++p) {
                if (const auto* real = std::get_if<double>(&values[p])) {
                    numbers.push_back(*real);
                } else if (const auto* integer = std::get_if<std::int64_t>(&values[p])) {
                    numbers.push_back(static_cast<double>(*integer));
                } else {
                    wrong_value(parameter, p, "a number");
                }
            }
            writer.write_table(design_group, parameter, std::span<const double>(numbers),
                               description, units);
            return;
        }
        case ParameterKind::integer: {
            std::vector<std::int64_t> integers;
            for (std::size_t p = 0; p < values.size(); ++p) {
                const auto* integer = std::get_if<std::int64_t>(&values[p]);
                if (!integer) wrong_value(parameter, p, "an integer");
                integers.push_back(*integer);
            }
            writer.write_table(design_group, parameter, std::span<const std::int64_t>(integers),
                               description, units);
            return;
        }
        case ParameterKind::boolean: {
            std::vector<std::uint8_t> flags;
            for (std::size_t p = 0; p < values.size(); ++p) {
                const auto* flag = std::get_if<bool>(&values[p]);
                if (!flag) wrong_value(parameter, p, "true or false");
                flags.push_back(*flag ? 1 : 0);
            }
            writer.write_table(design_group, parameter, std::span<const std::uint8_t>(flags),
                               description + " (1 true, 0 false)", units);
            return;
        }
        case ParameterKind::choice: {
            std::vector<std::string> labels;
            for (std::size_t p = 0; p < values.size(); ++p) {
                const auto* label = std::get_if<std::string>(&values[p]);
                if (!label) wrong_value(parameter, p, "a choice");
                labels.push_back(*label);
            }
            writer.write_labels(design_group, parameter, labels, description, units);
            return;
        }
    }
}

// The attributes of each range factor's table: low and high (float64), so values can be mapped
// back to the unit cube from the file alone, and range_index (int64, 1..k), the code
// saltelli_role and morris_factor use for it, since a group does not keep the order of its
// tables. The writer only sets root attributes; in the prologue the file is still open in this
// process and not yet in SWMR mode, so a second handle on it (HDF5 shares the open file between
// handles) can add them, and is closed again before the writer goes on. Crash-safe compaction
// and merge copy the tables with H5Ocopy, attributes included.
void write_range_attributes(const std::filesystem::path& path, const ExperimentDesign& design) {
    if (design.spec.ranges.empty()) return;
    const hdf5::PropertyList access = hdf5::streaming_file_access();
    hdf5::use_checksummed_layout(access.get());
    hdf5::File file(hdf5::check_id(H5Fopen(path.c_str(), H5F_ACC_RDWR, access.get()),
                                   "reopen the file to describe the ranges"));
    for (std::size_t r = 0; r < design.spec.ranges.size(); ++r) {
        const RangeFactor& factor = design.spec.ranges[r];
        const std::string table = layout::dataset_path(layout::design_group, factor.parameter);
        const hdf5::Dataset dataset(
            hdf5::check_id(H5Dopen2(file.get(), table.c_str(), H5P_DEFAULT), "open " + table));
        hdf5::write_scalar_attribute<double>(dataset.get(), layout::low_attribute, H5T_IEEE_F64LE,
                                             H5T_NATIVE_DOUBLE, factor.low);
        hdf5::write_scalar_attribute<double>(dataset.get(), layout::high_attribute, H5T_IEEE_F64LE,
                                             H5T_NATIVE_DOUBLE, factor.high);
        hdf5::write_scalar_attribute<std::int64_t>(dataset.get(), layout::range_index_attribute,
                                                   H5T_STD_I64LE, H5T_NATIVE_INT64,
                                                   static_cast<std::int64_t>(r + 1));
    }
    hdf5::check(file.close(), "close the second handle on the file");
}

}  // namespace

DesignAttributes design_attributes(const ExperimentDesign& design) {
    DesignAttributes attributes{design.describe(), design.points(), design.replicates, {}, {}};
    for (const GridFactor& factor : design.spec.grid) {
        attributes.grid_factors.push_back(factor.parameter);
    }
    for (const RangeFactor& factor : design.spec.ranges) {
        attributes.range_factors.push_back(factor.parameter);
    }
    return attributes;
}

// The label tables of the outcome codes in /final/outcome and /final/outcome_cause
// (docs/model.md 7.16): row k names code k.
void write_outcome_labels(Hdf5ResultWriter& writer) {
    const std::vector<std::string> classes(outcome_class_names.begin(), outcome_class_names.end());
    const std::vector<std::string> causes(outcome_cause_names.begin(), outcome_cause_names.end());
    writer.write_labels(labels_group, "outcome", classes,
                        "Name of each outcome class: row k names code k of /final/outcome",
                        "label");
    writer.write_labels(labels_group, "outcome_cause", causes,
                        "Name of each outcome cause: row k names code k of /final/outcome_cause",
                        "label");
}

void write_design_tables(Hdf5ResultWriter& writer, const ExperimentDesign& design) {
    const std::uint64_t points = design.points();
    if (design.values.size() != design.parameters.size()) {
        throw std::invalid_argument("the design has " + std::to_string(design.parameters.size()) +
                                    " parameters but values for " +
                                    std::to_string(design.values.size()));
    }
    if (design.sample_index.size() != points || design.saltelli_role.size() != points ||
        design.morris_factor.size() != points) {
        throw std::invalid_argument("the design's index tables do not have one row per point");
    }
    for (std::size_t i = 0; i < design.parameters.size(); ++i) {
        if (design.values[i].size() != points) {
            throw std::invalid_argument("design parameter " + design.parameters[i] + " has " +
                                        std::to_string(design.values[i].size()) + " values for " +
                                        std::to_string(points) + " points");
        }
        if (design.parameters[i].find('/') != std::string::npos) {
            throw std::invalid_argument("design parameter " + design.parameters[i] +
                                        " contains '/', which cannot name a dataset");
        }
        write_parameter(writer, design.parameters[i], design.values[i]);
    }
    writer.write_table(design_group, std::string(layout::grid_cell_table),
                       std::span<const std::uint64_t>(design.grid_cell),
                       "Grid cell of each design point: which combination of the grid "
                       "factors' levels it has, counted from 0 (0 without grid factors)",
                       "index");
    writer.write_table(design_group, std::string(layout::sample_index_table),
                       std::span<const std::uint64_t>(design.sample_index),
                       "Sample of each design point within its grid cell, counted from 0 "
                       "(0 without sampled ranges)",
                       "index");
    std::vector<std::int64_t> roles(design.saltelli_role.begin(), design.saltelli_role.end());
    writer.write_table(design_group, std::string(layout::saltelli_role_table),
                       std::span<const std::int64_t>(roles),
                       "Role of each design point in a Saltelli (Sobol) scheme: -1 not part "
                       "of one; 0 matrix A; i from 1 to k (the number of ranges): A with column "
                       "i (the range whose table has range_index i) taken from B; k + 1: "
                       "matrix B",
                       "code");
    std::vector<std::int64_t> moved(design.morris_factor.begin(), design.morris_factor.end());
    writer.write_table(design_group, std::string(layout::morris_factor_table),
                       std::span<const std::int64_t>(moved),
                       "Which range factor moved into each design point along its Morris "
                       "trajectory (the trajectory is sample_index): -1 not part of one; 0 the "
                       "trajectory's first point; i from 1 to k (the number of ranges): the "
                       "range whose table has range_index i moved from the previous point, "
                       "which is the previous row",
                       "code");
    write_outcome_labels(writer);
    write_range_attributes(writer.path(), design);
    const DesignAttributes attributes = design_attributes(design);
    writer.write_attribute(std::string(layout::sweep_attribute), attributes.sweep);
    writer.write_attribute(std::string(layout::design_points_attribute), attributes.design_points);
    writer.write_attribute(std::string(layout::replicates_per_point_attribute),
                           attributes.replicates_per_point);
    writer.write_attribute(std::string(layout::grid_factors_attribute),
                           std::span<const std::string>(attributes.grid_factors));
    writer.write_attribute(std::string(layout::range_factors_attribute),
                           std::span<const std::string>(attributes.range_factors));
}

ResultsPrologue design_prologue(const ExperimentDesign& design) {
    return [&design](Hdf5ResultWriter& writer) { write_design_tables(writer, design); };
}

DesignAttributes read_design_attributes(const std::filesystem::path& results) {
    std::optional<DesignAttributes> design = ResultsFile(results).design();
    if (!design) {
        throw std::runtime_error(results.string() +
                                 ": no design attributes (sweep, design_points, "
                                 "replicates_per_point)");
    }
    return std::move(*design);
}

}  // namespace partnersim
