"""Pictures of what each design parameter does to the measures, from an analysis file's
tables: forest plots and an overview of main effects (`main_effects`), interaction plots
(`interaction_cells`), Sobol indices (`sobol_indices`) and the Morris screening plot
(`morris`). Each function takes the tables read by helpers.read_tables, the measures'
words (helpers.Measures), an output folder and optionally the measures to draw, and
returns the Pictures it wrote (none if its table is absent or empty).
"""
import os
import sys

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import TwoSlopeNorm
from matplotlib.ticker import PercentFormatter

from helpers import (CLEAR, LIGHT, UNCLEAR, Picture, cell_in_words, choose_measures,
                     clear_of_zero, corner_note, finish, level_order, number, panel_grid,
                     place_labels, save, setting_name_in_words, slug, value_in_words, wrap)

# A standardised effect beyond this comes from a measure that hardly varies between runs
# (its standard deviation is rounding noise): not a meaningful size.
IMPLAUSIBLE = 1000.0
# The overview's widest figure (inches) before its labels: with them, saved at 150 dpi, it stays
# narrow enough that 11-pt text is 10 px in a 1,100 px column.
OVERVIEW_WIDTH = 13.0
# The Morris plot labels this many parameters per panel, those with the largest effects.
MORRIS_LABELS = 8


def _effect_label(row):
    """'setting:' on one line, 'from -> to' under it, so labels stay narrow; in words
    ('duration:', 'time-bound -> open-ended')."""
    return (f"{setting_name_in_words(row['parameter'])}:\n{value_in_words(row['from'])} "
            f"\u2192 {value_in_words(row['to'])}")


def forest(tables, measures, out_dir, chosen=None):
    """Forest plot of main effects: one panel per measure, one row per parameter (largest
    standardised effect on top), a dot at the estimated change in the measure when the
    parameter moves from its first level to its last, a whisker over its 95% interval, and
    the size in standard deviations at the right."""
    table = tables.get("main_effects")
    if table is None or len(table) == 0:
        return []
    names = choose_measures(table.unique("measure"), chosen)
    if not names:
        return []
    panels = [sorted(table.where(measure=m).rows(),
                     key=lambda r: -abs(r["standardised"]) if np.isfinite(r["standardised"])
                     else 0.0) for m in names]
    longest = max(len(line) for rows in panels for r in rows
                  for line in _effect_label(r).split("\n"))
    tallest = max(len(rows) for rows in panels)
    columns = 2 if len(names) > 1 and longest <= 40 else 1
    fig, axes = panel_grid(len(names), columns, width=7.0 if columns == 2 else 11.0,
                           height=1.9 + 0.75 * tallest)
    for ax, measure, rows in zip(axes, names, panels):
        y = np.arange(len(rows))[::-1]
        estimate = np.array([r["estimate"] for r in rows])
        low = np.array([r["low"] for r in rows])
        high = np.array([r["high"] for r in rows])
        clear = clear_of_zero(low, high)
        ax.axvline(0, color="black", linewidth=1)
        ax.hlines(y, low, high, color=np.where(clear, CLEAR, UNCLEAR), linewidth=3)
        ax.scatter(estimate[clear], y[clear], s=80, color=CLEAR, zorder=3)
        ax.scatter(estimate[~clear], y[~clear], s=80, facecolor="white", edgecolor=UNCLEAR,
                   linewidth=2, zorder=3)
        ax.set_yticks(y)
        ax.set_yticklabels([_effect_label(r) for r in rows])
        ax.set_ylim(-0.7, len(rows) - 0.3)
        span = max(np.nanmax(np.abs(np.r_[low, high])), 1e-12)
        ax.set_xlim(-1.15 * span, 1.15 * span)
        ax.grid(axis="x", alpha=0.3)
        ax.set_title(wrap(measures.description(measure), 55), loc="left")
        ax.set_xlabel(f"change in {measures.axis(measure)}")
        transform = ax.get_yaxis_transform()
        ax.text(1.02, len(rows) - 0.45, "size", transform=transform, fontsize=11,
                color="dimgrey", va="bottom")
        for row, at in zip(rows, y):
            d = row["standardised"]
            text = "n/a" if not np.isfinite(d) or abs(d) > IMPLAUSIBLE else f"{number(d, 1)} sd"
            ax.text(1.02, at, text, transform=transform, va="center", fontsize=11)
    finish(fig, title="What each set-up choice changes (first level \u2192 last level)",
           note="Dot: estimated change. Line: 95% interval. Filled blue: the interval excludes "
           "zero; hollow grey: no clear effect. 'sd': the change in standard deviations of the "
           "measure across runs.")
    path = save(fig, os.path.join(out_dir, "main_effects_forest.png"))
    return [Picture("forest", path, "Main effects of the set-up choices",
                    "Each dot shows how much a measure changes when one set-up choice moves from "
                    "its first to its last value (the others averaged over); the further from "
                    "the zero line, the bigger the change, and a grey hollow dot means the "
                    "model shows no clear effect.")]


