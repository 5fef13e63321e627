#pragma once
// What the command line shows while a run or comparison works: the progress bar
// (cli/progress_bar.hpp) and what resuming found.

#include <ostream>

#include "app/run_experiment.hpp"
#include "cli/progress_bar.hpp"

namespace partnersim {

class TerminalProgress final : public app::RunObserver {
public:
    TerminalProgress(bool quiet, std::ostream& err) : bar_(ProgressBar::wanted(quiet)), err_(err) {}

    void progress(std::uint64_t done, std::uint64_t total) override { bar_.update(done, total); }
    void finished() override { bar_.finish(); }
    void resumed(const app::ResumeNotice& notice) override;

private:
    ProgressBar bar_;
    std::ostream& err_;
};

}  // namespace partnersim
