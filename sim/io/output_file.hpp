#pragma once
// Results are never silently overwritten, and a failed or interrupted run leaves no half-written
// file under the final name: output goes to "<final>.partial" and is renamed only on success.
// An experiment's partial file is worth keeping when the run is interrupted or fails, so that
// `--resume` can finish it (io/resume.hpp): keep() says so.

#include <filesystem>
#include <stdexcept>

#include "engine/error.hpp"

namespace partnersim {

class OutputExists : public InputError {
public:
    using InputError::InputError;
};

// Another process holds the output's lock (it is writing the same file right now).
class OutputLocked : public InputError {
public:
    using InputError::InputError;
};

// What to do with a "<final>.partial" that exists when the output is opened.
enum class ExistingPartial {
    overwrite,  // replace it (merge; runs with --force)
    refuse,     // OutputExists unless force: it holds an earlier run's work, for --resume
    resume,     // leave it for the caller to resume; a missing partial file is fine too.
                // The partial file is kept (as by keep()) from the start: it holds an earlier
                // run's work, which an error before or while resuming must not delete.
};

// One writer per output at a time: an OutputFile holds an exclusive lock (flock on
// "<final>.lock", removed when it goes away) from before its existence checks until it is gone,
// so a second run with the same output, --force or not, is refused at once and never deletes or
// truncates the first one's partial file. The lock is advisory: it binds partnersim processes.
class OutputFile {
public:
    // Throws OutputLocked if another process holds the output's lock; OutputExists if
    // final_path exists and !force, or if the partial file exists, `partial` is refuse and
    // !force; InputError if the name is empty, the directory does not exist, final_path is a
    // directory or the partial file is a symbolic link.
    OutputFile(std::filesystem::path final_path, bool force,
               ExistingPartial partial = ExistingPartial::overwrite);
    // Removes the partial file unless committed or kept, so an exception unwinding past the run
    // does not leave debris behind.
    ~OutputFile();

    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    const std::filesystem::path& final_path() const { return final_path_; }
    std::filesystem::path partial_path() const;

    // Renames the partial file to the final name (atomic within one filesystem), synced to
    // disk before and after (durable_file.hpp). The file writing the partial must be closed
    // first.
    void commit();
    // Removes the partial file if present (even if kept).
    void discard();
    // Leaves the partial file in place when this goes away uncommitted: an interrupted or
    // failed experiment can then be finished with --resume. Call it before running, so an
    // exception unwinding past the run keeps the file too.
    void keep();
    bool kept() const { return kept_; }

private:
    void lock();
    void unlock() noexcept;

    std::filesystem::path final_path_;
    int lock_descriptor_ = -1;
    bool committed_ = false;
    bool kept_ = false;
};

}  // namespace partnersim
