#include "io/design_tables.hpp"

#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "io/hdf5_reader.hpp"
#include "support/hdf5_compare.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

constexpr int months = 4;

ResultsMetadata metadata() {
    return ResultsMetadata{"0.1.0-test", "[run]\nmonths = 4\n", "partnersim run", "2024-05-01"};
}

// A grid over a choice, a boolean and an integer, crossed with a Latin hypercube over a real.
ExperimentDesign mixed_design() {
    Scenario base;
    base.run.replicates = 2;
    SweepSpec spec;
    spec.grid.push_back({"setup.duration", {std::string("time_bound"), std::string("open_ended")}});
    spec.grid.push_back({"setup.review", {true, false}});
    spec.grid.push_back({"facilitator.consortium_members", {std::int64_t{1}, std::int64_t{3}}});
    spec.ranges.push_back({"trust.gain_rate", 0.5, 2.0});
    spec.method = SamplingMethod::latin_hypercube;
    spec.samples = 3;
    return make_design(base, spec);
}

std::filesystem::path write_with_design(const test::TempDir& dir, const ExperimentDesign& design) {
    const auto path = dir / "results.h5";
    Hdf5ResultWriter writer(path, ResultsShape{months}, metadata(), design_prologue(design));
    writer.write(test::make_known_run(0, months));
    writer.close();
    return path;
}

std::size_t parameter_index(const ExperimentDesign& design, const std::string& name) {
    for (std::size_t i = 0; i < design.parameters.size(); ++i) {
        if (design.parameters[i] == name) return i;
    }
    ADD_FAILURE() << "no parameter " << name;
    return 0;
}

TEST(DesignTables, WriteOneRowPerDesignPointWithTheParametersKind) {
    const test::TempDir dir;
    const ExperimentDesign design = mixed_design();
    ASSERT_EQ(design.points(), 24u);
    const auto path = write_with_design(dir, design);

    std::vector<std::string> durations;
    for (const auto& value : design.values[parameter_index(design, "setup.duration")]) {
        durations.push_back(std::get<std::string>(value));
    }
    EXPECT_EQ(read_labels(path, "design", "setup.duration"), durations);

    std::vector<std::int64_t> reviews;
    for (const auto& value : design.values[parameter_index(design, "setup.review")]) {
        reviews.push_back(std::get<bool>(value) ? 1 : 0);
    }
    EXPECT_EQ(read_integer_table(path, "design", "setup.review"), reviews);

    std::vector<std::int64_t> members;
    for (const auto& value :
         design.values[parameter_index(design, "facilitator.consortium_members")]) {
        members.push_back(std::get<std::int64_t>(value));
    }
    EXPECT_EQ(read_integer_table(path, "design", "facilitator.consortium_members"), members);

    std::vector<double> gains;
    for (const auto& value : design.values[parameter_index(design, "trust.gain_rate")]) {
        gains.push_back(std::get<double>(value));
    }
    EXPECT_EQ(read_table(path, "design", "trust.gain_rate"), gains);

    std::vector<std::int64_t> cells(design.grid_cell.begin(), design.grid_cell.end());
    std::vector<std::int64_t> samples(design.sample_index.begin(), design.sample_index.end());
    std::vector<std::int64_t> roles(design.saltelli_role.begin(), design.saltelli_role.end());
    EXPECT_EQ(read_integer_table(path, "design", "grid_cell"), cells);
    EXPECT_EQ(read_integer_table(path, "design", "sample_index"), samples);
    EXPECT_EQ(read_integer_table(path, "design", "saltelli_role"), roles);
    EXPECT_EQ(read_integer_table(path, "design", "morris_factor"),
              std::vector<std::int64_t>(design.points(), not_morris));
}

TEST(DesignTables, StoreTheDocumentedTypes) {
    const test::TempDir dir;
    const auto path = write_with_design(dir, mixed_design());
    const hdf5::File file = hdf5::open_for_reading(path);
    const auto type_of = [&](const std::string& name) {
        const hdf5::Dataset dataset(H5Dopen2(file.get(), ("/design/" + name).c_str(), H5P_DEFAULT));
        return hdf5::Datatype(H5Dget_type(dataset.get()));
    };
    EXPECT_GT(H5Tequal(type_of("trust.gain_rate").get(), H5T_IEEE_F64LE), 0);
    EXPECT_GT(H5Tequal(type_of("facilitator.consortium_members").get(), H5T_STD_I64LE), 0);
    EXPECT_GT(H5Tequal(type_of("setup.review").get(), H5T_STD_U8LE), 0);
    EXPECT_GT(H5Tequal(type_of("grid_cell").get(), H5T_STD_U64LE), 0);
    EXPECT_GT(H5Tequal(type_of("sample_index").get(), H5T_STD_U64LE), 0);
    EXPECT_GT(H5Tequal(type_of("saltelli_role").get(), H5T_STD_I64LE), 0);
    EXPECT_GT(H5Tequal(type_of("morris_factor").get(), H5T_STD_I64LE), 0);
    const hdf5::Datatype labels = type_of("setup.duration");
    EXPECT_EQ(H5Tget_class(labels.get()), H5T_STRING);
    EXPECT_EQ(H5Tis_variable_str(labels.get()), 0);  // fixed-length: hdf5::utf8_string_type
    EXPECT_EQ(H5Tget_cset(labels.get()), H5T_CSET_UTF8);
    EXPECT_EQ(H5Tget_size(labels.get()), std::string("open_ended").size());
}

