#include "analysis/csv_export.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "io/hdf5_reader.hpp"

namespace partnersim {

int export_command(const ExportCommandOptions& options, std::ostream& out, std::ostream& err) {
    try {
        read_results_info(options.results);  // an unreadable file is bad input, said plainly
    } catch (const std::exception& error) {
        err << "error: " << error.what() << '\n';
        return exit_bad_input;
    }
    try {
        const auto written = analysis::export_csv(options.results, options.folder,
                                                  {options.timeseries, options.force});
        for (const auto& file : written) out << file.string() << '\n';
        return exit_ok;
    } catch (const std::exception& error) {
        err << "error: " << error.what() << '\n';
        // An existing file refused without --force is the user's call to make, not a failure.
        const bool exists = std::string(error.what()).find("use --force") != std::string::npos;
        return exists ? exit_bad_input : exit_failure;
    }
}

}  // namespace partnersim
