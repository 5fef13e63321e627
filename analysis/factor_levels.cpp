#include "analysis/factor_levels.hpp"

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace partnersim::analysis {
namespace {

// Three significant digits: enough to tell bins apart, short enough to read in a table.
std::string number_label(double value) {
    std::ostringstream text;
    text << std::setprecision(3) << value;
    return text.str();
}

FactorLevels categorical_levels(const DesignFactor& factor) {
    FactorLevels levels;
    levels.labels = factor.categories;
    for (const double code : factor.values) levels.level_of_point.push_back(static_cast<int>(code));
    return levels;
}

FactorLevels distinct_levels(const DesignFactor& factor, const std::vector<double>& distinct) {
    FactorLevels levels;
    for (const double v : distinct) levels.labels.push_back(number_label(v));
    for (const double v : factor.values) {
        const auto at = std::lower_bound(distinct.begin(), distinct.end(), v);
        levels.level_of_point.push_back(static_cast<int>(at - distinct.begin()));
    }
    return levels;
}

// Points ranked by value and cut into `bins` runs of (nearly) equal count; a value tied with
// the last point of a bin stays in that bin, so equal values never straddle two bins.
FactorLevels binned_levels(const DesignFactor& factor, int bins) {
    const std::size_t n = factor.values.size();
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return factor.values[a] < factor.values[b];
    });
    FactorLevels levels;
    levels.binned = true;
    levels.level_of_point.assign(n, 0);
    std::vector<double> low(static_cast<std::size_t>(bins)), high(static_cast<std::size_t>(bins));
    int bin = 0;
    for (std::size_t rank = 0; rank < n; ++rank) {
        const double value = factor.values[order[rank]];
        const int wanted = static_cast<int>(rank * static_cast<std::size_t>(bins) / n);
        const bool tied = rank > 0 && value == factor.values[order[rank - 1]];
        if (wanted > bin && !tied) {
            bin = wanted;
            low[static_cast<std::size_t>(bin)] = value;
        }
        if (rank == 0) low[0] = value;
        high[static_cast<std::size_t>(bin)] = value;
        levels.level_of_point[order[rank]] = bin;
    }
    // Ties can leave bins empty (a value shared by many points fills several bins' worth);
    // the bins that hold points are renumbered 0, 1, ... so no level is empty.
    std::vector<int> renumbered(static_cast<std::size_t>(bins), -1);
    for (const int b : levels.level_of_point) renumbered[static_cast<std::size_t>(b)] = 0;
    int next = 0;
    for (int b = 0; b < bins; ++b) {
        auto& number = renumbered[static_cast<std::size_t>(b)];
        if (number < 0) continue;
        number = next++;
        // Appended piece by piece: g++ 12 gives a false -Wrestrict on "[" + std::string.
        std::string label = "[";
        label += number_label(low[static_cast<std::size_t>(b)]);
        label += ", ";
        label += number_label(high[static_cast<std::size_t>(b)]);
        label += "]";
        levels.labels.push_back(std::move(label));
    }
    for (int& b : levels.level_of_point) b = renumbered[static_cast<std::size_t>(b)];
    return levels;
}

}  // namespace

FactorLevels factor_levels(const DesignFactor& factor, const LevelOptions& options) {
    if (factor.categorical()) return categorical_levels(factor);
    std::vector<double> distinct = factor.values;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    if (static_cast<int>(distinct.size()) <= options.max_distinct) {
        return distinct_levels(factor, distinct);
    }
    return binned_levels(factor, options.bins);
}

}  // namespace partnersim::analysis
