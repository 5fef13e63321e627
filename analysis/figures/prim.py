"""Pictures of PRIM scenario discovery, from an analysis file's tables `prim_boxes`,
`prim_limits`, `prim_trajectory` and `prim_success` and the results file's design:

- the peeling trajectory: coverage against density of every box PRIM tried, coloured by how
  many parameters it restricts, with the chosen box marked;
- the box limits: each restricted parameter's allowed part drawn over its full range (for a
  choice, its allowed categories);
- where a box restricts two or more numeric parameters, the runs on the two narrowest,
  coloured by success, with the box drawn as a rectangle.

PRIM looks for simple conditions ("budget above 80 hours and an open-ended partnership")
under which a success is likely: coverage = the share of all successful runs the box holds,
density = the share of the box's runs that are successes.
"""
import os

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.patches import Rectangle
from matplotlib.ticker import PercentFormatter

from helpers import (ACCENT, CLEAR, LIGHT, Picture, allowed_categories, box_limits, boxes,
                     design_column, finish, has_design_column, key_value, limit_in_words,
                     limit_value, percent, run_count, run_design_points, save,
                     setting_name_in_words, show, wrap)

# Runs at the same setting are spread over this share of each axis's range, to be seen.
JITTER = 0.025


def _title(box):
    flag = "" if box["meets_threshold"] else " (below the density asked for)"
    return (f"Box {int(box['box'])} for success = {box['condition']}\n"
            f"It holds {percent(box['coverage'])} of all successful runs (coverage), and "
            f"{percent(box['density'])} of the runs inside it succeed (density){flag}.")


def trajectory(tables, out_dir):
    """Coverage against density along each box's peeling trajectory, coloured by the number
    of restricted parameters, the chosen box ringed."""
    table = tables.get("prim_trajectory")
    found = boxes(tables)
    if table is None or len(table) == 0 or not found:
        return []
    threshold = key_value(table.key, "threshold") or key_value(
        tables["prim_boxes"].key, "threshold")
    fig, axes = plt.subplots(1, len(found), figsize=(7.5 * len(found), 6.2), squeeze=False)
    most = int(np.nanmax(table["restricted_dimensions"])) if len(table) else 1
    colours = plt.get_cmap("viridis", most + 1)
    cmap = ListedColormap([colours(k) for k in range(most + 1)])
    norm = BoundaryNorm(np.arange(-0.5, most + 1.5), most + 1)
    for ax, box in zip(axes[0], found):
        steps = table.where(table["box"] == box["box"])
        order = np.argsort(steps["step"])
        coverage, density = steps["coverage"][order], steps["density"][order]
        ax.plot(coverage, density, color="lightgrey", linewidth=1.5, zorder=1)
        dots = ax.scatter(coverage, density, c=steps["restricted_dimensions"][order], cmap=cmap,
                          norm=norm, s=60, zorder=2, edgecolor="white", linewidth=0.5)
        distance = (np.abs(coverage - box["coverage"]) + np.abs(density - box["density"])
                    + np.abs(steps["mass"][order] - box["mass"]))
        chosen = int(np.argmin(distance))
        ax.scatter([coverage[chosen]], [density[chosen]], s=320, facecolor="none",
                   edgecolor=ACCENT, linewidth=3, zorder=3)
        right = coverage[chosen] < 0.5  # write the label on the side with room
        below = density[chosen] > 0.5
        ax.annotate("chosen box", (coverage[chosen], density[chosen]),
                    xytext=(22 if right else -22, -30 if below else 30),
                    textcoords="offset points", ha="left" if right else "right",
                    va="top" if below else "bottom", color=ACCENT, fontsize=13,
                    fontweight="bold", arrowprops=dict(arrowstyle="-", color=ACCENT))
        if threshold:
            try:
                ax.axhline(float(threshold), color="grey", linestyle="--", linewidth=1)
                ax.text(0.02, float(threshold), " density asked for", color="grey",
                        va="bottom", fontsize=11, transform=ax.get_yaxis_transform())
            except ValueError:
                pass
        ax.set_xlim(-0.02, 1.04)
        ax.set_ylim(max(0.0, float(np.nanmin(density)) - 0.08), 1.04)
        ax.xaxis.set_major_formatter(PercentFormatter(1.0))
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_xlabel("coverage: share of all successes inside")
        ax.set_ylabel("density: share of runs inside that succeed")
        ax.set_title(f"Box {int(box['box'])}", loc="left")
        ax.grid(alpha=0.3)
    bar = fig.colorbar(dots, ax=axes[0][-1], ticks=range(most + 1), shrink=0.85)
    bar.set_label("parameters restricted")
    finish(fig, title=f"How PRIM narrowed down the runs: success = {found[0]['condition']}",
           note="Each dot is one candidate box, from the starting box (all runs not in an "
           "earlier box, lower right) to the smallest (upper left); the ring marks the box "
           "chosen.")
    path = save(fig, os.path.join(out_dir, "prim_trajectory.png"))
    return [Picture("prim", path, "How the boxes were found",
                    "Each dot is a candidate box: PRIM starts at the lower right (all runs) and "
                    "narrows the box step by step, gaining density (more of the runs inside "
                    "succeed) at the cost of coverage (fewer of all successes inside); the ring "
                    "marks the box it chose.")]


