#include "cli/option_checks.hpp"

namespace partnersim {

std::string worded(const CLI::ParseError& error) {
    std::string text = error.what();
    if (dynamic_cast<const CLI::ValidationError*>(&error) == nullptr) return text;
    const auto colon = text.find(": must be ");
    if (colon != std::string::npos) text.erase(colon, 1);
    return text;
}

}  // namespace partnersim