TEST(DesignTables, EveryTableIsDescribed) {
    const test::TempDir dir;
    const ExperimentDesign design = mixed_design();
    const auto path = write_with_design(dir, design);
    std::vector<std::string> tables = design.parameters;
    for (const char* index : {"grid_cell", "sample_index", "saltelli_role", "morris_factor"}) {
        tables.push_back(index);
    }
    for (const std::string& table : tables) {
        const DatasetDescription described = read_description(path, "/design/" + table);
        EXPECT_FALSE(described.description.empty()) << table;
        EXPECT_FALSE(described.units.empty()) << table;
    }
    EXPECT_NE(read_description(path, "/design/trust.gain_rate").description.find("trust.gain_rate"),
              std::string::npos);
    EXPECT_EQ(read_description(path, "/design/trust.gain_rate").units,
              find_parameter("trust.gain_rate")->unit);
}

TEST(DesignTables, RootAttributesDescribeTheSweep) {
    const test::TempDir dir;
    const ExperimentDesign design = mixed_design();
    const auto path = write_with_design(dir, design);
    EXPECT_EQ(test::root_string_attribute(path, "sweep"), design.describe());
    EXPECT_EQ(test::root_uint_attribute(path, "design_points"), 24u);
    EXPECT_EQ(test::root_uint_attribute(path, "replicates_per_point"), 2u);
    const DesignAttributes read = read_design_attributes(path);
    EXPECT_EQ(read.sweep, design.describe());
    EXPECT_EQ(read.design_points, 24u);
    EXPECT_EQ(read.replicates_per_point, 2u);
}

TEST(DesignTables, ASingleScenarioHasIndexTablesButNoParameterTables) {
    const test::TempDir dir;
    Scenario scenario;
    scenario.run.replicates = 5;
    const ExperimentDesign design = single_point_design(scenario);
    const auto path = write_with_design(dir, design);
    std::vector<std::string> expected{"/design/grid_cell", "/design/morris_factor",
                                      "/design/saltelli_role", "/design/sample_index"};
    std::vector<std::string> design_tables;
    for (const std::string& name : test::dataset_names(path)) {
        if (name.rfind("/design/", 0) == 0) design_tables.push_back(name);
    }
    EXPECT_EQ(design_tables, expected);
    EXPECT_EQ(read_integer_table(path, "design", "grid_cell"), (std::vector<std::int64_t>{0}));
    EXPECT_EQ(read_integer_table(path, "design", "saltelli_role"),
              (std::vector<std::int64_t>{not_saltelli}));
    EXPECT_EQ(test::root_uint_attribute(path, "design_points"), 1u);
    EXPECT_EQ(test::root_uint_attribute(path, "replicates_per_point"), 5u);
    EXPECT_EQ(test::root_string_attribute(path, "sweep"), design.describe());
}

TEST(DesignTables, AHandMadeDesignWithMissingValuesIsRefused) {
    const test::TempDir dir;
    ExperimentDesign design;
    design.parameters = {"trust.gain_rate"};
    design.values = {{1.0}};  // one value for two points
    design.grid_cell = {0, 1};
    design.sample_index = {0, 0};
    design.saltelli_role = {not_saltelli, not_saltelli};
    design.morris_factor = {not_morris, not_morris};
    EXPECT_THROW(Hdf5ResultWriter(dir / "results.h5", ResultsShape{months}, metadata(),
                                  design_prologue(design)),
                 std::invalid_argument);
}

// A Morris design over a real and an integer range, crossed with a two-level grid.
ExperimentDesign morris_design() {
    Scenario base;
    base.run.replicates = 2;
    SweepSpec spec;
    spec.grid.push_back({"setup.review", {true, false}});
    spec.ranges.push_back({"trust.gain_rate", 0.5, 2.0});
    spec.ranges.push_back({"setup.setup_months", 0.0, 12.0});
    spec.method = SamplingMethod::morris;
    spec.samples = 3;
    return make_design(base, spec);
}

