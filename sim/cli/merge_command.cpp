#include "app/merge_shards.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"

namespace partnersim {

int merge_command(const MergeCommandOptions& options, std::ostream& out, std::ostream& err) {
    return guarded(err, [&] {
        const app::MergeOutcome merged = app::merge_shards(
            {options.output, options.inputs, options.force, options.command_line});
        out << "merged " << merged.runs << " runs from " << merged.shards << " shard"
            << (merged.shards == 1 ? "" : "s") << " into " << options.output.string() << '\n';
        return exit_ok;
    });
}

}  // namespace partnersim
