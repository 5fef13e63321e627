#include "io/claims_file.hpp"

#include <algorithm>
#include <set>
#include <toml.hpp>

#include "io/scenario_file.hpp"
#include "io/toml_document.hpp"
#include "io/toml_values.hpp"
#include "model/measures.hpp"

namespace partnersim {
namespace {

constexpr std::array<std::string_view, 18> claim_keys{
    "id",        "topic",       "document",  "section", "quote",     "parameters",
    "mechanism", "when",        "baseline",  "variant", "condition", "measure",
    "months",    "change_from", "direction", "bases",   "expected",  "not_represented"};

// Reads one [[claim]] table, with errors located at the offending key.
class ClaimReader {
public:
    ClaimReader(const toml::value& table, std::string file, std::size_t index)
        : table_(table), file_(std::move(file)), key_("claim[" + std::to_string(index) + "]") {}

    [[noreturn]] void fail(const std::string& key, const toml::value* at,
                           const std::string& message) const {
        throw ScenarioError(file_, at ? line_of(*at) : line_of(table_), key_ + "." + key, message);
    }

    const toml::value* find(const std::string& key) const {
        const auto& t = table_.as_table();
        const auto it = t.find(key);
        return it == t.end() ? nullptr : &it->second;
    }

    std::string text(const std::string& key, bool required) const {
        const toml::value* v = find(key);
        if (!v) {
            if (required) fail(key, nullptr, "missing; every claim needs '" + key + "'");
            return {};
        }
        if (!v->is_string()) fail(key, v, "expected a string");
        std::string s = toml::get<std::string>(*v);
        if (required && s.empty()) fail(key, v, "must not be empty");
        return s;
    }

    std::vector<std::string> strings(const std::string& key) const {
        const toml::value* v = find(key);
        if (!v) return {};
        if (!v->is_array()) fail(key, v, "expected a list of strings");
        std::vector<std::string> out;
        for (const auto& element : v->as_array()) {
            if (!element.is_string()) fail(key, &element, "expected a list of strings");
            out.push_back(toml::get<std::string>(element));
        }
        return out;
    }

    std::optional<MonthWindow> window(const std::string& key) const {
        const toml::value* v = find(key);
        if (!v) return std::nullopt;
        if (!v->is_array() || v->as_array().size() != 2 || !v->as_array()[0].is_integer() ||
            !v->as_array()[1].is_integer()) {
            fail(key, v, "expected two months [first, last], e.g. [13, 36]");
        }
        const MonthWindow w{static_cast<int>(v->as_array()[0].as_integer()),
                            static_cast<int>(v->as_array()[1].as_integer())};
        if (w.first < 1 || w.last < w.first) {
            fail(key, v, "months are 1-based and first <= last");
        }
        return w;
    }

    void check_keys() const {
        for (const auto& [key, value] : table_.as_table()) {
            if (std::find(claim_keys.begin(), claim_keys.end(), key) == claim_keys.end()) {
                fail(key, &value, "unknown key '" + key + "' in a claim");
            }
        }
    }

    // Each override is applied to a default scenario, so a typo is reported here, at its line.
    void check_overrides(const std::string& key) const {
        Scenario scratch;
        for (const auto& assignment : strings(key)) {
            try {
                apply_override(scratch, assignment);
            } catch (const ScenarioError& error) {
                fail(key, find(key), "'" + assignment + "': " + error.message());
            }
        }
    }

    Claim read() const {
        Claim claim;
        claim.line = line_of(table_);
        claim.id = text("id", true);
        key_ = "claim '" + claim.id + "'";
        check_keys();
        claim.topic = text("topic", true);
        claim.document = text("document", true);
        const auto& documents = seed_documents();
        if (std::none_of(documents.begin(), documents.end(),
                         [&](const auto& d) { return d.first == claim.document; })) {
            fail("document", find("document"),
                 "unknown seed document '" + claim.document + "' (itad, dha, m2 or brief)");
        }
        claim.section = text("section", true);
        claim.quote = text("quote", true);
        claim.parameters = strings("parameters");
        claim.mechanism = text("mechanism", false);
        claim.when = text("when", false);
        claim_when_ = claim.when;
        claim.not_represented = text("not_represented", false);
        const bool tested = find("measure") != nullptr;
        if (tested == !claim.not_represented.empty()) {
            fail("measure", find("measure"),
                 "a claim has either a test (measure, months, baseline, variant, direction) or "
                 "'not_represented' with the reason, not both or neither");
        }
        if (tested) claim.test = read_test();
        return claim;
    }

private:
    ClaimTest read_test() const {
        ClaimTest test;
        for (const char* key : {"baseline", "variant", "condition"}) check_overrides(key);
        test.baseline = strings("baseline");
        test.variant = strings("variant");
        test.condition = strings("condition");
        if (test.baseline == test.variant) {
            fail("variant", find("variant"), "the variant must differ from the baseline");
        }
        test.measure = text("measure", true);
        const auto& catalogue = measure_catalogue();
        if (std::none_of(catalogue.begin(), catalogue.end(),
                         [&](const MeasureInfo& m) { return m.name == test.measure; })) {
            fail("measure", find("measure"), "unknown measure '" + test.measure + "'");
        }
        const auto months = window("months");
        if (!months) fail("months", nullptr, "missing; e.g. months = [36, 36]");
        test.months = *months;
        test.change_from = window("change_from");
        const std::string direction = text("direction", true);
        if (direction == "increase") {
            test.direction = Direction::increase;
        } else if (direction == "decrease") {
            test.direction = Direction::decrease;
        } else {
            fail("direction", find("direction"), "expected \"increase\" or \"decrease\"");
        }
        test.bases = strings("bases");
        const std::string expected = text("expected", false);
        if (expected == "fails") {
            test.expected_to_hold = false;
        } else if (!expected.empty() && expected != "holds") {
            fail("expected", find("expected"), "expected \"holds\" (the default) or \"fails\"");
        }
        if (!test.expected_to_hold && claim_when_.empty()) {
            fail("expected", find("expected"),
                 "a claim expected to fail says why in 'when' (the mechanism at fault)");
        }
        return test;
    }

