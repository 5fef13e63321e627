#pragma once
// Scenario files (TOML) and `--set` overrides: reading them into a Scenario through the
// parameter registry, and writing a resolved Scenario back out. Every mistake in user input
// becomes a ScenarioError that says where it is (file, line, key) and how to fix it.

#include <filesystem>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include "engine/error.hpp"
#include "model/scenario.hpp"

namespace partnersim {

// An error in user input, located precisely. what() is the full message:
//   "FILE:LINE: key 'section.key': MESSAGE"
// with ":LINE" left out when the line is unknown (0) and "key '...': " left out when the error
// is not about one key.
class ScenarioError : public InputError {
public:
    ScenarioError(const std::string& file, int line, const std::string& key, std::string message);

    // The message without the location.
    const std::string& message() const { return message_; }

private:
    std::string message_;
};

// Read and validate a scenario file. A missing or unreadable file is a ScenarioError naming it.
// `extra_sections` as for parse_scenario.
Scenario load_scenario(const std::filesystem::path& path,
                       std::span<const std::string> extra_sections = {});

// Validate TOML text as a scenario; `file_name` is used in error messages only.
// `extra_sections` names top-level tables the caller reads itself (e.g. "sweep"); they are
// skipped here. Keys left out keep the defaults of a default-constructed Scenario.
Scenario parse_scenario(std::string_view toml_text, const std::string& file_name,
                        std::span<const std::string> extra_sections = {});

// Apply one "section.key=value" assignment (from `--set`); errors name the file "--set".
// Rules that tie several keys together are not checked here, since a later override may fix
// them: call require_consistent once all overrides are applied.
void apply_override(Scenario& scenario, std::string_view assignment);

// check_consistency as a ScenarioError attributed to `file` (e.g. "--set").
void require_consistent(const Scenario& scenario, const std::string& file);

// The message for a dotted name that is not in the registry: "unknown key 'x'; did you mean
// 'y'?", or else the keys of its section, or the sections. Shared with io/experiment_file.
std::string unknown_key_message(const std::string& dotted);

// The text of a scenario file; a missing, unreadable or directory path is a ScenarioError
// naming it. Shared by plain scenario files and files with a [sweep].
std::string read_scenario_text(const std::filesystem::path& path);

// The full resolved scenario as TOML: every section and key of the registry, in registry
// order, each followed by a comment "# meaning [range] unit". parse_scenario of the result
// gives back the same Scenario.
std::string scenario_to_toml(const Scenario& scenario);

}  // namespace partnersim
