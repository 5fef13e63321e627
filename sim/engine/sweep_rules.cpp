#include "engine/sweep_rules.hpp"

#include <cmath>

namespace partnersim {

bool is_design_factor(const ParameterSpec& parameter) {
    return parameter.section() != "run" && parameter.section() != "uncertainty";
}

bool has_range(const ParameterSpec& parameter) {
    return parameter.kind == ParameterKind::real || parameter.kind == ParameterKind::integer;
}

bool is_range_of(const ParameterSpec& parameter, double low, double high) {
    if (!(low < high) || low < parameter.min || high > parameter.max) return false;
    return parameter.kind != ParameterKind::integer || std::ceil(low) <= std::floor(high);
}

bool is_morris_levels(std::int64_t levels) {
    return levels >= 2 && levels % 2 == 0;
}

bool method_agrees(SamplingMethod method, bool has_ranges) {
    return (method == SamplingMethod::none) != has_ranges;
}

}  // namespace partnersim
