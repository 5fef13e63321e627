#include "model/facilitator_profile.hpp"

#include <algorithm>

namespace partnersim {
namespace {

std::array<double, skill_count> stated_skills(const FacilitatorParameters& f) {
    return {f.facilitation, f.strategic_learning, f.mel, f.sectoral, f.contextual, f.soft_skills};
}

void scale_skill(FacilitatorProfile& profile, Skill s, double factor) {
    auto& v = profile.skills[static_cast<std::size_t>(s)];
    v = std::clamp(v * factor, 0.0, 1.0);
}

// Internal staff: "may result in challenging power dynamics and conflation of 'learner' and
// 'facilitator' role", "may lack MEL and facilitation skills", "may have greater time
// constraints"; but they bring "continuity and deep understanding of the philanthropy".
void shape_internal(FacilitatorProfile& p, const FacilitatorParameters& f,
                    const FacilitatorKindConstants& c) {
    p.independence = c.internal_independence_share * f.independence;
    p.availability = c.internal_availability;
    p.initial_embeddedness = c.internal_embeddedness;
    p.funder_prior_trust = c.internal_funder_trust;
    p.coverage = c.internal_coverage_share * f.local_coverage;
    scale_skill(p, Skill::facilitation, c.internal_facilitation_scale);
    scale_skill(p, Skill::mel, c.internal_mel_scale);
}

// Self-managed by participants: "Self-management doesn't always work effectively, as
// significant time and effort is required" (network builder, operational enablers).
void shape_self_managed(FacilitatorProfile& p, const FacilitatorParameters& f,
                        const FacilitatorKindConstants& c) {
    p.independence = c.self_managed_independence_share * f.independence;
    p.availability = 1.0;  // the participants' own time: no budget to fall short of
    p.initial_embeddedness = c.self_managed_embeddedness;
    p.funder_prior_trust = c.self_managed_funder_trust;
    p.coverage = 1.0;  // participants facilitate in their own contexts
    p.hours_from_partners = true;
    for (auto& skill : p.skills) {
        skill = std::clamp(skill * c.self_managed_skill_scale, 0.0, 1.0);
    }
}

// External: "complementary skills and connections", "time and mandate"; established firms
// deepen "established and reliable relationships"; emerging organisations are "often closer to
// global majority contexts" but "may feel risky"; consortia "bridge the pros and cons ... but may
// require more resources for management".
void shape_external(FacilitatorProfile& p, const FacilitatorParameters& f,
                    const FacilitatorKindConstants& c) {
    p.independence = f.independence;
    p.availability = 1.0;  // the reference: every budgeted hour is worked
    switch (f.external_kind) {
        case ExternalKind::established:
            p.initial_embeddedness = c.established_embeddedness;
            p.funder_prior_trust = c.established_funder_trust;
            p.coverage = f.local_coverage;
            break;
        case ExternalKind::emerging:
            p.initial_embeddedness = c.emerging_embeddedness;
            p.funder_prior_trust = c.emerging_funder_trust;
            p.coverage = std::min(1.0, f.local_coverage + c.emerging_coverage_bonus);
            scale_skill(p, Skill::contextual, c.emerging_contextual_scale);
            scale_skill(p, Skill::sectoral, c.emerging_sectoral_scale);
            break;
        case ExternalKind::consortium: {
            const double extra_members = f.consortium_members - 1;
            p.initial_embeddedness = c.consortium_embeddedness;
            p.funder_prior_trust = c.consortium_funder_trust;
            p.overhead = std::min(c.consortium_overhead_cap,
                                  c.consortium_overhead_per_member * extra_members);
            p.coverage =
                std::min(1.0, f.local_coverage + c.consortium_coverage_per_member * extra_members);
            // "the right mix is often achieved through a consortium": members fill gaps.
            for (auto& skill : p.skills) {
                skill = std::min(1.0, skill + (1.0 - skill) * c.consortium_gap_filled_per_member *
                                                  extra_members);
            }
            break;
        }
    }
}

}  // namespace

FacilitatorProfile make_facilitator_profile(const FacilitatorParameters& facilitator,
                                            const FacilitatorKindConstants& constants) {
    FacilitatorProfile profile;
    profile.skills = stated_skills(facilitator);
    switch (facilitator.kind) {
        case FacilitatorKind::internal:
            shape_internal(profile, facilitator, constants);
            break;
        case FacilitatorKind::self_managed:
            shape_self_managed(profile, facilitator, constants);
            break;
        case FacilitatorKind::external:
            shape_external(profile, facilitator, constants);
            break;
    }
    const double floor = constants.credibility_floor;
    profile.credibility = floor + 2.0 * (1.0 - floor) * profile.skill(Skill::sectoral);
    return profile;
}

}  // namespace partnersim
