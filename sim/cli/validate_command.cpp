#include <algorithm>
#include <iomanip>
#include <map>
#include <sstream>

#include "app/validate_claims.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/interrupt.hpp"
#include "cli/terminal_progress.hpp"

namespace partnersim {
namespace {

using analysis::ClaimResult;

std::string cell_text(const ClaimResult& r) {
    std::ostringstream text;
    const int precision = std::abs(r.difference.estimate) >= 100 ? 0 : 3;
    text << std::showpos << std::fixed << std::setprecision(precision) << r.difference.estimate
         << std::noshowpos << ' ' << analysis::verdict_name(r.verdict);
    return text.str();
}

// One row per tested claim of the ledger, one column per base (in the order the rows first name
// them): the text of the row's cell, or "." where the ledger does not make the claim at that
// base. Both tables of validate, the verdicts and the shares under sampled models, are this one.
template <class Row, class CellText>
void print_claims_by_base(const ClaimLedger& ledger, const std::vector<Row>& rows, CellText cell,
                          std::ostream& out) {
    std::vector<std::string> bases;
    std::map<std::pair<std::string, std::string>, const Row*> cells;
    for (const auto& r : rows) {
        if (std::find(bases.begin(), bases.end(), r.base) == bases.end()) bases.push_back(r.base);
        cells[{r.claim, r.base}] = &r;
    }
    std::size_t width = 5;
    for (const auto& claim : ledger.claims) width = std::max(width, claim.id.size());
    out << std::left << std::setw(static_cast<int>(width) + 2) << "claim";
    for (const auto& b : bases) out << std::setw(22) << b.substr(0, 21);
    out << '\n';
    for (const auto& claim : ledger.claims) {
        if (!claim.test) continue;
        out << std::setw(static_cast<int>(width) + 2) << claim.id;
        for (const auto& b : bases) {
            const auto it = cells.find({claim.id, b});
            out << std::setw(22) << (it == cells.end() ? std::string(".") : cell(*it->second));
        }
        out << '\n';
    }
}

void print_table(const app::ValidationOutcome& outcome, std::ostream& out) {
    print_claims_by_base(outcome.ledger, outcome.results, cell_text, out);
    std::map<std::string, int> counts;
    for (const auto& r : outcome.results) ++counts[std::string(analysis::verdict_name(r.verdict))];
    out << '\n' << outcome.results.size() << " claim x base cells:";
    for (const char* v : {"holds", "weak", "fails", "reversed"})
        out << ' ' << v << ' ' << counts[v];
    std::size_t untested = 0;
    for (const auto& claim : outcome.ledger.claims) untested += claim.test ? 0 : 1;
    out << "; " << outcome.ledger.claims.size() << " claims, " << untested << " not represented\n";
}

std::string robustness_text(const analysis::ClaimRobustness& r) {
    std::ostringstream text;
    text << std::fixed << std::setprecision(2) << r.share.estimate << " [" << r.share.low << ", "
         << r.share.high << ']';
    return text.str();
}

// Under sampled models: the share of sampled models in which each claim holds, per base, with
// its Wilson interval, and how many cells reach the 80% issue 11 asks for.
void print_robustness(const app::ValidationOutcome& outcome, const ValidateCommandOptions& options,
                      std::ostream& out) {
    const auto& robustness = outcome.uncertainty.robustness;
    out << "\nUnder " << options.uncertainty_sets << " sampled sets of model constants ("
        << options.uncertainty_replicates
        << " paired replicates each): share of sampled models in which the claim holds\n"
        << "(Intervals: " << analysis::robustness_interval_kind(outcome.uncertainty.results.size())
        << ")\n\n";
    print_claims_by_base(outcome.ledger, robustness, robustness_text, out);
    const auto below = std::count_if(robustness.begin(), robustness.end(),
                                     [](const auto& r) { return r.share.estimate < 0.8; });
    out << '\n'
        << robustness.size() - static_cast<std::size_t>(below) << " of " << robustness.size()
        << " claim x base cells hold in at least 80% of sampled models\n";
}

}  // namespace

int validate_command(const ValidateCommandOptions& options, std::ostream& out, std::ostream& err) {
    return guarded(err, [&] {
        InterruptGuard interrupt;
        TerminalProgress progress(options.quiet, err);
        app::ValidateRequest request;
        request.ledger = options.ledger;
        request.bases = options.bases;
        request.replicates = options.replicates;
        request.seed = options.seed;
        request.threads = options.threads;
        request.uncertainty_sets = options.uncertainty_sets;
        request.uncertainty_replicates = options.uncertainty_replicates;
        request.output = options.output;
        request.force = options.force;
        request.stop = &interrupt.requested();
        request.observer = &progress;
        const app::ValidationOutcome outcome = app::validate_claims(request);
        out << "Claims of the seeds (" << outcome.ledger_file.string()
            << "), variant - baseline over " << options.replicates << " paired replicates, seed "
            << options.seed
            << ": mean effect and verdict\n(holds: 95% interval on the predicted side of zero; "
               "weak: only the mean is; fails; reversed: the interval is on the other side)\n\n";
        print_table(outcome, out);
        if (!outcome.uncertainty.robustness.empty()) print_robustness(outcome, options, out);
        if (!outcome.saved.empty() && !options.quiet) {
            err << "wrote the claims table to " << outcome.saved.string() << '\n';
        }
        return exit_ok;
    });
}

}  // namespace partnersim
