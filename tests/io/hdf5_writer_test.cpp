#include "io/hdf5_writer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "io/hdf5_handles.hpp"
#include "io/hdf5_reader.hpp"
#include "io/results_layout.hpp"
#include "model/measures.hpp"
#include "support/hdf5_compare.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

using test::known_final_value;
using test::known_seed;
using test::known_series_value;
using test::known_trace_value;
using test::make_known_run;

constexpr int months = 4;

ResultsMetadata sample_metadata() {
    return ResultsMetadata{"0.1.0-test",
                           "# Scénario de test\n[simulation]\nmonths = 4\nseed = 42\n",
                           "partnersim run scenario.toml --runs 3", "2024-05-01T12:00:00Z"};
}

void write_known_runs(const std::filesystem::path& path, std::uint64_t runs,
                      const ResultsShape& shape = ResultsShape{months}) {
    Hdf5ResultWriter writer(path, shape, sample_metadata());
    for (std::uint64_t run = 0; run < runs; ++run) writer.write(make_known_run(run, months));
    writer.close();
}

void expect_known_runs(const std::filesystem::path& path, std::uint64_t runs) {
    std::vector<std::uint64_t> expected_index(runs), expected_point(runs), expected_replicate(runs),
        expected_seed(runs);
    for (std::uint64_t run = 0; run < runs; ++run) {
        expected_index[run] = run;
        expected_point[run] = run / 3;
        expected_replicate[run] = run % 3;
        expected_seed[run] = known_seed(run);
    }
    EXPECT_EQ(read_run_column(path, "run_index"), expected_index);
    EXPECT_EQ(read_run_column(path, "design_point"), expected_point);
    EXPECT_EQ(read_run_column(path, "replicate"), expected_replicate);
    EXPECT_EQ(read_run_column(path, "seed"), expected_seed);

    for (std::size_t m = 0; m < measure_count; ++m) {
        const std::string name(measure_catalogue()[m].name);
        const std::vector<float> series = read_timeseries(path, name);
        const std::vector<double> finals = read_final(path, name);
        ASSERT_EQ(series.size(), runs * months) << name;
        ASSERT_EQ(finals.size(), runs) << name;
        for (std::uint64_t run = 0; run < runs; ++run) {
            for (int month = 0; month < months; ++month) {
                ASSERT_EQ(series[run * months + static_cast<std::uint64_t>(month)],
                          known_series_value(run, m, month))
                    << name << " run " << run << " month " << month;
            }
            ASSERT_EQ(finals[run], known_final_value(run, m)) << name << " run " << run;
        }
    }
}

struct StoredShape {
    H5T_class_t type_class;
    std::size_t type_size;
    H5T_sign_t sign;
    std::vector<hsize_t> dims;
    std::vector<hsize_t> max_dims;
};

StoredShape stored_shape(const std::filesystem::path& path, const std::string& dataset_name) {
    const hdf5::File file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
    const hdf5::Dataset dataset(H5Dopen2(file.get(), dataset_name.c_str(), H5P_DEFAULT));
    const hdf5::Datatype type(H5Dget_type(dataset.get()));
    const hdf5::Dataspace space(H5Dget_space(dataset.get()));
    const int rank = H5Sget_simple_extent_ndims(space.get());
    StoredShape shape{H5Tget_class(type.get()), H5Tget_size(type.get()), H5T_SGN_ERROR, {}, {}};
    if (shape.type_class == H5T_INTEGER) shape.sign = H5Tget_sign(type.get());
    shape.dims.resize(static_cast<std::size_t>(rank));
    shape.max_dims.resize(static_cast<std::size_t>(rank));
    H5Sget_simple_extent_dims(space.get(), shape.dims.data(), shape.max_dims.data());
    return shape;
}

