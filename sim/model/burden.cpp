#include "model/burden.hpp"

#include <algorithm>

#include "model/participation.hpp"

namespace partnersim {
namespace {

// Funder-defined reporting weighs most; shared questions focus it; partner-led reporting
// serves the partner's own learning ("minimising reporting ... one-page reporting tool").
double evidence_reporting_factor(Evidence evidence, const BurdenConstants& c) {
    switch (evidence) {
        case Evidence::funder_reporting:
            return c.funder_reporting_factor;
        case Evidence::shared_questions:
            return 1.0;  // the reference
        case Evidence::partner_led:
            return c.partner_led_factor;
    }
    return 1.0;
}

// How far reporting feels extracted for the funder rather than useful to the partner: reporting
// models "reflect what the funder needs to know" but "May not reflect partners' learning
// needs"; shared questions focus it on what both need; partner-led reporting serves the
// partner's own learning.
double reporting_extraction(Evidence evidence, const BurdenConstants& c) {
    switch (evidence) {
        case Evidence::funder_reporting:
            return 1.0;  // the reference
        case Evidence::shared_questions:
            return c.shared_questions_extraction;
        case Evidence::partner_led:
            return c.partner_led_extraction;
    }
    return 1.0;
}

}  // namespace

double reporting_hours(const World& world) {
    const auto& funder = world.scenario.funder;
    const auto& c = world.scenario.constants.burden;
    return funder.reporting_hours_per_year / 12.0 *
           evidence_reporting_factor(world.scenario.setup.evidence, c) *
           (c.accountability_base + funder.accountability_focus);
}

double available_hours(const World& world, std::size_t i) {
    const double floor = world.scenario.constants.burden.resource_floor;
    return world.scenario.partners.learning_hours_per_month *
           (floor + (1.0 - floor) * world.partners.resources[i]);
}

// Support "meeting them where they are" takes only the time a partner can absorb this month:
// beyond it, more facilitator hours go into preparing bespoke tools and follow-up, not into the
// partner's diary ("It can take time to understand needs and what participants can absorb").
double time_in_support(const World& world, std::size_t i) {
    const auto& c = world.scenario.constants.burden;
    return std::min(c.partner_share_of_support * world.partners.one_to_one_hours[i],
                    c.absorbable_share * available_hours(world, i));
}

void account_burden(World& world) {
    auto& p = world.partners;
    auto& lived = world.experiences;
    const auto& setup = world.scenario.setup;
    const double flexibility = world.scenario.funder.flexibility;
    const double reporting = reporting_hours(world);
    const auto& c = world.scenario.constants.burden;
    const double waiver_goodwill = c.waiver_goodwill;
    const double unwaived_resentment = c.unwaived_resentment;
    const double base_activity_hours = c.base_activity_hours;
    const double convening_hours = c.convening_hours_at_full_intensity;
    const double forced_attendance_resentment = c.forced_attendance_resentment;
    const double overload_resentment = c.overload_resentment;
    // Bad experience of the funder per unit of extractive reporting strain.
    const double extraction =
        c.reporting_burden_weight * reporting_extraction(world.scenario.setup.evidence, c);
    // Mandatory participation binds only while the programme's agreements (and facilitator) run.
    const bool mandatory_now =
        setup.participation == Participation::mandatory && world.facilitator.active;

    std::size_t present_count = 0;
    for (const auto present : p.present) present_count += present;
    // Self-managed: the backbone's hours are the participants' own.
    const double backbone_each =
        world.facilitator.profile.hours_from_partners && present_count > 0
            ? world.facilitator.hours.total() / static_cast<double>(present_count)
            : 0.0;

    for (std::size_t i = 0; i < p.count; ++i) {
        if (!p.enrolled[i]) continue;  // withdraw_partner cleared its hours and strain
        double report_hours = reporting;
        if (p.stress_months[i] > 0) {
            // "We know the context is difficult ... you don't have to submit a report. That
            // was a massive relief": a flexible funder waives reports in a crisis.
            report_hours *= 1.0 - flexibility;
            lived.partner_funder_good[i] += waiver_goodwill * flexibility;
            lived.partner_funder_bad[i] += unwaived_resentment * (1.0 - flexibility);
        }
        double learning_hours = 0.0;
        if (p.present[i]) {
            learning_hours = base_activity_hours +
                             convening_hours * world.facilitator.convening_intensity +
                             time_in_support(world, i) + backbone_each;
        }
        p.report_hours[i] = report_hours;
        p.burden_hours[i] = report_hours + learning_hours;
        // The funder's reporting demands are what partners most see it do month by month:
        // "avoid burdening them with top-down standardised reporting".
        lived.partner_funder_bad[i] += extraction * report_hours / available_hours(world, i);
        // Paid time does not feel like a burden ("ideally paid, or this risks placing an
        // additional burden on them").
        const double felt = report_hours + learning_hours * (1.0 - setup.paid_participation);
        p.strain[i] = felt / available_hours(world, i);
        // Mandatory attendance without engagement: "capacity strain for less resourced
        // organisations", "participation may feel transactional or forced".
        if (p.present[i] && p.engagement[i] < tokenism_threshold && mandatory_now) {
            lived.partner_funder_bad[i] += forced_attendance_resentment +
                                           overload_resentment * std::max(0.0, p.strain[i] - 1.0);
        }
    }
}

}  // namespace partnersim
