#!/usr/bin/python3
r"""Compare several partnersim results files (or parts of them) on one picture.

Each input is a results file, optionally narrowed to some of its design points with a
selection after `::` (conditions joined by commas; `=`, `<`, `>`, `<=`, `>=` on a design
parameter). Every input becomes one colour, labelled by its file name (or by --labels);
--by splits each input further by the values of design parameters (then each value gets a
colour and each input a line style). One panel per measure; the legend sits below them.

Fan charts (default): the median over runs month by month, with bands holding the middle 50%
and 90% of runs, as in fan_charts.py.

    /usr/bin/python3 analysis/figures/compare_scenarios.py a.h5 b.h5 -o ab.png \
        --measures capacity candour
    /usr/bin/python3 analysis/figures/compare_scenarios.py sweep.h5::setup.end_month=36 \
        --by setup.duration setup.review -o duration.png --mark 36

Against a design parameter (--against P): each design point is one dot at the median over its
replicates of the measure in month --month (default: the last), with a bar over the middle 50%.

    /usr/bin/python3 analysis/figures/compare_scenarios.py budget.h5::partners.count=10 \
        budget.h5::partners.count=60 --against setup.budget_hours --month 36 -o budget.png

--at M1 M2 ... also prints the median and mean of every line at those months (with
--against, every dot): the numbers behind the picture. Without -o it only prints.

Uses Debian's python3-h5py, python3-numpy and python3-matplotlib.
"""
import argparse
import os
import re
import sys

import h5py
import matplotlib

matplotlib.use("Agg")  # files, not windows
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from helpers import (DESIGN_POINTS, design_column, months_axis, run_design_points,  # noqa: E402
                     show, timeseries, words_of)

CONDITION = re.compile(r"^([A-Za-z0-9_.]+)\s*(<=|>=|=|<|>)\s*(.+)$")


def matches(column, operator, text):
    """Which design points satisfy `column <operator> text`."""
    if column.dtype.kind in "OSU":
        if operator != "=":
            sys.exit(f"error: only '=' applies to a choice, not '{operator}'")
        return column == text
    if text.lower() in ("true", "false"):
        value = 1.0 if text.lower() == "true" else 0.0
    else:
        value = float(text)
    column = column.astype(float)
    return {"=": np.isclose(column, value), "<": column < value, ">": column > value,
            "<=": column <= value, ">=": column >= value}[operator]


def sort_key(value):
    try:
        return (0, float(value), "")
    except (TypeError, ValueError):
        return (1, 0.0, str(value))


class Input:
    """One input: a file, the design points it keeps, and its groups (label -> points)."""

    def __init__(self, spec, label, by):
        self.path, _, selection = spec.partition("::")
        self.file = h5py.File(self.path, "r")
        points = run_design_points(self.file)
        keep = np.ones(int(self.file.attrs.get(DESIGN_POINTS, points.max() + 1)), dtype=bool)
        for condition in filter(None, (c.strip() for c in selection.split(","))):
            parsed = CONDITION.match(condition)
            if not parsed:
                sys.exit(f"error: cannot read the selection '{condition}'")
            name, operator, text = parsed.groups()
            keep &= matches(design_column(self.file, name), operator, text.strip())
        if not keep.any():
            sys.exit(f"error: no design point of {self.path} matches '{selection}'")
        base = label or os.path.splitext(os.path.basename(self.path))[0] + (
            f" [{selection}]" if selection else "")
        self.points = points
        self.groups = {}
        columns = [design_column(self.file, name) for name in by]
        keys = {}
        for point in np.flatnonzero(keep):
            values = tuple(column[point] for column in columns)
            keys.setdefault(values, []).append(point)
        for values in sorted(keys, key=lambda vs: [sort_key(v) for v in vs]):
            parts = [f"{name.split('.')[-1]} = {show(v)}" for name, v in zip(by, values)]
            self.groups[", ".join([base] + parts) if parts else base] = keys[values]

    def runs(self, points):
        return np.isin(self.points, points)


def styles(inputs, split):
    """(colour, line style) for each group of each input: one colour per input, or, when
    inputs are split with --by, one colour per group and one line style per input."""
    lines = ["-", "--", ":", "-."]
    for number, source in enumerate(inputs):
        for index, _ in enumerate(source.groups):
            if split:
                yield f"C{index % 10}", lines[number % len(lines)]
            else:
                yield f"C{number % 10}", "-"


def fan_panel(ax, inputs, measure, colours):
    for source in inputs:
        series = timeseries(source.file, measure)
        values = series[:]
        months = months_axis(source.file, series)
        for label, points in source.groups.items():
            rows = values[source.runs(points)]
            colour, line = next(colours)
            q05, q25, q50, q75, q95 = np.percentile(rows, [5, 25, 50, 75, 95], axis=0)
            ax.fill_between(months, q05, q95, color=colour, alpha=0.12, linewidth=0)
            ax.fill_between(months, q25, q75, color=colour, alpha=0.28, linewidth=0)
            ax.plot(months, q50, color=colour, linestyle=line, linewidth=2,
                    label=f"{label} ({len(rows)} runs)")
    ax.set_xlabel("month")