def for_the_better(effects, goodness):
    """Effects (a row per measure) turned into better (+) or worse (-) by each measure's
    goodness (+1 higher is better, -1 lower is better, 0 neither: NaN, no colour)."""
    sign = np.asarray(goodness, dtype=float)[:, None]
    return np.where(sign != 0, np.asarray(effects, dtype=float) * sign, np.nan)


def effects_overview(tables, measures, out_dir):
    """Heatmap of standardised main effects, measures x parameters, coloured by what the change
    means for each measure (measures table: which way is good): blue for better, red for
    worse, whether the measure rose (trust) or fell (cost); a measure that is neither good nor
    bad either way is left uncoloured. Each cell is annotated with the signed change (grey
    text: interval includes zero)."""
    table = tables.get("main_effects")
    if table is None or len(table) == 0:
        return []
    rows = table.unique("measure")
    columns = table.unique("parameter")
    grid = np.full((len(rows), len(columns)), np.nan)
    clear = np.zeros_like(grid, dtype=bool)
    for row in table.rows():
        i, j = rows.index(row["measure"]), columns.index(row["parameter"])
        d = row["standardised"]
        grid[i, j] = d if np.isfinite(d) and abs(d) <= IMPLAUSIBLE else np.nan
        clear[i, j] = bool(clear_of_zero(row["low"], row["high"]))
    order = np.argsort(-np.nanmax(np.nan_to_num(np.abs(grid), nan=0.0), axis=0), kind="stable")
    grid, clear, columns = grid[:, order], clear[:, order], [columns[k] for k in order]
    better = for_the_better(grid, [measures.goodness(m) for m in rows])
    # At most OVERVIEW_WIDTH wide, however many parameters: shown in the page's column, a
    # wider picture's 11-pt text fell below 10 px (14 parameters: 8.5 px).
    fig, ax = plt.subplots(figsize=(min(OVERVIEW_WIDTH, max(8.0, 4.6 + 1.15 * len(columns))),
                                    3.2 + 0.55 * len(rows)))  # title and note take 2.6 in
    limit = 2.0
    image = ax.imshow(np.ma.masked_invalid(np.clip(better, -limit, limit)), cmap="RdBu",
                      norm=TwoSlopeNorm(0.0, -limit, limit), aspect="auto")
    ax.set_facecolor("#f0f0f0")
    for i in range(len(rows)):
        for j in range(len(columns)):
            value = grid[i, j]
            if not np.isfinite(value):
                text, colour = "n/a", "dimgrey"
            else:
                text = number(value, 1)
                deep = np.isfinite(better[i, j]) and abs(better[i, j]) > 1.2
                colour = ("white" if deep else "black") if clear[i, j] else "dimgrey"
            ax.text(j, i, text, ha="center", va="center", fontsize=11, color=colour,
                    fontstyle="normal" if clear[i, j] else "italic")
    ax.set_xticks(range(len(columns)))
    ax.set_xticklabels([setting_name_in_words(c) for c in columns], rotation=30, ha="right",
                       rotation_mode="anchor")
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([f"{m} ({'higher' if measures.goodness(m) > 0 else 'lower'} is better)"
                        if measures.goodness(m) else f"{m} (neither)" for m in rows])
    ax.spines[:].set_visible(False)
    bar = fig.colorbar(image, ax=ax, shrink=0.9, extend="both", aspect=15)
    bar.set_label("better (blue) or worse (red),\nin standard deviations")
    finish(fig, title="All main effects at a glance (each parameter moved from its first level "
           "to its last): better or worse for each measure",
           note="Numbers: the change in standard deviations of the measure (minus: it falls). "
           "Colour: blue if the change is good for that measure, red if bad (a fall in cost is "
           "blue); uncoloured: the measure is neither good nor bad either way. Grey italic "
           "numbers: the 95% interval includes zero. n/a: the measure does not vary between "
           "runs. Colours stop at \u00b12.")
    path = save(fig, os.path.join(out_dir, "main_effects_overview.png"))
    return [Picture("forest", path, "All main effects at a glance",
                    "Each square is one set-up choice's effect on one measure, against the "
                    "measure's usual spread between runs: deep blue means the measure changes a "
                    "lot for the better (trust rises, cost falls), deep red a lot for the "
                    "worse, and pale or grey-italic numbers that the change is small or "
                    "unclear.")]


