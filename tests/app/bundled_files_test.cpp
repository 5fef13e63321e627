// A bundled file (the claims ledger, docs/claims.toml) is found beside the program, in the source
// tree a build folder sits in or under an install prefix's share/partnersim/ (the same relative
// path, so the ledger's paths to scenarios hold in both), and its absence is an error that says
// where it looked and which option gives it.

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
    EXPECT_EQ(bundled_file(dir / "build" / "sim" / "partnersim", "docs/claims.toml", "--ledger"),
              dir / "docs" / "claims.toml");
}

TEST(BundledFiles, FoundInAnInstallPrefix) {
    test::TempDir dir;
    put(dir / "share" / "partnersim" / "docs" / "claims.toml");
    EXPECT_EQ(bundled_file(dir / "bin" / "partnersim", "docs/claims.toml", "--ledger"),
              dir / "share" / "partnersim" / "docs" / "claims.toml");
}

TEST(BundledFiles, TheNearestWins) {
    test::TempDir dir;
    put(dir / "docs" / "claims.toml");
    put(dir / "build" / "docs" / "claims.toml");
    EXPECT_EQ(bundled_file(dir / "build" / "sim" / "partnersim", "docs/claims.toml", "--ledger"),
              dir / "build" / "docs" / "claims.toml");
}

TEST(BundledFiles, MissingIsBadInputSayingWhereItLookedAndWhatToGive) {
    test::TempDir dir;
    fs::create_directories(dir / "a" / "b" / "c" / "d" / "e" / "f");
    // A ledger higher up than the search reaches is not taken.
    put(dir / "docs" / "claims.toml");
    try {
        bundled_file(dir / "a" / "b" / "c" / "d" / "e" / "f" / "partnersim", "docs/claims.toml",
                     "--ledger");
        FAIL() << "expected an InputError";
    } catch (const InputError& e) {
        const std::string what = e.what();
        EXPECT_TRUE(contains(what, "no docs/claims.toml found beside the program")) << what;
        EXPECT_TRUE(contains(what, (dir / "a" / "b" / "c" / "d" / "e" / "f").string())) << what;
        EXPECT_TRUE(contains(what, "give --ledger FILE")) << what;
    }
    EXPECT_THROW(bundled_file("", "docs/claims.toml", "--ledger"), InputError);
}

TEST(BundledFiles, FindingSaysNothingWhenAbsent) {
    test::TempDir dir;
    put(dir / "share" / "partnersim" / "analysis" / "figures" / "report.py");
    EXPECT_EQ(find_bundled_file(dir / "bin" / "partnersim", "analysis/figures/report.py"),
              dir / "share" / "partnersim" / "analysis" / "figures" / "report.py");
    EXPECT_FALSE(find_bundled_file(dir / "bin" / "partnersim", "analysis/figures/absent.py"));
}

TEST(BundledFiles, ThisProgramsPathIsKnown) {
    const fs::path self = program_path();
    EXPECT_TRUE(fs::is_regular_file(self)) << self;
}

}  // namespace
}  // namespace partnersim::app
