#pragma once
// Durability against power loss, not only against the process dying: a rename is atomic, but
// after a crash of the machine the new name may point at data still in the page cache, or the
// rename itself may be lost. So a file is fsynced before it is renamed into place, and the folder
// after, at the points where the crash-safety promise (output_file.hpp) says "the file is
// complete": the closing compaction, the final rename, a resumed file moved into place.

#include <filesystem>

namespace partnersim {

// fsync of the file's data and metadata; std::runtime_error naming it if that fails (a full
// disk or an I/O error can first show here).
void sync_file(const std::filesystem::path& file);

// fsync of the folder that holds `path`, so a rename or create in it survives a power loss.
void sync_folder_of(const std::filesystem::path& path);

// sync_file(from), rename(from, to), sync_folder_of(to).
void durable_rename(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace partnersim
