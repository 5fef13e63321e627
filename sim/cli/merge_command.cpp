#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "io/merge.hpp"
#include "io/output_file.hpp"

namespace partnersim {

int merge_command(const MergeCommandOptions& options, std::ostream& out, std::ostream& err) {
    try {
        const MergeReport report =
            merge_results(options.inputs, options.output, options.force, options.command_line);
        out << "merged " << report.runs << " runs from " << report.shards << " shard"
            << (report.shards == 1 ? "" : "s") << " into " << options.output.string() << '\n';
        return exit_ok;
    } catch (const MergeError& error) {
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
