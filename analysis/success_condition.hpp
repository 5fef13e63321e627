#pragma once
// What counts as success for scenario discovery, written by the user over the measures:
//   "trust_partner_facilitator > 0.6 and portfolio_impact > 0"
//   "(candour >= 0.5 or capacity > 0.7) and not tokenism > 0.3"
// Comparisons (<, <=, >, >=, ==, !=) between a measure and a number (either side), joined by
// and / or / not (also &&, ||, !) with parentheses; `and` binds tighter than `or`. Measures are
// the results file's measure names. A mistake is reported with its position and, for an
// unknown name, the nearest measure.

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Dense>

namespace partnersim::analysis {

class ConditionError : public std::invalid_argument {
public:
    ConditionError(const std::string& condition, std::size_t position, const std::string& problem);
    std::size_t position() const { return position_; }

private:
    std::size_t position_;
};

class SuccessCondition {
public:
    // Parses `text` against the measure names (columns of the outcomes it will be applied to).
    // Throws ConditionError.
    SuccessCondition(std::string_view text, const std::vector<std::string>& measures);
    ~SuccessCondition();
    SuccessCondition(SuccessCondition&&) noexcept;
    SuccessCondition& operator=(SuccessCondition&&) noexcept;

    // Whether one run (a row of outcomes, one value per measure) succeeds.
    bool holds(const Eigen::Ref<const Eigen::RowVectorXd>& outcomes) const;
    // Per run (row) of a runs x measures matrix.
    std::vector<bool> evaluate(const Eigen::MatrixXd& outcomes) const;
    const std::string& text() const { return text_; }

    struct Node;

private:
    std::string text_;
    std::unique_ptr<Node> root_;
};

}  // namespace partnersim::analysis
