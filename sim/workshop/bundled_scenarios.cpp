#include "workshop/bundled_scenarios.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "workshop/embedded_files.hpp"

namespace partnersim::workshop {
namespace {

// The opening comment's paragraphs (lines starting "#", split at a bare "#"), each as one line.
std::vector<std::string> comment_paragraphs(std::string_view text) {
    std::vector<std::string> paragraphs(1);
    std::istringstream lines{std::string(text)};
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line[0] != '#') break;
        const auto start = line.find_first_not_of("# ");
        if (start == std::string::npos) {
            if (!paragraphs.back().empty()) paragraphs.emplace_back();
            continue;
        }
        if (!paragraphs.back().empty()) paragraphs.back() += ' ';
        paragraphs.back() += line.substr(start);
    }
    if (paragraphs.back().empty()) paragraphs.pop_back();
    return paragraphs;
}

// "Archetype 4: Programme navigator — ..." -> "Archetype 4: Programme navigator"; a case
// study's name stops before its source in brackets.
std::string name_of(const std::string& first) {
    std::size_t end = first.size();
    for (const std::string_view stop : {" \xE2\x80\x94 ", " (", ": a "}) {
        end = std::min(end, first.find(stop));
    }
    std::string name = first.substr(0, end);
    if (!name.empty() && name.back() == '.') name.pop_back();
    return name;
}

int order_of(std::string_view id) {
    if (id == "default") return 0;
    return id.starts_with("archetypes/") ? 1 : 2;
}

}  // namespace

BundledScenario describe_scenario(std::string id, std::string_view text) {
    const std::vector<std::string> paragraphs = comment_paragraphs(text);
    BundledScenario scenario{std::move(id), "", "", text};
    if (paragraphs.empty()) {
        scenario.name = scenario.id;
        return scenario;
    }
    scenario.name = name_of(paragraphs[0]);
    // The first paragraph says what it is; a short one is followed by the next (a case study's
    // "From the study: ..."), so the purpose says what the set-up is about.
    scenario.purpose = paragraphs[0];
    // "partnersim default scenario: a programme navigator ..." says its name once.
    if (scenario.purpose.starts_with(scenario.name + ": ")) {
        scenario.purpose.erase(0, scenario.name.size() + 2);
        scenario.purpose[0] = static_cast<char>(std::toupper(scenario.purpose[0]));
    }
    if (scenario.purpose.size() < 160 && paragraphs.size() > 1) {
        scenario.purpose += ' ' + paragraphs[1];
    }
    return scenario;
}

const std::vector<BundledScenario>& bundled_scenarios() {
    static const std::vector<BundledScenario> all = [] {
        std::vector<BundledScenario> found;
        for (const EmbeddedFile& file : scenario_files()) {
            std::string id(file.path);
            if (id.ends_with(".toml")) id.resize(id.size() - 5);
            found.push_back(describe_scenario(id, file.bytes));
        }
        std::ranges::stable_sort(found, [](const BundledScenario& a, const BundledScenario& b) {
            return std::pair(order_of(a.id), a.id) < std::pair(order_of(b.id), b.id);
        });
        return found;
    }();
    return all;
}

const BundledScenario* find_scenario(std::string_view id) {
    const auto& all = bundled_scenarios();
    const auto found = std::ranges::find(all, id, &BundledScenario::id);
    return found == all.end() ? nullptr : &*found;
}

}  // namespace partnersim::workshop
