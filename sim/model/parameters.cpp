#include "model/parameters.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "model/edit_distance.hpp"

namespace partnersim {
namespace {

// Field accessors bound to a section of the Scenario.
template <class Section, class Field>
ParameterSpec numeric(std::string name, ParameterKind kind, Section Scenario::*section,
                      Field Section::*field, double min, double max, std::string unit,
                      std::string meaning) {
    ParameterSpec spec;
    spec.name = std::move(name);
    spec.kind = kind;
    spec.min = min;
    spec.max = max;
    spec.unit = std::move(unit);
    spec.meaning = std::move(meaning);
    spec.get = [section, field, kind](const Scenario& s) -> ParameterValue {
        const auto v = s.*section.*field;
        if (kind == ParameterKind::real) return static_cast<double>(v);
        return static_cast<std::int64_t>(v);
    };
    spec.set = [section, field](Scenario& s, const ParameterValue& value) {
        if (const auto* real = std::get_if<double>(&value)) {
            s.*section.*field = static_cast<Field>(*real);
        } else {
            s.*section.*field = static_cast<Field>(std::get<std::int64_t>(value));
        }
    };
    return spec;
}

template <class Section>
ParameterSpec real(std::string name, double Section::*field, Section Scenario::*section, double min,
                   double max, std::string unit, std::string meaning) {
    return numeric(std::move(name), ParameterKind::real, section, field, min, max, std::move(unit),
                   std::move(meaning));
}

template <class Section, class Int>
ParameterSpec integer(std::string name, Int Section::*field, Section Scenario::*section, double min,
                      double max, std::string unit, std::string meaning) {
    return numeric(std::move(name), ParameterKind::integer, section, field, min, max,
                   std::move(unit), std::move(meaning));
}

template <class Section>
ParameterSpec boolean(std::string name, bool Section::*field, Section Scenario::*section,
                      std::string meaning) {
    ParameterSpec spec;
    spec.name = std::move(name);
    spec.kind = ParameterKind::boolean;
    spec.min = 0;
    spec.max = 1;
    spec.unit = "true/false";
    spec.meaning = std::move(meaning);
    spec.get = [section, field](const Scenario& s) -> ParameterValue { return s.*section.*field; };
    spec.set = [section, field](Scenario& s, const ParameterValue& value) {
        s.*section.*field = std::get<bool>(value);
    };
    return spec;
}

template <class Section, class Choice>
ParameterSpec choice(std::string name, Choice Section::*field, Section Scenario::*section,
                     std::string meaning) {
    ParameterSpec spec;
    spec.name = std::move(name);
    spec.kind = ParameterKind::choice;
    spec.choices = choice_names<Choice>();
    spec.unit = "choice";
    spec.meaning = std::move(meaning);
    spec.get = [section, field](const Scenario& s) -> ParameterValue {
        return std::string(choice_name(s.*section.*field));
    };
    spec.set = [section, field](Scenario& s, const ParameterValue& value) {
        s.*section.*field = *parse_choice<Choice>(std::get<std::string>(value));
    };
    return spec;
}

// What makes one partnership differ from the next with the same set-up: per-run traits and
// partnership-level events (docs/model.md 7.14 and 7.15), and the funder's patience (7.16).
void append_partnership_parameters(std::vector<ParameterSpec>& all) {
    const auto a = &Scenario::partnership;
    using NP = PartnershipParameters;
    const ParameterSpec added[] = {
        real("partnership.buy_in_spread", &NP::buy_in_spread, a, 0, 1, "s.d.",
             "Spread of the funder's realised senior buy-in around the stated value, per run."),
        real("partnership.flexibility_spread", &NP::flexibility_spread, a, 0, 1, "s.d.",
             "Spread of the funder's realised flexibility around the stated value, per run."),
        real("partnership.fit_spread", &NP::fit_spread, a, 0, 1, "s.d.",
             "Spread of the fit between facilitator and partners (soft and contextual skills)."),
        real("partnership.volatility_spread", &NP::volatility_spread, a, 0, 3, "log s.d.",
             "Spread of the context's volatility (multiplies shock rates and drift), per run."),
        real("partnership.absorption_spread", &NP::absorption_spread, a, 0, 3, "log s.d.",
             "Spread of partners' absorptive capacity (multiplies how fast support and practice "
             "learning take hold), per run."),
        real("partnership.staff_time_spread", &NP::staff_time_spread, a, 0, 1, "s.d.",
             "Spread of the funder's realised staff time around the stated value, per run."),
        real("partnership.facilitator_turnover_rate", &NP::facilitator_turnover_rate, a, 0, 12,
             "per year", "Rate at which the facilitator's lead person leaves."),
        real("partnership.leadership_change_rate", &NP::leadership_change_rate, a, 0, 12,
             "per year", "Rate of a change of leadership or strategy at the funder."),
        real("partnership.budget_cut_rate", &NP::budget_cut_rate, a, 0, 12, "per year",
             "Rate at which the funder cuts the facilitator's budget (by 20-50%)."),
        real("partnership.field_crisis_rate", &NP::field_crisis_rate, a, 0, 12, "per year",
             "Rate of a crisis that hits every partner in the field at once."),
        real("partnership.funder_breach_rate", &NP::funder_breach_rate, a, 0, 12, "per year",
             "Rate of a breach of partners' trust by the funder, at middling accountability."),
        real("partnership.partner_exit_rate", &NP::partner_exit_rate, a, 0, 12, "per year",
             "Rate per partner of losing its grant and leaving, at middling funding security."),
        real("partnership.newcomer_rate", &NP::newcomer_rate, a, 0, 12, "per year",
             "Rate at which a new partner joins the programme while the facilitator works."),
        integer("partnership.newcomer_slots", &NP::newcomer_slots, a, 0, 1000, "organisations",
                "Most new partners that can join in one run (their slots are set aside at "
                "month 0; with partners.count at most 5000 slots)."),
        real("partnership.funder_patience", &NP::funder_patience, a, 0, 1, "share",
             "Worth to the funder below which it ends the partnership at a decision window."),
    };
    all.insert(all.end(), std::begin(added), std::end(added));
}

std::vector<ParameterSpec> build_registry() {
    using S = Scenario;
    const auto r = &S::run;
    const auto t = &S::trust;
    const auto f = &S::funder;
    const auto p = &S::partners;
    const auto x = &S::facilitator;
    const auto u = &S::setup;
    using FP = FunderParameters;
    using PP = PartnerParameters;
    using XP = FacilitatorParameters;
    using SP = SetupParameters;
    std::vector<ParameterSpec> all{
        integer("run.months", &RunSettings::months, r, 1, 600, "months", "Simulated horizon."),
        integer("run.replicates", &RunSettings::replicates, r, 1, 10'000'000, "runs",
                "Replicate runs of the scenario, each with its own random stream."),
        integer(
            "run.seed", &RunSettings::seed, r, 0, 9.0e15, "",
            "Master seed; each run's stream derives from (seed, design point, replicate) alone."),

        real("trust.gain_rate", &TrustParameters::gain_rate, t, 0, 20, "weight",
             "Weight of a unit of good experience in trust (beta reputation)."),
        real("trust.loss_rate", &TrustParameters::loss_rate, t, 0, 20, "weight",
             "Weight of a unit of bad experience; above gain_rate, trust is lost faster."),
        real("trust.memory_months", &TrustParameters::memory_months, t, 1, 600, "months",
             "How long experiences are remembered before trust drifts back to its prior."),
        real("trust.prior_strength", &TrustParameters::prior_strength, t, 0.5, 100, "experiences",
             "Weight of the initial trust, in pseudo-experiences."),

        real("funder.accountability_focus", &FP::accountability_focus, f, 0, 1, "share",
             "Weight of centralised reporting and standard indicators."),
        real("funder.senior_buy_in", &FP::senior_buy_in, f, 0, 1, "share",
             "Senior engagement and a culture that values learning over compliance."),
        real("funder.flexibility", &FP::flexibility, f, 0, 1, "share",
             "Flexibility and risk appetite: waives reports under stress, adapts allocations."),
        real("funder.staff_time", &FP::staff_time, f, 0, 1, "share",
             "Bandwidth of philanthropy staff to engage in sense-making."),
        integer("funder.decision_cycle_months", &FP::decision_cycle_months, f, 1, 120, "months",
                "Months between the funder's strategy and funding decision windows."),
        real("funder.centralised_decisions", &FP::centralised_decisions, f, 0, 1, "share",
             "Share of decisions taken centrally, at portfolio level."),
        integer("funder.focal_points", &FP::focal_points, f, 0, 10, "people",
                "Focal points inside the funder who broker the partnership."),
        real("funder.focal_point_capital", &FP::focal_point_capital, f, 0, 1, "share",
             "Political capital of a focal point."),
        real("funder.focal_point_turnover", &FP::focal_point_turnover, f, 0, 1, "per month",
             "Monthly probability that a focal point leaves."),
        integer("funder.focal_point_vacancy_months", &FP::focal_point_vacancy_months, f, 1, 60,
                "months", "Months before a departed focal point is replaced."),
        real("funder.disclosure_risk", &FP::disclosure_risk, f, 0, 1, "share",
             "How far funding decisions hinge on what partners disclose."),
        real("funder.funding_uncertainty", &FP::funding_uncertainty, f, 0, 1, "share",
             "Partners' uncertainty about continued funding."),
        real("funder.reporting_hours_per_year", &FP::reporting_hours_per_year, f, 0, 1000,
             "hours/year", "Grantee hours a year spent on the funder's own reporting."),

        integer("partners.count", &PP::count, p, 2, max_partner_slots, "organisations",
                "Partner organisations in the programme or portfolio."),
        real("partners.diversity", &PP::diversity, p, 0, 1, "share",
             "Spread of contexts (region, language, sector), resources and capacity."),
        real("partners.resources_mean", &PP::resources_mean, p, 0.05, 1, "share",
             "Mean organisational resources."),
        real("partners.capacity_mean", &PP::capacity_mean, p, 0, 1, "share",
             "Mean initial MEL capacity."),
        real("partners.dependence_mean", &PP::dependence_mean, p, 0, 1, "share",
             "Mean dependence on this funder's money."),
        real("partners.unified_identity", &PP::unified_identity, p, 0, 1, "share",
             "How far partners see themselves as part of one programme."),
        real("partners.initial_trust_funder", &PP::initial_trust_funder, p, 0.01, 0.99, "share",
             "Prior trust of a partner in the funder."),
        real("partners.initial_trust_facilitator", &PP::initial_trust_facilitator, p, 0.01, 0.99,
             "share", "Prior trust of a partner in a facilitator it meets."),
        real("partners.shock_rate", &PP::shock_rate, p, 0, 1, "per month",
             "Monthly probability of a context shock to one partner."),
        real("partners.regional_shock_rate", &PP::regional_shock_rate, p, 0, 1, "per month",
             "Monthly probability of a shock to a whole context."),
        real("partners.shock_size", &PP::shock_size, p, 0, 5, "effect s.d.",
             "S.d. of the change in true effectiveness at a shock."),
        real("partners.effectiveness_drift", &PP::effectiveness_drift, p, 0, 1, "effect s.d.",
             "Monthly s.d. of drift in true effectiveness."),
        real("partners.learning_hours_per_month", &PP::learning_hours_per_month, p, 1, 200,
             "hours/month", "Hours a fully resourced partner can give to learning each month."),

        choice("facilitator.kind", &XP::kind, x,
               "Who facilitates: internal staff, an external "
               "organisation, or the participants themselves."),
        choice("facilitator.external_kind", &XP::external_kind, x,
               "An external facilitator: established firm, emerging organisation or consortium."),
        integer("facilitator.consortium_members", &XP::consortium_members, x, 1, 12,
                "organisations", "Members of a consortium facilitator."),
        real("facilitator.facilitation", &XP::facilitation, x, 0, 1, "skill",
             "Facilitation skill: safe spaces, many voices, power dynamics."),
        real("facilitator.strategic_learning", &XP::strategic_learning, x, 0, 1, "skill",
             "Strategic learning skill: questions that drive decisions and adaptation."),
        real("facilitator.mel", &XP::mel, x, 0, 1, "skill",
             "MEL skill: frameworks, tools, theory of change."),
        real("facilitator.sectoral", &XP::sectoral, x, 0, 1, "skill",
             "Sectoral expertise: credibility and a challenge role."),
        real("facilitator.contextual", &XP::contextual, x, 0, 1, "skill",
             "Contextual expertise: culture, political economy, lived experience."),
        real("facilitator.soft_skills", &XP::soft_skills, x, 0, 1, "skill",
             "Resilience, emotional intelligence, communication."),
        real("facilitator.independence", &XP::independence, x, 0, 1, "share",
             "Distance from the funder's power dynamics, before the kind's own effect."),
        real("facilitator.local_coverage", &XP::local_coverage, x, 0, 1, "share",
             "Share of partner contexts the facilitator matches locally and by language."),
        real("facilitator.accompaniment", &XP::accompaniment, x, 0, 1, "share",
             "'Critical friend' accompaniment beyond defined deliverables."),
        real("facilitator.embeddedness_rate", &XP::embeddedness_rate, x, 0, 0.5, "per month",
             "Monthly growth of the facilitator's embeddedness in the funder."),
        real("facilitator.hourly_cost", &XP::hourly_cost, x, 0, 10000, "currency/hour",
             "Cost of one facilitator hour."),

        choice("setup.archetype", &SP::archetype, u,
               "Learning partnership archetype (Itad/Porticus section 6)."),
        choice("setup.duration", &SP::duration, u, "Time-bound or open-ended."),
        integer("setup.end_month", &SP::end_month, u, 1, 600, "month",
                "Last month of a time-bound partnership."),
        boolean("setup.review", &SP::review, u,
                "Open-ended: whether goals are periodically reviewed."),
        integer("setup.review_interval_months", &SP::review_interval_months, u, 1, 120, "months",
                "Months between reviews of an open-ended partnership."),
        choice("setup.participation", &SP::participation, u,
               "Optional participation, or mandatory under grant agreements."),
        choice("setup.level", &SP::level, u, "Programme or portfolio level."),
        choice("setup.evidence", &SP::evidence, u,
               "What learning rests on: funder reporting, shared questions or partner-led."),
        integer("setup.join_month", &SP::join_month, u, 0, 600, "month",
                "Month the facilitator joins (0 = from the start)."),
        real("setup.budget_hours", &SP::budget_hours, u, 0, 20000, "hours/month",
             "Facilitator hours per month that the learning budget pays for."),
        integer("setup.setup_months", &SP::setup_months, u, 0, 36, "months",
                "Set-up time given to relationships, context and goals."),
        real("setup.clarity_of_purpose", &SP::clarity_of_purpose, u, 0, 1, "share",
             "Clarity of the overarching vision and its boundaries."),
        real("setup.quick_wins", &SP::quick_wins, u, 0, 1, "share",
             "Early tangible benefits, e.g. a co-created theory of change."),
        real("setup.paid_participation", &SP::paid_participation, u, 0, 1, "share",
             "Share of partners' learning time that is paid for."),
    };
    append_partnership_parameters(all);
    all.push_back(choice(
        "uncertainty.model_constants", &UncertaintySettings::model_constants, &S::uncertainty,
        "fixed: every model constant at its value; plausible: each run draws the constants "
        "not set explicitly from their plausible ranges, one model per replicate (the same at "
        "every design point), so intervals also hold what the model does not know."));
    for (auto& spec : model_constant_specs()) all.push_back(std::move(spec));
    return all;
}

std::string_view after_dot(std::string_view name) {
    const auto dot = name.find('.');
    return dot == std::string_view::npos ? name : name.substr(dot + 1);
}
std::string_view before_dot(std::string_view name) {
    const auto dot = name.find('.');
    return dot == std::string_view::npos ? std::string_view{} : name.substr(0, dot);
}

// How far a user's word is from a known name, counting a misspelt shortening ("budjet" for
// "budget_hours") and a right key under a wrong or missing section as near misses; nothing when
// that is beyond limit. Each edit distance is asked only within what could still keep the miss
// within limit, so a long word against a far name stops early (edit_distance_within).
std::optional<std::size_t> miss_distance_within(std::string_view unknown, std::string_view known,
                                                std::size_t limit) {
    const std::string_view unknown_key = after_dot(unknown);
    const std::string_view known_key = after_dot(known);
    const std::size_t section_penalty = before_dot(unknown) == before_dot(known) ? 0 : 1;
    std::optional<std::size_t> d = edit_distance_within(unknown, known, limit);
    const auto keep = [&](std::size_t miss) { d = std::min(d.value_or(miss), miss); };
    if (limit >= section_penalty) {
        if (const auto keys = edit_distance_within(unknown_key, known_key, limit - section_penalty))
            keep(*keys + section_penalty);
    }
    if (unknown_key.size() >= 4 && known_key.size() > unknown_key.size() &&
        limit >= 1 + section_penalty) {
        // 2 * shortened + 1 + section_penalty <= limit
        if (const auto shortened =
                edit_distance_within(unknown_key, known_key.substr(0, unknown_key.size()),
                                     (limit - 1 - section_penalty) / 2))
            keep(2 * *shortened + 1 + section_penalty);
    }
    return d;
}

// A bound miss_distance_within never goes below, from the lengths alone: an edit distance is at
// least the difference of the lengths, and the shortened form is tried only for a longer known
// key. It spares even the allocations for names far shorter or longer than the word. A long
// word's cost was cured by the bounded distances instead (the allowed distance grows with the
// word, a third of its length, so most names stay in this bound's range): fuzzed --set values,
// 121 executions a second with full distances, 781 with bounded ones (docs/hardening.md).
std::size_t miss_distance_at_least(std::string_view unknown, std::string_view known) {
    const auto apart = [](std::size_t a, std::size_t b) { return a > b ? a - b : b - a; };
    const std::string_view unknown_key = after_dot(unknown);
    const std::string_view known_key = after_dot(known);
    if (unknown_key.size() >= 4 && known_key.size() > unknown_key.size()) return 0;
    return std::min(apart(unknown.size(), known.size()),
                    apart(unknown_key.size(), known_key.size()));
}

template <class Names>
std::optional<std::string> nearest(const Names& names, std::string_view unknown) {
    std::optional<std::string> best;
    std::size_t best_distance = suggestion_limit(after_dot(unknown)) + 1;
    for (const auto& name : names) {
        if (miss_distance_at_least(unknown, name) >= best_distance) continue;
        if (const auto d = miss_distance_within(unknown, name, best_distance - 1)) {
            best_distance = *d;
            best = std::string(name);
        }
    }
    return best;
}

}  // namespace

std::string_view ParameterSpec::section() const {
    return std::string_view(name).substr(0, name.find('.'));
}
std::string_view ParameterSpec::key() const {
    return std::string_view(name).substr(name.find('.') + 1);
}

std::span<const ParameterSpec> parameter_registry() {
    static const std::vector<ParameterSpec> registry = build_registry();
    return registry;
}

const ParameterSpec* find_parameter(std::string_view dotted_name) {
    for (const auto& spec : parameter_registry()) {
        if (spec.name == dotted_name) return &spec;
    }
    return nullptr;
}

std::optional<std::string> nearest_parameter_name(std::string_view unknown) {
    // The registry never changes, so neither do its names (a typo in a long file asks often).
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> all;
        for (const auto& spec : parameter_registry()) all.emplace_back(spec.name);
        return all;
    }();
    return nearest(names, unknown);
}