std::vector<H5Z_filter_t> filters_of(const std::filesystem::path& path,
                                     const std::string& dataset_name) {
    const hdf5::File file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
    const hdf5::Dataset dataset(H5Dopen2(file.get(), dataset_name.c_str(), H5P_DEFAULT));
    const hdf5::PropertyList dcpl(H5Dget_create_plist(dataset.get()));
    std::vector<H5Z_filter_t> filters;
    const int count = H5Pget_nfilters(dcpl.get());
    for (int i = 0; i < count; ++i) {
        unsigned flags = 0;
        std::size_t values = 0;
        unsigned config = 0;
        filters.push_back(H5Pget_filter2(dcpl.get(), static_cast<unsigned>(i), &flags, &values,
                                         nullptr, 0, nullptr, &config));
    }
    return filters;
}

bool has_link(const std::filesystem::path& path, const std::string& name) {
    const hdf5::File file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
    return hdf5::link_exists(file.get(), name);
}

std::uint64_t runs_attribute(const std::filesystem::path& path) {
    const hdf5::File file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
    return hdf5::read_scalar_attribute<std::uint64_t>(file.get(), "runs", H5T_NATIVE_UINT64);
}

TEST(Hdf5Writer, WritesEveryRunInRunOrderWithExactValues) {
    const test::TempDir dir;
    write_known_runs(dir / "results.h5", 3);
    expect_known_runs(dir / "results.h5", 3);
}

TEST(Hdf5Writer, RootAttributesCarryTheMetadataMonthsAndRunCount) {
    const test::TempDir dir;
    write_known_runs(dir / "results.h5", 3);

    const ResultsFileInfo info = read_results_info(dir / "results.h5");
    const ResultsMetadata expected = sample_metadata();
    EXPECT_EQ(info.metadata.partnersim_version, expected.partnersim_version);
    EXPECT_EQ(info.metadata.scenario_toml, expected.scenario_toml);
    EXPECT_EQ(info.metadata.command_line, expected.command_line);
    EXPECT_EQ(info.metadata.created_utc, expected.created_utc);
    EXPECT_EQ(info.months, months);
    EXPECT_EQ(info.runs, 3u);
    EXPECT_EQ(runs_attribute(dir / "results.h5"), 3u);
}

TEST(Hdf5Writer, MeasuresAreListedInCatalogueOrder) {
    const test::TempDir dir;
    write_known_runs(dir / "results.h5", 1);

    std::vector<std::string> catalogue;
    for (const MeasureInfo& measure : measure_catalogue()) catalogue.emplace_back(measure.name);
    EXPECT_EQ(read_results_info(dir / "results.h5").measures, catalogue);
}

TEST(Hdf5Writer, StoresTheDocumentedTypesAndShapes) {
    const test::TempDir dir;
    const auto path = dir / "results.h5";
    write_known_runs(path, 3);

    const StoredShape series = stored_shape(path, "/timeseries/capacity");
    EXPECT_EQ(series.type_class, H5T_FLOAT);
    EXPECT_EQ(series.type_size, 4u);
    EXPECT_EQ(series.dims, (std::vector<hsize_t>{3, months}));
    EXPECT_EQ(series.max_dims, (std::vector<hsize_t>{H5S_UNLIMITED, months}));

    const StoredShape final_value = stored_shape(path, "/final/capacity");
    EXPECT_EQ(final_value.type_class, H5T_FLOAT);
    EXPECT_EQ(final_value.type_size, 8u);
    EXPECT_EQ(final_value.dims, (std::vector<hsize_t>{3}));
    EXPECT_EQ(final_value.max_dims, (std::vector<hsize_t>{H5S_UNLIMITED}));

    for (const char* column : {"run_index", "design_point", "replicate", "seed"}) {
        const StoredShape stored = stored_shape(path, std::string("/runs/") + column);
        EXPECT_EQ(stored.type_class, H5T_INTEGER) << column;
        EXPECT_EQ(stored.type_size, 8u) << column;
        // The seed is int64 holding the unsigned seed's bits (for R); the others uint64.
        EXPECT_EQ(stored.sign, std::string(column) == "seed" ? H5T_SGN_2 : H5T_SGN_NONE) << column;
        EXPECT_EQ(stored.dims, (std::vector<hsize_t>{3})) << column;
    }

    const StoredShape axis = stored_shape(path, "/months");
    EXPECT_EQ(axis.type_class, H5T_INTEGER);
    EXPECT_EQ(axis.type_size, 4u);
    EXPECT_EQ(axis.sign, H5T_SGN_2);
    EXPECT_EQ(axis.dims, (std::vector<hsize_t>{months}));
}

