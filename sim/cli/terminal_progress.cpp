#include "cli/terminal_progress.hpp"

namespace partnersim {

void TerminalProgress::resumed(const app::ResumeNotice& notice) {
    using Start = app::ResumeNotice::Start;
    switch (notice.start) {
        case Start::resumed:
            bar_.count_from(notice.completed);
            err_ << "resuming: " << notice.completed << " of " << notice.total
                 << " runs were already done\n";
            break;
        case Start::no_partial_file:
            err_ << "resuming: no unfinished run at " << notice.partial.string()
                 << "; starting from the beginning\n";
            break;
        case Start::unreadable_partial_file:
            err_ << "resuming: " << notice.partial.string() << " held no complete run ("
                 << notice.reason << "); starting again\n";
            break;
    }
}

}  // namespace partnersim
