#include "app/make_report.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"

namespace partnersim {

int report_command(const ReportCommandOptions& options, std::ostream& out, std::ostream& err) {
    return guarded(err, [&] {
        app::ReportRequest request{
            options.results,
            options.folder,
            options.success,
            options.interaction,
            options.comparison,
            options.force,
            [&](const std::string& warning) { err << "warning: " << warning << '\n'; }};
        out << app::make_report(request).string() << '\n';
        return exit_ok;
    });
}

}  // namespace partnersim
