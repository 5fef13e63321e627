#include "io/hdf5_reader.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "io/hdf5_handles.hpp"
#include "io/hdf5_writer.hpp"
#include "model/measures.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

constexpr int months = 4;

std::filesystem::path write_sample(const test::TempDir& dir, std::uint64_t runs) {
    const auto path = dir / "results.h5";
    Hdf5ResultWriter writer(path, ResultsShape{months},
                            ResultsMetadata{"0.1.0", "[simulation]\nmonths = 4\n", "partnersim run",
                                            "2024-05-01T12:00:00Z"});
    for (std::uint64_t run = 0; run < runs; ++run) writer.write(test::make_known_run(run, months));
    writer.close();
    return path;
}

// Runs `read`, expecting a std::runtime_error whose message contains every one of `parts`,
// and nothing from HDF5's own error printing on stderr.
template <class Read>
void expect_read_error(Read&& read, const std::vector<std::string>& parts) {
    testing::internal::CaptureStderr();
    try {
        read();
        testing::internal::GetCapturedStderr();
        FAIL() << "expected std::runtime_error";
    } catch (const std::runtime_error& error) {
        const std::string printed = testing::internal::GetCapturedStderr();
        EXPECT_EQ(printed, "") << "HDF5 printed its error stack";
        for (const std::string& part : parts) {
            EXPECT_NE(std::string(error.what()).find(part), std::string::npos)
                << "'" << error.what() << "' does not mention '" << part << "'";
        }
    } catch (...) {
        testing::internal::GetCapturedStderr();
        throw;
    }
}

TEST(Hdf5Reader, ReadsTheShapeOfAFile) {
    const test::TempDir dir;
    const auto path = write_sample(dir, 3);
    const ResultsFileInfo info = read_results_info(path);
    EXPECT_EQ(info.months, months);
    EXPECT_EQ(info.runs, 3u);
    EXPECT_EQ(info.measures.size(), measure_count);
    EXPECT_EQ(info.metadata.scenario_toml, "[simulation]\nmonths = 4\n");
    EXPECT_EQ(info.metadata.created_utc, "2024-05-01T12:00:00Z");
}

TEST(Hdf5Reader, TimeseriesIsRowMajorRunsByMonths) {
    const test::TempDir dir;
    const auto path = write_sample(dir, 3);
    const std::vector<float> series = read_timeseries(path, "participation");
    const auto participation = static_cast<std::size_t>(Measure::participation);
    ASSERT_EQ(series.size(), 12u);
    EXPECT_EQ(series[0], test::known_series_value(0, participation, 0));
    EXPECT_EQ(series[3], test::known_series_value(0, participation, 3));
    EXPECT_EQ(series[4], test::known_series_value(1, participation, 0));
    EXPECT_EQ(series[11], test::known_series_value(2, participation, 3));
}

TEST(Hdf5Reader, FinalValuesAndRunColumnsHaveOneEntryPerRun) {
    const test::TempDir dir;
    const auto path = write_sample(dir, 3);
    const auto cost = static_cast<std::size_t>(Measure::cost);
    EXPECT_EQ(read_final(path, "cost"), (std::vector<double>{test::known_final_value(0, cost),
                                                             test::known_final_value(1, cost),
                                                             test::known_final_value(2, cost)}));
    EXPECT_EQ(read_run_column(path, "replicate"), (std::vector<std::uint64_t>{0, 1, 2}));
}

TEST(Hdf5Reader, MissingFileNamesThePath) {
    const test::TempDir dir;
    const auto path = dir / "absent.h5";
    expect_read_error([&] { read_results_info(path); }, {path.string(), "no such file"});
    expect_read_error([&] { read_final(path, "cost"); }, {path.string()});
}

TEST(Hdf5Reader, FileThatIsNotHdf5NamesThePath) {
    const test::TempFile text("months = 4\n", ".h5");
    expect_read_error([&] { read_results_info(text.path()); },
                      {text.path().string(), "not an HDF5 file"});
}

