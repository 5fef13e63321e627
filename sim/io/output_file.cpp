#include "io/output_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>
#include <utility>

#include "io/durable_file.hpp"

namespace partnersim {
namespace {

void require_directory_of(const std::filesystem::path& path) {
    const std::filesystem::path parent =
        path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    if (!std::filesystem::is_directory(parent)) {
        // A failure to write, not a mistake in an input (exit 1, as a read-only folder is).
        throw std::runtime_error("cannot write " + path.string() + ": directory " +
                                 parent.string() + " does not exist");
    }
}

std::filesystem::path with_suffix(const std::filesystem::path& path, const char* suffix) {
    std::filesystem::path result = path;
    result += suffix;
    return result;
}

// The lock file's descriptor, locked, or -1 if another process holds the lock. A holder
// removes the lock file when it is done, so a descriptor locked after that removal is of a
// name no longer in the folder: try again on the file now there.
int acquire_lock(const std::filesystem::path& lock) {
    while (true) {
        const int descriptor =
            ::open(lock.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (descriptor < 0) {
            throw std::runtime_error("cannot create the lock file " + lock.string() + ": " +
                                     std::strerror(errno));
        }
        if (::flock(descriptor, LOCK_EX | LOCK_NB) != 0) {
            const int error = errno;
            ::close(descriptor);
            if (error == EWOULDBLOCK) return -1;
            if (error == EINTR) continue;
            throw std::runtime_error("cannot lock " + lock.string() + ": " + std::strerror(error));
        }
        struct stat locked {};
        struct stat named {};
        if (::fstat(descriptor, &locked) == 0 && ::lstat(lock.c_str(), &named) == 0 &&
            locked.st_ino == named.st_ino && locked.st_dev == named.st_dev) {
            return descriptor;
        }
        ::close(descriptor);
    }
}

// A symbolic link as the partial file would have the writer truncate whatever it points at.
void refuse_symlink(const std::filesystem::path& path) {
    std::error_code ignored;
    if (std::filesystem::is_symlink(std::filesystem::symlink_status(path, ignored))) {
        throw InputError("cannot write " + path.string() +
                         ": it is a symbolic link; partnersim writes only files it creates "
                         "(remove the link)");
    }
}

}  // namespace

OutputFile::OutputFile(std::filesystem::path final_path, bool force, ExistingPartial partial)
    : final_path_(std::move(final_path)), kept_(partial == ExistingPartial::resume) {
    if (final_path_.empty()) throw InputError("the output file name is empty");
    require_directory_of(final_path_);
    if (std::filesystem::is_directory(final_path_)) {
        throw std::runtime_error("cannot write " + final_path_.string() + ": it is a directory");
    }
    lock();
    try {
        refuse_symlink(partial_path());
        if (!force && std::filesystem::exists(final_path_)) {
            throw OutputExists(final_path_.string() +
                               " already exists; use --force to overwrite it");
        }
        if (partial == ExistingPartial::refuse && !force &&
            std::filesystem::exists(partial_path())) {
            throw OutputExists(partial_path().string() +
                               " holds an unfinished earlier run; use --resume to finish it or "
                               "--force to start over");
        }
    } catch (...) {
        unlock();  // no destructor runs for a constructor that throws
        throw;
    }
}

void OutputFile::lock() {
    const std::filesystem::path lock_path = with_suffix(final_path_, ".lock");
    lock_descriptor_ = acquire_lock(lock_path);
    if (lock_descriptor_ < 0) {
        throw OutputLocked(final_path_.string() +
                           " is being written by another partnersim process right now (it holds " +
                           lock_path.string() +
                           "); wait for it to finish, or stop it, and try again");
    }
}

OutputFile::~OutputFile() {
    if (!committed_ && !kept_) {
        std::error_code ignored;
        std::filesystem::remove(partial_path(), ignored);
    }
    unlock();
}

void OutputFile::unlock() noexcept {
    // The lock file goes while still locked (see acquire_lock), then the lock itself.
    std::error_code ignored;
    std::filesystem::remove(with_suffix(final_path_, ".lock"), ignored);
    ::close(lock_descriptor_);
    lock_descriptor_ = -1;
}

std::filesystem::path OutputFile::partial_path() const {
    return with_suffix(final_path_, ".partial");
}

void OutputFile::commit() {
    if (committed_) return;
    durable_rename(partial_path(), final_path_);
    committed_ = true;
}

void OutputFile::keep() {
    kept_ = true;
}

void OutputFile::discard() {
    if (committed_) return;  // the file under the final name is a finished result, not debris
    std::filesystem::remove(partial_path());
}

}  // namespace partnersim
