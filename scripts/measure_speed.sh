#!/bin/sh
# The speed limit of issue 10 (the default run at most 1.5x slower than before it, 6b2991c),
# measured as docs/validation.md "Speed" describes:
#   1. the model library of 6b2991c (git archive) and of the working tree, each compiled alone
#      (-O3 -DNDEBUG, the same compiler), with a driver that makes default runs exactly as
#      BM_DefaultRun does (run_partnership(Scenario{}, make_run_id(seed, 0, r, 2^30)));
#   2. the instructions of 100 such runs under callgrind, and their ratio (repeatable on a
#      loaded machine);
#   3. a hash of every final value and every monthly value of 300 default runs (the same
#      before and after a change that must not change results);
#   4. BM_DefaultRun of each tree's bench/model_bench.cpp, alternated ROUNDS times (3) in one
#      session, median CPU time per run.
# Usage: scripts/measure_speed.sh [BASE] (BASE = 6b2991c). WORK (a scratch folder, default a
# new one under /tmp) and CXX may be set. Needs valgrind, Google Benchmark, Eigen and Boost.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
base=${1:-6b2991c}
work=${WORK:-$(mktemp -d)}
cxx=${CXX:-c++}
rounds=${ROUNDS:-3}
flags="-O3 -DNDEBUG -std=c++20 -I/usr/include/eigen3"

cat > "$work/driver.cpp" <<'EOF'
// N default runs as BM_DefaultRun makes them; with "hash", an FNV-1a hash of every final
// and monthly value of the N runs.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "engine/run.hpp"

int main(int argc, char** argv) {
    using namespace partnersim;
    const int n = argc > 1 ? std::atoi(argv[1]) : 100;
    const bool hash = argc > 2 && std::strcmp(argv[2], "hash") == 0;
    const Scenario scenario;
    std::uint64_t h = 1469598103934665603ull;
    const auto mix = [&h](const void* data, std::size_t size) {
        const auto* bytes = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i) h = (h ^ bytes[i]) * 1099511628211ull;
    };
    double sink = 0.0;
    for (int r = 0; r < n; ++r) {
        const RunResult result = run_partnership(
            scenario, make_run_id(scenario.run.seed, 0, static_cast<std::uint64_t>(r), 1u << 30));
        sink += result.final_values[0];
        if (!hash) continue;
        mix(result.final_values.data(), sizeof(result.final_values));
        mix(result.timeseries.data(), result.timeseries.size() * sizeof(float));
    }
    if (hash) std::printf("%016llx\n", static_cast<unsigned long long>(h));
    else std::printf("%g\n", sink);
    return 0;
}
EOF

# build TREE OUT: the model library of TREE, the driver and the benchmark, in OUT ($cxx and
# $flags are split into words on purpose).
# shellcheck disable=SC2086
build() {
    mkdir -p "$2"
    for source in "$1"/sim/model/*.cpp "$1"/sim/engine/run.cpp; do
        $cxx $flags -I"$1/sim" -c "$source" -o "$2/$(basename "$source" .cpp).o"
    done
    rm -f "$2/libmodel.a"
    ar rcs "$2/libmodel.a" "$2"/*.o
    $cxx $flags -I"$1/sim" "$work/driver.cpp" "$2/libmodel.a" -o "$2/driver"
    $cxx $flags -I"$1/sim" "$1/bench/model_bench.cpp" "$2/libmodel.a" \
        -lbenchmark_main -lbenchmark -lpthread -o "$2/bench"
}

mkdir -p "$work/base_tree"
git -C "$root" archive "$base" sim bench | tar -x -C "$work/base_tree"
build "$work/base_tree" "$work/base"
build "$root" "$work/tree"

# instructions T: callgrind's count of instructions for 100 default runs of $work/T/driver.
instructions() {
    (cd "$work/$1" && valgrind --tool=callgrind --callgrind-out-file=callgrind.out ./driver 100 \
        2>&1 | sed -n 's/.*Collected : //p')
}
base_instructions=$(instructions base)
tree_instructions=$(instructions tree)
for t in base tree; do
    echo "$t: see callgrind_annotate [--inclusive=yes] $work/$t/callgrind.out"
done
echo "instructions for 100 default runs: $base ${base_instructions}, this tree ${tree_instructions}"
echo "ratio: $(echo "$tree_instructions / $base_instructions" | bc -l | cut -c1-5)"
echo "hash of 300 default runs (final and monthly values), this tree: $("$work/tree/driver" 300 hash)"

for round in $(seq "$rounds"); do
    for t in base tree; do
        median=$("$work/$t/bench" --benchmark_filter='^BM_DefaultRun$' --benchmark_min_time=0.5 \
            --benchmark_repetitions=3 --benchmark_report_aggregates_only=true 2>/dev/null |
            awk '/_median/ {print $4, $5}')
        echo "round $round, $t: BM_DefaultRun median CPU time $median"
    done
done
uptime
