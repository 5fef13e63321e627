#include <fstream>
#include <sstream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/external_program.hpp"
#include "analysis/results_table.hpp"
#include "io/hdf5_reader.hpp"

namespace partnersim {
namespace {

// The analyses the page shows, computed now unless the analysis file has them already. Their
// printed tables are kept beside the page as analysis.txt, for readers who want the numbers.
int compute_analyses(const ReportCommandOptions& options, std::ostream& tables,
                     std::ostream& err) {
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

}  // namespace

int report_command(const ReportCommandOptions& options, std::ostream& out, std::ostream& err) {
    const std::filesystem::path page = options.folder / "index.html";
    try {
        read_results_info(options.results);
        if (std::filesystem::exists(page) && !options.force) {
            err << "error: " << page.string() << " exists; use --force to overwrite the report\n";
            return exit_bad_input;
        }
        std::filesystem::create_directories(options.folder);
    } catch (const std::exception& error) {
        err << "error: " << error.what() << '\n';
        return exit_bad_input;
    }
    std::ostringstream tables;
    if (is_sweep(options.results)) {
        if (const int code = compute_analyses(options, tables, err); code != exit_ok) return code;
        std::ofstream(options.folder / "analysis.txt") << tables.str();
    }
    std::vector<std::string> command{analysis_python(),
                                     analysis_scripts_folder() + "/report.py",
                                     options.results.string(), "-o", options.folder.string()};
    if (!options.comparison.empty()) {
        command.push_back("--comparison");
        command.push_back(options.comparison.string());
    }
    const int status = run_program(command);
    if (status != 0) {
        err << "error: the report's figures and page could not be made (" << command[0] << ' '
            << command[1] << (status < 0 ? " did not run" : " failed") << "); they need "
            << "Debian's python3 with h5py, NumPy and matplotlib (scripts/install-deps.sh "
               "installs them; PARTNERSIM_PYTHON chooses another interpreter)\n";
        return exit_failure;
    }
    out << page.string() << '\n';
    return exit_ok;
}

}  // namespace partnersim
