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
void shape_internal(FacilitatorProfile& p, const FacilitatorParameters& f) {
    p.independence = 0.25 * f.independence;
    p.availability = 0.6;
    p.initial_embeddedness = 0.7;
    p.funder_prior_trust = 0.65;
    p.coverage = 0.7 * f.local_coverage;
    scale_skill(p, Skill::facilitation, 0.8);
    scale_skill(p, Skill::mel, 0.8);
}

// Self-managed by participants: "Self-management doesn't always work effectively, as
// significant time and effort is required" (network builder, operational enablers).
void shape_self_managed(FacilitatorProfile& p, const FacilitatorParameters& f) {
    p.independence = 0.4 * f.independence;
    p.availability = 1.0;
    p.initial_embeddedness = 0.3;
    p.funder_prior_trust = 0.4;
    p.coverage = 1.0;  // participants facilitate in their own contexts
    p.hours_from_partners = true;
    for (auto& skill : p.skills) skill = std::clamp(skill * 0.5, 0.0, 1.0);
}

// External: "complementary skills and connections", "time and mandate"; established firms
// deepen "established and reliable relationships"; emerging organisations are "often closer to
// global majority contexts" but "may feel risky"; consortia "bridge the pros and cons ... but may
// require more resources for management".
void shape_external(FacilitatorProfile& p, const FacilitatorParameters& f) {
    p.independence = f.independence;
    p.availability = 1.0;
    switch (f.external_kind) {
        case ExternalKind::established:
            p.initial_embeddedness = 0.15;
            p.funder_prior_trust = 0.6;
            p.coverage = f.local_coverage;
            break;
        case ExternalKind::emerging:
            p.initial_embeddedness = 0.05;
            p.funder_prior_trust = 0.45;
            p.coverage = std::min(1.0, f.local_coverage + 0.2);
            scale_skill(p, Skill::contextual, 1.2);
            scale_skill(p, Skill::sectoral, 0.9);
            break;
        case ExternalKind::consortium: {
            const double extra_members = f.consortium_members - 1;
            p.initial_embeddedness = 0.1;
            p.funder_prior_trust = 0.55;
            p.overhead = std::min(0.4, 0.05 * extra_members);
            p.coverage = std::min(1.0, f.local_coverage + 0.1 * extra_members);
            // "the right mix is often achieved through a consortium": members fill gaps.
            for (auto& skill : p.skills) {
                skill = std::min(1.0, skill + (1.0 - skill) * 0.1 * extra_members);
            }
            break;
        }
    }
}

}  // namespace

FacilitatorProfile make_facilitator_profile(const FacilitatorParameters& facilitator) {
    FacilitatorProfile profile;
    profile.skills = stated_skills(facilitator);
    switch (facilitator.kind) {
        case FacilitatorKind::internal:
            shape_internal(profile, facilitator);
            break;
        case FacilitatorKind::self_managed:
            shape_self_managed(profile, facilitator);
            break;
        case FacilitatorKind::external:
            shape_external(profile, facilitator);
            break;
    }
    return profile;
}

}  // namespace partnersim
