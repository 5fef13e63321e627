#!/bin/sh
# Screenshots of the HTML report at 1280 and 420 px (headless Debian chromium), and at 1280 px
# from where its figures begin (NAME_figures_1280.png, so figures are checked by looking), for
# docs/figures/report/: the reports of scenarios/stress/duration.toml,
# scenarios/questions/early_facilitator.toml and scenarios/enablers.toml, and of a
# strategy-team comparison (a facilitator from the start against one joining at month 12).
# Replicates are cut so it runs in a few minutes. The pictures are taken by the test machinery
# (tests/analysis/figures/chromium_page.py); test_screenshots.py checks they are there and
# legible.
#   scripts/report_screenshots.sh [build/sim/partnersim]
# REPORT_WORK=folder keeps the reports there (to look at them; a second run overwrites them),
# else they go with the script.
set -eu
partnersim=${1:-build/sim/partnersim}
work=${REPORT_WORK:-$(mktemp -d)}
mkdir -p "$work"
out=docs/figures/report
mkdir -p "$out"
# A kept folder's results from an earlier run go first: `run --force` would show in the pages'
# command line.
for name in duration early_facilitator enablers; do
    rm -f "$work/$name.h5" "$work/$name.analysis.h5"
done
"$partnersim" run scenarios/stress/duration.toml --replicates 20 -q -o "$work/duration.h5"
"$partnersim" report "$work/duration.h5" -o "$work/duration" --force > /dev/null
"$partnersim" run scenarios/questions/early_facilitator.toml --replicates 20 -q \
    -o "$work/early_facilitator.h5"
"$partnersim" report "$work/early_facilitator.h5" -o "$work/early_facilitator" --force \
    --interaction setup.join_month setup.duration > /dev/null
"$partnersim" run scenarios/enablers.toml --replicates 1 -q -o "$work/enablers.h5"
"$partnersim" report "$work/enablers.h5" -o "$work/enablers" --force > /dev/null
"$partnersim" compare --force scenarios/default.toml --set-baseline setup.join_month=12 \
    --set setup.join_month=0 --replicates 50 -o "$work/comparison.h5" > /dev/null
"$partnersim" report "$work/comparison.h5" -o "$work/comparison" --force > /dev/null
for name in duration early_facilitator enablers comparison; do
    for width in 1280 420; do
        # An iframe exactly this wide (headless chromium alone lays out at least 500 px).
        /usr/bin/python3 tests/analysis/figures/chromium_page.py "$work/$name/index.html" \
            "$out/${name}_${width}.png" "$width" 2400
    done
    /usr/bin/python3 tests/analysis/figures/chromium_page.py "$work/$name/index.html" \
        "$out/${name}_figures_1280.png" 1280 3200 figures
done
[ -n "${REPORT_WORK:-}" ] || rm -rf "$work"
ls "$out"
