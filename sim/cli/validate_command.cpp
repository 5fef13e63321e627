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

// One row per tested claim, one column per base: "effect verdict", or "." where the ledger does
// not make the claim at that base.
void print_table(const app::ValidationOutcome& outcome, std::ostream& out) {
    std::vector<std::string> bases;
    std::map<std::pair<std::string, std::string>, const ClaimResult*> cells;
    for (const auto& r : outcome.results) {
        if (std::find(bases.begin(), bases.end(), r.base) == bases.end()) bases.push_back(r.base);
        cells[{r.claim, r.base}] = &r;
    }
    std::size_t width = 5;
    for (const auto& claim : outcome.ledger.claims) width = std::max(width, claim.id.size());
    out << std::left << std::setw(static_cast<int>(width) + 2) << "claim";
    for (const auto& b : bases) out << std::setw(22) << b.substr(0, 21);
    out << '\n';
    for (const auto& claim : outcome.ledger.claims) {
        if (!claim.test) continue;
        out << std::setw(static_cast<int>(width) + 2) << claim.id;
        for (const auto& b : bases) {
            const auto it = cells.find({claim.id, b});
            out << std::setw(22) << (it == cells.end() ? "." : cell_text(*it->second));
        }
        out << '\n';
    }
    std::map<std::string, int> counts;
    for (const auto& r : outcome.results) ++counts[std::string(analysis::verdict_name(r.verdict))];
    out << '\n' << outcome.results.size() << " claim x base cells:";
    for (const char* v : {"holds", "weak", "fails", "reversed"})
        out << ' ' << v << ' ' << counts[v];
    std::size_t untested = 0;
    for (const auto& claim : outcome.ledger.claims) untested += claim.test ? 0 : 1;
    out << "; " << outcome.ledger.claims.size() << " claims, " << untested << " not represented\n";
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
        request.output = options.output;
        request.force = options.force;
        request.stop = &interrupt.requested();
        request.observer = &progress;
        const app::ValidationOutcome outcome = app::validate_claims(request);
        out << "Claims of the seeds (" << options.ledger.string() << "), variant - baseline over "
            << options.replicates << " paired replicates, seed " << options.seed
            << ": mean effect and verdict\n(holds: 95% interval on the predicted side of zero; "
               "weak: only the mean is; fails; reversed: the interval is on the other side)\n\n";
        print_table(outcome, out);
        if (!outcome.saved.empty() && !options.quiet) {
            err << "wrote the claims table to " << outcome.saved.string() << '\n';
        }
        return exit_ok;
    });
}

}  // namespace partnersim
