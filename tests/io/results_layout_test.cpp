#include "io/results_layout.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "io/hdf5_handles.hpp"
#include "io/hdf5_reader.hpp"
#include "io/hdf5_writer.hpp"
#include "model/measures.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

constexpr int months = 3;
const ResultsMetadata metadata{"0.1.0", "[run]\nmonths = 3\n", "partnersim run x.toml",
                               "2024-05-01T12:00:00Z"};

std::filesystem::path write_sample(const test::TempDir& dir, std::uint64_t runs,
                                   ResultsStorage storage = ResultsStorage::crash_safe) {
    const auto path = dir / "results.h5";
    Hdf5ResultWriter writer(path, ResultsShape{months, 1, 2}, metadata, {}, storage);
    for (std::uint64_t run = 0; run < runs; ++run) {
        writer.write(test::make_known_run(run, months, run == 0 ? 2 : 0));
    }
    writer.close();
    return path;
}

std::size_t stored_bytes(hid_t file, const std::string& dataset) {
    const hdf5::Dataset opened(
        hdf5::check_id(H5Dopen2(file, dataset.c_str(), H5P_DEFAULT), "open " + dataset));
    const hdf5::Datatype type(hdf5::check_id(H5Dget_type(opened.get()), "type " + dataset));
    return H5Tget_size(type.get());
}

TEST(ResultsLayout, EveryNameTheWriterWritesIsTheContractsName) {
    const test::TempDir dir;
    const auto path = write_sample(dir, 3);
    const hdf5::File file = hdf5::open_for_reading(path);
    // Every link, but the axes of a design and of drawn models (the sample has neither:
    // tests/python/test_readers.py reads a file with both) and the datasets of root texts too
    // long for an attribute (its texts are short: CheckedReadDriver.ALongRootTextIsADataset).
    for (const std::string_view link : layout::writer_links) {
        const bool has = hdf5::link_exists(file.get(), layout::root_path(link));
        const bool long_text = layout::is_root_text(link);
        EXPECT_EQ(has, link != layout::design_point_axis_dataset &&
                           link != layout::model_constant_axis_dataset && !long_text)
            << link;
    }
    for (const layout::RunColumn& column : layout::run_columns) {
        EXPECT_TRUE(
            hdf5::link_exists(file.get(), layout::dataset_path(layout::runs_group, column.name)))
            << column.name;
    }
    for (const MeasureInfo& measure : measure_catalogue()) {
        EXPECT_TRUE(
            hdf5::link_exists(file.get(), layout::dataset_path(layout::final_group, measure.name)));
        EXPECT_TRUE(hdf5::link_exists(
            file.get(), layout::dataset_path(layout::timeseries_group, measure.name)));
    }
    // Every root attribute a finished, unsharded file has is the writer's own.
    const std::vector<std::string> attributes = hdf5::attribute_names(file.get());
    EXPECT_EQ(attributes.size(), 7u);
    for (const std::string& name : attributes) {
        EXPECT_TRUE(layout::is_writer_attribute(name)) << name;
    }
}

TEST(ResultsLayout, StorageSizesAreWhatTheWriterWrites) {
    const test::TempDir dir;
    const auto path = write_sample(dir, 2);
    const hdf5::File file = hdf5::open_for_reading(path);
    const std::string measure(measure_catalogue().front().name);
    EXPECT_EQ(stored_bytes(file.get(), layout::dataset_path(layout::timeseries_group, measure)),
              layout::timeseries_value_bytes);
    EXPECT_EQ(stored_bytes(file.get(), layout::dataset_path(layout::final_group, measure)),
              layout::final_value_bytes);
    std::size_t run_record = 0;
    for (const layout::RunColumn& column : layout::run_columns) {
        run_record +=
            stored_bytes(file.get(), layout::dataset_path(layout::runs_group, column.name));
    }
    EXPECT_EQ(run_record, layout::run_record_bytes);
    EXPECT_EQ(stored_bytes(file.get(), layout::root_path(layout::months_dataset)),
              sizeof(layout::MonthValue));
    const std::string trace(partner_trace_catalogue().front().name);
    EXPECT_EQ(stored_bytes(file.get(), layout::dataset_path(layout::agents_group, trace)),
              layout::timeseries_value_bytes);
}

