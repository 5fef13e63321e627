#pragma once
// Results are never silently overwritten, and a failed or interrupted run leaves no half-written
// file under the final name: output goes to "<final>.partial" and is renamed only on success.

#include <filesystem>
#include <stdexcept>

namespace partnersim {

class OutputExists : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class OutputFile {
public:
    // Throws OutputExists if final_path exists and !force, std::runtime_error if its directory
    // does not exist or final_path is a directory.
    OutputFile(std::filesystem::path final_path, bool force);
    // Removes the partial file unless committed, so an exception unwinding past the run does not
    // leave debris behind.
    ~OutputFile();

    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    const std::filesystem::path& final_path() const { return final_path_; }
    std::filesystem::path partial_path() const;

    // Renames the partial file to the final name (atomic within one filesystem). The file
    // writing the partial must be closed first.
    void commit();
    // Removes the partial file if present.
    void discard();

private:
    std::filesystem::path final_path_;
    bool committed_ = false;
};

}  // namespace partnersim
