#include "model/step.hpp"

#include "model/adaptation.hpp"
#include "model/burden.hpp"
#include "model/candour.hpp"
#include "model/convenings.hpp"
#include "model/effort.hpp"
#include "model/initialise.hpp"
#include "model/learning.hpp"
#include "model/lifecycle.hpp"
#include "model/participation.hpp"
#include "model/perceived_value.hpp"
#include "model/sense_making.hpp"
#include "model/shocks.hpp"
#include "model/support.hpp"
#include "model/trust.hpp"

namespace partnersim {

World start_world(const Scenario& scenario, RandomStream& random) {
    World world = create_world(scenario, random);
    if (scenario.setup.join_month == 0) join_facilitator(world);
    update_end_pressure(world, 0);
    return world;
}

void step_month(World& world, RandomStream& random) {
    apply_shocks(world, random);          // 1
    allocate_effort(world);               // 2
    decide_participation(world, random);  // 3
    provide_support(world);               // 4a
    hold_convenings(world);               // 4b
    make_sense_with_funder(world);        // 4c
    account_burden(world);                // 4d
    update_perceived_value(world);        // 4e
    update_trust(world);                  // 5
    update_candour(world);                // 6
    learn_and_report(world, random);      // 7
    adapt(world);                         // 8
    advance_lifecycle(world);             // 9 (10, recording, is the observer's)
}

}  // namespace partnersim
