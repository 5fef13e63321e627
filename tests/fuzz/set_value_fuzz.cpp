// Any text as `--set KEY=VALUE` and as `--shard K/N`: a located error or a changed scenario,
// never a crash.

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "io/scenario_file.hpp"
#include "io/shard.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    partnersim::Scenario scenario;
    try {
        partnersim::apply_override(scenario, text);
        partnersim::require_consistent(scenario, "--set");
    } catch (const partnersim::ScenarioError&) {
    }
    try {
        (void)partnersim::parse_shard(text, 1000);
    } catch (const std::invalid_argument&) {
    }
    return 0;
}
