#!/bin/sh
# The ledger under uncertainty about the model's constants, measured and stored (issue 11): the
# whole ledger at the model's constants (100 paired replicates, the stored table) and at 20
# sampled sets of model constants (25 paired replicates each), then docs/claims_measured.csv,
# docs/claims_uncertainty.csv and docs/claims.md regenerated from it. Re-run in one line after
# a model change:
#   analysis/measure_claims_uncertainty.sh [validate.h5]
# About 10 CPU-minutes (docs/validation.md). 20 models: the least issue 11 asks; a share's
# Wilson interval is about +-0.17 near 80%, and a constant that decides a claim shows as
# |rho| > 3/sqrt(20) = 0.67. 25 replicates: an interval 2 times as wide as the stored table's
# 100, so a claim whose near bound sits within a half-width of zero there may fail for want
# of replicates; "mean on the predicted side" in docs/claims.md tells those apart.
# PARTNERSIM (the binary) and THREADS may be set.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-validate.h5}
bin=${PARTNERSIM:-$root/build/sim/partnersim}
"$bin" validate --ledger "$root/docs/claims.toml" --replicates 100 --uncertainty 20 \
    --uncertainty-replicates 25 --threads "${THREADS:-2}" -o "$out" --force
/usr/bin/python3 "$root/analysis/claims_ledger.py" --results "$out"
