#include "analysis/sobol_indices.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace partnersim::analysis {
namespace {

// The names experiment_design.hpp's saltelli_role_name gives, so messages match the CLI's.
std::string role_name(int role, std::size_t factors) {
    if (role == 0) return "A";
    if (role == static_cast<int>(factors) + 1) return "B";
    return "AB" + std::to_string(role);
}

std::string sample_message(std::uint64_t sample, int role, std::size_t factors,
                           const std::string& problem) {
    return "saltelli_outputs: sample " + std::to_string(sample) + " " + problem + " " +
           role_name(role, factors) + " row";
}

void check_lengths(std::size_t y, std::size_t role, std::size_t sample_index, std::size_t factors) {
    if (y != role || y != sample_index)
        throw std::invalid_argument(
            "saltelli_outputs: y, role and sample_index differ in length (" + std::to_string(y) +
            ", " + std::to_string(role) + ", " + std::to_string(sample_index) + ")");
    if (factors == 0) throw std::invalid_argument("saltelli_outputs: no factors");
}

void check_role(int role, std::size_t row, std::size_t factors) {
    if (role < 0 || role > static_cast<int>(factors) + 1)
        throw std::invalid_argument(
            "saltelli_outputs: row " + std::to_string(row) + " has role " + std::to_string(role) +
            ", outside 0.." + std::to_string(factors + 1) + " for k = " + std::to_string(factors));
}

std::vector<std::uint64_t> distinct_samples(std::span<const std::uint64_t> sample_index) {
    std::vector<std::uint64_t> samples(sample_index.begin(), sample_index.end());
    std::sort(samples.begin(), samples.end());
    samples.erase(std::unique(samples.begin(), samples.end()), samples.end());
    return samples;
}

// Where the output of role `role` of base sample `row` goes.
double& slot(SaltelliOutputs& outputs, std::size_t row, int role, std::size_t factors) {
    if (role == 0) return outputs.a(static_cast<Eigen::Index>(row));
    if (role == static_cast<int>(factors) + 1) return outputs.b(static_cast<Eigen::Index>(row));
    return outputs.ab(static_cast<Eigen::Index>(row), role - 1);
}

// Whether f(A_j) and f(B_j) are all equal over `units`: then V is 0 exactly. Tested directly
// because a computed variance of equal values can come out as 1e-33 instead of 0.
bool constant_output(const SaltelliOutputs& outputs, std::span<const std::size_t> units) {
    const double first = outputs.a(static_cast<Eigen::Index>(units[0]));
    return std::all_of(units.begin(), units.end(), [&](std::size_t j) {
        const auto row = static_cast<Eigen::Index>(j);
        return outputs.a(row) == first && outputs.b(row) == first;
    });
}

// Population variance (divisor 2n) of f(A_j) and f(B_j) over `units`.
double pooled_variance(const SaltelliOutputs& outputs, std::span<const std::size_t> units) {
    double sum = 0.0;
    for (const auto j : units)
        sum += outputs.a(static_cast<Eigen::Index>(j)) + outputs.b(static_cast<Eigen::Index>(j));
    const double count = 2.0 * static_cast<double>(units.size());
    const double mean = sum / count;
    double squares = 0.0;
    for (const auto j : units) {
        const double da = outputs.a(static_cast<Eigen::Index>(j)) - mean;
        const double db = outputs.b(static_cast<Eigen::Index>(j)) - mean;
        squares += da * da + db * db;
    }
    return squares / count;
}

// S1 of factor `factor` times V, over `units`.
double first_order_numerator(const SaltelliOutputs& outputs, std::span<const std::size_t> units,
                             Eigen::Index factor) {
    double sum = 0.0;
    for (const auto j : units) {
        const auto row = static_cast<Eigen::Index>(j);
        sum += outputs.b(row) * (outputs.ab(row, factor) - outputs.a(row));
    }
    return sum / static_cast<double>(units.size());
}

// ST of factor `factor` times V, over `units` (Jansen).
double total_numerator(const SaltelliOutputs& outputs, std::span<const std::size_t> units,
                       Eigen::Index factor) {
    double sum = 0.0;
    for (const auto j : units) {
        const auto row = static_cast<Eigen::Index>(j);
        const double difference = outputs.a(row) - outputs.ab(row, factor);
        sum += difference * difference;
    }
    return 0.5 * sum / static_cast<double>(units.size());
}

// out[i] = S1_i and out[k + i] = ST_i over the base samples `units`.
void sobol_statistics(const SaltelliOutputs& outputs, std::span<const std::size_t> units,
                      std::span<double> out) {
    const auto factors = static_cast<std::size_t>(outputs.ab.cols());
    if (constant_output(outputs, units)) {
        std::fill(out.begin(), out.end(), std::numeric_limits<double>::quiet_NaN());
        return;
    }
    const double variance = pooled_variance(outputs, units);
    for (std::size_t i = 0; i < factors; ++i) {
        const auto factor = static_cast<Eigen::Index>(i);
        out[i] = first_order_numerator(outputs, units, factor) / variance;
        out[factors + i] = total_numerator(outputs, units, factor) / variance;
    }
}

SaltelliOutputs centred(const SaltelliOutputs& outputs) {
    const auto n = static_cast<double>(outputs.a.size());
    const double mean = (outputs.a.sum() + outputs.b.sum() + outputs.ab.sum()) /
                        (n * static_cast<double>(outputs.ab.cols() + 2));
    return {outputs.a.array() - mean, outputs.b.array() - mean, outputs.ab.array() - mean};
}

void check_shapes(const SaltelliOutputs& outputs) {
    if (outputs.a.size() == 0) throw std::invalid_argument("sobol_indices: no base samples");
    if (outputs.b.size() != outputs.a.size() || outputs.ab.rows() != outputs.a.size())
        throw std::invalid_argument("sobol_indices: a, b and ab differ in rows (" +
                                    std::to_string(outputs.a.size()) + ", " +
                                    std::to_string(outputs.b.size()) + ", " +
                                    std::to_string(outputs.ab.rows()) + ")");
    if (outputs.ab.cols() == 0) throw std::invalid_argument("sobol_indices: no factors");
}

}  // namespace

