#include "app/export_results.hpp"

#include <string>

#include "analysis/csv_export.hpp"
#include "app/input_checked.hpp"
#include "io/hdf5_reader.hpp"

namespace partnersim::app {

std::vector<std::filesystem::path> export_results(const ExportRequest& request) {
    input_checked([&] { read_results_info(request.results); });  // said plainly
    try {
        return analysis::export_csv(request.results, request.folder,
                                    {request.timeseries, request.force});
    } catch (const Error&) {
        throw;
    } catch (const std::exception& error) {
        // An existing file refused without force is the person's call to make, not a failure.
        // csv_export says so only in its message (it is another floor's to give a type).
        if (std::string(error.what()).find("use --force") != std::string::npos) {
            throw InputError(error.what());
        }
        throw;
    }
}

}  // namespace partnersim::app