def interaction(tables, measures, out_dir, chosen=None):
    """Interaction plots: for each pair of parameters in `interaction_cells`, one panel per
    measure with the mean at each level of A (x axis), one line per level of B, and 95%
    interval bars. Parallel lines: no interaction."""
    table = tables.get("interaction_cells")
    if table is None or len(table) == 0:
        return []
    levels = tables.get("main_effect_levels")
    pictures = []
    pairs = list(dict.fromkeys(zip(table["parameter_a"].tolist(), table["parameter_b"].tolist())))
    for a, b in pairs:
        pair = table.where(parameter_a=a, parameter_b=b)
        names = choose_measures(pair.unique("measure"), chosen)
        if not names:
            continue
        fig, axes = panel_grid(len(names), 2 if len(names) > 1 else 1, width=6.8, height=5.0)
        levels_a = level_order(pair["level_a"].tolist(), levels, a)
        levels_b = level_order(pair["level_b"].tolist(), levels, b)
        for ax, measure in zip(axes, names):
            cells = pair.where(measure=measure)
            for k, level_b in enumerate(levels_b):
                line = cells.where(level_b=level_b)
                lookup = {lv: i for i, lv in enumerate(line["level_a"].tolist())}
                xs, means, lows, highs = [], [], [], []
                for x, level_a in enumerate(levels_a):
                    if level_a in lookup:
                        i = lookup[level_a]
                        xs.append(x + (k - (len(levels_b) - 1) / 2) * 0.04)
                        means.append(line["mean"][i])
                        lows.append(line["mean"][i] - line["low"][i])
                        highs.append(line["high"][i] - line["mean"][i])
                ax.errorbar(xs, means, yerr=[lows, highs], marker="o", markersize=7,
                            linewidth=2.5, capsize=5, color=f"C{k % 10}", label=str(level_b))
            ax.set_xticks(range(len(levels_a)))
            ax.set_xticklabels([wrap(v, 14) for v in levels_a])
            ax.set_xlim(-0.35, len(levels_a) - 0.65)
            ax.set_xlabel(a)
            ax.set_ylabel(f"mean {measures.axis(measure)}")
            ax.set_title(wrap(measures.description(measure), 45), loc="left")
            ax.grid(alpha=0.3)
        finish(fig, title=f"Does the effect of {a} depend on {b}?",
               legend=axes[0].get_legend_handles_labels(), legend_columns=5,
               legend_title=f"one line per value of {b}",
               note="Dots: mean over the runs at those values; bars: 95% interval of the mean.")
        path = save(fig, os.path.join(out_dir, f"interaction_{slug(a)}_x_{slug(b)}.png"))
        a_words, b_words = setting_name_in_words(a), setting_name_in_words(b)
        pictures.append(Picture(
            "interaction", path, f"How {a_words} and {b_words} work together",
            f"Each line follows one value of {b_words} across the values of "
            f"{a_words}, with bars over the 95% interval of the mean; parallel lines mean "
            f"the two choices act independently, while lines that converge, diverge or "
            f"cross mean the effect of {a_words} depends on {b_words}."))
    return pictures


