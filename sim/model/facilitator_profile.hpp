#pragma once
// What the kind of facilitator brings, whatever its skills: independence from the funder's
// power dynamics, time, management overhead, how well it knows the funder at the start, the
// funder's initial confidence in it, its reach into partners' contexts and its effective skills.
// Itad/Porticus (2025), section 7 "Who facilitates learning?" and "Who should be the external
// facilitator?"; the numbers are our assumptions (docs/model.md, "Facilitator kinds").

#include <array>

#include "model/scenario.hpp"

namespace partnersim {

enum class Skill { facilitation, strategic_learning, mel, sectoral, contextual, soft };
inline constexpr std::size_t skill_count = 6;

struct FacilitatorProfile {
    double independence = 0.0;  // 0..1, after the kind's effect
    double availability = 1.0;  // share of budgeted hours really available
    double overhead = 0.0;      // share of hours lost to managing the team
    double initial_embeddedness = 0.0;
    double funder_prior_trust = 0.5;
    double coverage = 0.0;             // share of contexts matched locally and by language
    bool hours_from_partners = false;  // self-managed: the backbone's hours are partners' own
    std::array<double, skill_count> skills{};

    // Sectoral expertise "gives confidence to partners and philanthropy staff" and supports
    // "credibility and build[s] trust with partners": a multiplier on the trust the
    // facilitator's substantive work (support, convenings, synthesis) earns; 1 at a sectoral
    // skill of 0.5, from facilitator_kinds.credibility_floor at none to 2 - floor at full.
    double credibility = 1.0;

    double skill(Skill s) const { return skills[static_cast<std::size_t>(s)]; }
};

FacilitatorProfile make_facilitator_profile(const FacilitatorParameters& facilitator,
                                            const FacilitatorKindConstants& constants);

}  // namespace partnersim
