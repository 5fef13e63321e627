#include <iomanip>
#include <map>
#include <sstream>

#include "analysis/analysis_file.hpp"
#include "analysis/claim_validation.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/progress_bar.hpp"
#include "io/output_file.hpp"
#include "io/scenario_file.hpp"

namespace partnersim {
namespace {

using analysis::ClaimResult;

std::vector<NamedBase> named_bases(const std::vector<std::filesystem::path>& files) {
    std::vector<NamedBase> bases;
    for (const auto& file : files) bases.push_back({file.stem().string(), file});
    return bases;
}

std::string cell_text(const ClaimResult& r) {
    std::ostringstream text;
    const int precision = std::abs(r.difference.estimate) >= 100 ? 0 : 3;
    text << std::showpos << std::fixed << std::setprecision(precision) << r.difference.estimate
         << std::noshowpos << ' ' << analysis::verdict_name(r.verdict);
    return text.str();
}

// One row per claim, one column per base: "effect verdict", or "." where the claim is not made.
void print_table(const ClaimLedger& ledger, const std::vector<ClaimResult>& results,
                 std::ostream& out) {
    std::vector<std::string> bases;
    for (const auto& r : results) {
        if (std::find(bases.begin(), bases.end(), r.base) == bases.end()) bases.push_back(r.base);
    }
    std::map<std::pair<std::string, std::string>, const ClaimResult*> cells;
    for (const auto& r : results) cells[{r.claim, r.base}] = &r;
    std::size_t width = 5;
    for (const auto& claim : ledger.claims) width = std::max(width, claim.id.size());
    out << std::left << std::setw(static_cast<int>(width) + 2) << "claim";
    for (const auto& b : bases) out << std::setw(22) << b.substr(0, 21);
    out << '\n';
    std::map<std::string, int> counts;
    for (const auto& claim : ledger.claims) {
        if (!claim.test) continue;
        out << std::setw(static_cast<int>(width) + 2) << claim.id;
        for (const auto& b : bases) {
            const auto it = cells.find({claim.id, b});
            out << std::setw(22) << (it == cells.end() ? "." : cell_text(*it->second));
        }
        out << '\n';
    }
    for (const auto& r : results) ++counts[std::string(analysis::verdict_name(r.verdict))];
    out << "\n" << results.size() << " claim x base cells:";
    for (const char* v : {"holds", "weak", "fails", "reversed"})
        out << ' ' << v << ' ' << counts[v];
    std::size_t untested = 0;
    for (const auto& claim : ledger.claims) untested += claim.test ? 0 : 1;
    out << "; " << ledger.claims.size() << " claims, " << untested << " not represented\n";
}

}  // namespace

int validate_command(const ValidateCommandOptions& options, std::ostream& out, std::ostream& err) {
    ClaimLedger ledger;
    analysis::ValidationPlan plan;
    try {
        ledger = load_claim_ledger(options.ledger);
        plan = analysis::plan_validation(ledger, named_bases(options.bases));
        if (!options.output.empty()) {  // fail before running anything
            OutputFile check(options.output, options.force, ExistingPartial::refuse);
            check.keep();
        }
    } catch (const std::exception& error) {
        err << "error: " << error.what() << '\n';
        return exit_bad_input;
    }
    try {
        InterruptGuard interrupt;
        ProgressBar progress(ProgressBar::wanted(options.quiet));
        analysis::ValidationOptions run;
        run.replicates = options.replicates;
        run.seed = options.seed;
        run.threads = options.threads;
        run.stop = &interrupt.requested();
        run.on_progress = [&](std::uint64_t done, std::uint64_t total) {
            progress.update(done, total);
        };
        const auto results = analysis::validate_claims(ledger, plan, run);
        progress.finish();
        if (interrupt.requested()) {
            err << "interrupted: nothing was written\n";
            return exit_interrupted;
        }
        out << "Claims of the seeds (" << options.ledger.string() << "), variant - baseline over "
            << options.replicates << " paired replicates, seed " << options.seed
            << ": mean effect and verdict\n(holds: 95% interval on the predicted side of zero; "
               "weak: only the mean is; fails; reversed: the interval is on the other side)\n\n";
        print_table(ledger, results, out);
        if (!options.output.empty()) {
            OutputFile output(options.output, options.force, ExistingPartial::refuse);
            std::filesystem::remove(output.partial_path());
            const std::string key = "ledger: " + options.ledger.string() + "; replicates " +
                                    std::to_string(options.replicates) + "; seed " +
                                    std::to_string(options.seed);
            analysis::store_tables(output.partial_path(), {{analysis::claims_table(results), key}});
            output.commit();
            if (!options.quiet)
                err << "wrote the claims table to " << options.output.string() << '\n';
        }
        return exit_ok;
    } catch (const ScenarioError& error) {
        err << "error: " << error.what() << '\n';
        return exit_bad_input;
    } catch (const std::invalid_argument& error) {
        err << "error: " << error.what() << '\n';
        return exit_bad_input;
    } catch (const OutputExists& error) {
        err << "error: " << error.what() << '\n';
        return exit_bad_input;
    } catch (const std::exception& error) {
        err << "error: " << error.what() << '\n';
        return exit_failure;
    }
}

}  // namespace partnersim