    const toml::value& table_;
    std::string file_;
    mutable std::string key_;
    mutable std::string claim_when_;
};

std::vector<NamedBase> read_bases(const toml::value& document, const std::filesystem::path& file) {
    std::vector<NamedBase> bases;
    const auto& top = document.as_table();
    const auto it = top.find("bases");
    if (it == top.end() || !it->second.is_table() || it->second.as_table().empty()) {
        throw ScenarioError(file.string(), 0, "bases",
                            "missing; the ledger names the scenario files its claims are "
                            "tested at, e.g. [bases] default = \"../scenarios/default.toml\"");
    }
    std::vector<std::pair<int, NamedBase>> ordered;
    for (const auto& [name, value] : it->second.as_table()) {
        if (!value.is_string()) {
            throw ScenarioError(file.string(), line_of(value), "bases." + name,
                                "expected the path of a scenario file");
        }
        ordered.push_back(
            {line_of(value), {name, file.parent_path() / toml::get<std::string>(value)}});
    }
    std::sort(ordered.begin(), ordered.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [line, base] : ordered) bases.push_back(std::move(base));
    return bases;
}

}  // namespace

const std::vector<std::pair<std::string_view, std::string_view>>& seed_documents() {
    static const std::vector<std::pair<std::string_view, std::string_view>> documents{
        {"itad",
         "Punton et al. (2025) When, why and how do learning partnerships add value? Itad, in "
         "partnership with Porticus"},
        {"dha", "Reeve, A. How learning partners can help you deliver better work. DHA"},
        {"m2", "Lewis, M. From evaluation to learning partnerships. m2"},
        {"brief", "partnersim model brief: figures and mechanisms from the wider literature"},
    };
    return documents;
}

std::string_view direction_name(Direction direction) {
    return direction == Direction::increase ? "increase" : "decrease";
}

ClaimLedger parse_claim_ledger(std::string_view text, const std::filesystem::path& file) {
    const toml::value document = parse_toml_document(text, file.string());
    for (const auto& [key, value] : document.as_table()) {
        if (key != "bases" && key != "claim") {
            throw ScenarioError(file.string(), line_of(value), key,
                                "unknown section; a ledger has [bases] and [[claim]] tables");
        }
    }
    ClaimLedger ledger;
    ledger.file = file;
    ledger.bases = read_bases(document, file);
    const auto& top = document.as_table();
    const auto claims = top.find("claim");
    if (claims == top.end() || !claims->second.is_array()) {
        throw ScenarioError(file.string(), 0, "claim", "no [[claim]] tables");
    }
    std::set<std::string> ids;
    std::size_t index = 0;
    for (const auto& table : claims->second.as_array()) {
        Claim claim = ClaimReader(table, file.string(), index++).read();
        if (!ids.insert(claim.id).second) {
            throw ScenarioError(file.string(), claim.line, "claim '" + claim.id + "'.id",
                                "the id is used twice");
        }
        if (claim.test) {
            for (const auto& name : claim.test->bases) {
                if (std::none_of(ledger.bases.begin(), ledger.bases.end(),
                                 [&](const NamedBase& b) { return b.name == name; })) {
                    throw ScenarioError(file.string(), claim.line, "claim '" + claim.id + "'.bases",
                                        "unknown base '" + name + "'; [bases] names them");
                }
            }
        }
        ledger.claims.push_back(std::move(claim));
    }
    return ledger;
}

ClaimLedger load_claim_ledger(const std::filesystem::path& path) {
    return parse_claim_ledger(read_scenario_text(path), path);
}

}  // namespace partnersim
