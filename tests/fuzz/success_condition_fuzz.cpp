// Any text as `discover --success`: a ConditionError or a condition evaluated on a few runs,
// never a crash.

#include <Eigen/Dense>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/success_condition.hpp"
#include "model/measures.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::vector<std::string> measures = [] {
        std::vector<std::string> names;
        for (const auto& measure : partnersim::measure_catalogue()) {
            names.emplace_back(measure.name);
        }
        return names;
    }();
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const partnersim::analysis::SuccessCondition condition(text, measures);
        Eigen::MatrixXd outcomes(3, static_cast<Eigen::Index>(measures.size()));
        outcomes.setRandom();
        (void)condition.evaluate(outcomes);
    } catch (const partnersim::analysis::ConditionError&) {
    }
    return 0;
}
