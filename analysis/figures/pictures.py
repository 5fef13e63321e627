"""Every picture a results file and its analysis file allow, drawn into a folder: the
drawing behind plots.py and report.py.
"""
import os

import h5py
import matplotlib.pyplot as plt
import numpy as np

import comparison
import effects
import prim
from fans import fan_chart, pooled_settings
from helpers import (DESIGN, DESIGN_STRUCTURE, DPI, STYLE, Measures, Picture, analysis_path_for,
                     choose_measures, design_parameters, measure_names,
                     read_tables, results_identity, setting_name_in_words)

KINDS = ["fan", "forest", "interaction", "sobol", "morris", "prim", "comparison"]


def grid_parameters(results):
    """The sweep's grid parameters in order (helpers.design_parameters); for a sweep without
    grid factors, design parameters with two to six distinct values."""
    design = results.get(DESIGN)
    if design is None:
        return []
    grid, _ = design_parameters(results)
    if grid:
        return [n for n in grid if n in design]
    return [n for n in design
            if n not in DESIGN_STRUCTURE and 1 < len(np.unique(design[n][:])) <= 6]


def interaction_first(grid, tables):
    """The grid with the interaction asked for (`--interaction A,B`: the interaction table's
    parameters) first, B then A: a panel per value of B, a line per value of A, so the
    interaction is drawn over time."""
    table = (tables or {}).get("interaction")
    if table is None or not len(table):
        return grid
    a, b = table["parameter_a"][0], table["parameter_b"][0]
    if a not in grid or b not in grid:
        return grid
    return [b, a] + [g for g in grid if g not in (a, b)]


def fan(results, measures, out_dir, chosen=None, tables=None):
    """Fan charts (median, bands over runs, month by month) of the key measures: a panel per
    value of the sweep's first grid parameter (of the second parameter of an interaction
    asked for), a line per design point (fans.py)."""
    available = measure_names(results)
    if not available:
        return []
    names = choose_measures(available, chosen)
    grid = interaction_first(grid_parameters(results), tables)
    _, ranges = design_parameters(results)
    pictures = []
    for measure in names:
        path = os.path.join(out_dir, f"fan_{measure}.png")
        panels = fan_chart(results, measure, path, grid, ranges, dpi=DPI)
        split = (f"one panel per {setting_name_in_words(grid[0])}, " if len(panels) > 1 else "")
        caption = (
            f"{split}one line per design: the line is the median run month by "
            f"month and the shaded bands hold the middle half (and, with few lines, the middle "
            f"90%) of that design's runs. Narrow bands mean luck matters little for that "
            f"design, and lines whose bands do not overlap mean the set-up makes a real "
            f"difference; a dotted line marks the end of a time-bound partnership."
            f"{pooling_in_caption(pooled_settings(panels))}")
        pictures.append(Picture("fan", path, "Median over runs: " + measures.description(measure),
                                caption[:1].upper() + caption[1:]))
    return pictures


def pooling_in_caption(pooled):
    """The caption's word on pooling: how many settings the runs are pooled over, not their
    names again (the figure's note names them)."""
    if not pooled:
        return ""
    one = len(pooled) == 1
    return (f" Runs are pooled over {len(pooled)} set-up {'choice' if one else 'choices'}, as "
            f"the note in the picture says, so part of a band's width is "
            f"{'that setting' if one else 'those settings'}, not luck.")


def make_pictures(results_path, out_dir, analysis_path=None, comparison_path=None,
                  measures=None, kinds=None):
    """Draw every picture the files allow into out_dir; return the Pictures in report order.
    `analysis_path` defaults to the analysis file beside the results; `kinds` to all."""
    kinds = set(kinds or KINDS)
    unknown = kinds - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kinds {sorted(unknown)}; choose from {KINDS}")
    os.makedirs(out_dir, exist_ok=True)
    tables = read_tables(analysis_path or analysis_path_for(results_path),
                         results_identity(results_path))
    compared = read_tables(comparison_path) if comparison_path else {}
    pictures = []
    with h5py.File(results_path, "r") as results, plt.rc_context(STYLE):
        words = Measures(results)
        if "fan" in kinds:
            pictures += fan(results, words, out_dir, measures, tables)
        if "forest" in kinds:
            pictures += effects.forest(tables, words, out_dir, measures)
            pictures += effects.effects_overview(tables, words, out_dir)
        if "interaction" in kinds:
            pictures += effects.interaction(tables, words, out_dir, measures)
        if "sobol" in kinds:
            pictures += effects.sobol(tables, words, out_dir, measures)
        if "morris" in kinds:
            pictures += effects.morris(tables, words, out_dir, measures)
        if "prim" in kinds:
            pictures += prim.draw(tables, results, out_dir)
        if "comparison" in kinds:
            pictures += comparison.draw(compared, words, out_dir, measures)
    return pictures
