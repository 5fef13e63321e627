"""The fan chart: for one measure, the median over runs month by month with bands over runs,
never pooling design points silently. One panel per value of the sweep's first grid parameter
(when it has more than one), in each panel one line per design point; design points whose runs
are identical on the measure (common random numbers: a setting with no effect there) share one
line, named with both. Only when a panel would still need more lines than the palette has
colours are the last parameters pooled, and the picture says so ("pooled over ..."); sampled
ranges are pooled and said to be (up to three by name, the rest counted). Lines follow their
factors' levels: numbers ascending, choices in the design's order. The end of a time-bound
partnership is a dotted line in its line's colour; the funder's decision windows (every
funder.decision_cycle_months) are thin grey lines. Drawn by fan_charts.py, plots.py and report.py.
"""
import collections
import tomllib

import matplotlib.pyplot as plt
import numpy as np

from helpers import (DESIGN, DESIGN_STRUCTURE, OKABE_ITO, SCENARIO, STYLE, attribute,
                     design_column, months_axis, panel_grid, run_count, run_design_points, save,
                     setting_in_words, setting_name_in_words, thousands, timeseries, words_of,
                     wrap)

MAX_LINES = len(OKABE_ITO) - 1  # black is kept for reference lines
DURATION, END_MONTH = "setup.duration", "setup.end_month"
DECISION_CYCLE = "funder.decision_cycle_months"
# Characters of the 11-pt note per inch of figure: an average character is about half an em.
NOTE_CHARACTERS_PER_INCH = 72 / (11 * 0.55)
# Pooled settings a note names before it counts the rest: a longer list is not read.
NAMED_POOLED = 3

# A line of a panel: its label, which runs it holds, and the end months of time-bound
# partnerships among them.
Line = collections.namedtuple("Line", "label runs end_months")
Panel = collections.namedtuple("Panel", "title lines pooled")


def _scenario(results):
    """The scenario a results file ran (its `scenario` attribute), as a dict."""
    text = str(attribute(results, SCENARIO))
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return {}


def _scenario_setup(results):
    """The [setup] table of the scenario a results file ran."""
    return _scenario(results).get("setup", {})


def _scenario_value(results, dotted):
    """A setting of the scenario a results file ran, or None if its text does not say."""
    section, key = dotted.split(".", 1)
    return _scenario(results).get(section, {}).get(key)


def decision_windows(results, months):
    """The months of the funder's decision windows (every decision_cycle_months, from the
    first), when every design point has the same cycle; [] when the file does not say or the
    cycle varies between design points (then no one set of windows is right)."""
    if f"{DESIGN}/{DECISION_CYCLE}" in results:
        cycles = np.unique(design_column(results, DECISION_CYCLE).astype(float))
        cycle = cycles[0] if len(cycles) == 1 else None
    else:
        cycle = _scenario_value(results, DECISION_CYCLE)
    if cycle is None or not float(cycle) > 0 or not len(months):
        return []
    return list(range(int(cycle), int(months[-1]) + 1, int(cycle)))


def _end_months(results, points):
    """The end months of the time-bound design points among `points` (the design's value of
    a setting where it is varied, else the scenario's, else the registry's defaults)."""
    setup = _scenario_setup(results)

    def at(name, default):
        if f"{DESIGN}/{name}" in results:
            column = design_column(results, name)
            return [column[p] for p in points]
        return [setup.get(name.split(".")[1], default)] * len(points)

    pairs = zip(at(DURATION, "time_bound"), at(END_MONTH, 36))
    return sorted({int(end) for duration, end in pairs if str(duration) == "time_bound"})


def end_months(results, points):
    """The end months of the time-bound design points among `points`."""
    return _end_months(results, points)


def _label(values, factors, all_values):
    """A line's label from the values its design points take: each factor in words, a factor
    taking every value it has in the panel named as 'any'."""
    parts = []
    for factor in factors:
        taken = list(dict.fromkeys(values[factor]))
        if len(taken) > 1 and len(taken) == len(all_values[factor]):
            parts.append(f"any {setting_name_in_words(factor)}")
        else:
            parts.append(" or ".join(setting_in_words(factor, v) for v in taken))
    return ", ".join(parts)


def _column_in_words(results, name):
    """A design column with truth values as 'true'/'false' (the file stores them as 1 and 0
    and says so in the column's description)."""
    column = design_column(results, name)
    if "(1 true, 0 false)" in words_of(results[f"{DESIGN}/{name}"])[0]:
        return np.where(column.astype(float) != 0, "true", "false")
    return column


