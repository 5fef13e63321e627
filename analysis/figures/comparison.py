"""Pictures of a `partnersim compare` output file (tables `comparison` and
`comparison_over_time`): the variant-minus-baseline difference month by month with its 95%
band, one small panel per measure, and the final differences, each in its measure's own units with
the share of runs in which the variant does better. By default the headline outcomes (the
decision summary's key outcomes and the failure risk) are drawn, the other measures in
pictures of their own that the report folds away.
"""
import os

import matplotlib.pyplot as plt
import numpy as np

from decision import FAILED, in_ten, share_interval, shown_measures
from helpers import (CLEAR, UNCLEAR, Picture, clear_of_zero, compared, finish, panel_grid, save,
                     thousands, wrap)

# The report folds pictures of this kind away under the comparison's section.
MORE = "comparison_more"
# Below this share of runs that differ (better plus worse), the share doing worse is said too:
# '1 in 10 runs better' alone reads as '9 in 10 worse' when the other 9 are alike.
ALIKE = 0.95


def _subtitle(table):
    names = compared(table)
    return f"\nvariant: {names[1]}\nbaseline: {names[0]}" if names else ""


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


def headline(available):
    """The measures a team reads first: the decision summary's key outcomes and cost, then the
    failure risk."""
    return shown_measures(available) + ([FAILED] if FAILED in available else [])


def split(available, chosen):
    """(headline measures, the rest) of those available; measures asked for are all headline."""
    if chosen:
        return [m for m in chosen if m in available], []
    first = headline(available)
    return first, [m for m in available if m not in first]


def over_time(tables, measures, out_dir, names, more=False):
    """Small multiples: for each measure, variant minus baseline at the end of each month,
    the line the mean difference and the band its 95% interval, with a zero line; the end of
    a time-bound contract dotted and the funder's decision windows thin grey lines."""
    table = tables["comparison_over_time"]
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
    which = "the other measures" if more else "the headline outcomes"
    finish(fig, title=f"Variant minus baseline, month by month: {which}" + _subtitle(table),
           note="Line: mean difference over paired runs; band: its 95% interval. Above zero: the "
           "variant is higher than the baseline." + marks_note(ends, windows))
    name = "comparison_over_time_more.png" if more else "comparison_over_time.png"
    path = save(fig, os.path.join(out_dir, name))
    if more:
        return [Picture(MORE, path, "The other measures over time",
                        "As above, for the measures the decision summary does not show.")]
    return [Picture("comparison", path, "How the variant differs from the baseline over time",
                    "Each panel follows one headline outcome: where the line and its shaded band "
                    "are above the zero line the variant is higher than the baseline that month, "
                    "below it lower, and where the band crosses zero the model shows no clear "
                    "difference.")]


def beats(row, goodness):
    """'the variant does better in about 8 in 10 runs (between 7 and 9 in 10)' from the paired
    shares of a final row (higher or lower, as the measure's direction says), with the share in
    which it does worse when many runs are alike (a share of runs failed, say); '' for a file
    without them."""
    side, other = ("lower", "higher") if goodness < 0 else ("higher", "lower")
    share, against = row.get(f"variant_{side}"), row.get(f"variant_{other}")
    if share is None or not np.isfinite(share):
        return ""
    better, worse = ("does better", "worse") if goodness else ("is higher", "lower")
    interval = share_interval(row[f"variant_{side}_low"], row[f"variant_{side}_high"])
    said = f"the variant {better} in {in_ten(share)} {interval}"
    if against is not None and np.isfinite(against) and share + against < ALIKE:
        said += f", {worse} in {in_ten(against)}, the rest alike"
    return said


def final_differences(tables, measures, out_dir, names, more=False):
    """The final-month differences, a row per measure with its own axis in the measure's units:
    the dot the mean difference (variant minus baseline), the line its 95% interval, and the
    share of runs in which the variant does better written above."""
    rows = {r["measure"]: r for r in tables["comparison"].rows()}
    names = [m for m in names if m in rows]
    if not names:
        return []
    fig, axes = plt.subplots(len(names), 1, figsize=(11, 2.0 + 1.5 * len(names)),
                             squeeze=False)
    for ax, measure in zip(axes[:, 0], names):
        r = rows[measure]
        low, high = sorted((r["low"], r["high"]))
        clear = bool(clear_of_zero([low], [high])[0])
        colour = CLEAR if clear else UNCLEAR
        ax.axvline(0, color="black", linewidth=1)
        ax.hlines(0, low, high, color=colour, linewidth=3)
        ax.scatter([r["difference"]], [0], s=80, color=colour if clear else "white",
                   edgecolor=colour, linewidth=2, zorder=3)
        reach = max(abs(low), abs(high), abs(r["difference"]))
        reach = reach * 1.15 if reach > 0 else 1.0
        ax.set_xlim(min(low, 0) - 0.15 * reach, max(high, 0) + 0.15 * reach)
        ax.set_ylim(-1, 1)
        ax.set_yticks([])
        units = measures.units(measure)
        said = beats(r, measures.goodness(measure))
        ax.set_title(wrap(measures.description(measure) + (f" ({units})" if units else ""), 80)
                     + (f"\n{said}" if said else ""), loc="left", fontsize=12)
        ax.set_xlabel(f"difference ({units})" if units else "difference", fontsize=11)
        ax.grid(axis="x", alpha=0.3)
        thousands(ax)
    which = "the other measures" if more else "the headline outcomes"
    finish(fig, title=f"Variant minus baseline at the last month: {which}"
           + _subtitle(tables["comparison"]),
           note="Each row on its own scale, in the measure's units: dot, variant minus baseline "
           "at the last month; line, its 95% interval; hollow grey, no clear difference. Under "
           "each measure: the share of paired runs in which the variant does better.")
    name = "comparison_final_more.png" if more else "comparison_final.png"
    path = save(fig, os.path.join(out_dir, name))
    if more:
        return [Picture(MORE, path, "The other measures at the end",
                        "As above, for the measures the decision summary does not show.")]
    return [Picture("comparison", path, "Differences at the end, side by side",
                    "Each row is one headline outcome at the last month, on its own scale in "
                    "its own units: a dot right of the zero line means the variant ends higher "
                    "than the baseline, left lower; the words under each measure say in how many "
                    "runs the variant does better.")]


def draw(tables, measures, out_dir, chosen=None):
    """All comparison pictures the tables allow: the headline outcomes (or the measures
    chosen) over time and at the end, then the other measures over time and at the end."""
    over = tables.get("comparison_over_time")
    final = tables.get("comparison")
    timed = list(over.unique("measure")) if over is not None and len(over) else []
    ended = list(final.unique("measure")) if final is not None and len(final) else []
    timed_first, timed_rest = split(timed, chosen)
    ended_first, ended_rest = split(ended, chosen)
    pictures = []
    for names, more in ((timed_first, False), (timed_rest, True)):
        if names:
            pictures += over_time(tables, measures, out_dir, names, more)
    for names, more in ((ended_first, False), (ended_rest, True)):
        if names:
            pictures += final_differences(tables, measures, out_dir, names, more)
    return pictures
