#include "analysis/success_condition.hpp"

#include <cctype>
#include <charconv>
#include <cstdlib>

#include "model/edit_distance.hpp"

namespace partnersim::analysis {

ConditionError::ConditionError(const std::string& condition, std::size_t position,
                               const std::string& problem)
    : std::invalid_argument("in the success condition, " + problem + ":\n  " + condition + "\n  " +
                            std::string(position, ' ') + "^"),
      position_(position) {}

// The parsed condition as a small tree: comparisons at the leaves, logic above them.
struct SuccessCondition::Node {
    enum class Kind { compare, both, either, negate } kind = Kind::compare;
    // compare: left op right, each side a measure column (>= 0) or a constant.
    int left_measure = -1, right_measure = -1;
    double left_value = 0, right_value = 0;
    std::string op;
    std::unique_ptr<Node> first, second;

    bool holds(const Eigen::Ref<const Eigen::RowVectorXd>& row) const {
        switch (kind) {
            case Kind::both:
                return first->holds(row) && second->holds(row);
            case Kind::either:
                return first->holds(row) || second->holds(row);
            case Kind::negate:
                return !first->holds(row);
            case Kind::compare:
                break;
        }
        const double a = left_measure >= 0 ? row(left_measure) : left_value;
        const double b = right_measure >= 0 ? row(right_measure) : right_value;
        if (op == "<") return a < b;
        if (op == "<=") return a <= b;
        if (op == ">") return a > b;
        if (op == ">=") return a >= b;
        if (op == "==") return a == b;
        return a != b;
    }
};

namespace {

using Node = SuccessCondition::Node;

// Bounds that keep the recursive parser and the tree's recursion (holds, destruction) shallow
// on any input: a real condition is a line of a few clauses.
constexpr std::size_t max_condition_length = 4096;
constexpr int max_condition_depth = 64;  // nested '(' and 'not'

struct Token {
    enum class Kind { name, number, op, open, close, both, either, negate, end } kind;
    std::string text;
    double number = 0;
    std::size_t position = 0;
};

bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}

class Lexer {
public:
    explicit Lexer(const std::string& text) : text_(text) {}

    std::vector<Token> tokens() {
        std::vector<Token> out;
        while (true) {
            while (at_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[at_])))
                ++at_;
            if (at_ >= text_.size()) break;
            out.push_back(next());
        }
        out.push_back({Token::Kind::end, "", 0, text_.size()});
        return out;
    }

private:
    Token next() {
        const std::size_t start = at_;
        const char c = text_[at_];
        if (c == '(' || c == ')') {
            ++at_;
            return {c == '(' ? Token::Kind::open : Token::Kind::close, std::string(1, c), 0, start};
        }
        for (const char* two : {"<=", ">=", "==", "!=", "&&", "||"}) {
            if (text_.compare(at_, 2, two) == 0) {
                at_ += 2;
                const std::string s(two);
                if (s == "&&") return {Token::Kind::both, s, 0, start};
                if (s == "||") return {Token::Kind::either, s, 0, start};
                return {Token::Kind::op, s, 0, start};
            }
        }
        if (c == '<' || c == '>') return {Token::Kind::op, std::string(1, text_[at_++]), 0, start};
        if (c == '!') return {Token::Kind::negate, std::string(1, text_[at_++]), 0, start};
        if (c == '=') throw ConditionError(text_, start, "use == to compare for equality");
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.')
            return number(start);
        if (is_name_char(c)) return word(start);
        throw ConditionError(text_, start, std::string("unexpected character '") + c + "'");
    }

    Token number(std::size_t start) {
        const char* begin = text_.c_str() + start;
        char* end = nullptr;
        const double value = std::strtod(begin, &end);
        if (end == begin) throw ConditionError(text_, start, "expected a number");
        at_ = start + static_cast<std::size_t>(end - begin);
        return {Token::Kind::number, text_.substr(start, at_ - start), value, start};
    }

    Token word(std::size_t start) {
        while (at_ < text_.size() && is_name_char(text_[at_])) ++at_;
        const std::string w = text_.substr(start, at_ - start);
        if (w == "and") return {Token::Kind::both, w, 0, start};
        if (w == "or") return {Token::Kind::either, w, 0, start};
        if (w == "not") return {Token::Kind::negate, w, 0, start};
        return {Token::Kind::name, w, 0, start};
    }

    const std::string& text_;
    std::size_t at_ = 0;
};

// Recursive descent: or-expression > and-expression > not > comparison | ( or-expression ).
class Parser {
public:
    Parser(const std::string& text, const std::vector<std::string>& measures)
        : text_(text), measures_(measures), tokens_(Lexer(text).tokens()) {}

