// Any text as a scenario file: a ScenarioError or a scenario, never a crash, a hang or another
// exception (libFuzzer reports an escaping exception as a crash).

#include <cstddef>
#include <cstdint>
#include <string>

#include "io/scenario_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const partnersim::Scenario scenario = partnersim::parse_scenario(text, "fuzz.toml");
        (void)partnersim::scenario_to_toml(scenario);
    } catch (const partnersim::ScenarioError&) {
    }
    return 0;
}
