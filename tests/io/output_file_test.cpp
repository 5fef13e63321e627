#include "io/output_file.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "io/hdf5_reader.hpp"
#include "io/hdf5_writer.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

void write_text(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(OutputFile, PartialPathAppendsPartialToTheFinalName) {
    const test::TempDir dir;
    const OutputFile output(dir / "results.h5", false);
    EXPECT_EQ(output.final_path(), dir / "results.h5");
    EXPECT_EQ(output.partial_path(), dir / "results.h5.partial");
}

TEST(OutputFile, RefusesAnExistingFileWithoutForce) {
    const test::TempDir dir;
    const auto path = dir / "results.h5";
    write_text(path, "earlier results");
    try {
        const OutputFile output(path, false);
        FAIL() << "expected OutputExists";
    } catch (const OutputExists& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find(path.string()), std::string::npos) << message;
        EXPECT_NE(message.find("--force"), std::string::npos) << message;
    }
    EXPECT_EQ(read_text(path), "earlier results");
}

TEST(OutputFile, OutputExistsIsARuntimeError) {
    const test::TempDir dir;
    write_text(dir / "results.h5", "earlier results");
    EXPECT_THROW(OutputFile(dir / "results.h5", false), std::runtime_error);
}

TEST(OutputFile, ForceAllowsAnExistingFileAndLeavesItUntilCommit) {
    const test::TempDir dir;
    const auto path = dir / "results.h5";
    write_text(path, "earlier results");
    OutputFile output(path, true);
    EXPECT_EQ(read_text(path), "earlier results");
    write_text(output.partial_path(), "new results");
    output.commit();
    EXPECT_EQ(read_text(path), "new results");
    EXPECT_FALSE(std::filesystem::exists(output.partial_path()));
}

TEST(OutputFile, RefusesAMissingDirectory) {
    const test::TempDir dir;
    const auto path = dir / "no-such-directory" / "results.h5";
    try {
        const OutputFile output(path, true);
        FAIL() << "expected std::runtime_error";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("no-such-directory"), std::string::npos)
            << error.what();
    }
}

TEST(OutputFile, RefusesADirectoryAsTheFinalName) {
    const test::TempDir dir;
    std::filesystem::create_directory(dir / "results.h5");
    EXPECT_THROW(OutputFile(dir / "results.h5", true), std::runtime_error);
}

TEST(OutputFile, CommitRenamesThePartialFileToTheFinalName) {
    const test::TempDir dir;
    OutputFile output(dir / "results.h5", false);
    write_text(output.partial_path(), "finished results");
    EXPECT_FALSE(std::filesystem::exists(output.final_path()));
    output.commit();
    EXPECT_EQ(read_text(dir / "results.h5"), "finished results");
    EXPECT_FALSE(std::filesystem::exists(output.partial_path()));
}

TEST(OutputFile, CommitWithoutAPartialFileFails) {
    const test::TempDir dir;
    OutputFile output(dir / "results.h5", false);
    EXPECT_THROW(output.commit(), std::runtime_error);
    EXPECT_FALSE(std::filesystem::exists(dir / "results.h5"));
}

TEST(OutputFile, DiscardRemovesThePartialFileAndLeavesTheFinalNameAlone) {
    const test::TempDir dir;
    const auto path = dir / "results.h5";
    write_text(path, "earlier results");
    OutputFile output(path, true);
    write_text(output.partial_path(), "half-written");
    output.discard();
    EXPECT_FALSE(std::filesystem::exists(output.partial_path()));
    EXPECT_EQ(read_text(path), "earlier results");
    EXPECT_NO_THROW(output.discard());
}

TEST(OutputFile, AnUncommittedPartialFileIsRemovedWhenTheOutputGoesAway) {
    const test::TempDir dir;
    {
        const OutputFile output(dir / "results.h5", false);
        write_text(output.partial_path(), "half-written");
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "results.h5.partial"));
    EXPECT_FALSE(std::filesystem::exists(dir / "results.h5"));
}

TEST(OutputFile, ACommittedFileSurvivesTheOutput) {
    const test::TempDir dir;
    {
        OutputFile output(dir / "results.h5", false);
        write_text(output.partial_path(), "finished results");
        output.commit();
        output.discard();
    }
    EXPECT_EQ(read_text(dir / "results.h5"), "finished results");
}

TEST(OutputFile, ResultsWrittenToThePartialFileAreReadableUnderTheFinalName) {
    const test::TempDir dir;
    OutputFile output(dir / "results.h5", false);
    {
        Hdf5ResultWriter writer(output.partial_path(), ResultsShape{3}, ResultsMetadata{});
        writer.write(test::make_known_run(0, 3));
        writer.close();
    }
    output.commit();
    EXPECT_EQ(read_results_info(dir / "results.h5").runs, 1u);
}

TEST(OutputFile, AKeptPartialFileSurvivesTheOutput) {
    const test::TempDir dir;
    {
        OutputFile output(dir / "results.h5", false);
        write_text(output.partial_path(), "interrupted sweep");
        output.keep();
        EXPECT_TRUE(output.kept());
    }
    EXPECT_EQ(read_text(dir / "results.h5.partial"), "interrupted sweep");
    EXPECT_FALSE(std::filesystem::exists(dir / "results.h5"));
}

