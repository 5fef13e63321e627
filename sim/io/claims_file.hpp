#pragma once
// The claims ledger file (docs/claims.toml): every claim the seed documents make about
// what helps or hurts a learning partnership, declared once, with the paired test that checks
// it where the model represents it. docs/claims.md is generated from it (and from the measured
// results), and `partnersim validate` runs it.
//
//   [bases]                        # scenario files the claims are tested at, by name
//   default = "../scenarios/default.toml"       # paths relative to the ledger file
//   [[claim]]
//   id = "enabler.trust_through_time"
//   topic = "strategic enablers"
//   document = "itad"              # itad | dha | m2 (the three seeds) | brief (its literature)
//   section = "Strategic enablers: trust between the learning facilitator and participants"
//   quote = "Trust is built through time..."
//   parameters = ["setup.end_month"]
//   mechanism = "trust is a beta reputation of lived experiences ..."
//   # a tested claim:
//   baseline = ["setup.end_month=12"]   # --set overrides on the base, in order
//   variant = ["setup.end_month=36"]
//   condition = []                 # optional: test (variant - baseline) under these overrides
//                                  # minus (variant - baseline) without them (an interaction)
//   measure = "trust_partner_facilitator"
//   months = [36, 36]              # mean of the measure over these months (1-based, inclusive)
//   change_from = [1, 6]           # optional: minus its mean over these months
//   direction = "increase"         # predicted sign of variant - baseline: increase | decrease
//   bases = ["default", "sense_maker"]   # optional: where the seeds claim it; default all
//   when = "..."                   # optional: conditions the seeds attach to it
//   expected = "fails"             # optional: a known wrong or inert mechanism ("holds" is
//                                  # the default); `when` then says what is at fault
//   # or a claim the model does not represent:
//   not_represented = "reason"
//
// Every mistake is a ScenarioError naming the file, line and key.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace partnersim {

// Which way the seeds say a set-up choice moves a measure.
enum class Direction { increase, decrease };

// Months [first, last], 1-based and inclusive.
struct MonthWindow {
    int first = 0;
    int last = 0;
};

// The paired test of a claim: variant against baseline, both on the same base scenario and
// with the same random streams.
struct ClaimTest {
    std::vector<std::string> baseline;   // --set overrides
    std::vector<std::string> variant;    // --set overrides
    std::vector<std::string> condition;  // non-empty: an interaction (see the file layout)
    std::string measure;
    MonthWindow months;
    std::optional<MonthWindow> change_from;
    Direction direction = Direction::increase;
    std::vector<std::string> bases;  // names in [bases]; empty: all
    // false: a known wrong or inert mechanism (said in the claim's `when`); CI then checks that
    // it still does not hold everywhere, so a fix shows up as a ledger to update.
    bool expected_to_hold = true;
};

struct Claim {
    std::string id;
    std::string topic;
    std::string document;  // itad | dha | m2
    std::string section;
    std::string quote;
    std::vector<std::string> parameters;
    std::string mechanism;
    std::string when;
    std::optional<ClaimTest> test;  // nullopt: not represented
    std::string not_represented;    // the reason, when there is no test
    int line = 0;                   // of the [[claim]] in the file
};

struct NamedBase {
    std::string name;
    std::filesystem::path file;
};

struct ClaimLedger {
    std::filesystem::path file;
    std::vector<NamedBase> bases;  // in file order
    std::vector<Claim> claims;     // in file order
};

// The seed documents a claim may cite, by the short names used in the ledger.
const std::vector<std::pair<std::string_view, std::string_view>>& seed_documents();

// Reads and checks the ledger: unique ids, known documents, measures and base names, month
// windows that make sense, a test or a reason for each claim, and every override well formed
// (each is applied to a default scenario, so a typo is caught here with its line).
ClaimLedger load_claim_ledger(const std::filesystem::path& path);

// As load_claim_ledger, from text; `file` names it in errors and anchors relative base paths.
ClaimLedger parse_claim_ledger(std::string_view text, const std::filesystem::path& file);

std::string_view direction_name(Direction direction);

}  // namespace partnersim