def _cells(table):
    cells = table.unique("cell") if "cell" in table else ["all"]
    return [(c, table.where(cell=c) if "cell" in table else table) for c in cells]


def _cell_suffix(cell, cells):
    return "" if len(cells) == 1 and cell == "all" else f"_{slug(cell)}"


def _cell_words(cell):
    return "" if cell == "all" else f" (where {cell_in_words(cell)})"


def sobol(tables, measures, out_dir, chosen=None):
    """Sobol indices: one panel per measure, one pair of horizontal bars per parameter
    (first-order: the parameter alone; total: with its interactions), sorted by total, with
    95% interval whiskers. One figure per cell of a crossed grid."""
    table = tables.get("sobol_indices")
    if table is None or len(table) == 0:
        return []
    pictures = []
    cells = _cells(table)
    for cell, part in cells:
        names = choose_measures(part.unique("measure"), chosen)
        if not names:
            continue
        count = len(part.unique("parameter"))
        longest = max(len(p) for p in part.unique("parameter"))
        columns = 2 if len(names) > 1 and longest <= 34 else 1
        fig, axes = panel_grid(len(names), columns, width=7.0, height=1.6 + 0.55 * count)
        for ax, measure in zip(axes, names):
            rows = sorted(part.where(measure=measure).rows(), key=lambda r: -r["total"])
            y = np.arange(len(rows))[::-1]
            for key, offset, colour, label in (("first", 0.2, LIGHT, "on its own (first order)"),
                                               ("total", -0.2, CLEAR, "with interactions (total)")):
                value = np.array([r["first_order" if key == "first" else "total"] for r in rows])
                low = np.array([r[f"{key}_low"] for r in rows])
                high = np.array([r[f"{key}_high"] for r in rows])
                ax.barh(y + offset, value, height=0.38, color=colour, label=label)
                ax.errorbar(value, y + offset, xerr=[np.clip(value - low, 0, None),
                                                     np.clip(high - value, 0, None)],
                            fmt="none", ecolor="#444444", elinewidth=1.2, capsize=3)
            ax.set_yticks(y)
            ax.set_yticklabels([r["parameter"] for r in rows])
            ax.set_ylim(-0.7, len(rows) - 0.3)
            top = max(0.1, np.nanmax([r["total_high"] for r in rows] + [r["total"] for r in rows]))
            bottom = min(0.0, np.nanmin([r["first_low"] for r in rows]))
            ax.set_xlim(bottom, min(1.05, top * 1.08) if top <= 1 else top * 1.08)
            ax.axvline(0, color="black", linewidth=1)
            ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
            ax.set_xlabel(f"share of the variation in {measure}")
            ax.set_title(wrap(measures.description(measure), 50), loc="left")
            ax.grid(axis="x", alpha=0.3)
        finish(fig, title="Which parameters drive the variation between runs?"
               + _cell_words(cell), legend=axes[0].get_legend_handles_labels(),
               legend_columns=2, note="Bars: Sobol indices; whiskers: 95% intervals. A share "
               "below zero is estimation noise around zero.")
        path = save(fig, os.path.join(out_dir, f"sobol{_cell_suffix(cell, cells)}.png"))
        pictures.append(Picture(
            "sobol", path, "Which parameters drive the variation" + _cell_words(cell),
            "The light bar is the share of a measure's variation between runs that a parameter "
            "explains on its own, the dark bar the share including its interactions with "
            "others; long bars matter, and a dark bar much longer than its light bar means the "
            "parameter works mostly through combinations."))
    return pictures


