// The MPI program (build/mpi/partnersim): the same command line, with `run` spread over the
// ranks of `mpirun -n K` (mpi_distribution.hpp). Every other command runs on rank 0 alone.
// Ranks other than 0 print nothing of their own but a failure only they had; rank 0 prints
// progress, the summary and every disagreement.

#include <mpi.h>

#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include "cli/app.hpp"
#include "mpi/mpi_distribution.hpp"

namespace {

int run_on_other_rank(int argc, char** argv, partnersim::mpi::MpiDistribution& ranks) {
    const bool is_run = argc > 1 && std::string_view(argv[1]) == "run";
    std::ostringstream said;
    std::ostringstream errors;
    std::streambuf* out = std::cout.rdbuf(said.rdbuf());
    std::streambuf* err = std::cerr.rdbuf(errors.rdbuf());
    const int code = is_run ? partnersim::run_command_line(argc, argv, &ranks) : 0;
    std::cout.rdbuf(out);
    std::cerr.rdbuf(err);
    const bool ended_well = ranks.finish(code);
    if (code != 0 && ranks.failure_is_own()) {
        // One write of the whole text: the ranks share mpirun's stderr, and a message written
        // piece by piece interleaves with rank 0's ("rank error: rank 1 of 2 ..." was seen).
        std::istringstream lines(errors.str());
        std::string text;
        for (std::string line; std::getline(lines, line);) {
            text += "rank " + std::to_string(ranks.rank()) + ": " + line + '\n';
        }
        std::fwrite(text.data(), 1, text.size(), stderr);
        std::fflush(stderr);
    }
    if (!ended_well) MPI_Abort(MPI_COMM_WORLD, code);
    return code;
}

}  // namespace

int main(int argc, char** argv) {
    int provided = 0;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    int code = 0;
    {
        partnersim::mpi::MpiDistribution ranks(MPI_COMM_WORLD);
        if (ranks.rank() == 0) {
            code = partnersim::run_command_line(argc, argv, &ranks);
            if (!ranks.finish(code)) MPI_Abort(MPI_COMM_WORLD, code);
        } else {
            code = run_on_other_rank(argc, argv, ranks);
        }
    }
    MPI_Finalize();
    return code;
}
