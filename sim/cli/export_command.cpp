#include "app/export_results.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"

namespace partnersim {

int export_command(const ExportCommandOptions& options, std::ostream& out, std::ostream& err) {
    return guarded(err, [&] {
        const auto written = app::export_results(
            {options.results, options.folder, options.timeseries, options.force});
        for (const auto& file : written) out << file.string() << '\n';
        return exit_ok;
    });
}

}  // namespace partnersim