TEST(Hdf5Writer, MonthsAxisCountsFromOne) {
    const test::TempDir dir;
    write_known_runs(dir / "results.h5", 1);
    EXPECT_EQ(read_table(dir / "results.h5", "/", "months"), (std::vector<double>{1, 2, 3, 4}));
}

TEST(Hdf5Writer, CompressesRunDatasetsWithShuffleAndDeflate) {
    const test::TempDir dir;
    write_known_runs(dir / "results.h5", 3);
    const std::vector<H5Z_filter_t> expected{H5Z_FILTER_SHUFFLE, H5Z_FILTER_DEFLATE};
    EXPECT_EQ(filters_of(dir / "results.h5", "/timeseries/cost"), expected);
    EXPECT_EQ(filters_of(dir / "results.h5", "/final/cost"), expected);
    EXPECT_EQ(filters_of(dir / "results.h5", "/runs/seed"), expected);
}

TEST(Hdf5Writer, EveryDatasetHasADescriptionAndUnits) {
    const test::TempDir dir;
    const auto path = dir / "results.h5";
    Hdf5ResultWriter writer(path, ResultsShape{months, 1, 2}, sample_metadata());
    writer.write(make_known_run(0, months, 2));
    writer.close();

    std::vector<std::string> datasets{"/months", "/runs/run_index", "/runs/design_point",
                                      "/runs/replicate", "/runs/seed"};
    for (const MeasureInfo& measure : measure_catalogue()) {
        const std::string name(measure.name);
        for (const std::string group : {"/timeseries/", "/final/"}) {
            const DatasetDescription stored = read_description(path, group + name);
            EXPECT_EQ(stored.description, measure.description) << group << name;
            EXPECT_EQ(stored.units, measure.units) << group << name;
        }
    }
    for (const MeasureInfo& variable : partner_trace_catalogue()) {
        const DatasetDescription stored =
            read_description(path, "/agents/" + std::string(variable.name));
        EXPECT_EQ(stored.description, variable.description) << variable.name;
        EXPECT_EQ(stored.units, variable.units) << variable.name;
    }
    for (const std::string& name : datasets) {
        const DatasetDescription stored = read_description(path, name);
        EXPECT_FALSE(stored.description.empty()) << name;
        EXPECT_FALSE(stored.units.empty()) << name;
    }
}

TEST(Hdf5Writer, EveryMeasureSaysWhichWayIsGood) {
    // The report reads good and bad from this attribute (analysis/figures/helpers.py).
    const test::TempDir dir;
    const auto path = dir / "results.h5";
    write_known_runs(path, 1);
    const hdf5::File file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
    ASSERT_TRUE(file.valid());
    for (const MeasureSpec& measure : measure_table()) {
        for (const std::string group : {"/timeseries/", "/final/"}) {
            const std::string name = group + std::string(measure.name);
            const hdf5::Dataset dataset(H5Dopen2(file.get(), name.c_str(), H5P_DEFAULT));
            ASSERT_TRUE(dataset.valid()) << name;
            EXPECT_EQ(hdf5::read_string_attribute(dataset.get(), layout::direction_attribute),
                      better_words(measure.better))
                << name;
        }
    }
}

TEST(Hdf5Writer, StreamsMoreRunsThanOneChunk) {
    const test::TempDir dir;
    write_known_runs(dir / "results.h5", 600);
    EXPECT_EQ(read_results_info(dir / "results.h5").runs, 600u);
    EXPECT_EQ(runs_attribute(dir / "results.h5"), 600u);
    expect_known_runs(dir / "results.h5", 600);
}

