#pragma once
// A ResultWriter that keeps every run in memory, in the order written, for use cases that need
// all runs of a small replicate set at once (a paired comparison) rather than a file.

#include <cstddef>
#include <vector>

#include "engine/result_writer.hpp"

namespace partnersim {

class CollectingWriter final : public ResultWriter {
public:
    explicit CollectingWriter(std::size_t runs = 0) { results_.reserve(runs); }
    void write(const RunResult& result) override { results_.push_back(result); }
    void flush() override {}
    std::vector<RunResult>& results() { return results_; }

private:
    std::vector<RunResult> results_;
};

}  // namespace partnersim
