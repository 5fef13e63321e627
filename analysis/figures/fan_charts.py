#!/usr/bin/python3
"""Fan charts of a partnersim results file: for each measure, the median over runs month by
month with bands over runs: one panel per value of the first grid parameter (or of --by),
one line per design point, nothing pooled unless the picture says so. Pictures for a
workshop, not tables.

    /usr/bin/python3 analysis/figures/fan_charts.py results.h5 -o figures/
    /usr/bin/python3 analysis/figures/fan_charts.py sweep.h5 -o figures/ --by setup.duration \
        --measures trust_partner_facilitator capacity participation

Uses Debian's python3-h5py, python3-numpy and python3-matplotlib.
"""
import argparse
import os
import sys

import h5py

from fans import fan_chart
from helpers import design_parameters, timeseries

DEFAULT_MEASURES = [
    "trust_partner_facilitator",
    "trust_partner_funder",
    "capacity",
    "participation",
    "candour",
    "belief_error",
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", help="partnersim results file (HDF5)")
    parser.add_argument("-o", "--output", required=True, help="folder for the PNG files")
    parser.add_argument("--measures", nargs="+", default=DEFAULT_MEASURES)
    parser.add_argument("--by", help="grid parameter to draw one panel per value of, "
                        "e.g. setup.duration")
    args = parser.parse_args()
    os.makedirs(args.output, exist_ok=True)
    with h5py.File(args.results, "r") as results:
        grid, ranges = design_parameters(results)
        if args.by:
            if args.by not in grid:
                sys.exit(f"error: {args.by} is not varied in {args.results}; it varies: "
                         f"{', '.join(grid + ranges) or 'nothing'}")
            grid = [args.by] + [g for g in grid if g != args.by]
        for measure in args.measures:
            if timeseries(results, measure) is None:
                sys.exit(f"error: no measure {measure} in {args.results}")
            path = os.path.join(args.output, f"fan_{measure}.png")
            fan_chart(results, measure, path, grid, ranges)
            print(path)


if __name__ == "__main__":
    main()