TEST(Hdf5Writer, FlushMakesWrittenRunsVisibleOnDiskBeforeClose) {
    const test::TempDir dir;
    const auto path = dir / "results.h5";
    Hdf5ResultWriter writer(path, ResultsShape{months}, sample_metadata());
    for (std::uint64_t run = 0; run < 3; ++run) writer.write(make_known_run(run, months));
    writer.flush();

    // A copy of the bytes on disk, so what we read cannot come from the writer's open handle.
    std::filesystem::copy_file(path, dir / "snapshot.h5");
    EXPECT_EQ(read_results_info(dir / "snapshot.h5").runs, 3u);
    expect_known_runs(dir / "snapshot.h5", 3);

    for (std::uint64_t run = 3; run < 5; ++run) writer.write(make_known_run(run, months));
    writer.close();
    expect_known_runs(path, 5);
}

TEST(Hdf5Writer, DestructorSuspendsTheFileWithEveryWrittenRun) {
    const test::TempDir dir;
    {
        Hdf5ResultWriter writer(dir / "results.h5", ResultsShape{months}, sample_metadata());
        writer.write(make_known_run(0, months));
        writer.write(make_known_run(1, months));
    }
    // Not finished: still in its crash-safe form (no `runs` attribute, uncompressed), but
    // every run is there, ready for --resume.
    EXPECT_FALSE(test::has_root_attribute(dir / "results.h5", "runs"));
    EXPECT_TRUE(filters_of(dir / "results.h5", "/final/cost").empty());
    expect_known_runs(dir / "results.h5", 2);
}

TEST(Hdf5Writer, CloseTwiceIsHarmlessAndWritingAfterCloseIsAnError) {
    const test::TempDir dir;
    Hdf5ResultWriter writer(dir / "results.h5", ResultsShape{months}, sample_metadata());
    writer.write(make_known_run(0, months));
    writer.close();
    EXPECT_NO_THROW(writer.close());
    EXPECT_THROW(writer.write(make_known_run(1, months)), std::logic_error);
    EXPECT_EQ(runs_attribute(dir / "results.h5"), 1u);
}

TEST(Hdf5Writer, RejectsRunsOutOfOrderOrOfTheWrongLength) {
    const test::TempDir dir;
    Hdf5ResultWriter writer(dir / "results.h5", ResultsShape{months}, sample_metadata());
    writer.write(make_known_run(5, months));
    EXPECT_THROW(writer.write(make_known_run(5, months)), std::invalid_argument);
    EXPECT_THROW(writer.write(make_known_run(4, months)), std::invalid_argument);
    EXPECT_THROW(writer.write(make_known_run(6, months + 1)), std::invalid_argument);
    writer.close();
    EXPECT_EQ(read_run_column(dir / "results.h5", "run_index"), (std::vector<std::uint64_t>{5}));
}

TEST(Hdf5Writer, CreationFailureNamesThePath) {
    const test::TempDir dir;
    const auto path = dir / "missing-directory" / "results.h5";
    try {
        Hdf5ResultWriter writer(path, ResultsShape{months}, sample_metadata());
        FAIL() << "expected std::runtime_error";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find(path.string()), std::string::npos) << error.what();
    }
}

TEST(Hdf5Writer, WritesTracesAtTheirRunRowAndPadsWithNaN) {
    const test::TempDir dir;
    const auto path = dir / "results.h5";
    constexpr int partners = 5;
    Hdf5ResultWriter writer(path, ResultsShape{months, 3, partners}, sample_metadata());
    writer.write(make_known_run(0, months, partners));
    writer.write(make_known_run(1, months, 3));  // fewer partners than the file has room for
    writer.write(make_known_run(2, months));     // traced runs may still come without a trace
    writer.write(make_known_run(3, months, partners));  // beyond trace_runs: not recorded
    writer.close();

    for (std::size_t v = 0; v < partner_trace_count; ++v) {
        const std::string name(partner_trace_catalogue()[v].name);
        const TraceValues trace = read_trace(path, name);
        ASSERT_EQ(trace.runs, 3u) << name;
        ASSERT_EQ(trace.months, months) << name;
        ASSERT_EQ(trace.partners, partners) << name;
        ASSERT_EQ(trace.values.size(), 3u * months * partners) << name;
        const auto at = [&](std::uint64_t run, int month, int partner) {
            return trace.values[(run * months + static_cast<std::uint64_t>(month)) * partners +
                                static_cast<std::uint64_t>(partner)];
        };
        for (int month = 0; month < months; ++month) {
            for (int p = 0; p < partners; ++p) {
                EXPECT_EQ(at(0, month, p), known_trace_value(0, v, month, p));
                if (p < 3) {
                    EXPECT_EQ(at(1, month, p), known_trace_value(1, v, month, p));
                } else {
                    EXPECT_TRUE(std::isnan(at(1, month, p))) << name << " partner " << p;
                }
                EXPECT_TRUE(std::isnan(at(2, month, p))) << name << " month " << month;
            }
        }
    }
}