def _lines(results, runs_of_point, points, factors, series):
    """Lines for design points `points`, one per combination of `factors`, identical ones
    merged (on `series`, runs x months)."""
    columns = {f: _column_in_words(results, f) for f in factors}
    by_key = {}
    for p in points:
        by_key.setdefault(tuple(str(columns[f][p]) for f in factors), []).append(p)
    groups = []  # [points, values per factor, runs]
    for key, members in by_key.items():
        runs = np.concatenate([runs_of_point[p] for p in members])
        block = series[np.sort(runs)]
        for group in groups:
            if group[3].shape == block.shape and np.array_equal(group[3], block):
                group[0].extend(members)
                for f, v in zip(factors, key):
                    group[1][f].append(v)
                group[2] = np.concatenate([group[2], runs])
                break
        else:
            groups.append([list(members), {f: [v] for f, v in zip(factors, key)}, runs, block])
    all_values = {f: list(dict.fromkeys(str(columns[f][p]) for p in points)) for f in factors}
    rank = _level_rank(results, factors)
    groups.sort(key=lambda g: tuple(min(rank[f][v] for v in g[1][f]) for f in factors))
    return [Line(_label(g[1], factors, all_values) if factors else "all runs", np.sort(g[2]),
                 _end_months(results, g[0])) for g in groups]


def _level_rank(results, factors):
    """Each factor's levels (as _lines keys them) ranked as a reader expects them: numbers
    and truth values ascending, choices in the order the design lists them (the order of
    the scenario's grid, which the file keeps by numbering its design points in it)."""
    ranks = {}
    for factor in factors:
        raw, shown = design_column(results, factor), _column_in_words(results, factor)
        levels = list(dict.fromkeys(zip((str(v) for v in shown), raw)))
        if raw.dtype.kind in "biuf":
            levels.sort(key=lambda level: float(level[1]))
        ranks[factor] = {text: index for index, (text, _) in enumerate(levels)}
    return ranks


def varied_settings(results, grid, ranges):
    """The grid parameters, then any other design column that varies between design points
    (a file that does not list it as a grid factor still must not pool it silently)."""
    design = results.get(DESIGN, {})
    others = [name for name in design if name not in grid and name not in ranges
              and name not in DESIGN_STRUCTURE
              and len(np.unique(design_column(results, name))) > 1]
    return list(grid) + others


def design_lines(results, grid, ranges, series):
    """One line per design point over every varied setting, design points whose runs are
    identical on `series` (runs x columns) merged; sampled ranges pooled. For the report's
    decision summary, which names the designs as the fan charts do."""
    factors = varied_settings(results, grid, ranges)
    points = run_design_points(results) if run_count(results) else np.zeros(0, dtype=np.int64)
    runs_of_point = {p: np.flatnonzero(points == p) for p in np.unique(points)}
    if ranges:  # sampled: one design per grid cell, pooled over the samples
        factors = [f for f in factors if f not in ranges]
    return _lines(results, runs_of_point, list(runs_of_point), factors, series)


def fan_panels(results, grid, ranges, series):
    """The panels and lines a fan chart of `series` (runs x months) draws: see the module."""
    grid = varied_settings(results, grid, ranges)
    points = run_design_points(results) if run_count(results) else np.zeros(0, dtype=np.int64)
    runs_of_point = {p: np.flatnonzero(points == p) for p in np.unique(points)}
    # A sampled range drawn as panels or lines (few distinct values) is not pooled over.
    sampled = [f"the sampled {setting_name_in_words(f)}" for f in ranges if f not in grid]
    panel_factor = grid[0] if len(grid) > 1 else None
    line_factors = grid[1:] if len(grid) > 1 else list(grid)
    panel_column = _column_in_words(results, panel_factor) if panel_factor else None
    panel_values = list(dict.fromkeys(str(v) for v in panel_column)) if panel_factor else [None]
    panels = []
    for value in panel_values:
        members = [p for p in runs_of_point
                   if value is None or str(panel_column[p]) == value]
        factors, pooled = list(line_factors), list(sampled)
        lines = _lines(results, runs_of_point, members, factors, series)
        while len(lines) > MAX_LINES and factors:
            pooled.insert(0, setting_name_in_words(factors.pop()))
            lines = _lines(results, runs_of_point, members, factors, series)
        title = setting_in_words(panel_factor, value) if panel_factor else ""
        panels.append(Panel(title, lines, pooled))
    return panels


def bands_shown(lines):
    """Which bands a panel can show and stay readable: both with one or two lines, the middle
    50% with three or four, none with more (the lines alone)."""
    return (5, 25, 75, 95) if lines <= 2 else (25, 75) if lines <= 4 else ()


