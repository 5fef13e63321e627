#include "model/facilitator_profile.hpp"

#include <gtest/gtest.h>

#include <array>
#include <string>

namespace partnersim {
namespace {

const FacilitatorKindConstants kKinds{};  // the default model's constants

FacilitatorParameters params(FacilitatorKind kind,
                             ExternalKind external = ExternalKind::established) {
    FacilitatorParameters f;
    f.kind = kind;
    f.external_kind = external;
    return f;
}

FacilitatorProfile profile_of(FacilitatorKind kind,
                              ExternalKind external = ExternalKind::established) {
    return make_facilitator_profile(params(kind, external), kKinds);
}

// Sectoral expertise "gives confidence to partners and philanthropy staff": credibility rises
// with the effective sectoral skill, is 1 at skill 0.5 (the default model's trust is unchanged
// there), and the floor at none.
TEST(FacilitatorProfile, CredibilityRisesWithSectoralSkill) {
    FacilitatorParameters f = params(FacilitatorKind::external);
    f.sectoral = 0.5;
    EXPECT_DOUBLE_EQ(make_facilitator_profile(f, kKinds).credibility, 1.0);
    f.sectoral = 0.0;
    EXPECT_DOUBLE_EQ(make_facilitator_profile(f, kKinds).credibility, kKinds.credibility_floor);
    f.sectoral = 0.9;
    const double expert = make_facilitator_profile(f, kKinds).credibility;
    EXPECT_GT(expert, 1.0);
    // An emerging organisation's sectoral skill is scaled down, and its credibility with it.
    f.external_kind = ExternalKind::emerging;
    EXPECT_LT(make_facilitator_profile(f, kKinds).credibility, expert);
}

TEST(FacilitatorProfile, EstablishedExternalFirmBringsItsStatedSkillsAndIndependence) {
    const FacilitatorParameters f = params(FacilitatorKind::external);
    const FacilitatorProfile p = make_facilitator_profile(f, kKinds);
    EXPECT_DOUBLE_EQ(p.skill(Skill::facilitation), f.facilitation);
    EXPECT_DOUBLE_EQ(p.skill(Skill::strategic_learning), f.strategic_learning);
    EXPECT_DOUBLE_EQ(p.skill(Skill::mel), f.mel);
    EXPECT_DOUBLE_EQ(p.skill(Skill::sectoral), f.sectoral);
    EXPECT_DOUBLE_EQ(p.skill(Skill::contextual), f.contextual);
    EXPECT_DOUBLE_EQ(p.skill(Skill::soft), f.soft_skills);
    EXPECT_DOUBLE_EQ(p.independence, f.independence);
    EXPECT_DOUBLE_EQ(p.coverage, f.local_coverage);
    EXPECT_DOUBLE_EQ(p.availability, 1.0);
    EXPECT_DOUBLE_EQ(p.overhead, 0.0);
    EXPECT_FALSE(p.hours_from_partners);
}

TEST(FacilitatorProfile, InternalStaffAreLessIndependentAndLessAvailableButKnowTheFunder) {
    // "challenging power dynamics", "greater time constraints", but "continuity and deep
    // understanding of the philanthropy".
    const FacilitatorProfile internal = profile_of(FacilitatorKind::internal);
    const FacilitatorProfile external = profile_of(FacilitatorKind::external);
    EXPECT_LT(internal.independence, external.independence);
    EXPECT_LT(internal.availability, external.availability);
    EXPECT_GT(internal.initial_embeddedness, external.initial_embeddedness);
    EXPECT_GT(internal.funder_prior_trust, external.funder_prior_trust);
    // "may lack MEL and facilitation skills".
    EXPECT_LT(internal.skill(Skill::mel), external.skill(Skill::mel));
    EXPECT_LT(internal.skill(Skill::facilitation), external.skill(Skill::facilitation));
    EXPECT_DOUBLE_EQ(internal.skill(Skill::strategic_learning),
                     external.skill(Skill::strategic_learning));
}

TEST(FacilitatorProfile, SelfManagedPartnershipsFacilitateWithTheirOwnHoursAndFewerSkills) {
    const FacilitatorProfile self = profile_of(FacilitatorKind::self_managed);
    const FacilitatorProfile external = profile_of(FacilitatorKind::external);
    EXPECT_TRUE(self.hours_from_partners);
    for (std::size_t s = 0; s < skill_count; ++s) {
        EXPECT_LT(self.skills[s], external.skills[s]) << "skill " << s;
    }
    EXPECT_LT(self.independence, external.independence);
    // Participants facilitate in their own contexts.
    EXPECT_DOUBLE_EQ(self.coverage, 1.0);
}

TEST(FacilitatorProfile, EmergingOrganisationIsCloserToContextsButFeelsRiskierToTheFunder) {
    const FacilitatorProfile emerging =
        profile_of(FacilitatorKind::external, ExternalKind::emerging);
    const FacilitatorProfile established = profile_of(FacilitatorKind::external);
    EXPECT_GT(emerging.coverage, established.coverage);
    EXPECT_GT(emerging.skill(Skill::contextual), established.skill(Skill::contextual));
    EXPECT_LT(emerging.funder_prior_trust, established.funder_prior_trust);
}

TEST(FacilitatorProfile, LargerConsortiumFillsSkillGapsAndCoversMoreButCostsMoreToManage) {
    FacilitatorParameters f = params(FacilitatorKind::external, ExternalKind::consortium);
    f.consortium_members = 1;
    const FacilitatorProfile single = make_facilitator_profile(f, kKinds);
    f.consortium_members = 4;
    const FacilitatorProfile four = make_facilitator_profile(f, kKinds);
    EXPECT_DOUBLE_EQ(single.overhead, 0.0);
    EXPECT_GT(four.overhead, single.overhead);
    EXPECT_GT(four.coverage, single.coverage);
    for (std::size_t s = 0; s < skill_count; ++s) {
        EXPECT_GT(four.skills[s], single.skills[s]) << "skill " << s;
    }
}

TEST(FacilitatorProfile, ConsortiumOverheadIsCappedSoSomeHoursAlwaysRemain) {
    FacilitatorParameters f = params(FacilitatorKind::external, ExternalKind::consortium);
    f.consortium_members = 12;
    const FacilitatorProfile p = make_facilitator_profile(f, kKinds);
    EXPECT_LT(p.overhead, 1.0);
    EXPECT_GT(p.overhead, 0.0);
    f.consortium_members = 11;
    EXPECT_LE(make_facilitator_profile(f, kKinds).overhead, p.overhead);
}

TEST(FacilitatorProfile, ExternalKindDoesNotMatterForInternalStaff) {
    const FacilitatorProfile a = profile_of(FacilitatorKind::internal, ExternalKind::established);
    const FacilitatorProfile b = profile_of(FacilitatorKind::internal, ExternalKind::consortium);
    EXPECT_EQ(a.skills, b.skills);
    EXPECT_EQ(a.overhead, b.overhead);
    EXPECT_EQ(a.coverage, b.coverage);
}

TEST(FacilitatorProfile, EveryKindKeepsSharesAndSkillsBetweenZeroAndOneAtExtremeInputs) {
    for (const double v : {0.0, 1.0}) {
        for (const auto kind : {FacilitatorKind::internal, FacilitatorKind::external,
                                FacilitatorKind::self_managed}) {
            for (const auto external :
                 {ExternalKind::established, ExternalKind::emerging, ExternalKind::consortium}) {
                for (const int members : {1, 12}) {
                    FacilitatorParameters f = params(kind, external);
                    f.facilitation = f.strategic_learning = f.mel = v;
                    f.sectoral = f.contextual = f.soft_skills = v;
                    f.independence = f.local_coverage = v;
                    f.consortium_members = members;
                    const FacilitatorProfile p = make_facilitator_profile(f, kKinds);
                    SCOPED_TRACE(std::string(choice_name(kind)) + "/" +
                                 std::string(choice_name(external)) + " at " + std::to_string(v));
                    for (const double s : p.skills) {
                        EXPECT_GE(s, 0.0);
                        EXPECT_LE(s, 1.0);
                    }
                    for (const double share :
                         {p.independence, p.availability, p.overhead, p.initial_embeddedness,
                          p.funder_prior_trust, p.coverage}) {
                        EXPECT_GE(share, 0.0);
                        EXPECT_LE(share, 1.0);
                    }
                    EXPECT_GT(p.availability * (1.0 - p.overhead), 0.0);
                    // Trust ledgers need a prior strictly inside (0, 1).
                    EXPECT_GT(p.funder_prior_trust, 0.0);
                    EXPECT_LT(p.funder_prior_trust, 1.0);
                }
            }
        }
    }
}

TEST(FacilitatorProfile, MoreStatedIndependenceGivesMoreIndependenceForEveryKind) {
    for (const auto kind :
         {FacilitatorKind::internal, FacilitatorKind::external, FacilitatorKind::self_managed}) {
        FacilitatorParameters f = params(kind);
        f.independence = 0.3;
        const double low = make_facilitator_profile(f, kKinds).independence;
        f.independence = 0.9;
        EXPECT_GT(make_facilitator_profile(f, kKinds).independence, low) << choice_name(kind);
    }
}

}  // namespace
}  // namespace partnersim
