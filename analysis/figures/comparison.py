"""Pictures of a `partnersim compare` output file (tables `comparison` and
`comparison_over_time`): the variant-minus-baseline difference month by month with its 95%
band, one small panel per measure, and a forest plot of the final differences in standard
deviations.
"""
import os

import matplotlib.pyplot as plt
import numpy as np

from helpers import (CLEAR, UNCLEAR, Picture, clear_of_zero, compared, finish, number,
                     panel_grid, save, thousands, wrap)

# Beyond this many standard deviations a difference is drawn at the edge with its value.
CLIP = 10.0
# A standardised difference beyond this means the measure hardly varies between runs.
IMPLAUSIBLE = 1000.0


def _subtitle(table):
    names = compared(table)
    return f"\nvariant: {names[1]}\nbaseline: {names[0]}" if names else ""


def standardised_interval(row):
    """The 95% interval of a difference in standard deviations (the table gives it in the
    measure's units): the standard deviation is difference / standardised."""
    d, difference = row["standardised"], row["difference"]
    if not np.isfinite(d) or d == 0 or difference == 0 or abs(d) > IMPLAUSIBLE:
        return (0.0, 0.0) if d == 0 and difference == 0 else (np.nan, np.nan)
    scale = d / difference
    low, high = sorted((row["low"] * scale, row["high"] * scale))
    return low, high


def contract_marks(tables, last_month):
    """(contract end months, decision window months) from a compare file's `decision_month`
    table: the ends of the time-bound designs' contracts, and the funder's windows when both
    designs share one cycle; none for a file written before the table."""
    table = tables.get("decision_month")
    if table is None or len(table) == 0:
        return [], []
    rows = table.rows()
    ends = sorted({int(r["end_month"]) for r in rows if r["duration"] == "time_bound"})
    cycles = {int(r["decision_cycle_months"]) for r in rows}
    cycle = cycles.pop() if len(cycles) == 1 else 0
    return ends, list(range(cycle, int(last_month) + 1, cycle)) if cycle > 0 else []


def marks_note(ends, windows):
    """What the vertical lines of the comparison over time mark."""
    note = (" Dotted line: the end of a time-bound contract (month "
            + ", ".join(str(e) for e in ends) + ")." if ends else "")
    if windows:
        every = windows[1] - windows[0] if len(windows) > 1 else windows[0]
        note += f" Thin grey lines: the funder's decision windows (every {every} months)."
    return note


def over_time(tables, measures, out_dir, chosen=None):
    """Small multiples: for each measure, variant minus baseline at the end of each month,
    the line the mean difference and the band its 95% interval, with a zero line; the end of
    a time-bound contract dotted and the funder's decision windows thin grey lines."""
    table = tables.get("comparison_over_time")
    if table is None or len(table) == 0:
        return []
    names = [m for m in (chosen or table.unique("measure")) if m in table.unique("measure")]
    if not names:
        return []
    ends, windows = contract_marks(tables, np.max(table["month"]))
    fig, axes = panel_grid(len(names), 2, width=6.5, height=3.9)
    for ax, measure in zip(axes, names):
        rows = table.where(measure=measure)
        order = np.argsort(rows["month"])
        month = rows["month"][order]
        for window in windows:
            ax.axvline(window, color="grey", linewidth=0.9, alpha=0.6, zorder=0)
        for end in ends:
            ax.axvline(end, color="black", linestyle=":", linewidth=2)
        ax.fill_between(month, rows["low"][order], rows["high"][order], color=CLEAR, alpha=0.25,
                        linewidth=0)
        ax.plot(month, rows["difference"][order], color=CLEAR, linewidth=2.2)
        ax.axhline(0, color="black", linewidth=1)
        ax.set_title(wrap(measures.description(measure), 34), loc="left", fontsize=12)
        units = measures.units(measure)
        ax.set_ylabel(f"difference ({units})" if units else "difference", fontsize=11)
        ax.set_xlabel("month", fontsize=11)
        ax.grid(alpha=0.3)
        thousands(ax)
    finish(fig, title="Variant minus baseline, month by month" + _subtitle(table),
           note="Line: mean difference over paired runs; band: its 95% interval. Above zero: the "
           "variant is higher than the baseline." + marks_note(ends, windows))
    path = save(fig, os.path.join(out_dir, "comparison_over_time.png"))
    return [Picture("comparison", path, "How the variant differs from the baseline over time",
                    "Each panel follows one measure: where the line and its shaded band are "
                    "above the zero line the variant is higher than the baseline that month, "
                    "below it lower, and where the band crosses zero the model shows no clear "
                    "difference.")]


