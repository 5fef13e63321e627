#include "io/scenario_file.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "model/parameters.hpp"
#include "support/test_helpers.hpp"

namespace partnersim {
namespace {

const std::string kFile = "test.toml";

// The error parse_scenario throws for `text`; a test failure if it throws none.
ScenarioError error_of(const std::string& text, std::span<const std::string> extra = {}) {
    try {
        parse_scenario(text, kFile, extra);
    } catch (const ScenarioError& error) {
        return error;
    }
    ADD_FAILURE() << "no ScenarioError for:\n" << text;
    return ScenarioError("", 0, "", "");
}

ScenarioError override_error_of(Scenario& scenario, std::string_view assignment) {
    try {
        apply_override(scenario, assignment);
    } catch (const ScenarioError& error) {
        return error;
    }
    ADD_FAILURE() << "no ScenarioError for --set " << assignment;
    return ScenarioError("", 0, "", "");
}

// Every registry parameter of `actual` equals that of `expected`, except the one named.
void expect_same_parameters(const Scenario& actual, const Scenario& expected,
                            std::string_view except = "") {
    for (const auto& spec : parameter_registry()) {
        if (spec.name == except) continue;
        const ParameterValue a = spec.get(actual);
        const ParameterValue e = spec.get(expected);
        EXPECT_TRUE(a == e) << spec.name << ": " << format_value(a) << " instead of "
                            << format_value(e);
    }
}

// TOML for a value, written independently of scenario_to_toml so that the two can disagree.
std::string literal(const ParameterValue& value) {
    if (const auto* real = std::get_if<double>(&value)) {
        std::ostringstream out;
        out.precision(17);
        out << *real;
        std::string text = out.str();
        if (text.find_first_of(".e") == std::string::npos) text += ".0";
        return text;
    }
    if (const auto* integer = std::get_if<std::int64_t>(&value)) return std::to_string(*integer);
    if (const auto* truth = std::get_if<bool>(&value)) return *truth ? "true" : "false";
    return "\"" + std::get<std::string>(value) + "\"";
}

// A valid value for `spec` that differs from its default.
ParameterValue other_valid_value(const ParameterSpec& spec) {
    const ParameterValue current = spec.get(Scenario{});
    switch (spec.kind) {
        case ParameterKind::real:
            return std::get<double>(current) != spec.min ? spec.min : spec.max;
        case ParameterKind::integer: {
            const auto min = static_cast<std::int64_t>(spec.min);
            return std::get<std::int64_t>(current) != min ? min : min + 1;
        }
        case ParameterKind::boolean:
            return !std::get<bool>(current);
        case ParameterKind::choice:
            for (const auto& choice : spec.choices) {
                if (choice != std::get<std::string>(current)) return choice;
            }
    }
    ADD_FAILURE() << "no other value for " << spec.name;
    return current;
}

// --- Reading valid files -------------------------------------------------------------------------

TEST(ScenarioFile, EmptyFileGivesTheDefaults) {
    expect_same_parameters(parse_scenario("", kFile), Scenario{});
    expect_same_parameters(parse_scenario("# nothing but a comment\n\n", kFile), Scenario{});
    expect_same_parameters(parse_scenario("[run]\n[setup]\n", kFile), Scenario{});
}

TEST(ScenarioFile, EachKeyAloneChangesThatKeyAndNothingElse) {
    for (const auto& spec : parameter_registry()) {
        SCOPED_TRACE(spec.name);
        const ParameterValue value = other_valid_value(spec);
        // Built by appending: g++ 12 warns falsely (-Wrestrict) on a chain of operator+.
        std::string text = "[";
        text.append(spec.section()).append("]\n").append(spec.key()).append(" = ");
        text.append(literal(value)).append("\n");
        const Scenario scenario = parse_scenario(text, kFile);
        EXPECT_TRUE(spec.get(scenario) == value) << format_value(spec.get(scenario));
        expect_same_parameters(scenario, Scenario{}, spec.name);
    }
}

TEST(ScenarioFile, ValuesReachTheirFields) {
    const Scenario scenario = parse_scenario(
        "[setup]\n"
        "duration = \"open_ended\"\n"
        "review = true\n"
        "[funder]\n"
        "flexibility = 0.25\n"
        "[partners]\n"
        "count = 50\n"
        "[facilitator]\n"
        "kind = \"self_managed\"\n",
        kFile);
    EXPECT_EQ(scenario.setup.duration, Duration::open_ended);
    EXPECT_TRUE(scenario.setup.review);
    EXPECT_DOUBLE_EQ(scenario.funder.flexibility, 0.25);
    EXPECT_EQ(scenario.partners.count, 50);
    EXPECT_EQ(scenario.facilitator.kind, FacilitatorKind::self_managed);
}

TEST(ScenarioFile, DottedKeysAndInlineTablesAreSections) {
    const Scenario scenario = parse_scenario(
        "setup.duration = \"open_ended\"\n"
        "run = { months = 24, replicates = 7 }\n",
        kFile);
    EXPECT_EQ(scenario.setup.duration, Duration::open_ended);
    EXPECT_EQ(scenario.run.months, 24);
    EXPECT_EQ(scenario.run.replicates, 7);
}

TEST(ScenarioFile, IntegerIsAcceptedForARealKey) {
    const Scenario scenario = parse_scenario("[setup]\nbudget_hours = 200\n", kFile);
    EXPECT_DOUBLE_EQ(scenario.setup.budget_hours, 200.0);
}

// --- Errors in files -----------------------------------------------------------------------------

TEST(ScenarioError, FormatsFileLineAndKey) {
    EXPECT_STREQ(ScenarioError("f.toml", 3, "setup.x", "bad").what(),
                 "f.toml:3: key 'setup.x': bad");
    EXPECT_STREQ(ScenarioError("f.toml", 0, "setup.x", "bad").what(), "f.toml: key 'setup.x': bad");
    EXPECT_STREQ(ScenarioError("f.toml", 3, "", "bad").what(), "f.toml:3: bad");
    const ScenarioError error("f.toml", 3, "setup.x", "bad");
    EXPECT_EQ(error.file(), "f.toml");
    EXPECT_EQ(error.line(), 3);
    EXPECT_EQ(error.key(), "setup.x");
    EXPECT_EQ(error.message(), "bad");
}

TEST(ScenarioFileErrors, UnknownKeySuggestsTheNearestName) {
    const auto error = error_of(
        "# a scenario\n"               // 1
        "[setup]\n"                    // 2
        "duration = \"open_ended\"\n"  // 3
        "budjet = 3\n");               // 4
    EXPECT_EQ(error.file(), kFile);
    EXPECT_EQ(error.line(), 4);
    EXPECT_EQ(error.key(), "setup.budjet");
    EXPECT_EQ(error.message(), "unknown key 'setup.budjet'; did you mean 'setup.budget_hours'?");
    EXPECT_STREQ(error.what(),
                 "test.toml:4: key 'setup.budjet': unknown key 'setup.budjet'; did you mean "
                 "'setup.budget_hours'?");
}

TEST(ScenarioFileErrors, TypoInAKeySuggestsIt) {
    const auto error = error_of(
        "[setup]\n"                     // 1
        "\n"                            // 2
        "duraton = \"open_ended\"\n");  // 3
    EXPECT_EQ(error.line(), 3);
    EXPECT_EQ(error.key(), "setup.duraton");
    EXPECT_NE(error.message().find("did you mean 'setup.duration'?"), std::string::npos)
        << error.message();
}

TEST(ScenarioFileErrors, KeyInTheWrongSectionSuggestsWhereItBelongs) {
    const auto error = error_of(
        "[funder]\n"       // 1
        "months = 12\n");  // 2
    EXPECT_EQ(error.line(), 2);
    EXPECT_EQ(error.key(), "funder.months");
    EXPECT_NE(error.message().find("'run.months'"), std::string::npos) << error.message();
}

TEST(ScenarioFileErrors, UnknownKeyWithoutNeighbourListsTheSectionsKeys) {
    const auto error = error_of("[run]\nzzzzzzzzzzzzzz = 1\n");
    EXPECT_EQ(error.key(), "run.zzzzzzzzzzzzzz");
    EXPECT_NE(error.message().find("months, replicates, seed"), std::string::npos)
        << error.message();
}

TEST(ScenarioFileErrors, UnknownSectionIsLocatedAndSuggestsTheNearest) {
    const auto error = error_of(
        "[run]\n"                // 1
        "months = 24\n"          // 2
        "\n"                     // 3
        "[setpu]\n"              // 4
        "budget_hours = 10\n");  // 5
    EXPECT_EQ(error.file(), kFile);
    EXPECT_EQ(error.line(), 4);
    EXPECT_EQ(error.key(), "setpu");
    EXPECT_NE(error.message().find("unknown section 'setpu'"), std::string::npos);
    EXPECT_NE(error.message().find("did you mean 'setup'?"), std::string::npos) << error.message();
}

TEST(ScenarioFileErrors, TopLevelKeyThatIsNotATable) {
    const auto error = error_of(
        "# a scenario\n"   // 1
        "\n"               // 2
        "months = 24\n");  // 3
    EXPECT_EQ(error.line(), 3);
    EXPECT_EQ(error.key(), "months");
    EXPECT_NE(error.message().find("not a section"), std::string::npos) << error.message();
    EXPECT_NE(error.message().find("'run.months'"), std::string::npos) << error.message();
}

TEST(ScenarioFileErrors, StringWhereANumberIsExpected) {
    const auto error = error_of(
        "[funder]\n"                  // 1
        "staff_time = 0.5\n"          // 2
        "flexibility = \"high\"\n");  // 3
    EXPECT_EQ(error.line(), 3);
    EXPECT_EQ(error.key(), "funder.flexibility");
    EXPECT_EQ(error.message(), "expected a number, got the string \"high\"");
}

TEST(ScenarioFileErrors, ArrayWhereANumberIsExpected) {
    const auto error = error_of("[funder]\nflexibility = [0.1, 0.2]\n");
    EXPECT_EQ(error.line(), 2);
    EXPECT_EQ(error.message(), "expected a number, got an array");
}

TEST(ScenarioFileErrors, FloatForAnIntegerKeyIsRejected) {
    const auto error = error_of(
        "[partners]\n"     // 1
        "count = 3.5\n");  // 2
    EXPECT_EQ(error.line(), 2);
    EXPECT_EQ(error.key(), "partners.count");
    EXPECT_EQ(error.message(), "expected an integer, got the float 3.5");

    const auto whole = error_of("[partners]\ncount = 30.0\n");
    EXPECT_EQ(whole.key(), "partners.count");
    EXPECT_NE(whole.message().find("without a decimal point"), std::string::npos)
        << whole.message();
}

TEST(ScenarioFileErrors, BooleansAreTomlBooleans) {
    const auto quoted = error_of("[setup]\nreview = \"true\"\n");
    EXPECT_EQ(quoted.key(), "setup.review");
    EXPECT_EQ(quoted.message(), "expected true or false, got the string \"true\"");
    const auto number = error_of("[setup]\nreview = 1\n");
    EXPECT_EQ(number.message(), "expected true or false, got the integer 1");
}

TEST(ScenarioFileErrors, ChoicesAreStrings) {
    const auto error = error_of("[setup]\nlevel = 1\n");
    EXPECT_EQ(error.line(), 2);
    EXPECT_EQ(error.key(), "setup.level");
    EXPECT_NE(error.message().find("programme, portfolio"), std::string::npos) << error.message();
    EXPECT_NE(error.message().find("got the integer 1"), std::string::npos) << error.message();
}

TEST(ScenarioFileErrors, OutOfRangeNamesTheRange) {
    const auto error = error_of(
        "[run]\n"                // 1
        "months = 24\n"          // 2
        "[funder]\n"             // 3
        "flexibility = 1.5\n");  // 4
    EXPECT_EQ(error.line(), 4);
    EXPECT_EQ(error.key(), "funder.flexibility");
    EXPECT_NE(error.message().find("out of range"), std::string::npos) << error.message();
    EXPECT_NE(error.message().find("[0, 1]"), std::string::npos) << error.message();

    const auto integer = error_of("[partners]\ncount = 1\n");
    EXPECT_EQ(integer.key(), "partners.count");
    EXPECT_NE(integer.message().find("[2, 5000]"), std::string::npos) << integer.message();
}

TEST(ScenarioFileErrors, UnknownChoiceListsTheChoicesAndSuggests) {
    const auto error = error_of(
        "[facilitator]\n"          // 1
        "kind = \"externel\"\n");  // 2
    EXPECT_EQ(error.line(), 2);
    EXPECT_EQ(error.key(), "facilitator.kind");
    for (const char* choice : {"internal", "external", "self_managed"}) {
        EXPECT_NE(error.message().find(choice), std::string::npos) << error.message();
    }
    EXPECT_NE(error.message().find("did you mean \"external\"?"), std::string::npos)
        << error.message();
}

TEST(ScenarioFileErrors, TheFirstMistakeInTheFileIsReported) {
    // Tables in toml11 are unordered; the report must not depend on hashing.
    const auto error = error_of(
        "[setup]\n"            // 1
        "budget_hours = -1\n"  // 2
        "[funder]\n"           // 3
        "flexibility = 7\n"    // 4
        "[run]\n"              // 5
        "monthz = 1\n"         // 6
        "[aaa]\n");            // 7
    EXPECT_EQ(error.line(), 2);
    EXPECT_EQ(error.key(), "setup.budget_hours");
}

TEST(ScenarioFileErrors, MalformedTomlReportsItsLine) {
    const auto error = error_of(
        "[run]\n"                      // 1
        "months = 24\n"                // 2
        "[setup]\n"                    // 3
        "duration \"open_ended\"\n");  // 4: no '='
    EXPECT_EQ(error.file(), kFile);
    EXPECT_EQ(error.line(), 4);
    EXPECT_EQ(error.key(), "");
    EXPECT_EQ(error.message().rfind("malformed TOML: ", 0), 0u) << error.message();
    EXPECT_NE(error.message().find('='), std::string::npos) << error.message();
    EXPECT_EQ(error.message().find('\n'), std::string::npos) << error.message();
    EXPECT_EQ(std::string(error.what()).rfind("test.toml:4: malformed TOML", 0), 0u)
        << error.what();
}

TEST(ScenarioFileErrors, KeyDefinedTwiceReportsTheSecondDefinition) {
    const auto error = error_of(
        "[run]\n"          // 1
        "months = 24\n"    // 2
        "months = 36\n");  // 3
    EXPECT_EQ(error.line(), 3);
    EXPECT_NE(error.message().find("already exists"), std::string::npos) << error.message();
}

TEST(ScenarioFileErrors, UnquotedChoiceGetsAHint) {
    const auto error = error_of(
        "[setup]\n"                  // 1
        "duration = open_ended\n");  // 2
    EXPECT_EQ(error.line(), 2);
    EXPECT_NE(error.message().find("quotes: \"open_ended\""), std::string::npos) << error.message();
}

TEST(ScenarioFileErrors, UnterminatedStringReportsItsLine) {
    const auto error = error_of(
        "[setup]\n"                  // 1
        "\n"                         // 2
        "duration = \"open_ended\n"  // 3
        "review = true\n");          // 4
    EXPECT_EQ(error.line(), 3);
    EXPECT_EQ(error.message().rfind("malformed TOML: ", 0), 0u) << error.message();
}

TEST(ScenarioFileErrors, InconsistentScenarioNamesTheFile) {
    const std::string text =
        "[run]\n"
        "months = 12\n"
        "[setup]\n"
        "join_month = 12\n";
    const auto error = error_of(text);
    Scenario inconsistent;
    inconsistent.run.months = 12;
    inconsistent.setup.join_month = 12;
    ASSERT_TRUE(check_consistency(inconsistent).has_value());
    EXPECT_EQ(error.file(), kFile);
    EXPECT_EQ(error.line(), 0);
    EXPECT_EQ(error.key(), "");
    EXPECT_EQ(error.message(), *check_consistency(inconsistent));
    EXPECT_EQ(std::string(error.what()), "test.toml: " + *check_consistency(inconsistent));
}

TEST(ScenarioFile, ExtraSectionsAreLeftToTheCaller) {
    const std::string text =
        "[run]\n"                                   // 1
        "months = 24\n"                             // 2
        "[sweep]\n"                                 // 3
        "\"setup.budget_hours\" = [80.0, 160.0]\n"  // 4
        "anything = \"goes\"\n";                    // 5
    const std::vector<std::string> extra{"sweep"};
    const Scenario scenario = parse_scenario(text, kFile, extra);
    EXPECT_EQ(scenario.run.months, 24);
    expect_same_parameters(scenario, parse_scenario("[run]\nmonths = 24\n", kFile));

    const auto error = error_of(text);
    EXPECT_EQ(error.line(), 3);
    EXPECT_EQ(error.key(), "sweep");

    const Scenario not_a_table = parse_scenario("sweep = 3\n", kFile, extra);
    expect_same_parameters(not_a_table, Scenario{});
}

// --- Overrides -----------------------------------------------------------------------------------

TEST(ScenarioOverride, SetsOneValueOfEachKind) {
    Scenario scenario;
    apply_override(scenario, "setup.duration=open_ended");
    apply_override(scenario, " funder.flexibility = 0.25 ");
    apply_override(scenario, "setup.review=true");
    apply_override(scenario, "partners.count=40");
    apply_override(scenario, "setup.evidence=\"partner_led\"");
    apply_override(scenario, "setup.budget_hours=90");
    EXPECT_EQ(scenario.setup.duration, Duration::open_ended);
    EXPECT_DOUBLE_EQ(scenario.funder.flexibility, 0.25);
    EXPECT_TRUE(scenario.setup.review);
    EXPECT_EQ(scenario.partners.count, 40);
    EXPECT_EQ(scenario.setup.evidence, Evidence::partner_led);
    EXPECT_DOUBLE_EQ(scenario.setup.budget_hours, 90.0);
    EXPECT_EQ(scenario.run.months, Scenario{}.run.months);
}

TEST(ScenarioOverride, UnknownKeySuggests) {
    Scenario scenario;
    const auto error = override_error_of(scenario, "setup.budjet=3");
    EXPECT_EQ(error.file(), "--set");
    EXPECT_EQ(error.line(), 0);
    EXPECT_EQ(error.key(), "setup.budjet");
    EXPECT_EQ(error.message(), "unknown key 'setup.budjet'; did you mean 'setup.budget_hours'?");
    EXPECT_STREQ(error.what(),
                 "--set: key 'setup.budjet': unknown key 'setup.budjet'; did you mean "
                 "'setup.budget_hours'?");
    expect_same_parameters(scenario, Scenario{});
}

TEST(ScenarioOverride, MissingEqualsSign) {
    Scenario scenario;
    const auto error = override_error_of(scenario, "setup.duration");
    EXPECT_EQ(error.file(), "--set");
    EXPECT_NE(error.message().find("section.key=value"), std::string::npos) << error.message();
}

TEST(ScenarioOverride, UnreadableValue) {
    Scenario scenario;
    const auto number = override_error_of(scenario, "funder.flexibility=high");
    EXPECT_EQ(number.key(), "funder.flexibility");
    EXPECT_EQ(number.message(), "cannot read 'high' as a number");
    const auto integer = override_error_of(scenario, "partners.count=3.5");
    EXPECT_EQ(integer.key(), "partners.count");
    EXPECT_EQ(integer.message(), "cannot read '3.5' as an integer");
    const auto truth = override_error_of(scenario, "setup.review=yes");
    EXPECT_EQ(truth.message(), "cannot read 'yes' as true or false");
    expect_same_parameters(scenario, Scenario{});
}

TEST(ScenarioOverride, OutOfRangeAndUnknownChoice) {
    Scenario scenario;
    const auto range = override_error_of(scenario, "funder.flexibility=2");
    EXPECT_EQ(range.file(), "--set");
    EXPECT_EQ(range.key(), "funder.flexibility");
    EXPECT_NE(range.message().find("out of range"), std::string::npos) << range.message();
    const auto choice = override_error_of(scenario, "setup.duration=opne_ended");
    EXPECT_EQ(choice.key(), "setup.duration");
    EXPECT_NE(choice.message().find("did you mean \"open_ended\"?"), std::string::npos)
        << choice.message();
    expect_same_parameters(scenario, Scenario{});
}

TEST(ScenarioOverride, ConsistencyIsCheckedOnRequest) {
    // Overrides are checked together, so an order that passes through an inconsistent state
    // is not rejected.
    Scenario scenario;
    apply_override(scenario, "setup.join_month=70");
    apply_override(scenario, "run.months=100");
    apply_override(scenario, "setup.end_month=80");
    EXPECT_NO_THROW(require_consistent(scenario, "--set"));
    apply_override(scenario, "run.months=50");
    try {
        require_consistent(scenario, "--set");
        ADD_FAILURE() << "no ScenarioError";
    } catch (const ScenarioError& error) {
        EXPECT_EQ(error.file(), "--set");
        EXPECT_EQ(error.message(), *check_consistency(scenario));
    }
}

// --- Writing -------------------------------------------------------------------------------------

Scenario unusual_scenario() {
    Scenario scenario;
    scenario.run.months = 120;
    scenario.run.seed = 9'000'000'000'000'000ULL;
    scenario.funder.flexibility = 1.0 / 3.0;  // needs every digit to survive
    scenario.funder.reporting_hours_per_year = 1000.0;
    scenario.partners.count = 321;
    scenario.partners.resources_mean = 0.05;
    scenario.partners.shock_size = 1e-7;
    scenario.facilitator.kind = FacilitatorKind::self_managed;
    scenario.facilitator.external_kind = ExternalKind::consortium;
    scenario.facilitator.hourly_cost = 123456.0 / 100.0;
    scenario.setup.archetype = Archetype::sense_maker;
    scenario.setup.evidence = Evidence::partner_led;
    scenario.setup.review = true;
    scenario.setup.budget_hours = 20000.0;
    scenario.setup.join_month = 7;
    return scenario;
}

TEST(ScenarioToToml, RoundTripGivesBackEveryParameter) {
    const Scenario original = unusual_scenario();
    const std::string text = scenario_to_toml(original);
    const Scenario back = parse_scenario(text, "generated.toml");
    expect_same_parameters(back, original);
    // The scenario really is unusual, so the round trip is not passing on defaults alone.
    EXPECT_FALSE(FacilitatorKind::self_managed == Scenario{}.facilitator.kind);
    EXPECT_FALSE(Scenario{}.setup.review);
}

TEST(ScenarioToToml, DefaultsRoundTrip) {
    expect_same_parameters(parse_scenario(scenario_to_toml(Scenario{}), "generated.toml"),
                           Scenario{});
}

TEST(ScenarioToToml, ListsEveryKeyInRegistryOrderWithItsMeaning) {
    const std::string text = scenario_to_toml(unusual_scenario());
    std::istringstream lines(text);
    std::string line;
    std::string section;
    auto spec = parameter_registry().begin();
    while (std::getline(lines, line)) {
        if (line.empty() || line.front() == '#') continue;
        if (line.front() == '[') {
            section = line.substr(1, line.size() - 2);
            continue;
        }
        ASSERT_NE(spec, parameter_registry().end()) << "extra line: " << line;
        EXPECT_EQ(section, spec->section()) << line;
        EXPECT_EQ(line.rfind(std::string(spec->key()) + " = ", 0), 0u) << line;
        const auto comment = line.find("# ");
        ASSERT_NE(comment, std::string::npos) << line;
        EXPECT_NE(line.find(spec->meaning, comment), std::string::npos) << line;
        if (spec->kind == ParameterKind::real || spec->kind == ParameterKind::integer) {
            EXPECT_NE(line.find(spec->unit, comment), std::string::npos) << line;
        }
        ++spec;
    }
    EXPECT_EQ(spec, parameter_registry().end()) << "missing: " << spec->name;
    EXPECT_NE(text.find("kind = \"self_managed\""), std::string::npos);
    EXPECT_NE(text.find("review = true"), std::string::npos);
    EXPECT_NE(text.find("[0, 1] share"), std::string::npos);
}

// --- Files on disk -------------------------------------------------------------------------------

TEST(LoadScenario, MissingFileIsNamed) {
    const auto path = test::unique_temp_path("partnersim-missing", ".toml");
    try {
        load_scenario(path);
        ADD_FAILURE() << "no ScenarioError";
    } catch (const ScenarioError& error) {
        EXPECT_EQ(error.file(), path.string());
        EXPECT_NE(std::string(error.what()).find(path.string()), std::string::npos);
    }
}

TEST(LoadScenario, ReadsAFileAndLocatesItsErrors) {
    const test::TempFile good("[run]\nmonths = 24\n");
    EXPECT_EQ(load_scenario(good.path()).run.months, 24);

    const test::TempFile bad("[run]\nmonths = 0\n");
    try {
        load_scenario(bad.path());
        ADD_FAILURE() << "no ScenarioError";
    } catch (const ScenarioError& error) {
        EXPECT_EQ(error.file(), bad.path().string());
        EXPECT_EQ(error.line(), 2);
        EXPECT_EQ(error.key(), "run.months");
    }
}

}  // namespace
}  // namespace partnersim
