#!/usr/bin/python3
"""Fan charts of a partnersim results file: for each measure, the median over runs month by
month with 50% and 90% bands, one colour per design (or per value of a chosen design
parameter). Pictures for a workshop, not tables.

    /usr/bin/python3 analysis/fan_charts.py results.h5 -o figures/
    /usr/bin/python3 analysis/fan_charts.py sweep.h5 -o figures/ --by setup.duration \
        --measures trust_partner_facilitator capacity participation

Uses Debian's python3-h5py, python3-numpy and python3-matplotlib.
"""
import argparse
import os
import sys

import h5py
import matplotlib

matplotlib.use("Agg")  # files, not windows
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

DEFAULT_MEASURES = [
    "trust_partner_facilitator",
    "trust_partner_funder",
    "capacity",
    "participation",
    "candour",
    "belief_error",
]


def design_column(results, name):
    """The values of design parameter `name` at each design point (strings for choices)."""
    path = f"design/{name}"
    if path not in results:
        known = [k for k in results.get("design", {}).keys()]
        sys.exit(f"error: {name} is not a design parameter of this file; it has: {known}")
    column = results[path][:]
    if column.dtype.kind in "OSU":
        column = np.array([v.decode() if isinstance(v, bytes) else str(v) for v in column])
    return column


def design_labels(results, by):
    """One label per run: the value of design parameter `by`, or 'all runs'."""
    runs = results["runs/run_index"].shape[0]
    if by is None:
        return np.array(["all runs"] * runs)
    column = design_column(results, by)
    points = results["runs/design_point"][:]
    return np.array([f"{by.split('.')[-1]} = {column[p]}" for p in points])


def fan_chart(results, measure, labels, out_path, dpi=110):
    series = results[f"timeseries/{measure}"]
    months = results["months"][:] if "months" in results else np.arange(1, series.shape[1] + 1)
    values = series[:]
    fig, ax = plt.subplots(figsize=(8, 4.5))
    # Values in the order the design lists them (runs are in design-point order), not sorted
    # as text, which would put a join month of 6 after 24.
    for index, label in enumerate(dict.fromkeys(labels)):
        rows = values[labels == label]
        colour = f"C{index % 10}"
        q05, q25, q50, q75, q95 = np.percentile(rows, [5, 25, 50, 75, 95], axis=0)
        ax.fill_between(months, q05, q95, color=colour, alpha=0.15, linewidth=0)
        ax.fill_between(months, q25, q75, color=colour, alpha=0.3, linewidth=0)
        ax.plot(months, q50, color=colour, linewidth=2, label=f"{label} ({len(rows)} runs)")
    description = series.attrs.get("description", measure)
    units = series.attrs.get("units", "")
    ax.set_title(str(description), fontsize=11)
    ax.set_xlabel("month")
    ax.set_ylabel(f"{measure} ({units})")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="best")
    # Below the axes, where the legend cannot cover it.
    fig.text(0.99, 0.005, "line: median; bands: middle 50% and 90% of runs",
             ha="right", va="bottom", fontsize=7, color="grey")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    fig.savefig(out_path, dpi=dpi, bbox_inches="tight")
    plt.close(fig)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", help="partnersim results file (HDF5)")
    parser.add_argument("-o", "--output", required=True, help="folder for the PNG files")
    parser.add_argument("--measures", nargs="+", default=DEFAULT_MEASURES)
    parser.add_argument("--by", help="design parameter to colour by, e.g. setup.duration")
    args = parser.parse_args()
    os.makedirs(args.output, exist_ok=True)
    with h5py.File(args.results, "r") as results:
        labels = design_labels(results, args.by)
        for measure in args.measures:
            if f"timeseries/{measure}" not in results:
                sys.exit(f"error: no measure {measure} in {args.results}")
            path = os.path.join(args.output, f"fan_{measure}.png")
            fan_chart(results, measure, labels, path)
            print(path)


if __name__ == "__main__":
    main()
