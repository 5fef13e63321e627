#include "analysis/scenario_discovery.hpp"

#include <algorithm>
#include <stdexcept>

#include <boost/math/distributions/binomial.hpp>

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

bool inside(const PrimInputs& in, std::size_t row, const BoxLimit& limit) {
    const double value =
        in.x(static_cast<Eigen::Index>(row), static_cast<Eigen::Index>(limit.dimension));
    if (in.categories[limit.dimension].empty()) return value >= limit.low && value <= limit.high;
    return std::find(limit.categories.begin(), limit.categories.end(), static_cast<int>(value)) !=
           limit.categories.end();
}

// EMA Workbench's quasi-p-value of each limit: if the limit were lifted, the box would hold n'
// cases with density p'; how likely is it to find the box's successes (or more) among its n
// cases by drawing from that wider box? A one-sided binomial tail. A large value says the
// limit adds little beyond chance. `remaining` marks the cases left for this box (earlier
// boxes' cases removed, as covering does).
std::vector<double> quasi_p_values(const PrimInputs& in, const PrimBox& box,
                                   const std::vector<bool>& remaining) {
    std::vector<double> values;
    for (std::size_t lifted = 0; lifted < box.limits.size(); ++lifted) {
        double cases = 0, successes = 0;
        for (std::size_t row = 0; row < remaining.size(); ++row) {
            if (!remaining[row]) continue;
            bool in_box = true;
            for (std::size_t l = 0; l < box.limits.size() && in_box; ++l)
                if (l != lifted) in_box = inside(in, row, box.limits[l]);
            if (!in_box) continue;
            cases += 1;
            successes += in.success[row] ? 1 : 0;
        }
        const double p = cases > 0 ? successes / cases : 0.0;
        // No success in the box, or a share of 0 or 1 outside it: nothing to test, p = 1.
        if (box.successes == 0 || p <= 0.0 || p >= 1.0) {
            values.push_back(1.0);
        } else {
            const boost::math::binomial_distribution<double> wider(double(box.cases), p);
            values.push_back(
                boost::math::cdf(boost::math::complement(wider, double(box.successes) - 1.0)));
        }
    }
    return values;
}

std::vector<AnalysisTable> tables_of(const Discovery& found, const std::string& condition) {
    AnalysisTable boxes(
        "prim_boxes",
        "Boxes of set-up choices where the success condition is likely (PRIM): "
        "coverage = share of all successful runs inside, density = share of the "
        "runs inside that succeed, mass = share of all runs inside",
        {"condition", "description"},
        {"box", "coverage", "density", "mass", "cases", "successes", "meets_threshold"});
    AnalysisTable limits("prim_limits",
                         "The limits of each box on the parameters it restricts, with the "
                         "parameter's whole range over the design",
                         {"parameter", "categories"},
                         {"box", "low", "high", "range_low", "range_high", "quasi_p"});
    AnalysisTable trajectory(
        "prim_trajectory",
        "Each box's peeling and pasting trajectory; chosen = 1 marks the "
        "box reported",
        {}, {"box", "step", "coverage", "density", "mass", "restricted_dimensions", "chosen"});
    AnalysisTable success("prim_success", "Whether each run met the success condition", {},
                          {"run", "success"});
    const PrimInputs& in = found.inputs;
    std::vector<bool> remaining(in.success.size(), true);
    for (std::size_t b = 0; b < found.boxes.size(); ++b) {
        const PrimBox& box = found.boxes[b];
        const std::vector<double> quasi_p = quasi_p_values(in, box, remaining);
        const double number = double(b + 1);
        boxes.add_row({condition, describe_box(box, in)},
                      {number, box.coverage, box.density, box.mass, double(box.cases),
                       double(box.successes), box.meets_threshold ? 1.0 : 0.0});
        for (std::size_t l = 0; l < box.limits.size(); ++l) {
            const BoxLimit& limit = box.limits[l];
            const auto column = in.x.col(static_cast<Eigen::Index>(limit.dimension));
            const bool categorical = !in.categories[limit.dimension].empty();
            limits.add_row(
                {in.names[limit.dimension],
                 categorical ? joined_categories(limit, in.categories[limit.dimension]) : ""},
                {number, limit.low, limit.high, column.minCoeff(), column.maxCoeff(), quasi_p[l]});
        }
        // Covering: the next box is sought among the cases this one leaves.
        for (std::size_t row = 0; row < remaining.size(); ++row) {
            if (!remaining[row]) continue;
            bool in_box = true;
            for (const BoxLimit& limit : box.limits) in_box = in_box && inside(in, row, limit);
            if (in_box) remaining[row] = false;
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