    std::unique_ptr<Node> parse() {
        auto root = either();
        if (peek().kind != Token::Kind::end) fail(peek(), "expected 'and', 'or' or the end");
        return root;
    }

private:
    const Token& peek() const { return tokens_[at_]; }
    const Token& take() { return tokens_[at_++]; }
    [[noreturn]] void fail(const Token& token, const std::string& problem) const {
        throw ConditionError(text_, token.position, problem);
    }

    std::unique_ptr<Node> joined(Node::Kind kind, std::unique_ptr<Node> a,
                                 std::unique_ptr<Node> b) {
        auto node = std::make_unique<Node>();
        node->kind = kind;
        node->first = std::move(a);
        node->second = std::move(b);
        return node;
    }

    std::unique_ptr<Node> either() {
        auto node = both();
        while (peek().kind == Token::Kind::either) {
            take();
            node = joined(Node::Kind::either, std::move(node), both());
        }
        return node;
    }

    std::unique_ptr<Node> both() {
        auto node = negation();
        while (peek().kind == Token::Kind::both) {
            take();
            node = joined(Node::Kind::both, std::move(node), negation());
        }
        return node;
    }

    std::unique_ptr<Node> negation() {
        const bool nests = peek().kind == Token::Kind::negate || peek().kind == Token::Kind::open;
        if (nests && depth_ == max_condition_depth) {
            fail(peek(), "nested more than " + std::to_string(max_condition_depth) + " deep");
        }
        depth_ += nests ? 1 : 0;
        auto node = nested_or_comparison();
        depth_ -= nests ? 1 : 0;
        return node;
    }

    std::unique_ptr<Node> nested_or_comparison() {
        if (peek().kind == Token::Kind::negate) {
            take();
            auto node = std::make_unique<Node>();
            node->kind = Node::Kind::negate;
            node->first = negation();
            return node;
        }
        if (peek().kind == Token::Kind::open) {
            take();
            auto inner = either();
            if (peek().kind != Token::Kind::close) fail(peek(), "expected ')'");
            take();
            return inner;
        }
        return comparison();
    }

    // A measure column, or -1 with `value` set for a number.
    int operand(double& value) {
        const Token& token = take();
        if (token.kind == Token::Kind::number) {
            value = token.number;
            return -1;
        }
        if (token.kind != Token::Kind::name) fail(token, "expected a measure name or a number");
        for (std::size_t m = 0; m < measures_.size(); ++m)
            if (measures_[m] == token.text) return static_cast<int>(m);
        std::string message = "unknown measure '" + token.text + "'";
        if (const auto nearest =
                closest_name(token.text, measures_, suggestion_limit(token.text))) {
            message += "; did you mean '" + std::string(*nearest) + "'?";
        }
        fail(token, message);
    }

    std::unique_ptr<Node> comparison() {
        auto node = std::make_unique<Node>();
        node->left_measure = operand(node->left_value);
        if (peek().kind != Token::Kind::op)
            fail(peek(), "expected a comparison (<, <=, >, >=, ==, !=)");
        node->op = take().text;
        const std::size_t right_at = peek().position;
        node->right_measure = operand(node->right_value);
        if (node->left_measure < 0 && node->right_measure < 0) {
            throw ConditionError(text_, right_at, "a comparison needs a measure on one side");
        }
        return node;
    }

    const std::string& text_;
    const std::vector<std::string>& measures_;
    std::vector<Token> tokens_;
    std::size_t at_ = 0;
    int depth_ = 0;
};

}  // namespace

SuccessCondition::SuccessCondition(std::string_view text, const std::vector<std::string>& measures)
    : text_(text) {
    if (text_.find_first_not_of(" \t") == std::string::npos) {
        throw ConditionError(text_, 0, "the condition is empty");
    }
    if (text_.size() > max_condition_length) {
        throw ConditionError(text_.substr(0, 40), 40,
                             "the condition has " + std::to_string(text_.size()) +
                                 " characters; at most " + std::to_string(max_condition_length) +
                                 " are read");
    }
    root_ = Parser(text_, measures).parse();
}

SuccessCondition::~SuccessCondition() = default;
SuccessCondition::SuccessCondition(SuccessCondition&&) noexcept = default;
SuccessCondition& SuccessCondition::operator=(SuccessCondition&&) noexcept = default;

bool SuccessCondition::holds(const Eigen::Ref<const Eigen::RowVectorXd>& outcomes) const {
    return root_->holds(outcomes);
}

std::vector<bool> SuccessCondition::evaluate(const Eigen::MatrixXd& outcomes) const {
    std::vector<bool> result(static_cast<std::size_t>(outcomes.rows()));
    for (Eigen::Index r = 0; r < outcomes.rows(); ++r)
        result[static_cast<std::size_t>(r)] = root_->holds(outcomes.row(r));
    return result;
}

}  // namespace partnersim::analysis
