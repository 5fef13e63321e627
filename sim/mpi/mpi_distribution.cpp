#include "mpi/mpi_distribution.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string_view>

#include "engine/error.hpp"
#include "mpi/chunk_dispatch.hpp"
#include "mpi/local_worker.hpp"
#include "mpi/run_message.hpp"

namespace partnersim::mpi {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int tag_results = 1;  // to rank 0: a chunk's runs (or a first request), asks for more
constexpr int tag_chunk = 2;    // to a rank: run these indices
constexpr int tag_stop = 3;     // to a rank: nothing more

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = 14695981039346656037ULL) {
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

// The program itself: ranks running different builds (even of one version) could round
// differently, and the file would no longer be the one a single process writes.
std::uint64_t binary_hash() {
    std::ifstream exe("/proc/self/exe", std::ios::binary);
    std::uint64_t hash = fnv1a("");
    std::array<char, 1 << 16> block{};
    while (exe.read(block.data(), block.size()) || exe.gcount() > 0) {
        hash = fnv1a(std::string_view(block.data(), static_cast<std::size_t>(exe.gcount())), hash);
    }
    return hash;
}

// What each rank says before running.
struct Standing {
    std::uint32_t ready = 0;  // 1: it resolved the experiment; 0: it failed before
    std::uint32_t unused = 0;
    std::uint64_t binary = 0;
    std::uint64_t experiment = 0;
    std::array<char, 32> version{};
};

enum class Verdict : int { go, rank_zero_failed, rank_failed, version, binary, experiment };

struct Judgement {
    Verdict verdict = Verdict::go;
    int rank = 0;  // the first rank that differs or failed
};

Judgement judge(const std::vector<Standing>& all) {
    if (all[0].ready == 0) return {Verdict::rank_zero_failed, 0};
    for (std::size_t r = 1; r < all.size(); ++r) {
        const int rank = static_cast<int>(r);
        if (all[r].ready == 0) return {Verdict::rank_failed, rank};
        if (all[r].version != all[0].version) return {Verdict::version, rank};
        if (all[r].binary != all[0].binary) return {Verdict::binary, rank};
        if (all[r].experiment != all[0].experiment) return {Verdict::experiment, rank};
    }
    return {};
}

std::string version_of(const Standing& standing) {
    return {standing.version.data(), strnlen(standing.version.data(), standing.version.size())};
}

std::string disagreement(const Judgement& judged, const std::vector<Standing>& all) {
    const std::string rank =
        "rank " + std::to_string(judged.rank) + " of " + std::to_string(all.size());
    switch (judged.verdict) {
        case Verdict::rank_failed:
            return rank +
                   " stopped before it could run this experiment (its error is printed "
                   "after \"rank " +
                   std::to_string(judged.rank) + ":\")";
        case Verdict::version:
            return rank + " runs partnersim " + version_of(all[judged.rank]) +
                   " and rank 0 partnersim " + version_of(all[0]) +
                   ": every rank must run the same program";
        case Verdict::binary:
            return rank + " runs another partnersim program than rank 0 (the same version " +
                   version_of(all[0]) + ", another build): every rank must run the same file";
        case Verdict::experiment:
            return rank + " resolved another experiment than rank 0 (its scenario file, --set, " +
                   "--seed, --replicates, --shard or --trace differ): every rank must be given " +
                   "the same";
        case Verdict::go:
        case Verdict::rank_zero_failed:
            break;
    }
    return "the ranks disagree";
}

}  // namespace

MpiDistribution::MpiDistribution(MPI_Comm comm) : comm_(comm) {
    MPI_Comm_rank(comm_, &rank_);
    MPI_Comm_size(comm_, &size_);
    waiting_.assign(static_cast<std::size_t>(size_), 0);
    dismissed_.assign(static_cast<std::size_t>(size_), 0);
    given_.assign(static_cast<std::size_t>(size_), RunRange{});
    threads_.assign(static_cast<std::size_t>(size_), 1);
}

