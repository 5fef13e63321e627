#pragma once
// The small interface between the engine and output: the engine hands finished runs, in run
// order, to one writer. HDF5 is one implementation (io/); tests use an in-memory one.

#include "engine/run_result.hpp"

namespace partnersim {

class ResultWriter {
public:
    virtual ~ResultWriter() = default;
    // Called from one thread only, in increasing run_index order.
    virtual void write(const RunResult& result) = 0;
    // Make everything written so far durable.
    virtual void flush() = 0;
};

}  // namespace partnersim
