#include "analysis/interaction.hpp"

#include <stdexcept>

#include "analysis/grouped_means.hpp"
#include "analysis/main_effects.hpp"

namespace partnersim::analysis {
namespace {

struct Crossing {
    FactorLevels a;
    FactorLevels b;
    std::vector<int> cell_of_point;  // a_level * b_levels + b_level
    int a_levels = 0;
    int b_levels = 0;
    int cell(int la, int lb) const { return la * b_levels + lb; }
};

Crossing cross(const ResultsTable& table, const InteractionOptions& options) {
    if (options.parameter_a == options.parameter_b) {
        throw std::invalid_argument("an interaction needs two different parameters");
    }
    Crossing crossing;
    crossing.a =
        factor_levels(table.factors[table.factor_index(options.parameter_a)], options.levels);
    crossing.b =
        factor_levels(table.factors[table.factor_index(options.parameter_b)], options.levels);
    crossing.a_levels = static_cast<int>(crossing.a.labels.size());
    crossing.b_levels = static_cast<int>(crossing.b.labels.size());
    if (crossing.a_levels < 2 || crossing.b_levels < 2) {
        throw std::invalid_argument("both parameters of an interaction need two levels or more");
    }
    for (std::size_t p = 0; p < table.design_points; ++p) {
        crossing.cell_of_point.push_back(
            crossing.cell(crossing.a.level_of_point[p], crossing.b.level_of_point[p]));
    }
    return crossing;
}

// Effect of A (last - first) at each level of B, then its last-minus-first difference.
std::vector<std::vector<double>> contrasts_of(const Crossing& c) {
    const auto cells = static_cast<std::size_t>(c.a_levels) * static_cast<std::size_t>(c.b_levels);
    std::vector<std::vector<double>> contrasts;
    for (int lb = 0; lb < c.b_levels; ++lb) {
        std::vector<double> weights(cells, 0.0);
        weights[static_cast<std::size_t>(c.cell(c.a_levels - 1, lb))] = 1.0;
        weights[static_cast<std::size_t>(c.cell(0, lb))] = -1.0;
        contrasts.push_back(weights);
    }
    std::vector<double> difference(cells, 0.0);
    for (std::size_t i = 0; i < cells; ++i)
        difference[i] = contrasts.back()[i] - contrasts.front()[i];
    contrasts.push_back(difference);
    return contrasts;
}

}  // namespace

Interaction interaction(const ResultsTable& table, const InteractionOptions& options) {
    const Crossing c = cross(table, options);
    Interaction out{
        AnalysisTable("interaction_cells",
                      "Mean of each measure at each pair of levels of two varied parameters",
                      {"measure", "parameter_a", "level_a", "parameter_b", "level_b"},
                      {"mean", "low", "high", "runs"}),
        AnalysisTable("interaction",
                      "Effect of parameter_a (first to last level) at each level of "
                      "parameter_b, and how much it changes between b's first and last levels",
                      {"measure", "parameter_a", "from_a", "to_a", "parameter_b", "at_b"},
                      {"estimate", "low", "high"})};
    const auto contrasts = contrasts_of(c);
    const Eigen::MatrixXd resamples = unit_resamples(table, options.bootstrap);
    for (const std::size_t measure : chosen_measures(table, options.measures)) {
        const GroupedMeans means =
            grouped_means(table, measure, c.cell_of_point, c.a_levels * c.b_levels, contrasts,
                          options.bootstrap, &resamples);
        const std::string& name = table.measures[measure];
        for (int la = 0; la < c.a_levels; ++la) {
            for (int lb = 0; lb < c.b_levels; ++lb) {
                const auto cell = static_cast<std::size_t>(c.cell(la, lb));
                out.cell_means.add_row(
                    {name, options.parameter_a, c.a.labels[static_cast<std::size_t>(la)],
                     options.parameter_b, c.b.labels[static_cast<std::size_t>(lb)]},
                    {means.means[cell].estimate, means.means[cell].low, means.means[cell].high,
                     double(means.runs[cell])});
            }
        }
        for (std::size_t k = 0; k < means.contrasts.size(); ++k) {
            const bool difference = k + 1 == means.contrasts.size();
            const Interval& value = means.contrasts[k];
            out.effects.add_row(
                {name, options.parameter_a, c.a.labels.front(), c.a.labels.back(),
                 options.parameter_b, difference ? interaction_row_label : c.b.labels[k]},
                {value.estimate, value.low, value.high});
        }
    }
    return out;
}

}  // namespace partnersim::analysis