TEST(OutputFile, AKeptPartialFileCanStillBeCommittedOrDiscarded) {
    const test::TempDir dir;
    {
        OutputFile output(dir / "a.h5", false);
        output.keep();
        write_text(output.partial_path(), "finished");
        output.commit();
    }
    EXPECT_EQ(read_text(dir / "a.h5"), "finished");
    EXPECT_FALSE(std::filesystem::exists(dir / "a.h5.partial"));
    OutputFile output(dir / "b.h5", false);
    output.keep();
    write_text(output.partial_path(), "unwanted");
    output.discard();
    EXPECT_FALSE(std::filesystem::exists(output.partial_path()));
}

TEST(OutputFile, AnExistingPartialFileIsOverwrittenByDefault) {
    const test::TempDir dir;
    write_text(dir / "results.h5.partial", "debris");
    EXPECT_NO_THROW(OutputFile(dir / "results.h5", false));
}

TEST(OutputFile, RefusingAnExistingPartialFilePointsToResumeAndForce) {
    const test::TempDir dir;
    write_text(dir / "results.h5.partial", "an interrupted sweep");
    try {
        const OutputFile output(dir / "results.h5", false, ExistingPartial::refuse);
        FAIL() << "expected OutputExists";
    } catch (const OutputExists& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find("results.h5.partial"), std::string::npos) << message;
        EXPECT_NE(message.find("--resume"), std::string::npos) << message;
        EXPECT_NE(message.find("--force"), std::string::npos) << message;
    }
    EXPECT_EQ(read_text(dir / "results.h5.partial"), "an interrupted sweep");
    EXPECT_NO_THROW(OutputFile(dir / "results.h5", true, ExistingPartial::refuse));
    EXPECT_NO_THROW(OutputFile(dir / "other.h5", false, ExistingPartial::refuse));
}

TEST(OutputFile, ResumingAcceptsAnExistingPartialFileAndKeepsIt) {
    const test::TempDir dir;
    write_text(dir / "results.h5.partial", "an interrupted sweep");
    {
        // E.g. resuming fails because the partial file belongs to another scenario: the error
        // unwinds past the output, and the earlier work must survive it.
        const OutputFile output(dir / "results.h5", false, ExistingPartial::resume);
        EXPECT_TRUE(output.kept());
        EXPECT_EQ(read_text(output.partial_path()), "an interrupted sweep");
    }
    EXPECT_EQ(read_text(dir / "results.h5.partial"), "an interrupted sweep");
    EXPECT_NO_THROW(OutputFile(dir / "fresh.h5", false, ExistingPartial::resume));
    write_text(dir / "done.h5", "finished results");
    EXPECT_THROW(OutputFile(dir / "done.h5", false, ExistingPartial::resume), OutputExists);
}

// One writer per output (issue 16): the second is refused at once, --force or not, and the
// first one's partial file is untouched; once the first is gone the output is free again.
TEST(OutputFile, ASecondWriterOfTheSameOutputIsRefusedAndTouchesNothing) {
    const test::TempDir dir;
    std::optional<OutputFile> first(std::in_place, dir / "results.h5", false);
    write_text(first->partial_path(), "the first run's work");
    for (const bool force : {false, true}) {
        try {
            const OutputFile second(dir / "results.h5", force, ExistingPartial::overwrite);
            FAIL() << "a second writer was let in (force " << force << ")";
        } catch (const OutputLocked& error) {
            EXPECT_NE(std::string(error.what()).find("another partnersim process"),
                      std::string::npos)
                << error.what();
        }
    }
    EXPECT_EQ(read_text(first->partial_path()), "the first run's work");
    first->commit();
    first.reset();
    EXPECT_FALSE(std::filesystem::exists(dir / "results.h5.lock")) << "the lock file stays";
    EXPECT_NO_THROW(OutputFile(dir / "other.h5", false));
    EXPECT_NO_THROW(OutputFile(dir / "results.h5", true));
}

TEST(OutputFile, AFailedCheckReleasesTheLock) {
    const test::TempDir dir;
    write_text(dir / "results.h5", "earlier results");
    EXPECT_THROW(OutputFile(dir / "results.h5", false), OutputExists);
    EXPECT_FALSE(std::filesystem::exists(dir / "results.h5.lock"));
    EXPECT_NO_THROW(OutputFile(dir / "results.h5", true));
}

// `ln -s victim results.h5.partial`: the writer would truncate the victim through the link.
TEST(OutputFile, ASymbolicLinkAsThePartialFileIsRefused) {
    const test::TempDir dir;
    write_text(dir / "victim", "not yours");
    std::filesystem::create_symlink(dir / "victim", dir / "results.h5.partial");
    for (const auto partial :
         {ExistingPartial::overwrite, ExistingPartial::refuse, ExistingPartial::resume}) {
        try {
            const OutputFile output(dir / "results.h5", true, partial);
            FAIL() << "a symbolic link was accepted as the partial file";
        } catch (const InputError& error) {
            EXPECT_NE(std::string(error.what()).find("symbolic link"), std::string::npos)
                << error.what();
        }
    }
    EXPECT_EQ(read_text(dir / "victim"), "not yours");
    EXPECT_TRUE(std::filesystem::is_symlink(dir / "results.h5.partial"));
}

TEST(OutputFile, AnEmptyNameIsBadInput) {
    EXPECT_THROW(OutputFile("", true), InputError);
}

}  // namespace
}  // namespace partnersim