std::optional<std::string> nearest_choice(const ParameterSpec& spec, std::string_view unknown) {
    return nearest(spec.choices, unknown);
}

std::string_view kind_name(ParameterKind kind) {
    switch (kind) {
        case ParameterKind::real:
            return "number";
        case ParameterKind::integer:
            return "integer";
        case ParameterKind::boolean:
            return "boolean";
        case ParameterKind::choice:
            return "choice";
    }
    return "?";
}

std::string format_value(const ParameterValue& value) {
    std::ostringstream out;
    std::visit(
        [&out](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool>) {
                out << (v ? "true" : "false");
            } else if constexpr (std::is_same_v<T, std::string>) {
                out << '"' << v << '"';
            } else if constexpr (std::is_same_v<T, double>) {
                out.precision(15);
                out << v;
                if (std::floor(v) == v && std::abs(v) < 1e15) out << ".0";
            } else {
                out << v;
            }
        },
        value);
    return out.str();
}

std::optional<std::string> check_value(const ParameterSpec& spec, ParameterValue& value) {
    auto range_error = [&spec](double v) -> std::optional<std::string> {
        if (std::isnan(v) || v < spec.min || v > spec.max) {
            std::ostringstream out;
            out << "value " << v << " is out of range [" << spec.min << ", " << spec.max << "]";
            if (!spec.unit.empty()) out << " (" << spec.unit << ")";
            return out.str();
        }
        return std::nullopt;
    };
    switch (spec.kind) {
        case ParameterKind::real:
            if (const auto* i = std::get_if<std::int64_t>(&value)) value = static_cast<double>(*i);
            if (!std::holds_alternative<double>(value)) return "expected a number";
            return range_error(std::get<double>(value));
        case ParameterKind::integer:
            if (!std::holds_alternative<std::int64_t>(value)) return "expected an integer";
            return range_error(static_cast<double>(std::get<std::int64_t>(value)));
        case ParameterKind::boolean:
            if (!std::holds_alternative<bool>(value)) return "expected true or false";
            return std::nullopt;
        case ParameterKind::choice: {
            const auto* name = std::get_if<std::string>(&value);
            if (name == nullptr) return "expected one of the names of the choice, as a string";
            if (std::find(spec.choices.begin(), spec.choices.end(), *name) != spec.choices.end()) {
                return std::nullopt;
            }
            std::string message = "unknown choice \"" + *name + "\"; expected one of:";
            for (const auto& c : spec.choices) message += " " + c;
            if (auto near = nearest_choice(spec, *name)) {
                message += " (did you mean \"" + *near + "\"?)";
            }
            return message;
        }
    }
    return "unknown parameter kind";
}

