// `partnersim validate`: the claims x bases table printed and stored, bad input refused with
// exit 2 before anything runs, an existing output never overwritten without --force.

#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "io/analysis_file.hpp"
#include "support/subprocess.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

namespace fs = std::filesystem;
using test::contains;

const std::string ledger_text =
    "[bases]\ndefault = \"" + std::string(PARTNERSIM_SOURCE_DIR) +
    "/scenarios/default.toml\"\n"
    "[[claim]]\nid = \"budget.capacity\"\ntopic = \"t\"\ndocument = \"itad\"\nsection = \"s\"\n"
    "quote = \"q\"\nbaseline = [\"setup.budget_hours=30\", \"run.months=36\"]\n"
    "variant = [\"setup.budget_hours=160\", \"run.months=36\"]\nmeasure = \"capacity\"\n"
    "months = [36, 36]\ndirection = \"increase\"\n"
    "[[claim]]\nid = \"innovation\"\ntopic = \"t\"\ndocument = \"m2\"\nsection = \"s\"\n"
    "quote = \"q\"\nnot_represented = \"no solutions space\"\n";

class ValidateCommand : public testing::Test {
protected:
    ValidateCommand() {
        test::write_text_file(ledger_, ledger_text);
        options_.ledger = ledger_;
        options_.replicates = 10;
        options_.threads = 2;
        options_.quiet = true;
    }
    int validate() {
        out_.str("");
        err_.str("");
        return validate_command(options_, out_, err_);
    }
    test::TempDir dir_;
    fs::path ledger_ = dir_ / "claims.toml";
    ValidateCommandOptions options_;
    std::ostringstream out_, err_;
};

TEST_F(ValidateCommand, PrintsAndStoresTheClaimsTable) {
    options_.output = dir_ / "validate.h5";
    ASSERT_EQ(validate(), exit_ok) << err_.str();
    EXPECT_TRUE(contains(out_.str(), "budget.capacity")) << out_.str();
    EXPECT_TRUE(contains(out_.str(), "holds")) << out_.str();
    EXPECT_TRUE(contains(out_.str(), "2 claims, 1 not represented")) << out_.str();
    const auto tables = analysis::read_analysis_file(options_.output);
    ASSERT_EQ(tables.size(), 1u);
    const auto& t = tables[0].table;
    EXPECT_EQ(t.name, "claims");
    ASSERT_EQ(t.rows(), 1u);
    EXPECT_EQ(t.text_column("verdict")[0], "holds");
    EXPECT_GT(t.number_column("low")[0], 0.0);
    EXPECT_EQ(t.number_column("replicates")[0], 10.0);
    // Never overwritten without --force.
    EXPECT_EQ(validate(), exit_bad_input);
    EXPECT_TRUE(contains(err_.str(), "exists")) << err_.str();
    options_.force = true;
    EXPECT_EQ(validate(), exit_ok) << err_.str();
}

// --uncertainty N: the share of N sampled models in which each claim holds, with its Wilson
// interval and the label saying so, printed and stored beside the claims table, with each
// model's verdicts and constants. The budget claim holds in every model (see
// tests/analysis/claim_validation_test.cpp), so 3 of 3 and Wilson [0.44, 1].
TEST_F(ValidateCommand, UnderSampledModelsPrintsAndStoresTheShareWithItsInterval) {
    options_.output = dir_ / "validate.h5";
    options_.uncertainty_sets = 3;
    options_.uncertainty_replicates = 5;
    ASSERT_EQ(validate(), exit_ok) << err_.str();
    EXPECT_TRUE(contains(out_.str(), "1.00 [0.44, 1.00]")) << out_.str();
    EXPECT_TRUE(contains(out_.str(), "Wilson interval of the share over 3 sampled models"))
        << out_.str();
    EXPECT_TRUE(contains(out_.str(), "1 of 1 claim x base cells hold in at least 80%"))
        << out_.str();
    const auto tables = analysis::read_analysis_file(options_.output);
    std::map<std::string, const analysis::AnalysisTable*> by_name;
    for (const auto& t : tables) by_name[t.table.name] = &t.table;
    ASSERT_EQ(by_name.count("claims_uncertainty"), 1u);
    const auto& u = *by_name.at("claims_uncertainty");
    EXPECT_EQ(u.number_column("holding")[0], 3.0);
    EXPECT_NEAR(u.number_column("share_low")[0], 0.4385, 1e-3);
    EXPECT_TRUE(contains(u.description, "Wilson")) << u.description;
    ASSERT_EQ(by_name.count("claims_sampled"), 1u);
    EXPECT_EQ(by_name.at("claims_sampled")->rows(), 3u);
    ASSERT_EQ(by_name.count("sampled_models"), 1u);
    EXPECT_EQ(by_name.at("sampled_models")->rows(), 3u);
    EXPECT_GT(by_name.at("sampled_models")->number_columns.size(), 50u);
}

