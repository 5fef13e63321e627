#include <fstream>
#include <sstream>

#include "analysis/results_table.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/external_program.hpp"
#include "io/analysis_file.hpp"
#include "io/hdf5_reader.hpp"

namespace partnersim {
namespace {

// The analyses the page shows, computed now unless the analysis file has them already. Their
// printed tables are kept beside the page as analysis.txt, for readers who want the numbers.
int compute_analyses(const ReportCommandOptions& options, std::ostream& tables, std::ostream& err) {
    AnalyzeCommandOptions analyze;
    analyze.results = options.results;
    analyze.interaction = options.interaction;
    analyze.quiet = true;
    if (const int code = analyze_command(analyze, tables, err); code != exit_ok) return code;
    if (options.success.empty()) return exit_ok;
    DiscoverCommandOptions discover;
    discover.results = options.results;
    discover.success = options.success;
    discover.quiet = true;
    return discover_command(discover, tables, err);
}

bool is_sweep(const std::filesystem::path& results) {
    return !analysis::read_results_table(results).factors.empty();
}

// The page shows what the analysis file holds for these results, so the analyses this report
// was not asked for (an interaction or a discovery left by an earlier command, perhaps at
// another month) are dropped first: the report says exactly what its command asked.
void drop_unrequested_tables(const ReportCommandOptions& options) {
    const auto path = analysis::analysis_path_for(options.results);
    if (!std::filesystem::exists(path)) return;
    analysis::store_tables(path, {}, [&](const analysis::StoredTable& stored) {
        const std::string& name = stored.table.name;
        if (name.starts_with("interaction")) return !options.interaction.empty();
        if (name.starts_with("prim_")) return !options.success.empty();
        return true;
    });
}

// analysis/figures/report.py draws the figures and writes the page.
int draw_page(const ReportCommandOptions& options, std::ostream& out, std::ostream& err) {
    std::vector<std::string> command{
        analysis_python(),        analysis_scripts_folder() + "/figures/report.py",
        options.results.string(), "-o",
        options.folder.string(),  "--quiet"};
    if (!options.comparison.empty()) {
        command.push_back("--comparison");
        command.push_back(options.comparison.string());
    }
    const int status = run_program(command);
    if (status == 0) {
        out << (options.folder / "index.html").string() << '\n';
        return exit_ok;
    }
    err << "error: the report's figures and page could not be made (" << command[0] << ' '
        << command[1] << (status < 0 ? " did not run" : " failed") << "); they need "
        << "Debian's python3 with h5py, NumPy and matplotlib (scripts/install-deps.sh "
           "installs them; PARTNERSIM_PYTHON chooses another interpreter)\n";
    return exit_failure;
}

}  // namespace

int report_command(const ReportCommandOptions& options, std::ostream& out, std::ostream& err) {
    const std::filesystem::path page = options.folder / "index.html";
    bool sweep = false;
    try {
        sweep = is_sweep(options.results);
        if (std::filesystem::exists(page) && !options.force) {
            err << "error: " << page.string() << " exists; use --force to overwrite the report\n";
            return exit_bad_input;
        }
        std::filesystem::create_directories(options.folder);
    } catch (const std::exception& error) {
        err << "error: " << error.what() << '\n';
        return exit_bad_input;
    }
    if (sweep) {
        try {
            drop_unrequested_tables(options);
        } catch (const std::exception& error) {
            err << "warning: " << error.what() << '\n';  // the analyses below will say more
        }
        std::ostringstream tables;
        if (const int code = compute_analyses(options, tables, err); code != exit_ok) return code;
        std::ofstream text(options.folder / "analysis.txt");
        text << tables.str();
        if (!text) {
            err << "error: cannot write " << (options.folder / "analysis.txt").string() << '\n';
            return exit_failure;
        }
    }
    return draw_page(options, out, err);
}

}  // namespace partnersim
