#pragma once
// What `analyze` and `discover` say on stderr about the analysis file: where the tables were
// saved or read from (unless quiet), or a warning when it could not be read.

#include <ostream>

#include "app/analysis_cache.hpp"

namespace partnersim {

void print_cache_report(const app::CacheReport& report, bool quiet, std::ostream& err);

}  // namespace partnersim