def against_panel(ax, inputs, measure, colours, parameter, month):
    for source in inputs:
        series = timeseries(source.file, measure)
        column = np.round(design_column(source.file, parameter).astype(float), 1)
        index = (series.shape[1] if month == 0 else month) - 1
        values = series[:, index]
        for label, points in source.groups.items():
            colour, line = next(colours)
            xs, medians, lows, highs = [], [], [], []
            for point in sorted(points, key=lambda p: column[p]):
                rows = values[source.points == point]
                q25, q50, q75 = np.percentile(rows, [25, 50, 75])
                xs.append(column[point])
                medians.append(q50)
                lows.append(q50 - q25)
                highs.append(q75 - q50)
            marker = {"-": "o", "--": "s", ":": "^", "-.": "D"}[line]
            ax.errorbar(xs, medians, yerr=[lows, highs], fmt=marker, ms=3.5, color=colour,
                        elinewidth=1, alpha=0.8, label=f"{label} ({len(points)} points)")
    ax.set_xlabel(parameter)


def print_table(inputs, measures, months, against, month):
    """The numbers behind the picture: median and mean over runs, per line (or per dot)."""
    for measure in measures:
        for source in inputs:
            series = timeseries(source.file, measure)
            values = series[:]
            last = series.shape[1]
            for label, points in source.groups.items():
                if against:
                    column = design_column(source.file, against).astype(float)
                    index = (last if month == 0 else month) - 1
                    for point in sorted(points, key=lambda p: column[p]):
                        rows = values[source.points == point, index]
                        print(f"{measure}\tmonth {index + 1}\t{label}\t{against} = "
                              f"{column[point]:g}\tmedian {np.median(rows):.3f}\t"
                              f"mean {rows.mean():.3f}\t({len(rows)} runs)")
                    continue
                rows = values[source.runs(points)]
                indices = sorted({(last if at == 0 else at) - 1 for at in months})
                for index in (i for i in indices if i < last):
                    print(f"{measure}\tmonth {index + 1}\t{label}\t"
                          f"median {np.median(rows[:, index]):.3f}\t"
                          f"mean {rows[:, index].mean():.3f}\t({len(rows)} runs)")


def draw(inputs, args):
    fig, axes = plt.subplots(len(args.measures), 1, figsize=(8, 0.6 + 3.0 * len(args.measures)),
                             squeeze=False)
    for ax, measure in zip(axes[:, 0], args.measures):
        colours = styles(inputs, bool(args.by))
        if args.against:
            against_panel(ax, inputs, measure, colours, args.against, args.month)
        else:
            fan_panel(ax, inputs, measure, colours)
            for month in args.mark:
                ax.axvline(month, color="grey", linestyle=":", linewidth=1)
        series = timeseries(inputs[0].file, measure)
        description, units = words_of(series, measure)
        ax.set_title(description, fontsize=10)
        ax.set_ylabel(f"{measure} ({units})", fontsize=8)
        ax.grid(alpha=0.3)
    handles, names = axes[0, 0].get_legend_handles_labels()
    rows = (len(names) + 1) // 2
    note = ("dots: median over replicates; bars: middle 50%" if args.against else
            "line: median; bands: middle 50% and 90% of runs")
    axes[-1, 0].text(0.99, 0.01, note, transform=axes[-1, 0].transAxes, ha="right",
                     va="bottom", fontsize=7, color="grey")
    if args.title:
        fig.suptitle(args.title, fontsize=11)
    legend_height = 0.16 * rows + 0.1
    fig.set_figheight(fig.get_figheight() + legend_height)
    fig.legend(handles, names, loc="lower center", ncol=2, fontsize=7, frameon=False)
    fig.tight_layout(rect=(0, legend_height / fig.get_figheight(), 1, 1))
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    fig.savefig(args.output, dpi=args.dpi)
    plt.close(fig)
    print(args.output)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("inputs", nargs="+", help="results files, each optionally FILE::SELECTION")
    parser.add_argument("-o", "--output", help="the PNG file to write")
    parser.add_argument("--measures", nargs="+", default=["trust_partner_facilitator"])
    parser.add_argument("--labels", nargs="+", help="one label per input (default: file name)")
    parser.add_argument("--by", nargs="+", default=[], help="design parameters to split by")
    parser.add_argument("--against", help="plot against this design parameter, not months")
    parser.add_argument("--month", type=int, default=0,
                        help="with --against: the month to read (1-based; default: the last)")
    parser.add_argument("--mark", nargs="+", type=int, default=[],
                        help="months to mark with a dotted line (e.g. end months)")
    parser.add_argument("--at", nargs="+", type=int, default=[],
                        help="print median and mean of each line at these months (0 = last); "
                             "with --against, print every dot")
    parser.add_argument("--title", help="a title over the panels")
    parser.add_argument("--dpi", type=int, default=90)
    args = parser.parse_args()
    if not args.output and not args.at:
        sys.exit("error: nothing to do: give -o FILE.png, --at MONTH ..., or both")
    if args.labels and len(args.labels) != len(args.inputs):
        sys.exit("error: give one label per input")
    labels = args.labels or [None] * len(args.inputs)
    inputs = [Input(spec, label, args.by) for spec, label in zip(args.inputs, labels)]
    for source in inputs:
        for measure in args.measures:
            if timeseries(source.file, measure) is None:
                sys.exit(f"error: no measure {measure} in {source.path}")
    if args.at:
        print_table(inputs, args.measures, args.at, args.against, args.month)
    if args.output:
        draw(inputs, args)


if __name__ == "__main__":
    main()
