#include "io/output_file.hpp"

#include <system_error>
#include <utility>

namespace partnersim {
namespace {

void require_directory_of(const std::filesystem::path& path) {
    const std::filesystem::path parent =
        path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    if (!std::filesystem::is_directory(parent)) {
        throw std::runtime_error("cannot write " + path.string() + ": directory " +
                                 parent.string() + " does not exist");
    }
}

}  // namespace

OutputFile::OutputFile(std::filesystem::path final_path, bool force, ExistingPartial partial)
    : final_path_(std::move(final_path)), kept_(partial == ExistingPartial::resume) {
    require_directory_of(final_path_);
    if (std::filesystem::is_directory(final_path_)) {
        throw std::runtime_error("cannot write " + final_path_.string() + ": it is a directory");
    }
    if (!force && std::filesystem::exists(final_path_)) {
        throw OutputExists(final_path_.string() + " already exists; use --force to overwrite it");
    }
    if (partial == ExistingPartial::refuse && !force && std::filesystem::exists(partial_path())) {
        throw OutputExists(partial_path().string() +
                           " holds an unfinished earlier run; use --resume to finish it or "
                           "--force to start over");
    }
}

OutputFile::~OutputFile() {
    if (committed_ || kept_) return;
    std::error_code ignored;
    std::filesystem::remove(partial_path(), ignored);
}

std::filesystem::path OutputFile::partial_path() const {
    std::filesystem::path partial = final_path_;
    partial += ".partial";
    return partial;
}

void OutputFile::commit() {
    if (committed_) return;
    std::filesystem::rename(partial_path(), final_path_);
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
