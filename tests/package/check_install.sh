#!/bin/bash
# The installed package, as a user outside the source tree sees it (issue 13):
#   check_install.sh CMAKE BUILD_DIR WORK_DIR
# installs the existing build tree (no rebuild) into WORK_DIR/prefix, builds the ten-line
# consumer (tests/package/consumer) against it with find_package(partnersim), runs it, and
# checks its number against what the installed `partnersim run` stores for the same run; then
# `partnersim report` on that file from WORK_DIR/user. Exit 0 only when every step did.
set -euo pipefail
cmake=$1 build=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work/user"
prefix=$work/prefix

"$cmake" --install "$build" --prefix "$prefix" > "$work/install.log"
for file in bin/partnersim include/partnersim/engine/run.hpp lib/cmake/partnersim/partnersimConfig.cmake \
            share/partnersim/analysis/figures/report.py share/partnersim/scenarios/default.toml \
            share/partnersim/docs/claims.toml share/partnersim/docs/calibration/targets.toml; do
  [ -f "$prefix/$file" ] || { echo "not installed: $file"; exit 1; }
done

"$cmake" -S "$here/consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release > "$work/consumer.log"
"$cmake" --build "$work/consumer" >> "$work/consumer.log"
from_library=$("$work/consumer/consumer")
echo "consumer: final trust_partner_facilitator = $from_library"

# The same run from the installed program: every key at its default, seed 7, one replicate.
cd "$work/user"
: > defaults.toml
"$prefix/bin/partnersim" run defaults.toml -o defaults.h5 --replicates 1 --seed 7 > run.log
/usr/bin/python3 - "$from_library" <<'PY'
import sys
import h5py
stored = h5py.File("defaults.h5")["final/trust_partner_facilitator"][0]
printed = float(sys.argv[1])
print("partnersim run: final trust_partner_facilitator =", repr(float(stored)))
# Same scenario and seed give bit-identical results; %.17g round-trips a double exactly.
sys.exit(0 if printed == float(stored) else 1)
PY

# The report must run the installed scripts, not the source tree's (the build tree's fallback):
# the installed report.py is made to leave a mark in the folder it runs in.
report_py=$prefix/share/partnersim/analysis/figures/report.py
sed -i '0,/^import sys$/s//import sys; import pathlib; pathlib.Path("installed_report_ran").touch()/' \
  "$report_py"
MPLBACKEND=Agg "$prefix/bin/partnersim" report defaults.h5 -o report > report.log
[ -f installed_report_ran ] || { echo "report did not run $report_py"; exit 1; }
grep -q "trust_partner_facilitator" report/index.html || { echo "report has no trust figure"; exit 1; }
echo "installed report: $work/user/report/index.html"