TEST(ResultsLayout, BytesPerRunAddUp) {
    const layout::RunBytes bytes = layout::bytes_per_run(10, 36);
    EXPECT_EQ(bytes.timeseries, 10u * 36u * 4u);
    EXPECT_EQ(bytes.final_values, 10u * 8u);
    EXPECT_EQ(bytes.run_record, 32u);
    EXPECT_EQ(bytes.total(), 1440u + 80u + 32u);
}

TEST(ResultsLayout, DatasetPathsNameTheSameGroupHoweverItIsWritten) {
    EXPECT_EQ(layout::dataset_path("final", "capacity"), "/final/capacity");
    EXPECT_EQ(layout::dataset_path("/final/", "capacity"), "/final/capacity");
    EXPECT_EQ(layout::root_path("months"), "/months");
    EXPECT_EQ(layout::analysis_path_for("out/x.h5"), "out/x.analysis.h5");
}

TEST(ResultsLayout, IdentityKnownAnswer) {
    // FNV-1a 64 of the empty string is its offset basis, of "a" 0xaf63dc4c8601ec8c.
    EXPECT_EQ(layout::results_identity("T", 2, "cmd", "0.1.0", ""),
              "created T; runs 2; command cmd; partnersim 0.1.0; scenario cbf29ce484222325");
    EXPECT_EQ(layout::results_identity("T", 2, "cmd", "0.1.0", "a"),
              "created T; runs 2; command cmd; partnersim 0.1.0; scenario af63dc4c8601ec8c");
}

// The identity is written once, into the finished file, and files without the attribute
// (older, or unfinished) read the same identity, derived from their metadata.
TEST(ResultsLayout, IdentityIsWrittenAndDerivedAlike) {
    for (const ResultsStorage storage : {ResultsStorage::crash_safe, ResultsStorage::direct}) {
        const test::TempDir dir;
        const auto path = write_sample(dir, 3, storage);
        const std::string expected =
            layout::results_identity(metadata.created_utc, 3, metadata.command_line,
                                     metadata.partnersim_version, metadata.scenario_toml);
        {
            const hdf5::File file = hdf5::open_for_reading(path);
            EXPECT_EQ(hdf5::read_string_attribute(file.get(), layout::identity_attribute),
                      expected);
        }
        {
            const hdf5::File file(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
            ASSERT_TRUE(file.valid());
            hdf5::check(H5Adelete(file.get(), std::string(layout::identity_attribute).c_str()),
                        "delete the identity");
        }
        EXPECT_EQ(ResultsFile(path).identity(), expected);
    }
}

// --- Nothing outside the contract spells the layout -------------------------------------------

// Layout names that mean nothing else in this code base. Names shared with other contracts
// ("runs", "months", "sweep", "scenario", "description", "units", "low", "high": parameter
// units, TOML sections and keys, analysis table columns) cannot be told apart by a grep and are
// left to review.
const std::vector<std::string_view> unambiguous_names{
    layout::timeseries_group,
    layout::final_group,
    layout::agents_group,
    layout::design_group,
    layout::run_index,
    layout::design_point,
    layout::replicate,
    layout::partnersim_version_attribute,
    layout::command_line_attribute,
    layout::created_utc_attribute,
    layout::identity_attribute,
    layout::first_run_attribute,
    layout::total_runs_attribute,
    layout::design_points_attribute,
    layout::replicates_per_point_attribute,
    layout::grid_factors_attribute,
    layout::range_factors_attribute,
    layout::range_index_attribute,
    layout::grid_cell_table,
    layout::sample_index_table,
    layout::saltelli_role_table,
    layout::morris_factor_table,
    layout::analysis_key_attribute,
    layout::analysis_columns_attribute,
    layout::analysis_suffix,
};

std::string escaped(std::string_view text) {
    static const std::regex special(R"([.^$|()\[\]{}*+?\\])");
    return std::regex_replace(std::string(text), special, R"(\$&)");
}

// Alternatives of a regex, each escaped. Appended piece by piece: g++ 12 gives a false
// -Wrestrict on "|" + std::string.
std::string alternatives(const std::vector<std::string_view>& names) {
    std::string text;
    for (const std::string_view name : names) {
        if (!text.empty()) text += '|';
        text += escaped(name);
    }
    return text;
}

// A quoted literal that is one of the names, or a path into one of the root groups
// ("/final/...", "design/...", f"timeseries/{...}"; "runs/" only with its leading slash, since
// "runs/s" is a rate).
std::regex stray_literal() {
    std::vector<std::string_view> groups(layout::writer_links.begin(), layout::writer_links.end());
    groups.push_back(layout::design_group);
    std::vector<std::string_view> unambiguous_groups;
    for (const std::string_view group : groups) {
        if (group != layout::runs_group) unambiguous_groups.push_back(group);
    }
    std::string pattern = "[\"'](";
    pattern += alternatives(unambiguous_names);
    pattern += ")[\"']|[\"']/(";
    pattern += alternatives(groups);
    pattern += ")/|[\"'](";
    pattern += alternatives(unambiguous_groups);
    pattern += ")/";
    return std::regex(pattern);
}

std::vector<std::string> stray_spellings(const std::filesystem::path& folder,
                                         const std::vector<std::string>& extensions,
                                         const std::vector<std::string>& allowed) {
    const std::regex stray = stray_literal();
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        const auto& path = entry.path();
        const std::string extension = path.extension().string();
        if (std::find(extensions.begin(), extensions.end(), extension) == extensions.end()) {
            continue;
        }
        const std::string name = path.filename().string();
        if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
        std::ifstream in(path);
        std::string line;
        for (int number = 1; std::getline(in, line); ++number) {
            const auto code = line.substr(0, line.find("//"));
            if (std::regex_search(code, stray)) {
                found.push_back(path.string() + ":" + std::to_string(number) + ": " + line);
            }
        }
    }
    return found;
}