void MpiDistribution::take_part(bool ready, const std::string& experiment) {
    Standing mine;
    mine.ready = ready ? 1 : 0;
    if (ready) {
        mine.binary = binary_hash();
        mine.experiment = fnv1a(experiment);
        const std::string_view version = PARTNERSIM_VERSION;
        std::copy_n(version.begin(), std::min(version.size(), mine.version.size() - 1),
                    mine.version.begin());
    }
    std::vector<Standing> all(rank_ == 0 ? static_cast<std::size_t>(size_) : 0);
    MPI_Gather(&mine, sizeof(Standing), MPI_BYTE, all.data(), sizeof(Standing), MPI_BYTE, 0, comm_);
    Judgement judged;
    if (rank_ == 0) judged = judge(all);
    std::array<int, 2> said{static_cast<int>(judged.verdict), judged.rank};
    MPI_Bcast(said.data(), 2, MPI_INT, 0, comm_);
    judged = {static_cast<Verdict>(said[0]), said[1]};
    agreed_ = true;
    go_ = judged.verdict == Verdict::go;
    // Rank 0 reports a disagreement; a rank's own failure is its own to report, unless rank 0
    // failed as well (the same scenario file, the same mistake: said once).
    own_failure_ = rank_ == 0 || (!ready && judged.verdict != Verdict::rank_zero_failed);
    if (!ready || go_) return;
    if (rank_ == 0) throw InputError(disagreement(judged, all), "mpirun", 0, "");
    throw InputError("rank 0 reported why this experiment cannot start");
}

void MpiDistribution::agree(const std::string& experiment) {
    if (agreed_) throw std::logic_error("MpiDistribution::agree: the ranks agreed already");
    take_part(true, experiment);
}

bool MpiDistribution::finish(int exit_code) {
    if (!agreed_) take_part(false, "");
    if (rank_ == 0 && go_) dismiss_all();
    // A rank that failed while serving leaves rank 0 waiting for its chunk: only ending the
    // job ends that wait (rank 0's partial file keeps every run written for --resume).
    return !(serving_ && exit_code != 0);
}

void MpiDistribution::dismiss(int worker) {
    const auto w = static_cast<std::size_t>(worker);
    if (dismissed_[w] != 0) return;
    if (waiting_[w] == 0) {  // its first request, or the chunk it is running: let it end
        MPI_Status status;
        MPI_Probe(worker, tag_results, comm_, &status);
        int bytes = 0;
        MPI_Get_count(&status, MPI_BYTE, &bytes);
        std::vector<std::byte> discarded(static_cast<std::size_t>(bytes));
        MPI_Recv(discarded.data(), bytes, MPI_BYTE, worker, tag_results, comm_, MPI_STATUS_IGNORE);
    }
    MPI_Send(nullptr, 0, MPI_BYTE, worker, tag_stop, comm_);
    dismissed_[w] = 1;
    waiting_[w] = 0;
}

void MpiDistribution::dismiss_all() {
    for (int worker = 1; worker < size_; ++worker) dismiss(worker);
}

bool MpiDistribution::receive(ChunkDispatch& dispatch) {
    bool received = false;
    while (true) {
        int arrived = 0;
        MPI_Status status;
        MPI_Iprobe(MPI_ANY_SOURCE, tag_results, comm_, &arrived, &status);
        if (arrived == 0) return received;
        int bytes = 0;
        MPI_Get_count(&status, MPI_BYTE, &bytes);
        std::vector<std::byte> message(static_cast<std::size_t>(bytes));
        const int worker = status.MPI_SOURCE;
        MPI_Recv(message.data(), bytes, MPI_BYTE, worker, tag_results, comm_, MPI_STATUS_IGNORE);
        DecodedRuns decoded = decode_runs(message);
        const auto w = static_cast<std::size_t>(worker);
        threads_[w] = std::max<std::uint64_t>(decoded.header.threads, 1);
        waiting_[w] = 1;
        if (decoded.header.first != ChunkHeader::no_chunk) {
            dispatch.finished(given_[w], std::move(decoded.runs));
        }
        received = true;
    }
}