def morris(tables, measures, out_dir, chosen=None):
    """The Morris screening plot: one panel per measure, mu* (average size of a parameter's
    effect) against sigma (how much that effect varies), one labelled dot per parameter, with
    the mu* interval as a whisker and the line sigma = mu*."""
    table = tables.get("morris")
    if table is None or len(table) == 0:
        return []
    pictures = []
    cells = _cells(table)
    for cell, part in cells:
        names = choose_measures(part.unique("measure"), chosen)
        if not names:
            continue
        fig, axes = panel_grid(len(names), 2 if len(names) > 1 else 1, width=7.0, height=6.5)
        for ax, measure in zip(axes, names):
            rows = part.where(measure=measure)
            mu, sigma = rows["mu_star"], rows["sigma"]
            low, high = rows["mu_star_low"], rows["mu_star_high"]
            top_x = max(np.nanmax(np.r_[high, mu]), 1e-12) * 1.15
            top_y = max(np.nanmax(sigma), 1e-12) * 1.2
            ax.set_xlim(-0.02 * top_x, top_x)
            ax.set_ylim(-0.02 * top_y, top_y)
            reach = min(top_x, top_y)
            ax.plot([0, reach], [0, reach], linestyle="--", color="grey", linewidth=1)
            ax.errorbar(mu, sigma, xerr=[np.clip(mu - low, 0, None), np.clip(high - mu, 0, None)],
                        fmt="o", color=CLEAR, markersize=8, elinewidth=1.2, capsize=3)
            units = measures.units(measure)
            unit_text = f" ({units})" if units else ""
            ax.set_xlabel(f"\u03bc*: typical size of its effect{unit_text}")
            ax.set_ylabel(f"\u03c3: how much its effect varies{unit_text}")
            ax.set_title(wrap(measures.description(measure), 50), loc="left")
            ax.grid(alpha=0.3)
        finish(fig, title="Screening: which parameters matter (right) and act unevenly (up)?"
               + _cell_words(cell), note="Each dot is one parameter (Morris elementary "
               "effects); whiskers: 95% interval of \u03bc*. Above the dashed line the effect "
               "varies more than its typical size.")
        for ax, measure in zip(axes, names):  # once the layout is final
            rows = part.where(measure=measure)
            # Label the parameters with the largest effects; list the rest in a free corner.
            mu, sigma, names_here = rows["mu_star"], rows["sigma"], rows["parameter"].tolist()
            order = np.argsort(-mu, kind="stable")
            unlabelled = [names_here[i] for i in order[MORRIS_LABELS:]]
            labels = [None if n in unlabelled else n for n in names_here]
            note = None
            if unlabelled:
                note = corner_note(ax, wrap("Smaller effects, not labelled: "
                                            + ", ".join(unlabelled), 46), mu, sigma)
            crowded = place_labels(ax, mu.tolist(), sigma.tolist(), labels,
                                   priority=mu, reserved=[note] if note else [], fontsize=11)
            if crowded:
                print(f"note: morris: no room to label {', '.join(crowded)} for {measure}",
                      file=sys.stderr)
        path = save(fig, os.path.join(out_dir, f"morris{_cell_suffix(cell, cells)}.png"))
        pictures.append(Picture(
            "morris", path, "Screening of the parameters" + _cell_words(cell),
            "Parameters far to the right change the measure most; those high up change it by "
            "different amounts in different settings (their effect is uneven or depends on "
            "other parameters); those near the bottom-left hardly matter."))
    return pictures