def final_forest(tables, measures, out_dir, chosen=None):
    """Forest plot of the final-month differences in standard deviations, largest on top;
    measures whose runs hardly vary are listed below, not drawn."""
    table = tables.get("comparison")
    if table is None or len(table) == 0:
        return []
    rows = [r for r in table.rows() if not chosen or r["measure"] in chosen]
    # A standardised 0 with a nonzero difference, or a huge one, means the measure does not
    # vary between runs: no size in standard deviations to draw.
    drawn = [r for r in rows if np.isfinite(r["standardised"])
             and abs(r["standardised"]) <= IMPLAUSIBLE
             and (r["standardised"] != 0 or r["difference"] == 0)]
    skipped = [r["measure"] for r in rows if r not in drawn]
    if not drawn:
        return []
    drawn.sort(key=lambda r: -abs(r["standardised"]))
    fig, ax = plt.subplots(figsize=(11, 2.0 + 0.5 * len(drawn)))
    y = np.arange(len(drawn))[::-1]
    d = np.array([r["standardised"] for r in drawn])
    intervals = np.array([standardised_interval(r) for r in drawn])
    clear = clear_of_zero([r["low"] for r in drawn], [r["high"] for r in drawn])
    edge = min(CLIP, max(1.0, np.nanmax(np.abs(np.r_[d, intervals.ravel()])) * 1.1))
    shown = np.clip(d, -edge, edge)
    ax.axvline(0, color="black", linewidth=1)
    for line in (-0.8, -0.2, 0.2, 0.8):
        if abs(line) < edge:
            ax.axvline(line, color="grey", linewidth=0.8, linestyle=":")
    ax.hlines(y, np.clip(intervals[:, 0], -edge, edge), np.clip(intervals[:, 1], -edge, edge),
              color=np.where(clear, CLEAR, UNCLEAR), linewidth=3)
    for at, value, show, is_clear in zip(y, d, shown, clear):
        off = abs(value) > edge
        colour = CLEAR if is_clear else UNCLEAR
        ax.scatter([show], [at], s=110 if off else 80, marker=(">" if value > 0 else "<")
                   if off else "o", color=colour if is_clear else "white", edgecolor=colour,
                   linewidth=2, zorder=3)
        if off:
            ax.annotate(number(value, 1), (show, at), xytext=(-12 if value > 0 else 12, 8),
                        textcoords="offset points", ha="right" if value > 0 else "left",
                        fontsize=11)
    ax.set_yticks(y)
    ax.set_yticklabels([r["measure"] for r in drawn])
    ax.set_xlim(-edge * 1.05, edge * 1.05)
    ax.set_ylim(-0.7, len(drawn) - 0.3)
    ax.set_xlabel("difference at the last month, in standard deviations (variant minus baseline)")
    ax.grid(axis="x", alpha=0.3)
    ax.set_title("How different is the variant at the end?" + _subtitle(table), loc="left")
    note = ("Line: 95% interval. Dotted lines: 0.2 standard deviations (a small difference) and "
            "0.8 (a large one). Arrows: beyond the scale, value written. Hollow grey: no clear "
            "difference.")
    if skipped:
        note += (" Not drawn (much the same in every run; the findings give them in their "
                 "units): " + ", ".join(skipped) + ".")
    finish(fig, note=note)
    path = save(fig, os.path.join(out_dir, "comparison_final.png"))
    return [Picture("comparison", path, "Differences at the end, side by side",
                    "Each row is one measure at the last month: a dot right of the zero line "
                    "means the variant ends higher than the baseline, left lower, measured "
                    "against each measure's usual spread between runs so that measures in "
                    "different units can be compared (0.2 of it is small, 0.8 large).")]


def draw(tables, measures, out_dir, chosen=None):
    """All comparison pictures the tables allow."""
    return over_time(tables, measures, out_dir, chosen) + final_forest(tables, measures,
                                                                       out_dir, chosen)