TEST(Hdf5Writer, RejectsATraceWithMorePartnersThanTheFileHolds) {
    const test::TempDir dir;
    Hdf5ResultWriter writer(dir / "results.h5", ResultsShape{months, 2, 3}, sample_metadata());
    EXPECT_THROW(writer.write(make_known_run(0, months, 4)), std::invalid_argument);
}

TEST(Hdf5Writer, WritesNoAgentsGroupWithoutTracedRuns) {
    const test::TempDir dir;
    write_known_runs(dir / "results.h5", 2);
    EXPECT_FALSE(has_link(dir / "results.h5", "agents"));
    EXPECT_TRUE(has_link(dir / "results.h5", "timeseries"));
}

TEST(Hdf5Writer, WritesDescribedTablesAndLabelsInThePrologue) {
    const test::TempDir dir;
    const auto path = dir / "results.h5";
    const std::vector<double> gain{0.5, 0.25, 1e-9, -3.0};
    const std::vector<std::int64_t> counts{-1, 0, 7};
    const std::vector<std::uint64_t> cells{0, 1, 2};
    const std::vector<std::uint8_t> flags{1, 0};
    const std::vector<std::string> labels{"baseline", "doubled trust", "naïve funder", ""};
    {
        Hdf5ResultWriter writer(
            path, ResultsShape{months}, sample_metadata(), [&](Hdf5ResultWriter& w) {
                w.write_table("design", "gain_rate", gain, "Trust gain per good experience",
                              "per experience");
                w.write_labels("design", "label", labels, "Name of the design point", "text");
                w.write_table("design", "count", counts, "Counts", "count");
                w.write_table("design", "cell", cells, "Cells", "index");
                w.write_table("design", "flag", flags, "Flags", "true/false");
                w.write_table("design/nested", "empty", std::vector<double>{}, "Nothing at all",
                              "none");
                EXPECT_THROW(w.write_table("design", "gain_rate", gain, "again", "none"),
                             std::invalid_argument);
            });
        writer.write(make_known_run(0, months));
        writer.close();
    }
    EXPECT_EQ(read_table(path, "design", "gain_rate"), gain);
    EXPECT_EQ(read_labels(path, "/design", "label"), labels);
    EXPECT_EQ(read_integer_table(path, "design", "count"), counts);
    EXPECT_EQ(read_integer_table(path, "design", "cell"), (std::vector<std::int64_t>{0, 1, 2}));
    EXPECT_EQ(read_integer_table(path, "design", "flag"), (std::vector<std::int64_t>{1, 0}));
    EXPECT_TRUE(read_table(path, "design/nested", "empty").empty());
    const DatasetDescription described = read_description(path, "/design/gain_rate");
    EXPECT_EQ(described.description, "Trust gain per good experience");
    EXPECT_EQ(described.units, "per experience");
    EXPECT_EQ(read_description(path, "/design/label").units, "text");
    EXPECT_EQ(stored_shape(path, "/design/count").sign, H5T_SGN_2);
    EXPECT_EQ(stored_shape(path, "/design/cell").sign, H5T_SGN_NONE);
    EXPECT_EQ(stored_shape(path, "/design/flag").type_size, 1u);
    expect_known_runs(path, 1);
}

