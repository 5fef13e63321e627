// `partnersim validate`: the claims x bases table printed and stored, bad input refused with
// exit 2 before anything runs, an existing output never overwritten without --force.

#include <gtest/gtest.h>

#include <sstream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "io/analysis_file.hpp"
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

}  // namespace
}  // namespace partnersim
