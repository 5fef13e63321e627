// Any text after "[sweep]" of a small scenario: a ScenarioError or a sweep whose design is
// within the limits, never a crash. The design itself is made only when small, so the target
// explores the reader's checks rather than spending its time laying out large designs.

#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/experiment_design.hpp"
#include "io/experiment_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = "[run]\nreplicates = 2\nmonths = 12\n\n[sweep]\n" +
                             std::string(reinterpret_cast<const char*>(data), size);
    try {
        const partnersim::ExperimentFile experiment = partnersim::parse_experiment(text, "f.toml");
        if (experiment.sweep && partnersim::design_point_count(*experiment.sweep) <= 4096) {
            (void)partnersim::design_of(experiment);
        }
    } catch (const partnersim::ScenarioError&) {
    }
    return 0;
}