def _categories_all(results, parameter, allowed):
    """Every category of a choice parameter, in design order, if the results file knows."""
    if not has_design_column(results, parameter):
        return allowed
    values = [show(v) for v in design_column(results, parameter)]
    everything = list(dict.fromkeys(values))
    if set(values) <= {"0", "1"} and set(allowed) <= {"false", "true"}:
        everything = ["false", "true"]
    try:
        everything.sort(key=float)
    except ValueError:
        pass
    return everything if set(allowed) <= set(everything) else allowed


def limits(tables, results, out_dir):
    """For each box, one bar per restricted parameter: its allowed part over its full range
    (numbers at both), or, for a choice, one segment per category, allowed ones coloured."""
    pictures = []
    for box in boxes(tables):
        rows = box_limits(tables, box["box"])
        if not rows:
            continue
        fig, ax = plt.subplots(figsize=(11, 1.9 + 1.05 * len(rows)))
        for y, limit in zip(range(len(rows) - 1, -1, -1), rows):
            categories = allowed_categories(limit)
            if categories:
                everything = _categories_all(results, limit["parameter"], categories)
                width = 1.0 / len(everything)
                for k, category in enumerate(everything):
                    inside = category in categories
                    ax.add_patch(Rectangle((k * width + 0.004, y - 0.22), width - 0.008, 0.44,
                                           color=CLEAR if inside else "#e3e3e3"))
                    ax.text((k + 0.5) * width, y, wrap(category, 18), ha="center", va="center",
                            fontsize=12, color="white" if inside else "dimgrey",
                            fontweight="bold" if inside else "normal")
                continue
            start, end = limit["range_low"], limit["range_high"]
            span = end - start if end > start else 1.0
            left = (limit["low"] - start) / span
            right = (limit["high"] - start) / span
            ax.add_patch(Rectangle((0, y - 0.12), 1, 0.24, color="#e3e3e3"))
            ax.add_patch(Rectangle((left, y - 0.22), max(right - left, 0.012), 0.44, color=CLEAR))
            ax.text(-0.01, y, limit_value(start), ha="right", va="center", fontsize=12,
                    color="dimgrey")
            ax.text(1.01, y, limit_value(end), ha="left", va="center", fontsize=12,
                    color="dimgrey")
            if limit["low"] > start:  # the grey label already says where the range starts
                ax.text(left, y + 0.26, limit_value(limit["low"]), ha="center", va="bottom",
                        fontsize=12, color=CLEAR, fontweight="bold")
            if limit["high"] < end and (right - left > 0.06 or limit["low"] <= start):
                ax.text(right, y + 0.26, limit_value(limit["high"]), ha="center", va="bottom",
                        fontsize=12, color=CLEAR, fontweight="bold")
        ax.set_yticks(range(len(rows)))
        ax.set_yticklabels([r["parameter"] for r in rows][::-1])
        ax.tick_params(axis="y", pad=48, length=0)
        ax.set_xticks([])
        ax.set_xlim(0, 1)
        ax.set_ylim(-0.6, len(rows) - 0.2)
        ax.spines[:].set_visible(False)
        ax.set_title(wrap(_title(box), 90), loc="left")
        ax.set_xlabel("Blue: the values the box allows; grey: the full range the design "
                      "covered.", fontsize=11, color="dimgrey", loc="left")
        path = save(fig, os.path.join(out_dir, f"prim_box{int(box['box'])}_limits.png"))
        pictures.append(Picture(
            "prim", path, f"Box {int(box['box'])}: where success is likely",
            "Each bar is one set-up parameter: the blue part is the range (or the choices) "
            "inside which success is likely, the grey bar everything the experiment tried; "
            "runs need to be inside all blue parts at once."))
    return pictures


def _run_values(results, parameter, points):
    return design_column(results, parameter).astype(float)[points]


