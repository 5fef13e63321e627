#!/usr/bin/env bash
# The figures of docs/scaling.md: cost per run and per partner-month, the writer's throughput,
# strong and weak scaling over 1, 2 and 4 MPI ranks (one TBB worker each), each with the load
# average it ran under. Run from the source tree after building with -DPARTNERSIM_MPI=ON:
#   scripts/measure_scaling.sh [build]       (about 2 minutes on an idle 2-core machine)
set -euo pipefail
build=${1:-build}
single=$build/sim/partnersim
mpi=$build/mpi/partnersim
sweep=scenarios/examples/sweep_duration_budget.toml   # 32 design points, 60 months
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mpirun_loopback=(mpirun --oversubscribe --allow-run-as-root --mca btl self,vader)
load() { cut -d' ' -f1 /proc/loadavg; }
# "wall_s cpu_s load_before": wall and CPU (user + sys, every rank) seconds of the job, and
# the 1-minute load average just before it.
timed() {
  local before; before=$(load)
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null
  read -r wall user sys <"$work/time"
  echo "$wall $(echo "$user + $sys" | bc) $before"
}
echo "# nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
echo "# case ranks runs wall_s cpu_s load_before"
partners=200
read -r wall cpu before < <(timed "$single" run $sweep --replicates 20 --set partners.count=$partners \
    -o "$work/single.h5" --threads 1 -q)
echo "single 1 640 $wall $cpu $before"
# Strong scaling: the same 640 runs (200 partners x 60 months each) over 1, 2, 4 ranks.
for k in 1 2 4; do
  read -r wall cpu before < <(timed "${mpirun_loopback[@]}" -n $k "$mpi" run $sweep --replicates 20 \
      --set partners.count=$partners -o "$work/strong$k.h5" --threads 1 -q)
  echo "strong $k 640 $wall $cpu $before"
  cmp <(h5dump -d /runs/run_index "$work/strong$k.h5" | tail -n +3) \
      <(h5dump -d /runs/run_index "$work/single.h5" | tail -n +3) >/dev/null
done
# Weak scaling: 160 runs per rank.
for k in 1 2 4; do
  read -r wall cpu before < <(timed "${mpirun_loopback[@]}" -n $k "$mpi" run $sweep --replicates $((5 * k)) \
      --set partners.count=$partners -o "$work/weak$k.h5" --threads 1 -q)
  echo "weak $k $((160 * k)) $wall $cpu $before"
done
# The writer: runs so small (2 partners) that writing is most of the time.
read -r wall cpu before < <(timed "$single" run $sweep --replicates 200 --set partners.count=2 \
    -o "$work/writer.h5" --threads 2 -q)
echo "writer 1 6400 $wall $cpu $before $(stat -c %s "$work/writer.h5") bytes"
read -r wall cpu before < <(timed "${mpirun_loopback[@]}" -n 2 "$mpi" run $sweep --replicates 200 --set partners.count=2 \
    -o "$work/writer2.h5" --threads 1 -q)
echo "writer_mpi 2 6400 $wall $cpu $before"
