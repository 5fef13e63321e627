// The claims ledger in CI: every tested claim of docs/claims.toml at every base the ledger
// claims it for, through the same runner as `partnersim validate`, with the same seed, at the
// replicate count of the measured table docs/claims_measured.csv (100, argued below), which
// docs/claims.md is generated from. Two checks:
//
// 1. Every claim the ledger expects to hold holds (95% interval on the predicted side of zero)
//    at each of its bases; a claim marked `expected = "fails"` (its `when` says what is at
//    fault) still does not hold everywhere, so a fix shows up as a ledger entry to update.
// 2. Drift: each cell's verdict and numbers are those stored in docs/claims_measured.csv (as
//    written, 6 significant digits). The run is deterministic (fixed seed, common random
//    numbers, bit-identical whatever the thread count), so any difference means the model or
//    the ledger changed and the page no longer says what the model does: re-run
//      ./build/sim/partnersim validate --replicates 100 -o validate.h5 --force
//      /usr/bin/python3 analysis/claims_ledger.py --results validate.h5
//
// Why 100 replicates, not validate's default 200: the verdicts cannot flicker (determinism);
// what the smaller count costs is power. An interval at 100 replicates is sqrt(2) = 1.41 times
// as wide as at 200, so a claim that holds at 200 with its near bound at least 0.41 of a
// half-width from zero holds at 100 too; the claims this test expects to hold clear that (the
// measured table shows their intervals' near bounds far from zero). It keeps the run to a few
// minutes on 2 cores.

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "analysis/claim_validation.hpp"
#include "io/claims_file.hpp"

namespace partnersim {
namespace {

const std::filesystem::path source_dir{PARTNERSIM_SOURCE_DIR};

// A row of docs/claims_measured.csv, as its text (claim, base, verdict, baseline_mean,
// variant_mean, difference, low, high, replicates).
using StoredRow = std::vector<std::string>;

std::map<std::pair<std::string, std::string>, StoredRow> read_measured(
    const std::filesystem::path& path) {
    std::ifstream in(path);
    std::map<std::pair<std::string, std::string>, StoredRow> rows;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        StoredRow row;
        std::stringstream fields(line);
        std::string field;
        while (std::getline(fields, field, ',')) row.push_back(field);
        if (row.size() == 9) rows[{row[0], row[1]}] = row;
    }
    return rows;
}

// As analysis/claims_ledger.py writes numbers: Python's "{:.6g}".
std::string six_digits(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

StoredRow as_stored(const analysis::ClaimResult& r) {
    return {r.claim,
            r.base,
            std::string(analysis::verdict_name(r.verdict)),
            six_digits(r.baseline_mean),
            six_digits(r.variant_mean),
            six_digits(r.difference.estimate),
            six_digits(r.difference.low),
            six_digits(r.difference.high),
            std::to_string(r.replicates)};
}

TEST(ClaimsLedger, EveryTestedClaimHoldsWhereTheLedgerClaimsItAndThePageIsCurrent) {
    const ClaimLedger ledger = load_claim_ledger(source_dir / "docs/claims.toml");
    const auto stored = read_measured(source_dir / "docs/claims_measured.csv");
    ASSERT_FALSE(stored.empty()) << "docs/claims_measured.csv is missing or empty";
    analysis::ValidationOptions options;
    options.replicates = std::stoi(stored.begin()->second[8]);
    options.threads = 2;
    const auto results =
        analysis::validate_claims(ledger, analysis::plan_validation(ledger), options);
    std::map<std::string, const Claim*> by_id;
    for (const auto& c : ledger.claims) by_id[c.id] = &c;
    std::map<std::string, int> holding, cells;
    for (const auto& r : results) {
        const Claim& claim = *by_id.at(r.claim);
        ++cells[r.claim];
        holding[r.claim] += r.verdict == analysis::Verdict::holds;
        if (claim.test->expected_to_hold) {
            EXPECT_EQ(r.verdict, analysis::Verdict::holds)
                << r.claim << " at " << r.base << ": " << r.difference.estimate << " ["
                << r.difference.low << ", " << r.difference.high << "] "
                << analysis::verdict_name(r.verdict);
        }
        const auto it = stored.find({r.claim, r.base});
        if (it == stored.end()) {
            ADD_FAILURE() << r.claim << " at " << r.base
                          << " is not in docs/claims_measured.csv: regenerate it (see above)";
        } else {
            EXPECT_EQ(as_stored(r), it->second)
                << r.claim << " at " << r.base
                << " differs from docs/claims_measured.csv: regenerate it (see above)";
        }
    }
    EXPECT_EQ(results.size(), stored.size())
        << "docs/claims_measured.csv holds cells the ledger no longer runs";
    for (const auto& [id, claim] : by_id) {
        if (claim->test && !claim->test->expected_to_hold) {
            EXPECT_LT(holding[id], cells[id])
                << id << " now holds at every base: update the ledger (expected, when)";
        }
    }
}

}  // namespace
}  // namespace partnersim