TEST(Hdf5Reader, MissingDatasetNamesThePathAndDataset) {
    const test::TempDir dir;
    const auto path = write_sample(dir, 1);
    expect_read_error([&] { read_final(path, "happiness"); }, {path.string(), "/final/happiness"});
    expect_read_error([&] { read_timeseries(path, "happiness"); },
                      {path.string(), "/timeseries/happiness"});
    expect_read_error([&] { read_run_column(path, "colour"); }, {path.string(), "/runs/colour"});
    expect_read_error([&] { read_trace(path, "capacity"); }, {path.string(), "/agents/capacity"});
}

TEST(Hdf5Reader, ReadsFixedLengthStringAttributesToo) {
    // Files re-saved by other tools may carry fixed-length strings instead of variable ones.
    const test::TempDir dir;
    const auto path = dir / "fixed.h5";
    {
        const hdf5::File file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT));
        const hdf5::Datatype type(H5Tcopy(H5T_C_S1));
        H5Tset_size(type.get(), 8);
        const hdf5::Dataspace space(H5Screate(H5S_SCALAR));
        const hdf5::Attribute attribute(
            H5Acreate2(file.get(), "units", type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT));
        const char text[8] = {'m', 'o', 'n', 't', 'h', 's', '\0', '\0'};
        H5Awrite(attribute.get(), type.get(), text);
    }
    const hdf5::File file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
    EXPECT_EQ(hdf5::read_string_attribute(file.get(), "units"), "months");
}