std::optional<ParameterValue> parse_value_text(const ParameterSpec& spec, std::string_view text) {
    const std::string s(text);
    switch (spec.kind) {
        case ParameterKind::real: {
            std::size_t used = 0;
            try {
                const double v = std::stod(s, &used);
                if (used == s.size()) return v;
            } catch (const std::exception&) {
            }
            return std::nullopt;
        }
        case ParameterKind::integer: {
            std::size_t used = 0;
            try {
                const long long v = std::stoll(s, &used);
                if (used == s.size()) return static_cast<std::int64_t>(v);
            } catch (const std::exception&) {
            }
            return std::nullopt;
        }
        case ParameterKind::boolean:
            if (s == "true") return true;
            if (s == "false") return false;
            return std::nullopt;
        case ParameterKind::choice: {
            std::string name = s;
            if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
                name = name.substr(1, name.size() - 2);
            }
            return name;
        }
    }
    return std::nullopt;
}

namespace {

// The effort rows are normalised to sum to 1 (effort.cpp): a row of zeros has no shares.
std::optional<std::string> check_effort_rows(const EffortConstants& c) {
    struct Row {
        const char* name;
        double sum;
    };
    const Row rows[] = {
        {"practice_partner", c.practice_partner_one_to_one + c.practice_partner_convening +
                                 c.practice_partner_sense_making + c.practice_partner_relationship},
        {"sense_maker", c.sense_maker_one_to_one + c.sense_maker_convening +
                            c.sense_maker_sense_making + c.sense_maker_relationship},
        {"network_builder", c.network_builder_one_to_one + c.network_builder_convening +
                                c.network_builder_sense_making + c.network_builder_relationship},
        {"navigator_later", c.navigator_later_one_to_one + c.navigator_later_convening +
                                c.navigator_later_sense_making + c.navigator_later_relationship},
        {"setup",
         c.setup_one_to_one + c.setup_convening + c.setup_sense_making + c.setup_relationship},
    };
    for (const auto& row : rows) {
        if (row.sum <= 0.0) {
            return std::string("effort.") + row.name +
                   "_* are all 0: the facilitator's hours would have no shares";
        }
    }
    return std::nullopt;
}

// Drawing the model per replicate needs replicates to draw over, and constants left to draw.
std::optional<std::string> check_uncertainty(const Scenario& scenario) {
    if (scenario.uncertainty.model_constants != ModelUncertainty::plausible) return std::nullopt;
    if (scenario.run.replicates < 2) {
        return "uncertainty.model_constants = \"plausible\" draws one model per replicate: with "
               "run.replicates = " +
               std::to_string(scenario.run.replicates) +
               " there is no spread over plausible models; give at least 2 replicates";
    }
    if (scenario.uncertainty.held.size() >= model_constant_entries().size()) {
        return "uncertainty.model_constants = \"plausible\", but every model constant is set "
               "explicitly (a resolved scenario, as `check` prints it, sets them all): nothing "
               "is left to draw; leave out the constants to draw";
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> check_consistency(const Scenario& scenario) {
    if (auto problem = check_effort_rows(scenario.constants.effort)) return problem;
    if (auto problem = check_uncertainty(scenario)) return problem;
    const auto& setup = scenario.setup;
    const int slots = scenario.partners.count + scenario.partnership.newcomer_slots;
    if (slots > max_partner_slots) {
        return "partners.count (" + std::to_string(scenario.partners.count) +
               ") plus partnership.newcomer_slots (" +
               std::to_string(scenario.partnership.newcomer_slots) + ") must be at most " +
               std::to_string(max_partner_slots) + " partner slots";
    }
    if (setup.join_month >= scenario.run.months) {
        return "setup.join_month (" + std::to_string(setup.join_month) +
               ") must be before run.months (" + std::to_string(scenario.run.months) + ")";
    }
    if (setup.duration == Duration::time_bound && setup.join_month >= setup.end_month) {
        return "setup.join_month (" + std::to_string(setup.join_month) +
               ") must be before setup.end_month (" + std::to_string(setup.end_month) +
               ") in a time-bound partnership: the facilitator would never work";
    }
    return std::nullopt;
}

}  // namespace partnersim
