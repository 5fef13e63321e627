#pragma once
// The scenarios a facilitator can start from: the default, the four archetypes and the case
// studies, built into the binary, each shown by its name and purpose (taken from the file's
// opening comment, so the page says what the file says).

#include <string>
#include <string_view>
#include <vector>

namespace partnersim::workshop {

struct BundledScenario {
    std::string id;       // its path under scenarios/ without ".toml": "archetypes/sense_maker"
    std::string name;     // "Archetype 2: Philanthropy sense-maker"
    std::string purpose;  // the opening comment's first paragraphs, as one line
    std::string_view text;
};

// In a fixed order: default, archetypes, cases.
const std::vector<BundledScenario>& bundled_scenarios();
// The scenario with this id, or nullptr.
const BundledScenario* find_scenario(std::string_view id);

// Name and purpose from a scenario file's opening comment (exposed for tests).
BundledScenario describe_scenario(std::string id, std::string_view text);

}  // namespace partnersim::workshop