void MpiDistribution::hand_out(ChunkDispatch& dispatch, LocalWorker& local) {
    for (int worker = 1; worker < size_; ++worker) {
        const auto w = static_cast<std::size_t>(worker);
        if (waiting_[w] == 0 || dismissed_[w] != 0) continue;
        const std::optional<RunRange> chunk = dispatch.next_chunk(threads_[w]);
        if (!chunk) break;
        const std::array<std::uint64_t, 2> range{chunk->first, chunk->last};
        MPI_Send(range.data(), 2, MPI_UINT64_T, worker, tag_chunk, comm_);
        given_[w] = *chunk;
        waiting_[w] = 0;
    }
    if (local.idle()) {
        if (const std::optional<RunRange> chunk = dispatch.next_chunk(local.threads())) {
            local.give(*chunk);
        }
    }
}

EnsembleReport MpiDistribution::run(const RunSource& source, std::uint64_t first,
                                    std::uint64_t last, ResultWriter& writer,
                                    const EnsembleOptions& options) {
    if (rank_ != 0 || !go_) throw std::logic_error("MpiDistribution::run: not rank 0 after agree");
    EnsembleReport report;
    const std::uint64_t total = last > first ? last - first : 0;
    ChunkDispatch dispatch(first, last, size_);
    auto last_flush = Clock::now();
    try {
        LocalWorker local(source, options);
        while (!dispatch.done()) {
            if (options.stop != nullptr && options.stop->load()) dispatch.stop();
            bool moved = receive(dispatch);
            if (std::optional<FinishedChunk> finished = local.take()) {
                dispatch.finished(finished->chunk, std::move(finished->runs));
                moved = true;
            }
            hand_out(dispatch, local);
            for (const RunResult& result : dispatch.take_writable()) {
                writer.write(result);
                ++report.completed;
                if (options.on_progress) options.on_progress(report.completed, total);
            }
            if (Clock::now() - last_flush >= options.flush_interval) {
                writer.flush();
                last_flush = Clock::now();
            }
            if (!moved) local.wait(std::chrono::milliseconds(1));
        }
    } catch (...) {
        dismiss_all();  // the local worker has ended its chunk (its destructor)
        throw;
    }
    dismiss_all();
    writer.flush();
    report.stopped = dispatch.written() < last;
    return report;
}

void MpiDistribution::serve(const RunSource& source, const EnsembleOptions& options) {
    if (rank_ == 0 || !go_) throw std::logic_error("MpiDistribution::serve: rank 0, or no agree");
    serving_ = true;
    const std::uint64_t threads = chunk_threads(options);
    std::vector<std::byte> message = encode_runs({ChunkHeader::no_chunk, 0, threads}, {});
    while (true) {
        MPI_Send(message.data(), static_cast<int>(message.size()), MPI_BYTE, 0, tag_results, comm_);
        MPI_Status status;
        MPI_Probe(0, MPI_ANY_TAG, comm_, &status);
        if (status.MPI_TAG == tag_stop) {
            MPI_Recv(nullptr, 0, MPI_BYTE, 0, tag_stop, comm_, MPI_STATUS_IGNORE);
            break;
        }
        std::array<std::uint64_t, 2> range{};
        MPI_Recv(range.data(), 2, MPI_UINT64_T, 0, tag_chunk, comm_, MPI_STATUS_IGNORE);
        const RunRange chunk{range[0], range[1]};
        const std::vector<RunResult> runs = run_chunk(source, chunk, options);
        message = encode_runs({chunk.first, chunk.size(), threads}, runs);
    }
    serving_ = false;
}

}  // namespace partnersim::mpi
