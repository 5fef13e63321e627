#include "app/external_program.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdlib>

#include "app/bundled_files.hpp"

extern char** environ;

namespace partnersim::app {

int run_program(const std::vector<std::string>& args) {
    if (args.empty()) return -1;
    std::vector<char*> argv;
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    pid_t child = 0;
    if (posix_spawnp(&child, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return -1;
    int status = 0;
    while (waitpid(child, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string analysis_python() {
    const char* chosen = std::getenv("PARTNERSIM_PYTHON");
    return chosen && *chosen ? chosen : "/usr/bin/python3";
}

std::string analysis_scripts_folder() {
    const char* chosen = std::getenv("PARTNERSIM_ANALYSIS_DIR");
    if (chosen && *chosen) return chosen;
    // report.py stands for the folder: found, it is analysis/figures/report.py.
    if (auto report = find_bundled_file(program_path(), "analysis/figures/report.py")) {
        return report->parent_path().parent_path().string();
    }
    return PARTNERSIM_ANALYSIS_DIR;
}

}  // namespace partnersim::app
