#include "cli/cache_report.hpp"

namespace partnersim {

void print_cache_report(const app::CacheReport& report, bool quiet, std::ostream& err) {
    using Outcome = app::CacheReport::Outcome;
    if (report.outcome == Outcome::unreadable) {
        err << "warning: " << app::unreadable_warning(report) << '\n';
        return;
    }
    if (!quiet) {
        err << (report.outcome == Outcome::saved ? "saved to " : "read from ")
            << report.path.string() << '\n';
    }
}

}  // namespace partnersim
