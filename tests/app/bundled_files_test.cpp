// The bundled claims ledger is found beside the program, in a source tree's docs/ or an
// install prefix's share/partnersim/, and its absence is an error that says where it looked
// and which option gives it.

#include "app/bundled_files.hpp"

#include <gtest/gtest.h>

#include "engine/error.hpp"
#include "support/test_helpers.hpp"

namespace partnersim::app {
namespace {

namespace fs = std::filesystem;
using test::contains;

void put(const fs::path& file) {
    fs::create_directories(file.parent_path());
    test::write_text_file(file, "");
}

TEST(BundledFiles, FoundInTheSourceTreeABuildFolderSitsIn) {
    test::TempDir dir;
    put(dir / "docs" / "claims.toml");
    fs::create_directories(dir / "build" / "sim");
    EXPECT_EQ(bundled_file(dir / "build" / "sim" / "partnersim", "claims.toml", "--ledger"),
              dir / "docs" / "claims.toml");
}

TEST(BundledFiles, FoundInAnInstallPrefix) {
    test::TempDir dir;
    put(dir / "share" / "partnersim" / "claims.toml");
    EXPECT_EQ(bundled_file(dir / "bin" / "partnersim", "claims.toml", "--ledger"),
              dir / "share" / "partnersim" / "claims.toml");
}

TEST(BundledFiles, TheNearestWins) {
    test::TempDir dir;
    put(dir / "docs" / "claims.toml");
    put(dir / "build" / "docs" / "claims.toml");
    EXPECT_EQ(bundled_file(dir / "build" / "sim" / "partnersim", "claims.toml", "--ledger"),
              dir / "build" / "docs" / "claims.toml");
}

TEST(BundledFiles, MissingIsBadInputSayingWhereItLookedAndWhatToGive) {
    test::TempDir dir;
    fs::create_directories(dir / "a" / "b" / "c" / "d" / "e" / "f");
    // A ledger higher up than the search reaches is not taken.
    put(dir / "docs" / "claims.toml");
    try {
        bundled_file(dir / "a" / "b" / "c" / "d" / "e" / "f" / "partnersim", "claims.toml",
                     "--ledger");
        FAIL() << "expected an InputError";
    } catch (const InputError& e) {
        const std::string what = e.what();
        EXPECT_TRUE(contains(what, "no claims.toml found beside the program")) << what;
        EXPECT_TRUE(contains(what, (dir / "a" / "b" / "c" / "d" / "e" / "f").string())) << what;
        EXPECT_TRUE(contains(what, "give --ledger FILE")) << what;
    }
    EXPECT_THROW(bundled_file("", "claims.toml", "--ledger"), InputError);
}

TEST(BundledFiles, ThisProgramsPathIsKnown) {
    const fs::path self = program_path();
    EXPECT_TRUE(fs::is_regular_file(self)) << self;
}

}  // namespace
}  // namespace partnersim::app