TEST_F(ValidateCommand, ABadLedgerIsBadInputNamingFileLineAndKey) {
    test::write_text_file(ledger_, ledger_text +
                                       "[[claim]]\nid = \"typo\"\ntopic = \"t\"\n"
                                       "document = \"itad\"\nsection = \"s\"\n"
                                       "quote = \"q\"\nvariant = [\"setup.budgit=1\"]\n"
                                       "measure = \"capacity\"\nmonths = [1, 1]\n"
                                       "direction = \"increase\"\n");
    options_.output = dir_ / "never.h5";
    EXPECT_EQ(validate(), exit_bad_input);
    EXPECT_TRUE(contains(err_.str(), "claims.toml:27: key 'claim 'typo'.variant'")) << err_.str();
    EXPECT_FALSE(fs::exists(options_.output));
}

TEST_F(ValidateCommand, OtherBasesRunEveryClaim) {
    const fs::path base = dir_ / "short.toml";
    test::write_text_file(base, "[run]\nmonths = 36\n[partners]\ncount = 8\n");
    options_.bases = {base};
    ASSERT_EQ(validate(), exit_ok) << err_.str();
    EXPECT_TRUE(contains(out_.str(), "short")) << out_.str();
    EXPECT_TRUE(contains(out_.str(), "1 claim x base cells")) << out_.str();
}

// Without --ledger the program reads the docs/claims.toml of the tree it sits in; a copy of it
// where no ledger is near is refused with exit 2, saying where it looked and what to give,
// and a --ledger that does not exist is refused naming it.
TEST(ValidateProgram, FindsTheLedgerBesideItOrSaysWhatToGive) {
    const test::ProcessResult here =
        test::run_process({PARTNERSIM_EXECUTABLE, "validate", "--replicates", "2", "--bases",
                           std::string(PARTNERSIM_SOURCE_DIR) + "/no-such-base.toml", "-q"});
    EXPECT_EQ(here.exit_code, exit_bad_input);
    EXPECT_FALSE(contains(here.err, "no docs/claims.toml found")) << here.err;
    EXPECT_TRUE(contains(here.err, "no-such-base.toml")) << here.err;

    test::TempDir dir;
    const fs::path copy = dir / "bin" / "partnersim";
    fs::create_directories(copy.parent_path());
    fs::copy_file(PARTNERSIM_EXECUTABLE, copy);
    fs::permissions(copy, fs::perms::owner_all);
    const test::ProcessResult away = test::run_process({copy.string(), "validate", "-q"});
    EXPECT_EQ(away.exit_code, exit_bad_input) << away.err;
    EXPECT_TRUE(contains(away.err, "no docs/claims.toml found beside the program")) << away.err;
    EXPECT_TRUE(contains(away.err, "give --ledger FILE")) << away.err;

    const test::ProcessResult missing = test::run_process(
        {copy.string(), "validate", "-q", "--ledger", (dir / "gone.toml").string()});
    EXPECT_EQ(missing.exit_code, exit_bad_input) << missing.err;
    EXPECT_TRUE(contains(missing.err, "gone.toml")) << missing.err;
}

}  // namespace
}  // namespace partnersim