std::string listed(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines) text += line + "\n";
    return text;
}

TEST(ResultsLayout, NoCppFileOutsideTheContractSpellsTheLayout) {
    const std::filesystem::path source(PARTNERSIM_SOURCE_DIR);
    std::vector<std::string> found;
    for (const char* folder : {"sim", "analysis", "bench"}) {
        const auto more = stray_spellings(source / folder, {".cpp", ".hpp"},
                                          {"results_layout.hpp", "results_layout.cpp"});
        found.insert(found.end(), more.begin(), more.end());
    }
    EXPECT_TRUE(found.empty()) << "use io/results_layout.hpp instead:\n" << listed(found);
}

TEST(ResultsLayout, NoPythonModuleButHelpersSpellsTheLayout) {
    const std::filesystem::path figures =
        std::filesystem::path(PARTNERSIM_SOURCE_DIR) / "analysis" / "figures";
    const auto found = stray_spellings(figures, {".py"}, {"helpers.py"});
    EXPECT_TRUE(found.empty()) << "use helpers.py's layout names instead:\n" << listed(found);
    // The Python package (sim/python/partnersim) has its own copy, layout.py.
    const std::filesystem::path package =
        std::filesystem::path(PARTNERSIM_SOURCE_DIR) / "sim" / "python" / "partnersim";
    const auto in_package = stray_spellings(package, {".py"}, {"layout.py"});
    EXPECT_TRUE(in_package.empty()) << "use layout.py's names instead:\n" << listed(in_package);
}