def how_to_read(panels, windows=()):
    """The note under a fan chart: what the line and bands are, what is pooled, what the
    vertical lines mark."""
    most = max(len(p.lines) for p in panels)
    bands = bands_shown(most)
    text = "Line: median run of each design"
    text += ("; bands: middle 50% and 90% of runs" if len(bands) == 4
             else "; band: middle 50% of runs" if bands else " (bands left out: too many lines)")
    if any(line.end_months for p in panels for line in p.lines):
        text += "; dotted line: the end of a time-bound partnership's contract"
    if windows:
        every = windows[1] - windows[0] if len(windows) > 1 else windows[0]
        text += (f"; thin grey lines: the funder's decision windows (every {every} months, "
                 f"when it decides on strategy and funding)")
    pooled = pooled_settings(panels)
    if pooled:
        text += "; pooled over " + pooled_in_words(pooled)
    return text + "."


def pooled_settings(panels):
    """Every setting some panel pools over, once, in the panels' order."""
    return list(dict.fromkeys(x for p in panels for x in p.pooled))


def pooled_in_words(pooled, named=NAMED_POOLED):
    """What a chart pools over, short enough to read: up to `named` settings by name, the rest
    counted ('the sampled clarity of purpose, the sampled senior buy in, the sampled
    disclosure risk and 11 other sampled set-up choices (listed in What was run)'). Never
    silent: every pooled setting is named or counted."""
    if len(pooled) <= named + 1:  # counting one setting is no shorter than naming it
        return ", ".join(pooled[:-1]) + " and " + pooled[-1] if len(pooled) > 1 else pooled[0]
    rest = pooled[named:]
    kind = "sampled " if all(x.startswith("the sampled ") for x in rest) else ""
    return (f"{', '.join(pooled[:named])} and {len(rest)} other {kind}set-up choices "
            f"(listed in What was run)")


def fan_chart(results, measure, out_path, grid=(), ranges=(), dpi=150):
    """Draw the fan chart of `measure` into out_path; return its panels (fan_panels)."""
    series = timeseries(results, measure)
    months = months_axis(results, series)
    values = series[:]
    panels = fan_panels(results, list(grid), list(ranges), values)
    with plt.rc_context(STYLE):
        _draw(results, measure, series, months, values, panels, out_path, dpi)
    return panels


def _draw(results, measure, series, months, values, panels, out_path, dpi):
    fig, axes = panel_grid(len(panels), 2, width=6.5, height=4.6)
    description, units = words_of(series, measure)
    windows = decision_windows(results, months)
    for ax, panel in zip(axes, panels):
        for window in windows:
            ax.axvline(window, color="grey", linewidth=0.9, alpha=0.6, zorder=0)
        bands = bands_shown(len(panel.lines))
        for index, line in enumerate(panel.lines):
            colour = OKABE_ITO[index % MAX_LINES]
            rows = values[line.runs]
            q = dict(zip((5, 25, 50, 75, 95),
                         np.percentile(rows, [5, 25, 50, 75, 95], axis=0)))
            if 5 in bands:
                ax.fill_between(months, q[5], q[95], color=colour, alpha=0.13, linewidth=0)
            if 25 in bands:
                ax.fill_between(months, q[25], q[75], color=colour, alpha=0.28, linewidth=0)
            ax.plot(months, q[50], color=colour, linewidth=2.2,
                    label=f"{line.label} ({len(rows)} runs)")
            for end in line.end_months:
                if months[0] <= end <= months[-1]:
                    ax.axvline(end, color=colour, linestyle=":", linewidth=2)
        if panel.title:
            ax.set_title(panel.title, loc="left", fontsize=13)
        ax.set_xlabel("month")
        ax.set_ylabel(units or measure)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=11, loc="best", framealpha=0.85)
        thousands(ax)
    if len(axes) > 1:
        low = min(ax.get_ylim()[0] for ax in axes)
        high = max(ax.get_ylim()[1] for ax in axes)
        for ax in axes:
            ax.set_ylim(low, high)
    fig.suptitle(f"Median over runs: {description}", x=0.01, ha="left", fontsize=14)
    # Wrapped to the figure's width by hand: matplotlib's own wrapping does not hold below the
    # figure, and a one-line note widened the saved picture until its text shrank below 10 px
    # in the page (7,318 px wide for the enablers' 14 pooled ranges).
    characters = int(fig.get_size_inches()[0] * NOTE_CHARACTERS_PER_INCH)
    fig.text(0.01, -0.01, wrap(how_to_read(panels, windows), characters), ha="left", va="top",
             fontsize=11, color="dimgrey")
    fig.tight_layout()
    save(fig, out_path, dpi=dpi)
