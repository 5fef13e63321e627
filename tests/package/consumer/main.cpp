// One partnership of the default scenario (every key at its default) under seed 7, and its
// final partner-facilitator trust: the same number `partnersim run` stores for that run.
#include <partnersim/engine/run.hpp>

#include <cstdio>

int main() {
    const partnersim::Scenario scenario;
    const auto id = partnersim::make_run_id(7, 0, 0, 1);
    const auto result = partnersim::run_partnership(scenario, id);
    std::printf("%.17g\n", result.final_value(partnersim::Measure::trust_partner_facilitator));
}
