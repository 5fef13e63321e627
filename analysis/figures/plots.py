#!/usr/bin/python3
"""Every picture a partnersim results file and its analyses allow, in one command.

Reads the results file, its analysis file ("X.analysis.h5" beside "X.h5", written by the
partnersim command line) and optionally a `partnersim compare` output file, and draws:

  fan          fan charts over time (fans.py), by the sweep's first grid parameter
  forest       main effects: a forest plot per key measure and an overview heatmap
  interaction  interaction plots: cell means across two parameters' levels
  sobol        first-order and total Sobol indices per parameter
  morris       the Morris screening plot (mu* against sigma)
  prim         PRIM: peeling trajectory, box limits, runs inside and outside the box
  comparison   variant minus baseline over time, and the final differences

A kind whose tables are absent is skipped. Prints the path of every PNG written.

    /usr/bin/python3 analysis/figures/plots.py results.h5 -o figures/
    /usr/bin/python3 analysis/figures/plots.py sweep.h5 -o figures/ --kinds forest prim \
        --measures candour capacity
    /usr/bin/python3 analysis/figures/plots.py default.h5 -o figures/ --comparison cmp.h5

Uses Debian's python3-h5py, python3-numpy and python3-matplotlib.
"""
import argparse
import os
import sys

from helpers import analysis_path_for
from pictures import KINDS, make_pictures


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