def scatter(tables, results, out_dir):
    """For each box restricting two or more numeric parameters: every run on the two
    narrowest of them, coloured by success, with the box as a rectangle. Runs that the box's
    other limits exclude are drawn faint."""
    success = tables.get("prim_success")
    if results is None or success is None or len(success) == 0 or run_count(results) == 0:
        return []
    points = run_design_points(results)
    runs = success["run"].astype(np.int64)
    if runs.max() >= len(points):
        return []
    points = points[runs]
    succeeded = success["success"] > 0.5
    pictures = []
    for box in boxes(tables):
        rows = box_limits(tables, box["box"])
        numeric = [r for r in rows if not allowed_categories(r)
                   and has_design_column(results, r["parameter"])]
        if len(numeric) < 2:
            continue
        numeric.sort(key=lambda r: (r["high"] - r["low"])
                     / max(r["range_high"] - r["range_low"], 1e-12))
        first, second = numeric[:2]
        x = _run_values(results, first["parameter"], points)
        y = _run_values(results, second["parameter"], points)
        inside_others = np.ones(len(runs), dtype=bool)
        for other in rows:
            if other in (first, second) or not has_design_column(results, other["parameter"]):
                continue
            values = design_column(results, other["parameter"])[points]
            if allowed_categories(other):
                text = np.array([show(v) for v in values])
                if values.dtype.kind not in "OSU" and set(text) <= {"0", "1"}:
                    text = np.where(text == "1", "true", "false")
                inside_others &= np.isin(text, allowed_categories(other))
            else:
                values = values.astype(float)
                inside_others &= (values >= other["low"]) & (values <= other["high"])
        rng = np.random.default_rng(0)
        jitter = lambda v, r: v + rng.uniform(-JITTER, JITTER, len(v)) * max(  # noqa: E731
            r["range_high"] - r["range_low"], 1e-12)
        xj, yj = jitter(x, first), jitter(y, second)
        fig, ax = plt.subplots(figsize=(9, 7))
        for mask, colour, label, size in ((~succeeded, LIGHT, "not a success", 16),
                                          (succeeded, ACCENT, "success", 18)):
            strong = mask & inside_others
            faint = mask & ~inside_others
            ax.scatter(xj[faint], yj[faint], s=size, color=colour, alpha=0.15, linewidth=0)
            ax.scatter(xj[strong], yj[strong], s=size, color=colour, alpha=0.75, linewidth=0,
                       label=f"{label} ({int(mask.sum())} runs)")
        # Drawn a little larger than its limits, so the nudged dots on its edges fall inside.
        pad_x = JITTER * 1.4 * max(first["range_high"] - first["range_low"], 1e-12)
        pad_y = JITTER * 1.4 * max(second["range_high"] - second["range_low"], 1e-12)
        ax.add_patch(Rectangle((first["low"] - pad_x, second["low"] - pad_y),
                               first["high"] - first["low"] + 2 * pad_x,
                               second["high"] - second["low"] + 2 * pad_y, fill=False,
                               edgecolor="black", linewidth=2.5, linestyle="--",
                               label=f"box {int(box['box'])}"))
        ax.set_xlabel(first["parameter"])
        ax.set_ylabel(second["parameter"])
        others = [limit_in_words(r) for r in rows if r not in (first, second)]
        note = ("; faint: runs outside the box's other limits (" + "; ".join(others) + ")"
                if others else "")
        ax.set_title(wrap(_title(box), 70), loc="left", fontsize=13)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
        ax.text(0, -0.13, wrap("Each dot is one run (nudged slightly so runs at the same "
                               "setting show)" + note + ".", 95), transform=ax.transAxes,
                fontsize=10, color="dimgrey", va="top")
        ax.grid(alpha=0.3)
        finish(fig)
        path = save(fig, os.path.join(out_dir, f"prim_box{int(box['box'])}_runs.png"))
        pictures.append(Picture(
            "prim", path, f"Box {int(box['box'])}: the runs behind it",
            f"Each dot is one run, placed by its {setting_name_in_words(first['parameter'])} "
            f"and {setting_name_in_words(second['parameter'])}; orange dots are successes, and "
            f"the dashed rectangle is the box, which should hold mostly orange dots and most "
            f"of them."))
    return pictures


def draw(tables, results, out_dir):
    """All PRIM pictures the tables allow."""
    if "prim_boxes" not in tables:
        return []
    return trajectory(tables, out_dir) + limits(tables, results, out_dir) + scatter(
        tables, results, out_dir)
