#include "app/make_report.hpp"

#include <fstream>
#include <sstream>

#include "analysis/results_table.hpp"
#include "app/analyze_results.hpp"
#include "app/discover_boxes.hpp"
#include "app/external_program.hpp"
#include "app/input_checked.hpp"
#include "io/analysis_file.hpp"

namespace partnersim::app {
namespace {

void warn(const ReportRequest& request, const std::string& message) {
    if (request.on_warning) request.on_warning(message);
}

void warn_unreadable(const ReportRequest& request, const CacheReport& cache) {
    if (cache.outcome == CacheReport::Outcome::unreadable) warn(request, unreadable_warning(cache));
}

// The analyses the page shows, computed now unless the analysis file has them already: as
// text for people, and every table with its key, for the page.
struct PageAnalyses {
    std::string text;
    std::vector<analysis::StoredTable> tables;
};

void append(std::vector<analysis::StoredTable>& to, const CacheReport& cache) {
    to.insert(to.end(), cache.tables.begin(), cache.tables.end());
}

PageAnalyses requested_analyses(const ReportRequest& request) {
    PageAnalyses page;
    std::ostringstream text;
    AnalyzeRequest analyze;
    analyze.results = request.results;
    analyze.interaction = request.interaction;
    const AnalysisOutcome analysis = analyze_results(analyze);
    warn_unreadable(request, analysis.cache);
    write_analysis_text(analysis, false, text);
    append(page.tables, analysis.cache);
    if (!request.success.empty()) {
        DiscoverRequest discover;
        discover.results = request.results;
        discover.success = request.success;
        const DiscoveryOutcome discovery = discover_boxes(discover);
        warn_unreadable(request, discovery.cache);
        write_discovery_text(discovery, text);
        append(page.tables, discovery.cache);
    }
    page.text = text.str();
    return page;
}

// A `compare -o` file holds the comparison tables and no runs: its report is the comparison's.
bool is_comparison_file(const std::filesystem::path& path) {
    try {
        for (const auto& stored : analysis::read_analysis_file(path)) {
            if (stored.table.name == "comparison") return true;
        }
    } catch (const std::exception&) {
        return false;  // not an analysis file: read as results, whose error says why
    }
    return false;
}

bool is_sweep(const std::filesystem::path& results) {
    return !analysis::read_results_table(results).factors.empty();
}

// The tables the page shows, beside it in the report's folder.
std::filesystem::path page_tables_path(const ReportRequest& request) {
    return request.folder / "analysis.h5";
}

// The page shows exactly what its request asked: the tables it used are copied beside the
// page, and the page reads them there. The results' own analysis file keeps every table an
// earlier command stored (a discovery, an interaction, another month): `export` still has them.
// A single scenario has no analyses: its page's table file is written all the same, empty, so
// the page always reads its tables from one place.
void write_analyses(const ReportRequest& request, bool sweep) {
    const PageAnalyses page = sweep ? requested_analyses(request) : PageAnalyses{};
    const auto tables_path = page_tables_path(request);
    analysis::store_tables(tables_path, page.tables);
    std::ofstream text(request.folder / "analysis.txt");
    text << page.text;
    if (!text) throw RuntimeFailure("cannot write " + (request.folder / "analysis.txt").string());
}

// analysis/figures/report.py draws the figures and writes the page (of a comparison alone
// when `request.results` is empty).
void draw_page(const ReportRequest& request) {
    std::vector<std::string> command{analysis_python(),
                                     analysis_scripts_folder() + "/figures/report.py", "-o",
                                     request.folder.string(), "--quiet"};
    if (!request.results.empty()) {
        command.push_back(request.results.string());
        command.push_back("--analysis");
        command.push_back(page_tables_path(request).string());
    }
    if (!request.comparison.empty()) {
        command.push_back("--comparison");
        command.push_back(request.comparison.string());
    }
    const int status = run_program(command);
    if (status == 0) return;
    throw RuntimeFailure(
        "the report's figures and page could not be made (" + command[0] + ' ' + command[1] +
        (status < 0 ? " did not run" : " failed") +
        "); they need Debian's python3 with h5py, NumPy and matplotlib (scripts/install-deps.sh "
        "installs them; PARTNERSIM_PYTHON chooses another interpreter)");
}

}  // namespace

std::filesystem::path make_report(const ReportRequest& asked) {
    ReportRequest request = asked;
    std::filesystem::path page = request.folder / "index.html";
    const bool sweep = input_checked([&] {
        if (request.comparison.empty() && is_comparison_file(request.results)) {
            request.comparison = request.results;  // `report cmp.h5`: the comparison alone
            request.results.clear();
        }
        const bool has_sweep = !request.results.empty() && is_sweep(request.results);
        if (std::filesystem::exists(page) && !request.force) {
            throw InputError(page.string() + " exists; use --force to overwrite the report");
        }
        std::filesystem::create_directories(request.folder);
        return has_sweep;
    });
    std::filesystem::remove(page_tables_path(request));  // an earlier report's, with --force
    if (!request.results.empty()) write_analyses(request, sweep);
    draw_page(request);
    return page;
}

}  // namespace partnersim::app
