#include "model/model_uncertainty.hpp"

#include <algorithm>
#include <cmath>

#include "model/parameters.hpp"
#include "model/random_stream.hpp"

namespace partnersim {
namespace {

double as_number(const ParameterValue& value) {
    if (const auto* real = std::get_if<double>(&value)) return *real;
    return static_cast<double>(std::get<std::int64_t>(value));
}

// One constant's draw, everything it needs read once from the registry.
struct DrawnConstant {
    const ParameterSpec* spec;
    double low;
    double mode;  // the default, clamped into [low, high]
    double high;
};

const std::vector<DrawnConstant>& drawn_constants() {
    static const std::vector<DrawnConstant> constants = [] {
        const Scenario defaults;
        std::vector<DrawnConstant> all;
        for (const ParameterSpec* spec : model_constant_entries()) {
            double low = spec->plausible_min;
            double high = spec->plausible_max;
            if (spec->kind == ParameterKind::integer) {  // only whole numbers may be drawn
                low = std::ceil(low);
                high = std::floor(high);
            }
            const double mode = std::clamp(as_number(spec->get(defaults)), low, high);
            all.push_back({spec, low, mode, high});
        }
        return all;
    }();
    return constants;
}

// The effort shares of one row of the facilitator's split (effort.<row>_<activity>), which the
// effort process reads as shares summing to 1.
constexpr std::array<std::string_view, 5> effort_rows{
    "effort.practice_partner_", "effort.sense_maker_", "effort.network_builder_",
    "effort.navigator_later_", "effort.setup_"};
constexpr std::array<std::string_view, 4> effort_activities{"one_to_one", "convening",
                                                            "sense_making", "relationship"};

// Rescales the drawn shares of each effort row so that the row, held shares included, sums to
// 1; a row whose held shares already reach 1, or with nothing drawn, is left as it is.
void renormalise_effort_rows(Scenario& scenario) {
    for (const std::string_view row : effort_rows) {
        double held = 0.0;
        double drawn = 0.0;
        std::vector<double*> drawn_fields;
        for (const std::string_view activity : effort_activities) {
            const std::string name = std::string(row) + std::string(activity);
            const ParameterSpec* spec = find_parameter(name);
            double* field = spec->constant_field(scenario);
            if (is_held(scenario.uncertainty, name)) {
                held += *field;
            } else {
                drawn += *field;
                drawn_fields.push_back(field);
            }
        }
        if (drawn_fields.empty() || drawn <= 0.0 || held >= 1.0) continue;
        const double scale = (1.0 - held) / drawn;
        for (double* field : drawn_fields) *field *= scale;
    }
}

// Key of the uncertainty draw's stream: unrelated to every run's own stream and sub-streams.
constexpr std::uint64_t model_draw_key = 0x6d6f64656c730001ULL;

}  // namespace

std::span<const ParameterSpec* const> model_constant_entries() {
    static const std::vector<const ParameterSpec*> entries = [] {
        std::vector<const ParameterSpec*> all;
        for (const ParameterSpec& spec : parameter_registry()) {
            if (spec.is_model_constant()) all.push_back(&spec);
        }
        return all;
    }();
    return entries;
}

std::vector<std::string> model_constant_names() {
    std::vector<std::string> names;
    for (const ParameterSpec* spec : model_constant_entries()) names.push_back(spec->name);
    return names;
}

bool is_held(const UncertaintySettings& settings, std::string_view name) {
    return std::binary_search(settings.held.begin(), settings.held.end(), name);
}

void hold(UncertaintySettings& settings, std::string_view name) {
    const auto place = std::lower_bound(settings.held.begin(), settings.held.end(), name);
    if (place == settings.held.end() || *place != name)
        settings.held.insert(place, std::string(name));
}

std::vector<double> model_constant_values(const Scenario& scenario) {
    std::vector<double> values;
    values.reserve(model_constant_entries().size());
    for (const ParameterSpec* spec : model_constant_entries()) {
        values.push_back(as_number(spec->get(scenario)));
    }
    return values;
}

double triangular_quantile(double low, double mode, double high, double u) {
    if (!(high > low)) return low;
    const double width = high - low;
    if (u < (mode - low) / width) return low + std::sqrt(u * width * (mode - low));
    return high - std::sqrt((1.0 - u) * width * (high - mode));
}

void draw_model_constants(Scenario& scenario, std::uint64_t seed) {
    RandomStream stream = RandomStream(seed).substream(model_draw_key);
    for (const DrawnConstant& c : drawn_constants()) {
        const double u = stream.uniform();  // drawn for every constant, held or not
        if (is_held(scenario.uncertainty, c.spec->name)) continue;
        double value = triangular_quantile(c.low, c.mode, c.high, u);
        if (c.spec->kind == ParameterKind::integer) {
            value = std::clamp(std::round(value), c.low, c.high);
        }
        *c.spec->constant_field(scenario) = value;
    }
    renormalise_effort_rows(scenario);
}

}  // namespace partnersim