TEST(Hdf5Writer, TablesAndAttributesCannotBeAddedOnceRunsStream) {
    const test::TempDir dir;
    Hdf5ResultWriter writer(dir / "results.h5", ResultsShape{months}, sample_metadata());
    const std::vector<double> values{1.0};
    EXPECT_THROW(writer.write_table("design", "x", values, "x", "none"), std::logic_error);
    EXPECT_THROW(writer.write_labels("design", "y", std::vector<std::string>{"a"}, "y", "none"),
                 std::logic_error);
    EXPECT_THROW(writer.write_attribute("sweep", "late"), std::logic_error);
    writer.write(make_known_run(0, months));
    writer.close();
    expect_known_runs(dir / "results.h5", 1);
}

TEST(Hdf5Writer, PrologueAttributesAreWrittenButTheWritersOwnAreRefused) {
    const test::TempDir dir;
    const auto path = dir / "results.h5";
    {
        Hdf5ResultWriter writer(
            path, ResultsShape{months}, sample_metadata(), [](Hdf5ResultWriter& w) {
                w.write_attribute("sweep", "grid over trust.gain_rate");
                w.write_attribute("design_points", std::uint64_t{12});
                for (const char* own :
                     {"scenario", "runs", "months", "shard", "first_run", "total_runs"}) {
                    EXPECT_THROW(w.write_attribute(own, "x"), std::invalid_argument) << own;
                }
            });
        writer.close();
    }
    EXPECT_EQ(test::root_string_attribute(path, "sweep"), "grid over trust.gain_rate");
    EXPECT_EQ(test::root_uint_attribute(path, "design_points"), 12u);
    EXPECT_EQ(read_results_info(path).metadata.scenario_toml, sample_metadata().scenario_toml);
}

TEST(Hdf5Writer, RunsCannotBeWrittenInThePrologue) {
    const test::TempDir dir;
    EXPECT_THROW(Hdf5ResultWriter(dir / "results.h5", ResultsShape{months}, sample_metadata(),
                                  [](Hdf5ResultWriter& w) { w.write(make_known_run(0, months)); }),
                 std::logic_error);
}

// --- Crash safety ---------------------------------------------------------------------------

