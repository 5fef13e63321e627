#include "io/resume.hpp"

#include <algorithm>
#include <optional>
#include <sstream>
#include <system_error>
#include <vector>

#include "io/design_tables.hpp"
#include "io/hdf5_reader.hpp"
#include "io/results_copy.hpp"

namespace partnersim {
namespace {

constexpr std::uint64_t index_block_runs = 65536;

struct PartialFacts {
    ResultsMetadata metadata;
    ResultsShape shape;
    std::optional<DesignAttributes> design;
};

PartialFacts inspect(const std::filesystem::path& partial) {
    PartialFacts facts;
    const ResultsFile file(partial);
    facts.metadata = file.info().metadata;
    facts.shape = file.shape();
    try {
        facts.design = file.design();
    } catch (const std::runtime_error&) {
        // No design attributes: written without a design; reported as a mismatch below.
    }
    return facts;
}

// "line 12: 'seed = 42' here, 'seed = 43' in the partial file"
std::string first_difference(const std::string& ours, const std::string& theirs) {
    std::istringstream a(ours);
    std::istringstream b(theirs);
    std::string line_a;
    std::string line_b;
    for (int line = 1;; ++line) {
        const bool more_a = static_cast<bool>(std::getline(a, line_a));
        const bool more_b = static_cast<bool>(std::getline(b, line_b));
        if (!more_a && !more_b) return "they differ";
        if (!more_a) line_a = "(end)";
        if (!more_b) line_b = "(end)";
        if (!more_a || !more_b || line_a != line_b) {
            return "first difference at line " + std::to_string(line) + ": '" + line_a +
                   "' for this run, '" + line_b + "' in the partial file";
        }
    }
}

std::string shard_text(const std::optional<ShardInfo>& shard) {
    return shard ? "shard " + shard->label() + " of " + std::to_string(shard->total_runs) + " runs"
                 : "all runs (no --shard)";
}

void check(const std::filesystem::path& partial, const PartialFacts& facts,
           const ResultsShape& shape, const ResultsMetadata& metadata,
           const ExperimentDesign& design) {
    const std::string file = partial.string();
    const auto mismatch = [&](const std::string& what) {
        throw ResumeMismatch(file + " cannot be resumed: " + what +
                             "; use --force to start over instead");
    };
    if (facts.metadata.partnersim_version != metadata.partnersim_version) {
        mismatch("it was written by partnersim " + facts.metadata.partnersim_version +
                 ", this is partnersim " + metadata.partnersim_version +
                 ", and results could differ between versions");
    }
    if (facts.metadata.scenario_toml != metadata.scenario_toml) {
        mismatch("it belongs to a different scenario (the resolved scenarios differ; " +
                 first_difference(metadata.scenario_toml, facts.metadata.scenario_toml) + ")");
    }
    if (!facts.design) mismatch("it belongs to a different scenario (it records no sweep design)");
    const DesignAttributes ours = design_attributes(design);
    if (facts.design->sweep != ours.sweep) {
        mismatch("it belongs to a different scenario (the sweeps differ; " +
                 first_difference(ours.sweep, facts.design->sweep) + ")");
    }
    if (facts.design->design_points != ours.design_points ||
        facts.design->replicates_per_point != ours.replicates_per_point) {
        mismatch("it belongs to a different scenario (it has " +
                 std::to_string(facts.design->design_points) + " design points x " +
                 std::to_string(facts.design->replicates_per_point) + " replicates, this run " +
                 std::to_string(ours.design_points) + " x " +
                 std::to_string(ours.replicates_per_point) + ")");
    }
    if (facts.shape.months != shape.months) {
        mismatch("it has " + std::to_string(facts.shape.months) + " months, this run " +
                 std::to_string(shape.months));
    }
    if (facts.shape.trace_runs != shape.trace_runs ||
        (shape.trace_runs > 0 && facts.shape.trace_partners != shape.trace_partners)) {
        mismatch("it traces " + std::to_string(facts.shape.trace_runs) + " runs x " +
                 std::to_string(facts.shape.trace_partners) + " partners, this run " +
                 std::to_string(shape.trace_runs) + " x " + std::to_string(shape.trace_partners) +
                 " (use the same --trace)");
    }
    const bool same_shard =
        facts.shape.shard.has_value() == shape.shard.has_value() &&
        (!shape.shard || (facts.shape.shard->index == shape.shard->index &&
                          facts.shape.shard->count == shape.shard->count &&
                          facts.shape.shard->total_runs == shape.shard->total_runs));
    if (!same_shard) {
        mismatch("it holds " + shard_text(facts.shape.shard) + ", this run " +
                 shard_text(shape.shard));
    }
}

std::uint64_t first_run_of(const ResultsShape& shape) {
    return shape.shard ? shard_range(*shape.shard).first : 0;
}

std::unique_ptr<Hdf5ResultWriter> fresh_writer(const std::filesystem::path& path,
                                               const ResultsShape& shape,
                                               const ResultsMetadata& metadata,
                                               const ExperimentDesign& design) {
    return std::make_unique<Hdf5ResultWriter>(path, shape, metadata, design_prologue(design));
}

}  // namespace

std::uint64_t complete_runs(const std::filesystem::path& results) {
    ResultsRowReader reader(results);
    const std::uint64_t rows = reader.rows();
    const std::uint64_t first = first_run_of(reader.shape());
    for (std::uint64_t start = 0; start < rows; start += index_block_runs) {
        const std::uint64_t count = std::min(index_block_runs, rows - start);
        const std::vector<std::uint64_t> indices = reader.run_indices(start, count);
        for (std::uint64_t i = 0; i < count; ++i) {
            // An unwritten row reads as the fill value 2^64-1, never first + row.
            if (indices[i] != first + start + i) return start + i;
        }
    }
    return rows;
}

void check_resumable(const std::filesystem::path& partial, const ResultsShape& shape,
                     const ResultsMetadata& metadata, const ExperimentDesign& design) {
    check(partial, inspect(partial), shape, metadata, design);
}

Resumption resume_results(const std::filesystem::path& partial, const ResultsShape& shape,
                          const ResultsMetadata& metadata, const ExperimentDesign& design) {
    Resumption resumption;
    if (!std::filesystem::exists(partial)) {
        resumption.writer = fresh_writer(partial, shape, metadata, design);
        resumption.start = ResumeStart::no_partial_file;
        return resumption;
    }
    const auto start_over = [&](const std::runtime_error& error) {
        resumption.writer = fresh_writer(partial, shape, metadata, design);
        resumption.start = ResumeStart::unreadable_partial_file;
        resumption.reason = error.what();
        return std::move(resumption);
    };
    PartialFacts facts;
    try {
        facts = inspect(partial);
    } catch (const std::runtime_error& error) {
        return start_over(error);
    }
    check(partial, facts, shape, metadata, design);
    std::uint64_t complete = 0;
    try {
        complete = complete_runs(partial);
    } catch (const std::runtime_error& error) {
        return start_over(error);
    }

    // Copy under a temporary name, flush, and only then replace the crashed file: a crash at
    // any point leaves either the old file or a complete copy under the partial name.
    std::filesystem::path recovering = partial;
    recovering += ".recovering";
    try {
        auto writer = fresh_writer(recovering, shape, metadata, design);
        copy_runs(partial, 0, complete, *writer);
        writer->flush();
        writer->move_to(partial);
        resumption.writer = std::move(writer);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(recovering, ignored);
        throw;
    }
    resumption.completed = complete;
    return resumption;
}

}  // namespace partnersim
