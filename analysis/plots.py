#!/usr/bin/python3
"""Every picture a partnersim results file and its analyses allow, in one command.

Reads the results file, its analysis file ("X.analysis.h5" beside "X.h5", written by the
partnersim command line) and optionally a `partnersim compare` output file, and draws:

  fan          fan charts over time (fan_charts.py), by the sweep's first grid parameter
  forest       main effects: a forest plot per key measure and an overview heatmap
  interaction  interaction plots: cell means across two parameters' levels
  sobol        first-order and total Sobol indices per parameter
  morris       the Morris screening plot (mu* against sigma)
  prim         PRIM: peeling trajectory, box limits, runs inside and outside the box
  comparison   variant minus baseline over time, and the final differences

A kind whose tables are absent is skipped. Prints the path of every PNG written.

    /usr/bin/python3 analysis/plots.py results.h5 -o figures/
    /usr/bin/python3 analysis/plots.py sweep.h5 -o figures/ --kinds forest prim \
        --measures candour capacity
    /usr/bin/python3 analysis/plots.py default.h5 -o figures/ --comparison cmp.h5

Uses Debian's python3-h5py, python3-numpy and python3-matplotlib.
"""
import argparse
import os
import re
import sys

import h5py
import matplotlib.pyplot as plt
import numpy as np

import fan_charts
import plots_comparison
import plots_effects
import plots_prim
from plots_common import (DPI, STYLE, Measures, Picture, analysis_path_for, choose_measures,
                          read_tables, results_identity)

KINDS = ["fan", "forest", "interaction", "sobol", "morris", "prim", "comparison"]
BOOKKEEPING = {"grid_cell", "sample_index", "saltelli_role"}


def grid_parameters(results):
    """The sweep's grid parameters in order ('grid  setup.duration ...' lines of the `sweep`
    attribute); failing that, design parameters with at most six distinct values."""
    sweep = results.attrs.get("sweep", "")
    sweep = sweep.decode() if isinstance(sweep, bytes) else str(sweep)
    named = re.findall(r"^\s*grid\s+(\S+)", sweep, flags=re.MULTILINE)
    design = results.get("design")
    if design is None:
        return []
    if named:
        return [n for n in named if n in design]
    return [n for n in design if n not in BOOKKEEPING and len(np.unique(design[n][:])) <= 6
            and len(np.unique(design[n][:])) > 1]


def fan(results, measures, out_dir, chosen=None):
    """Fan charts (median, middle 50% and 90% of runs, month by month) of the key measures,
    one colour per value of the sweep's first grid parameter."""
    if "timeseries" not in results:
        return []
    names = choose_measures(list(results["timeseries"]), chosen)
    grid = grid_parameters(results)
    by = grid[0] if grid else None
    labels = fan_charts.design_labels(results, by)
    pictures = []
    for measure in names:
        path = os.path.join(out_dir, f"fan_{measure}.png")
        fan_charts.fan_chart(results, measure, labels, path, dpi=DPI)
        colours = f", one colour per value of {by}" if by else ""
        pictures.append(Picture(
            "fan", path, measures.description(measure),
            f"The line is the median run month by month and the shaded bands hold the "
            f"middle half and the middle 90% of runs{colours}: narrow bands mean luck "
            f"matters little, and bands that do not overlap mean the set-up makes a real "
            f"difference."))
    return pictures


def make_pictures(results_path, out_dir, analysis_path=None, comparison_path=None,
                  measures=None, kinds=None):
    """Draw every picture the files allow into out_dir; return the Pictures in report order.
    `analysis_path` defaults to the analysis file beside the results; `kinds` to all."""
    kinds = set(kinds or KINDS)
    unknown = kinds - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kinds {sorted(unknown)}; choose from {KINDS}")
    os.makedirs(out_dir, exist_ok=True)
    tables = read_tables(analysis_path or analysis_path_for(results_path),
                         results_identity(results_path))
    compared = read_tables(comparison_path) if comparison_path else {}
    pictures = []
    with h5py.File(results_path, "r") as results, plt.rc_context(STYLE):
        words = Measures(results)
        if "fan" in kinds:
            pictures += fan(results, words, out_dir, measures)
        if "forest" in kinds:
            pictures += plots_effects.forest(tables, words, out_dir, measures)
            pictures += plots_effects.effects_overview(tables, words, out_dir)
        if "interaction" in kinds:
            pictures += plots_effects.interaction(tables, words, out_dir, measures)
        if "sobol" in kinds:
            pictures += plots_effects.sobol(tables, words, out_dir, measures)
        if "morris" in kinds:
            pictures += plots_effects.morris(tables, words, out_dir, measures)
        if "prim" in kinds:
            pictures += plots_prim.draw(tables, results, out_dir)
        if "comparison" in kinds:
            pictures += plots_comparison.draw(compared, words, out_dir, measures)
    return pictures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("results", help="partnersim results file (HDF5)")
    parser.add_argument("-o", "--output", required=True, help="folder for the PNG files")
    parser.add_argument("--analysis", help="analysis file (default: RESULTS.analysis.h5)")
    parser.add_argument("--comparison", help="output file of `partnersim compare`")
    parser.add_argument("--measures", nargs="+",
                        help="measures to draw (default: a handful of key measures)")
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=KINDS,
                        help="which pictures to draw (default: all the files allow)")
    args = parser.parse_args()
    for path in [args.results, args.analysis, args.comparison]:
        if path and not os.path.exists(path):
            sys.exit(f"error: no file {path}")
    analysis = args.analysis or analysis_path_for(args.results)
    if not os.path.exists(analysis) and set(args.kinds) - {"fan", "comparison"}:
        print(f"note: no analysis file {analysis}; drawing what the results allow",
              file=sys.stderr)
    pictures = make_pictures(args.results, args.output, analysis, args.comparison,
                             args.measures, args.kinds)
    if not pictures:
        print("note: nothing to draw from these files", file=sys.stderr)
    for picture in pictures:
        print(picture.path)


if __name__ == "__main__":
    main()