TEST(Hdf5Writer, ACrashSafeFileUsesTheSwmrFormatAndStreamsUncompressed) {
    const test::TempDir dir;
    const auto path = dir / "results.h5";
    Hdf5ResultWriter writer(path, ResultsShape{months}, sample_metadata());
    writer.write(make_known_run(0, months));
    writer.flush();
    std::filesystem::copy_file(path, dir / "snapshot.h5");
    {
        // The writer's mark is still in the copy: only an SWMR reader may open it.
        hdf5::silence_automatic_error_printing();
        const hdf5::File plain(H5Fopen((dir / "snapshot.h5").c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
        EXPECT_FALSE(plain.valid());
        const hdf5::File swmr(H5Fopen((dir / "snapshot.h5").c_str(),
                                      H5F_ACC_RDONLY | H5F_ACC_SWMR_READ, H5P_DEFAULT));
        ASSERT_TRUE(swmr.valid());
        H5F_info2_t info;
        ASSERT_GE(H5Fget_info2(swmr.get(), &info), 0);
        EXPECT_GE(info.super.version, 3u);  // the superblock SWMR needs
    }
    EXPECT_TRUE(filters_of(dir / "snapshot.h5", "/timeseries/cost").empty());
    EXPECT_FALSE(test::has_root_attribute(dir / "snapshot.h5", "runs"));
    expect_known_runs(dir / "snapshot.h5", 1);
    writer.close();
    // Closing compacted it: compressed, with the run count, and openable by anyone.
    EXPECT_EQ(filters_of(path, "/timeseries/cost"),
              (std::vector<H5Z_filter_t>{H5Z_FILTER_SHUFFLE, H5Z_FILTER_DEFLATE}));
    EXPECT_EQ(runs_attribute(path), 1u);
    EXPECT_FALSE(std::filesystem::exists(dir / "results.h5.compacting"));
}

TEST(Hdf5Writer, RunIndexIsWrittenOnlyWhenEveryOtherDatasetIsOnDisk) {
    const test::TempDir dir;
    const auto path = dir / "results.h5";
    Hdf5ResultWriter writer(path, ResultsShape{months}, sample_metadata());
    for (std::uint64_t run = 0; run < 3; ++run) writer.write(make_known_run(run, months));
    writer.flush();
    // Enough runs to fill a chunk of the timeseries (256 runs at 4 months), which is then
    // appended without a flush: /runs/run_index must not follow until the next flush.
    for (std::uint64_t run = 3; run < 300; ++run) writer.write(make_known_run(run, months));
    std::filesystem::copy_file(path, dir / "snapshot.h5");
    EXPECT_EQ(read_run_column(dir / "snapshot.h5", "run_index"),
              (std::vector<std::uint64_t>{0, 1, 2}));
    EXPECT_GE(read_final(dir / "snapshot.h5", "cost").size(), 3u);
    writer.close();
    expect_known_runs(path, 300);
}

TEST(Hdf5Writer, AFullChunkOfRunIndicesIsCommittedWithoutAnExplicitFlush) {
    const test::TempDir dir;
    const auto path = dir / "results.h5";
    Hdf5ResultWriter writer(path, ResultsShape{months}, sample_metadata());
    for (std::uint64_t run = 0; run < 4100; ++run) writer.write(make_known_run(run, months));
    std::filesystem::copy_file(path, dir / "snapshot.h5");
    EXPECT_EQ(read_results_info(dir / "snapshot.h5").runs, 4096u);
    writer.close();
    EXPECT_EQ(runs_attribute(path), 4100u);
}

TEST(Hdf5Writer, DirectStorageIsCompressedFromTheStart) {
    const test::TempDir dir;
    const auto path = dir / "results.h5";
    Hdf5ResultWriter writer(path, ResultsShape{months, 1, 2}, sample_metadata(), {},
                            ResultsStorage::direct);
    writer.write(make_known_run(0, months, 2));
    writer.write(make_known_run(1, months));
    writer.flush();
    const std::vector<H5Z_filter_t> expected{H5Z_FILTER_SHUFFLE, H5Z_FILTER_DEFLATE};
    EXPECT_EQ(filters_of(path, "/final/cost"), expected);
    EXPECT_EQ(filters_of(path, "/agents/" + std::string(partner_trace_catalogue()[0].name)),
              expected);
    writer.close();
    EXPECT_EQ(runs_attribute(path), 2u);
    expect_known_runs(path, 2);
}

TEST(Hdf5Writer, CompactedFileHasTheSameValuesAsADirectlyWrittenOne) {
    const test::TempDir dir;
    constexpr int partners = 3;
    for (const auto& [name, storage] : {std::pair{"streamed.h5", ResultsStorage::crash_safe},
                                        std::pair{"direct.h5", ResultsStorage::direct}}) {
        Hdf5ResultWriter writer(
            dir / name, ResultsShape{months, 4, partners}, sample_metadata(),
            [](Hdf5ResultWriter& w) {
                w.write_labels("design", "label", std::vector<std::string>{"a", "b"}, "Labels",
                               "text");
                w.write_attribute("sweep", "two points");
            },
            storage);
        for (std::uint64_t run = 0; run < 700; ++run) {
            writer.write(make_known_run(run, months, run % 3 == 1 ? 0 : partners - (run % 2)));
            if (run % 97 == 0) writer.flush();
        }
        writer.close();
    }
    test::expect_same_datasets(dir / "direct.h5", dir / "streamed.h5");
    EXPECT_EQ(test::root_string_attribute(dir / "streamed.h5", "sweep"), "two points");
    EXPECT_EQ(runs_attribute(dir / "streamed.h5"), 700u);
}

TEST(Hdf5Writer, SuspendThenCloseStillCompacts) {
    const test::TempDir dir;
    const auto path = dir / "results.h5";
    Hdf5ResultWriter writer(path, ResultsShape{months}, sample_metadata());
    writer.write(make_known_run(0, months));
    writer.suspend();
    EXPECT_NO_THROW(writer.suspend());
    EXPECT_THROW(writer.write(make_known_run(1, months)), std::logic_error);
    EXPECT_FALSE(test::has_root_attribute(path, "runs"));
    writer.close();
    EXPECT_EQ(runs_attribute(path), 1u);
    EXPECT_NO_THROW(writer.close());
}

TEST(Hdf5Writer, MoveToRenamesTheOpenFile) {
    const test::TempDir dir;
    Hdf5ResultWriter writer(dir / "first.h5", ResultsShape{months}, sample_metadata());
    writer.write(make_known_run(0, months));
    writer.move_to(dir / "second.h5");
    EXPECT_EQ(writer.path(), dir / "second.h5");
    EXPECT_FALSE(std::filesystem::exists(dir / "first.h5"));
    writer.write(make_known_run(1, months));
    writer.close();
    expect_known_runs(dir / "second.h5", 2);
}

TEST(Hdf5Writer, ShardFilesRecordTheirSliceAndRefuseRunsOutsideIt) {
    const test::TempDir dir;
    const auto path = dir / "shard.h5";
    ResultsShape shape{months};
    shape.shard = ShardInfo{2, 3, 10};  // runs 3..5
    {
        Hdf5ResultWriter writer(path, shape, sample_metadata());
        EXPECT_THROW(writer.write(make_known_run(2, months)), std::invalid_argument);
        for (std::uint64_t run = 3; run < 6; ++run) writer.write(make_known_run(run, months));
        EXPECT_THROW(writer.write(make_known_run(6, months)), std::invalid_argument);
        writer.close();
    }
    EXPECT_EQ(test::root_string_attribute(path, "shard"), "2/3");
    EXPECT_EQ(test::root_uint_attribute(path, "first_run"), 3u);
    EXPECT_EQ(test::root_uint_attribute(path, "total_runs"), 10u);
    EXPECT_EQ(read_run_column(path, "run_index"), (std::vector<std::uint64_t>{3, 4, 5}));
    const ResultsShape stored = read_results_shape(path);
    ASSERT_TRUE(stored.shard.has_value());
    EXPECT_EQ(stored.shard->index, 2u);
    EXPECT_EQ(stored.shard->count, 3u);
    EXPECT_EQ(stored.shard->total_runs, 10u);
}

TEST(Hdf5Writer, RejectsAShardThatMakesNoSense) {
    const test::TempDir dir;
    ResultsShape shape{months};
    shape.shard = ShardInfo{4, 3, 10};
    EXPECT_THROW(Hdf5ResultWriter(dir / "shard.h5", shape, sample_metadata()),
                 std::invalid_argument);
}

TEST(Hdf5Writer, CopiesStaticContentFromAnotherFile) {
    const test::TempDir dir;
    {
        Hdf5ResultWriter source(
            dir / "source.h5", ResultsShape{months}, sample_metadata(), [](Hdf5ResultWriter& w) {
                w.write_table("design", "x", std::vector<double>{1, 2}, "X", "none");
                w.write_attribute("sweep", "described");
                w.write_attribute("design_points", std::uint64_t{2});
            });
        source.write(make_known_run(0, months));
        source.close();
    }
    {
        Hdf5ResultWriter copy(
            dir / "copy.h5", ResultsShape{months}, ResultsMetadata{},
            [&](Hdf5ResultWriter& w) { w.copy_static_content(dir / "source.h5"); });
        copy.close();
    }
    EXPECT_EQ(read_table(dir / "copy.h5", "design", "x"), (std::vector<double>{1, 2}));
    EXPECT_EQ(read_description(dir / "copy.h5", "/design/x").description, "X");
    EXPECT_EQ(test::root_string_attribute(dir / "copy.h5", "sweep"), "described");
    EXPECT_EQ(test::root_uint_attribute(dir / "copy.h5", "design_points"), 2u);
    // The writer's own attributes and datasets are not copied.
    EXPECT_EQ(read_results_info(dir / "copy.h5").metadata.scenario_toml, "");
    EXPECT_EQ(read_results_info(dir / "copy.h5").runs, 0u);
}

}  // namespace
}  // namespace partnersim