SaltelliOutputs saltelli_outputs(std::span<const double> y, std::span<const int> role,
                                 std::span<const std::uint64_t> sample_index, std::size_t factors) {
    check_lengths(y.size(), role.size(), sample_index.size(), factors);
    const std::vector<std::uint64_t> samples = distinct_samples(sample_index);
    const auto n = static_cast<Eigen::Index>(samples.size());
    const auto k = static_cast<Eigen::Index>(factors);
    SaltelliOutputs outputs{Eigen::VectorXd(n), Eigen::VectorXd(n), Eigen::MatrixXd(n, k)};
    // seen[row * (k + 2) + role]: whether that sample's role has been filled.
    std::vector<bool> seen(samples.size() * (factors + 2), false);
    for (std::size_t r = 0; r < y.size(); ++r) {
        check_role(role[r], r, factors);
        const auto row = static_cast<std::size_t>(
            std::lower_bound(samples.begin(), samples.end(), sample_index[r]) - samples.begin());
        const std::size_t cell = row * (factors + 2) + static_cast<std::size_t>(role[r]);
        if (seen[cell])
            throw std::invalid_argument(
                sample_message(sample_index[r], role[r], factors, "has a second"));
        seen[cell] = true;
        slot(outputs, row, role[r], factors) = y[r];
    }
    for (std::size_t cell = 0; cell < seen.size(); ++cell)
        if (!seen[cell])
            throw std::invalid_argument(sample_message(samples[cell / (factors + 2)],
                                                       static_cast<int>(cell % (factors + 2)),
                                                       factors, "has no"));
    return outputs;
}

SobolIndices sobol_indices(const SaltelliOutputs& outputs, const BootstrapOptions& options) {
    check_shapes(outputs);
    const SaltelliOutputs centred_outputs = centred(outputs);
    const auto factors = static_cast<std::size_t>(outputs.ab.cols());
    const auto base_samples = static_cast<std::size_t>(outputs.a.size());
    const std::vector<Interval> intervals = bootstrap_intervals(
        base_samples, 2 * factors,
        [&](std::span<const std::size_t> units, std::span<double> out) {
            sobol_statistics(centred_outputs, units, out);
        },
        options);

    SobolIndices indices;
    indices.first_order.assign(intervals.begin(),
                               intervals.begin() + static_cast<std::ptrdiff_t>(factors));
    indices.total.assign(intervals.begin() + static_cast<std::ptrdiff_t>(factors), intervals.end());
    std::vector<std::size_t> all(base_samples);
    std::iota(all.begin(), all.end(), std::size_t{0});
    indices.variance =
        constant_output(centred_outputs, all) ? 0.0 : pooled_variance(centred_outputs, all);
    indices.base_samples = base_samples;
    return indices;
}

}  // namespace partnersim::analysis
