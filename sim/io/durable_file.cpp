#include "io/durable_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace partnersim {
namespace {

void sync_descriptor_of(const std::filesystem::path& path, int flags, const char* what) {
    const int descriptor = ::open(path.c_str(), flags | O_CLOEXEC);
    if (descriptor < 0) {
        throw std::runtime_error(std::string("cannot open ") + what + " " + path.string() +
                                 " to sync it: " + std::strerror(errno));
    }
    const int status = ::fsync(descriptor);
    const int error = errno;
    ::close(descriptor);
    if (status != 0) {
        throw std::runtime_error(std::string("cannot sync ") + what + " " + path.string() +
                                 " to disk: " + std::strerror(error));
    }
}

}  // namespace

void sync_file(const std::filesystem::path& file) {
    sync_descriptor_of(file, O_RDONLY, "file");
}

void sync_folder_of(const std::filesystem::path& path) {
    const std::filesystem::path folder =
        path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    sync_descriptor_of(folder, O_RDONLY | O_DIRECTORY, "folder");
}

void durable_rename(const std::filesystem::path& from, const std::filesystem::path& to) {
    sync_file(from);
    std::filesystem::rename(from, to);
    sync_folder_of(to);
}

}  // namespace partnersim
