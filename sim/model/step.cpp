#include "model/step.hpp"

#include "model/adaptation.hpp"
#include "model/burden.hpp"
#include "model/candour.hpp"
#include "model/convenings.hpp"
#include "model/effort.hpp"
#include "model/enrolment.hpp"
#include "model/initialise.hpp"
#include "model/learning.hpp"
#include "model/lifecycle.hpp"
#include "model/outcome.hpp"
#include "model/participation.hpp"
#include "model/partner_history.hpp"
#include "model/partnership_events.hpp"
#include "model/partnership_traits.hpp"
#include "model/perceived_value.hpp"
#include "model/sense_making.hpp"
#include "model/shocks.hpp"
#include "model/support.hpp"
#include "model/trust.hpp"

namespace partnersim {

World start_world(const Scenario& scenario, RandomStream& random) {
    // The partnership's traits and events come from sub-streams of their own, so the main
    // stream (partners, shocks, choices, readings) is drawn exactly as without them.
    RandomStream traits_stream = random.substream(traits_substream);
    const PartnershipTraits traits = draw_partnership_traits(scenario, traits_stream);
    World world = create_world(realise_traits(scenario, traits), random);
    world.traits = traits;
    world.event_stream = random.substream(events_substream);
    world.outcome.funder_worth = funder_worth_now(world);
    if (scenario.setup.join_month == 0) join_facilitator(world);
    update_end_pressure(world, 0);
    return world;
}

void step_month(World& world, RandomStream& random) {
    world.events = {};
    apply_shocks(world, random);          // 1
    apply_partnership_events(world);      // 1b
    allocate_effort(world);               // 2
    decide_participation(world, random);  // 3
    note_partner_history(world);          // (for the measures: attendance, obstacles met)
    provide_support(world);               // 4a
    hold_convenings(world);               // 4b
    make_sense_with_funder(world);        // 4c
    account_burden(world);                // 4d
    update_perceived_value(world);        // 4e
    update_trust(world);                  // 5
    update_candour(world);                // 6
    learn_and_report(world, random);      // 7
    adapt(world);                         // 8
    let_disengaged_partners_go(world);    // 8b
    judge_partnership(world);             // 8c
    advance_lifecycle(world);             // 9 (10, recording, is the observer's)
}

}  // namespace partnersim
