#include "analysis/scenario_discovery.hpp"

#include <algorithm>
#include <stdexcept>

#include "analysis/success_condition.hpp"

namespace partnersim::analysis {
namespace {

std::vector<std::size_t> chosen_factors(const ResultsTable& table,
                                        const std::vector<std::string>& names) {
    std::vector<std::size_t> factors;
    if (names.empty()) {
        for (std::size_t f = 0; f < table.factors.size(); ++f) factors.push_back(f);
    }
    for (const auto& name : names) factors.push_back(table.factor_index(name));
    return factors;
}

PrimInputs inputs_of(const ResultsTable& table, const std::vector<std::size_t>& factors,
                     std::vector<bool> success) {
    PrimInputs inputs;
    inputs.x.resize(static_cast<Eigen::Index>(table.runs()),
                    static_cast<Eigen::Index>(factors.size()));
    for (std::size_t d = 0; d < factors.size(); ++d) {
        const DesignFactor& factor = table.factors[factors[d]];
        inputs.names.push_back(factor.name);
        inputs.categories.push_back(factor.categories);
        for (std::size_t r = 0; r < table.runs(); ++r) {
            inputs.x(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(d)) =
                factor.values[table.design_point[r]];
        }
    }
    inputs.success = std::move(success);
    return inputs;
}

std::string joined_categories(const BoxLimit& limit, const std::vector<std::string>& labels) {
    std::string text;
    for (const int code : limit.categories) {
        if (!text.empty()) text += ",";
        text += labels[static_cast<std::size_t>(code)];
    }
    return text;
}

std::vector<AnalysisTable> tables_of(const Discovery& found, const std::string& condition) {
    AnalysisTable boxes("prim_boxes",
                        "Boxes of set-up choices where the success condition is likely (PRIM): "
                        "coverage = share of all successful runs inside, density = share of the "
                        "runs inside that succeed, mass = share of all runs inside",
                        {"condition", "description"},
                        {"box", "coverage", "density", "mass", "cases", "successes",
                         "meets_threshold"});
    AnalysisTable limits("prim_limits",
                         "The limits of each box on the parameters it restricts, with the "
                         "parameter's whole range over the design",
                         {"parameter", "categories"},
                         {"box", "low", "high", "range_low", "range_high"});
    AnalysisTable trajectory("prim_trajectory",
                             "Each box's peeling and pasting trajectory; chosen = 1 marks the "
                             "box reported",
                             {}, {"box", "step", "coverage", "density", "mass",
                                  "restricted_dimensions", "chosen"});
    AnalysisTable success("prim_success", "Whether each run met the success condition", {},
                          {"run", "success"});
    const PrimInputs& in = found.inputs;
    for (std::size_t b = 0; b < found.boxes.size(); ++b) {
        const PrimBox& box = found.boxes[b];
        const double number = double(b + 1);
        boxes.add_row({condition, describe_box(box, in)},
                      {number, box.coverage, box.density, box.mass, double(box.cases),
                       double(box.successes), box.meets_threshold ? 1.0 : 0.0});
        for (const BoxLimit& limit : box.limits) {
            const auto column = in.x.col(static_cast<Eigen::Index>(limit.dimension));
            const bool categorical = !in.categories[limit.dimension].empty();
            limits.add_row({in.names[limit.dimension],
                            categorical ? joined_categories(limit, in.categories[limit.dimension])
                                        : ""},
                           {number, limit.low, limit.high, column.minCoeff(), column.maxCoeff()});
        }
        for (std::size_t s = 0; s < box.trajectory.size(); ++s) {
            const TrajectoryPoint& t = box.trajectory[s];
            trajectory.add_row({}, {number, double(s), t.coverage, t.density, t.mass,
                                    double(t.restricted_dimensions), s == box.chosen ? 1.0 : 0.0});
        }
    }
    for (std::size_t r = 0; r < in.success.size(); ++r)
        success.add_row({}, {double(r), in.success[r] ? 1.0 : 0.0});
    return {boxes, limits, trajectory, success};
}

}  // namespace

Discovery discover(const ResultsTable& table, const DiscoveryOptions& options) {
    if (table.factors.empty()) {
        throw std::invalid_argument(table.file.string() +
                                    " holds a single scenario; discovery needs a sweep");
    }
    const SuccessCondition condition(options.condition, table.measures);
    Discovery found;
    found.inputs = inputs_of(table, chosen_factors(table, options.parameters),
                             condition.evaluate(table.outcomes));
    found.successes = static_cast<std::size_t>(
        std::count(found.inputs.success.begin(), found.inputs.success.end(), true));
    found.boxes = prim(found.inputs, options.prim);
    found.tables = tables_of(found, options.condition);
    return found;
}

}  // namespace partnersim::analysis
