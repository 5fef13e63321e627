#include "io/results_layout.hpp"

#include <algorithm>
#include <cstdio>

namespace partnersim::layout {
namespace {

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::string dataset_path(std::string_view group, std::string_view name) {
    while (!group.empty() && group.front() == '/') group.remove_prefix(1);
    while (!group.empty() && group.back() == '/') group.remove_suffix(1);
    std::string full = "/";
    full += group;
    if (!group.empty()) full += '/';
    full += name;
    return full;
}

std::string root_path(std::string_view name) {
    return dataset_path("", name);
}

RunBytes bytes_per_run(std::uint64_t measures, std::uint64_t months) {
    return RunBytes{measures * months * timeseries_value_bytes, measures * final_value_bytes,
                    run_record_bytes};
}

bool is_writer_attribute(std::string_view name) {
    return contains(writer_attributes, name);
}

bool is_writer_link(std::string_view name) {
    return contains(writer_links, name);
}

bool is_root_text(std::string_view name) {
    return contains(root_texts, name);
}

bool is_design_structure_table(std::string_view name) {
    return contains(design_structure_tables, name);
}

namespace {

// FNV-1a of a text, as 16 hex digits: enough to tell two texts apart, not a security hash.
std::string fingerprint(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

// A command line longer than this is named by its start and fingerprint in the identity, which
// is also the head of every analysis key (both attributes, kept short).
constexpr std::size_t identity_command_bytes = 1024;

}  // namespace

std::string results_identity(std::string_view created_utc, std::uint64_t runs,
                             std::string_view command_line, std::string_view partnersim_version,
                             std::string_view scenario_toml) {
    // created_utc counts seconds: the same command line run again within one second on an
    // edited scenario would look the same without the scenario itself and the version.
    std::string identity = "created ";
    identity += created_utc;
    identity += "; runs " + std::to_string(runs) + "; command ";
    if (command_line.size() <= identity_command_bytes) {
        identity += command_line;
    } else {
        identity += command_line.substr(0, identity_command_bytes);
        identity += "... (" + std::to_string(command_line.size()) + " bytes, fingerprint ";
        identity += fingerprint(command_line);
        identity += ")";
    }
    identity += "; partnersim ";
    identity += partnersim_version;
    identity += "; scenario ";
    identity += fingerprint(scenario_toml);
    return identity;
}

std::filesystem::path analysis_path_for(const std::filesystem::path& results) {
    std::filesystem::path path = results;
    path.replace_extension();
    path += std::string(analysis_suffix);
    return path;
}

}  // namespace partnersim::layout
