#include "io/merge.hpp"

#include <algorithm>
#include <ctime>
#include <optional>
#include <system_error>
#include <tuple>

#include "io/design_tables.hpp"
#include "io/hdf5_reader.hpp"
#include "io/hdf5_writer.hpp"
#include "io/output_file.hpp"
#include "io/results_copy.hpp"
#include "io/resume.hpp"

namespace partnersim {
namespace {

struct Input {
    std::filesystem::path path;
    ResultsFileInfo info;
    ResultsShape shape;
    std::optional<DesignAttributes> design;
    std::uint64_t first = 0;  // first run of its shard
    std::uint64_t end = 0;    // end of its shard's range (excluded)
    std::uint64_t runs = 0;   // complete runs it holds, from `first`
};

std::string range_text(std::uint64_t first, std::uint64_t end) {
    return end == first + 1 ? "run " + std::to_string(first)
                            : "runs " + std::to_string(first) + " to " + std::to_string(end - 1);
}

Input read_input(const std::filesystem::path& path) {
    Input input;
    input.path = path;
    try {
        const ResultsFile file(path);
        input.info = file.info();
        input.shape = file.shape();
        try {
            input.design = file.design();
        } catch (const std::runtime_error&) {
            // compared below: a file without a design matches only others without one
        }
        input.runs = complete_runs(path);
    } catch (const std::runtime_error& error) {
        throw MergeError(std::string("cannot read shard: ") + error.what());
    }
    if (!input.shape.shard) {
        throw MergeError(path.string() +
                         " is not a shard file (it has no shard attribute; "
                         "shard files come from partnersim run --shard K/N)");
    }
    std::tie(input.first, input.end) = shard_range(*input.shape.shard);
    return input;
}

void require_same_experiment(const Input& first, const Input& other) {
    const auto mismatch = [&](const std::string& what) {
        throw MergeError(other.path.string() + " and " + first.path.string() +
                         " are not shards of the same experiment: " + what);
    };
    if (other.info.metadata.partnersim_version != first.info.metadata.partnersim_version) {
        mismatch("written by partnersim " + other.info.metadata.partnersim_version + " and " +
                 first.info.metadata.partnersim_version);
    }
    if (other.info.metadata.scenario_toml != first.info.metadata.scenario_toml) {
        mismatch("their resolved scenarios differ");
    }
    if (other.design.has_value() != first.design.has_value() ||
        (other.design &&
         (other.design->sweep != first.design->sweep ||
          other.design->design_points != first.design->design_points ||
          other.design->replicates_per_point != first.design->replicates_per_point))) {
        mismatch("their sweeps differ");
    }
    if (other.shape.months != first.shape.months) mismatch("their months differ");
    if (other.shape.trace_runs != first.shape.trace_runs ||
        other.shape.trace_partners != first.shape.trace_partners) {
        mismatch("they trace different runs or partners (--trace)");
    }
    if (other.shape.shard->total_runs != first.shape.shard->total_runs) {
        mismatch("shards of " + std::to_string(other.shape.shard->total_runs) + " and " +
                 std::to_string(first.shape.shard->total_runs) + " runs");
    }
    if (other.info.measures != first.info.measures) mismatch("their measures differ");
}

// Every run of [0, total) in exactly one input, and each input complete.
void require_exact_cover(std::vector<Input>& inputs) {
    for (const Input& input : inputs) {
        if (input.runs != input.end - input.first) {
            const std::string holds = input.runs == 0
                                          ? "no complete runs"
                                          : range_text(input.first, input.first + input.runs);
            throw MergeError(input.path.string() + " is unfinished: shard " +
                             input.shape.shard->label() + " is " +
                             range_text(input.first, input.end) + " but the file holds " + holds +
                             " (finish it with partnersim run --resume)");
        }
    }
    std::stable_sort(inputs.begin(), inputs.end(),
                     [](const Input& a, const Input& b) { return a.first < b.first; });
    const std::uint64_t total = inputs.front().shape.shard->total_runs;
    std::uint64_t covered = 0;  // runs [0, covered) are in the inputs seen so far
    const Input* previous = nullptr;
    for (const Input& input : inputs) {
        if (input.first == input.end) continue;  // an empty shard covers nothing
        if (input.first > covered) {
            throw MergeError("no shard holds " + range_text(covered, input.first) + ": gap " +
                             (previous ? "between " + previous->path.string() + " and "
                                       : std::string("before ")) +
                             input.path.string());
        }
        if (input.first < covered) {
            throw MergeError(input.path.string() + " and " + previous->path.string() +
                             " overlap: both hold " +
                             range_text(input.first, std::min(covered, input.end)));
        }
        covered = input.end;
        previous = &input;
    }
    if (covered < total) {
        throw MergeError(
            "no shard holds " + range_text(covered, total) + ": missing " +
            (previous ? "after " + previous->path.string() : std::string("from every input")));
    }
}

std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

}  // namespace

MergeReport merge_results(const std::vector<std::filesystem::path>& inputs,
                          const std::filesystem::path& output, bool force,
                          const std::string& command_line) {
    if (inputs.empty()) throw MergeError("no shard files to merge");
    std::vector<Input> shards;
    for (const std::filesystem::path& path : inputs) {
        std::error_code no_file;
        if (std::filesystem::equivalent(path, output, no_file)) {
            throw MergeError(path.string() + " is both an input and the output");
        }
        shards.push_back(read_input(path));
    }
    for (const Input& shard : shards) require_same_experiment(shards.front(), shard);
    require_exact_cover(shards);

    const Input& first = shards.front();
    ResultsShape shape = first.shape;
    shape.shard.reset();
    ResultsMetadata metadata = first.info.metadata;
    metadata.command_line = command_line;
    metadata.created_utc = utc_now();

    OutputFile destination(output, force);
    MergeReport report;
    {
        Hdf5ResultWriter writer(
            destination.partial_path(), shape, metadata,
            [&](Hdf5ResultWriter& target) { target.copy_static_content(first.path); },
            ResultsStorage::direct);
        for (const Input& shard : shards) {
            copy_runs(shard.path, 0, shard.runs, writer);
            report.runs += shard.runs;
        }
        writer.close();
    }
    destination.commit();
    report.shards = shards.size();
    return report;
}

}  // namespace partnersim
