#pragma once
// How a long use case (run, compare) tells its caller how far it has got, without printing:
// the command line draws a bar, a server would send events. Calls come one at a time, in run
// order, from the ensemble's serial write stage (engine/ensemble.cpp), which oneTBB may run on
// any of its worker threads, not only the thread that called the use case: an observer that
// must act on the caller's thread (Python's signal check, say) hands over to it.

#include <cstdint>

namespace partnersim::app {

class ProgressObserver {
public:
    virtual ~ProgressObserver() = default;
    // `done` of `total` runs are finished (counting runs resumed from an earlier attempt).
    virtual void progress(std::uint64_t done, std::uint64_t total) = 0;
    // The runs are over (finished or stopped); nothing more will be reported.
    virtual void finished() {}
};

}  // namespace partnersim::app
