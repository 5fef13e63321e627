#include "app/merge_shards.hpp"

#include "io/merge.hpp"

namespace partnersim::app {

MergeOutcome merge_shards(const MergeRequest& request) {
    const MergeReport report =
        merge_results(request.inputs, request.output, request.force, request.command_line);
    return {report.runs, report.shards};
}

}  // namespace partnersim::app
