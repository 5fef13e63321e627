"""The fan chart: for one measure, the median over runs month by month with 50% and 90%
bands, one colour per label (a design, or a value of a design parameter). Drawn by
fan_charts.py, plots.py and report.py.
"""
import matplotlib.pyplot as plt
import numpy as np

from helpers import months_axis, timeseries, words_of


def fan_chart(results, measure, labels, out_path, dpi=110):
    series = timeseries(results, measure)
    months = months_axis(results, series)
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
    description, units = words_of(series, measure)
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