struct Bounds {
    bool present = false;
    double low = 0.0;
    double high = 0.0;
    std::int64_t range_index = 0;
};

Bounds bounds_of(const std::filesystem::path& path, const std::string& table) {
    const hdf5::File file = hdf5::open_for_reading(path);
    const hdf5::Dataset dataset(H5Dopen2(file.get(), ("/design/" + table).c_str(), H5P_DEFAULT));
    Bounds bounds;
    bounds.present = H5Aexists(dataset.get(), "low") > 0 && H5Aexists(dataset.get(), "high") > 0;
    if (!bounds.present) return bounds;
    for (const char* name : {"low", "high"}) {
        const hdf5::Attribute attribute(H5Aopen(dataset.get(), name, H5P_DEFAULT));
        const hdf5::Datatype type(H5Aget_type(attribute.get()));
        EXPECT_GT(H5Tequal(type.get(), H5T_IEEE_F64LE), 0) << table << " " << name;
    }
    bounds.low = hdf5::read_scalar_attribute<double>(dataset.get(), "low", H5T_NATIVE_DOUBLE);
    bounds.high = hdf5::read_scalar_attribute<double>(dataset.get(), "high", H5T_NATIVE_DOUBLE);
    bounds.range_index =
        hdf5::read_scalar_attribute<std::int64_t>(dataset.get(), "range_index", H5T_NATIVE_INT64);
    return bounds;
}

TEST(DesignTables, AMorrisDesignRecordsWhichFactorMovedIntoEachPoint) {
    const test::TempDir dir;
    const ExperimentDesign design = morris_design();
    ASSERT_EQ(design.points(), 2u * 3u * 3u);
    const auto path = write_with_design(dir, design);
    const std::vector<std::int64_t> moved(design.morris_factor.begin(), design.morris_factor.end());
    EXPECT_EQ(read_integer_table(path, "design", "morris_factor"), moved);
    EXPECT_EQ(moved.front(), morris_start);
    const std::vector<std::int64_t> trajectories(design.sample_index.begin(),
                                                 design.sample_index.end());
    EXPECT_EQ(read_integer_table(path, "design", "sample_index"), trajectories);
    const DatasetDescription described = read_description(path, "/design/morris_factor");
    EXPECT_NE(described.description.find("Morris"), std::string::npos);
    EXPECT_EQ(described.units, "code");
}

TEST(DesignTables, EveryRangeTableCarriesItsBoundsAndIndex) {
    const test::TempDir dir;
    // Written crash-safe, so what is read has been through compaction.
    const auto morris = write_with_design(dir, morris_design());
    const Bounds gain = bounds_of(morris, "trust.gain_rate");
    EXPECT_TRUE(gain.present);
    EXPECT_EQ(gain.low, 0.5);
    EXPECT_EQ(gain.high, 2.0);
    EXPECT_EQ(gain.range_index, 1);  // the code morris_factor and saltelli_role use for it
    const Bounds months_bounds = bounds_of(morris, "setup.setup_months");
    EXPECT_TRUE(months_bounds.present);
    EXPECT_EQ(months_bounds.low, 0.0);
    EXPECT_EQ(months_bounds.high, 12.0);
    EXPECT_EQ(months_bounds.range_index, 2);
    EXPECT_FALSE(bounds_of(morris, "setup.review").present);  // a grid factor has no range

    const test::TempDir other;
    const auto latin = write_with_design(other, mixed_design());
    const Bounds lhs = bounds_of(latin, "trust.gain_rate");
    EXPECT_TRUE(lhs.present);
    EXPECT_EQ(lhs.low, 0.5);
    EXPECT_EQ(lhs.high, 2.0);
    EXPECT_EQ(lhs.range_index, 1);
    EXPECT_FALSE(bounds_of(latin, "facilitator.consortium_members").present);
}

TEST(DesignTables, SurviveCompactionAndAreReadableFromACrashSafeFile) {
    const test::TempDir dir;
    const ExperimentDesign design = mixed_design();
    const auto path = dir / "results.h5";
    Hdf5ResultWriter writer(path, ResultsShape{months}, metadata(), design_prologue(design));
    writer.write(test::make_known_run(0, months));
    writer.flush();
    std::filesystem::copy_file(path, dir / "snapshot.h5");  // as a crash would leave it
    writer.close();
    EXPECT_EQ(read_labels(dir / "snapshot.h5", "design", "setup.duration"),
              read_labels(path, "design", "setup.duration"));
    EXPECT_EQ(read_design_attributes(dir / "snapshot.h5").sweep, design.describe());
    EXPECT_TRUE(bounds_of(dir / "snapshot.h5", "trust.gain_rate").present);
}

}  // namespace
}  // namespace partnersim