// A number type no writer makes (a float whose bit fields a crafted header rearranged) is
// refused before libhdf5 converts it: libhdf5 1.10.8 read past its buffer converting one.
TEST(Hdf5Reader, ANonStandardNumberTypeIsRefusedBeforeItIsConverted) {
    hdf5::silence_automatic_error_printing();
    const test::TempDir dir;
    const auto path = write_sample(dir, 3);
    {
        const hdf5::File file(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
        const hdf5::Dataspace scalar(H5Screate(H5S_SCALAR));
        const hdf5::Datatype odd_integer(H5Tcopy(H5T_STD_I32LE));
        ASSERT_GE(H5Tset_precision(odd_integer.get(), 20), 0);
        ASSERT_GE(H5Adelete(file.get(), "months"), 0);
        const hdf5::Attribute months_attribute(H5Acreate2(file.get(), "months", odd_integer.get(),
                                                          scalar.get(), H5P_DEFAULT, H5P_DEFAULT));
        const std::int32_t four = 4;
        H5Awrite(months_attribute.get(), H5T_NATIVE_INT32, &four);
    }
    expect_read_error([&] { (void)ResultsFile(path); },
                      {path.string(), "attribute months", "not stored as a standard"});
}

TEST(Hdf5Reader, AFinalDatasetOfANonStandardFloatIsRefused) {
    hdf5::silence_automatic_error_printing();
    const test::TempDir dir;
    const auto path = write_sample(dir, 3);
    const std::string measure(measure_table()[0].name);
    {
        const hdf5::File file(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
        const std::string name = "/final/" + measure;
        ASSERT_GE(H5Ldelete(file.get(), name.c_str(), H5P_DEFAULT), 0);
        const hdf5::Datatype odd(H5Tcopy(H5T_IEEE_F64LE));
        ASSERT_GE(H5Tset_fields(odd.get(), 63, 48, 11, 0, 48), 0);
        const hsize_t runs = 3;
        const hdf5::Dataspace space(H5Screate_simple(1, &runs, nullptr));
        const hdf5::Dataset dataset(H5Dcreate2(file.get(), name.c_str(), odd.get(), space.get(),
                                               H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
        ASSERT_TRUE(dataset.valid());
    }
    expect_read_error([&] { read_final(path, measure); },
                      {path.string(), "/final/" + measure, "not stored as a standard"});
    // A standard type of another width is still read (h5py may re-save as float32).
    {
        const hdf5::File file(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
        const std::string name = "/final/" + measure;
        ASSERT_GE(H5Ldelete(file.get(), name.c_str(), H5P_DEFAULT), 0);
        const hsize_t runs = 3;
        const hdf5::Dataspace space(H5Screate_simple(1, &runs, nullptr));
        const hdf5::Dataset dataset(H5Dcreate2(file.get(), name.c_str(), H5T_IEEE_F32BE,
                                               space.get(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
        const std::vector<float> values{0.5F, 0.25F, 1.0F};
        H5Dwrite(dataset.get(), H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data());
    }
    EXPECT_EQ(read_final(path, measure), (std::vector<double>{0.5, 0.25, 1.0}));
}

TEST(Hdf5Reader, ReadsTheShapeAFileWasWrittenWith) {
    const test::TempDir dir;
    ResultsShape shape{months, 3, 7};
    shape.shard = ShardInfo{2, 5, 40};
    {
        Hdf5ResultWriter writer(dir / "results.h5", shape, ResultsMetadata{});
        writer.close();
    }
    const ResultsShape read = read_results_shape(dir / "results.h5");
    EXPECT_EQ(read.months, months);
    EXPECT_EQ(read.trace_runs, 3u);
    EXPECT_EQ(read.trace_partners, 7);
    ASSERT_TRUE(read.shard.has_value());
    EXPECT_EQ(read.shard->label(), "2/5");
    EXPECT_EQ(read.shard->total_runs, 40u);
    const ResultsShape plain = read_results_shape(write_sample(dir, 1));
    EXPECT_EQ(plain.trace_runs, 0u);
    EXPECT_FALSE(plain.shard.has_value());
}

TEST(Hdf5Reader, RowReaderGivesBackTheRunsThatWereWritten) {
    const test::TempDir dir;
    const auto path = dir / "results.h5";
    constexpr int partners = 4;
    std::vector<RunResult> written;
    {
        Hdf5ResultWriter writer(path, ResultsShape{months, 2, partners}, ResultsMetadata{});
        for (std::uint64_t run = 0; run < 5; ++run) {
            written.push_back(test::make_known_run(run, months, run < 2 ? partners : 0));
            writer.write(written.back());
        }
        writer.close();
    }
    ResultsRowReader reader(path);
    EXPECT_EQ(reader.rows(), 5u);
    EXPECT_EQ(reader.shape().trace_runs, 2u);
    EXPECT_EQ(reader.run_indices(1, 3), (std::vector<std::uint64_t>{1, 2, 3}));
    const std::vector<RunResult> runs = reader.runs(1, 4);
    ASSERT_EQ(runs.size(), 4u);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const RunResult& expected = written[i + 1];
        EXPECT_EQ(runs[i].id.run_index, expected.id.run_index);
        EXPECT_EQ(runs[i].id.design_point, expected.id.design_point);
        EXPECT_EQ(runs[i].id.replicate, expected.id.replicate);
        EXPECT_EQ(runs[i].id.stream_seed, expected.id.stream_seed);
        EXPECT_EQ(runs[i].months, months);
        EXPECT_EQ(runs[i].timeseries, expected.timeseries);
        EXPECT_EQ(runs[i].final_values, expected.final_values);
    }
    EXPECT_EQ(runs[0].partners, partners);  // run 1 is traced
    EXPECT_EQ(runs[0].trace, written[1].trace);
    EXPECT_TRUE(runs[1].trace.empty());  // run 2 is not
    EXPECT_THROW(reader.runs(3, 3), std::out_of_range);
}

TEST(Hdf5Reader, ReadsAFileStillBeingWritten) {
    const test::TempDir dir;
    const auto path = dir / "results.h5";
    Hdf5ResultWriter writer(path, ResultsShape{months}, ResultsMetadata{});
    writer.write(test::make_known_run(0, months));
    writer.flush();
    std::filesystem::copy_file(path, dir / "copy.h5");
    EXPECT_EQ(read_results_info(dir / "copy.h5").runs, 1u);
    EXPECT_EQ(read_run_column(dir / "copy.h5", "seed"),
              (std::vector<std::uint64_t>{test::known_seed(0)}));
    writer.close();
}

}  // namespace
}  // namespace partnersim