// helpers.py is the Python copy of the contract: each of its layout constants must hold the
// name this header gives.
const std::map<std::string, std::string_view>& python_layout_names() {
    static const std::map<std::string, std::string_view> expected{
        {"RUNS", layout::runs_group},
        {"TIMESERIES", layout::timeseries_group},
        {"FINAL", layout::final_group},
        {"MONTHS", layout::months_dataset},
        {"DESIGN", layout::design_group},
        {"RUN_INDEX", layout::run_index},
        {"REPLICATE", layout::replicate},
        {"SEED", layout::seed},
        {"MODEL_CONSTANTS", layout::model_constants_dataset},
        {"DESIGN_POINT", layout::design_point},
        {"DESIGN_POINTS", layout::design_points_attribute},
        {"RUNS_ATTRIBUTE", layout::runs_attribute},
        {"MONTHS_ATTRIBUTE", layout::months_attribute},
        {"COMMAND_LINE", layout::command_line_attribute},
        {"SCENARIO", layout::scenario_attribute},
        {"CREATED_UTC", layout::created_utc_attribute},
        {"PARTNERSIM_VERSION", layout::partnersim_version_attribute},
        {"SWEEP", layout::sweep_attribute},
        {"REPLICATES_PER_POINT", layout::replicates_per_point_attribute},
        {"IDENTITY", layout::identity_attribute},
        {"GRID_FACTORS", layout::grid_factors_attribute},
        {"RANGE_FACTORS", layout::range_factors_attribute},
        {"RANGE_INDEX", layout::range_index_attribute},
        {"DESCRIPTION", layout::description_attribute},
        {"UNITS", layout::units_attribute},
        {"DIRECTION", layout::direction_attribute},
        {"ANALYSIS_SUFFIX", layout::analysis_suffix},
        {"ANALYSIS_KEY", layout::analysis_key_attribute},
        {"ANALYSIS_COLUMNS", layout::analysis_columns_attribute},
    };
    return expected;
}

// The tuples of names a Python copy of the contract holds, each as its line must read.
template <std::size_t N>
std::string tuple_line(const char* name, const std::array<std::string_view, N>& names) {
    std::string line = std::string(name) + " = (";
    for (std::size_t i = 0; i < N; ++i) {
        if (i > 0) line += ", ";
        line += '"';
        line += names[i];
        line += '"';
    }
    line += ')';
    return line;
}

const std::map<std::string, std::string>& python_tuple_lines() {
    static const std::map<std::string, std::string> lines{
        {"DESIGN_STRUCTURE", tuple_line("DESIGN_STRUCTURE", layout::design_structure_tables)},
        {"ROOT_TEXTS", tuple_line("ROOT_TEXTS", layout::root_texts)}};
    return lines;
}

// NAME = "value" lines of a Python file, and its lines of the tuples above (by name).
std::map<std::string, std::string> python_constants(const std::filesystem::path& file,
                                                    std::map<std::string, std::string>& tuples) {
    std::ifstream in(file);
    const std::regex constant(R"re(^([A-Z_]+) = "([^"]*)"\s*$)re");
    std::map<std::string, std::string> python;
    for (std::string line; std::getline(in, line);) {
        std::smatch match;
        if (std::regex_match(line, match, constant)) python[match[1]] = match[2];
        for (const auto& [name, expected] : python_tuple_lines()) {
            if (line.starts_with(name + " = ")) tuples[name] = line;
        }
    }
    return python;
}

// The package's layout.py holds a subset of the names, each with the header's value.
TEST(ResultsLayout, PackageNamesMatch) {
    std::map<std::string, std::string> tuples;
    const auto python = python_constants(std::filesystem::path(PARTNERSIM_SOURCE_DIR) / "sim" /
                                             "python" / "partnersim" / "layout.py",
                                         tuples);
    ASSERT_FALSE(python.empty());
    const auto& expected = python_layout_names();
    for (const auto& [name, value] : python) {
        ASSERT_TRUE(expected.count(name)) << "layout.py's " << name << " is no layout name";
        EXPECT_EQ(value, expected.at(name)) << name;
    }
    EXPECT_EQ(tuples, python_tuple_lines());
}

TEST(ResultsLayout, PythonNamesMatch) {
    std::map<std::string, std::string> tuples;
    auto python = python_constants(
        std::filesystem::path(PARTNERSIM_SOURCE_DIR) / "analysis" / "figures" / "helpers.py",
        tuples);
    for (const auto& [name, value] : python_layout_names()) {
        ASSERT_TRUE(python.count(name)) << "helpers.py has no " << name;
        EXPECT_EQ(python[name], value) << name;
    }
    EXPECT_EQ(tuples, python_tuple_lines());
}

}  // namespace
}  // namespace partnersim
