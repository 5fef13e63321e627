#include "app/bundled_files.hpp"

#include <string>
#include <system_error>
#include <vector>

#include "engine/error.hpp"

namespace partnersim::app {
namespace {

// How far up from the program's folder to look: build/sim/partnersim is two below the source
// tree, bin/partnersim one below its prefix; a deeper build folder (build/release/sim) three.
constexpr int folders_up = 4;

std::vector<std::filesystem::path> candidates(const std::filesystem::path& program,
                                              std::string_view name) {
    std::vector<std::filesystem::path> found;
    std::filesystem::path folder = program.parent_path();
    for (int up = 0; up <= folders_up && !folder.empty(); ++up) {
        found.push_back(folder / name);
        found.push_back(folder / "share" / "partnersim" / name);
        if (folder == folder.parent_path()) break;  // the root
        folder = folder.parent_path();
    }
    return found;
}

}  // namespace

std::filesystem::path program_path() {
    std::error_code error;
    auto path = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? std::filesystem::path{} : path;
}

std::optional<std::filesystem::path> find_bundled_file(const std::filesystem::path& program,
                                                       std::string_view name) {
    for (const auto& place : candidates(program, name)) {
        std::error_code error;
        if (std::filesystem::is_regular_file(place, error)) return place;
    }
    return std::nullopt;
}

std::filesystem::path bundled_file(const std::filesystem::path& program, std::string_view name,
                                   std::string_view option) {
    if (auto found = find_bundled_file(program, name)) return *found;
    const auto places = candidates(program, name);
    std::string message = "no " + std::string(name) + " found beside the program";
    if (places.empty()) {
        message += " (its own path is unknown)";
    } else {
        message += " (" + program.string() + "; looked for " + std::string(name) +
                   " and share/partnersim/" + std::string(name) + " in " +
                   program.parent_path().string() + " and the " +
                   std::to_string(places.size() / 2 - 1) + " folders above it)";
    }
    message +=
        "; give " + std::string(option) + " FILE (the repository's " + std::string(name) + ")";
    throw InputError(message);
}

}  // namespace partnersim::app
