"""What the tests of analysis/figures share: tiny synthetic files in the layouts the C++ side
writes (a results file, an analysis file with every table, a compare output file), and the
scripts' folder on sys.path so the tests import its modules as the scripts do.

Planted in the analysis file: a clear effect of setup.budget_hours on trust (interval
excludes zero, 2 standard deviations), whose first level is labelled "<40 hours" (it must
reach the page escaped), and an unclear effect of setup.duration (interval includes zero),
which must not appear among the findings.
"""
import os
import subprocess
import sys

import h5py
import numpy as np
import pytest

FIGURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "analysis",
                       "figures")
sys.path.insert(0, os.path.abspath(FIGURES))

import helpers  # noqa: E402

IDENTITY = ("created 2026-11-25T12:00:00Z; runs 40; command partnersim run scenarios/test "
            "<sweep>.toml -o test.h5; partnersim 0.1.0; scenario 0123456789abcdef")
MEASURES = {
    "trust_partner_facilitator": ("Mean trust of partners in the facilitator", "share 0-1",
                                  "higher is better"),
    "candour": ("Mean share of what partners learn that they report honestly", "share 0-1",
                "higher is better"),
    "capacity": ("Mean MEL capacity of partners", "share 0-1", "higher is better"),
    "burden_hours": ("Mean hours a partner spends on reporting and learning", "hours/month",
                     "lower is better"),
}
LOW_BUDGET = "<40 hours"


def write_table(handle, name, text, numbers, description="test table", key="month 12"):
    """One table in the analysis-file layout: a group, a dataset per column."""
    group = handle.create_group(name)
    group.attrs["description"] = description
    group.attrs["key"] = key
    group.attrs["columns"] = ",".join(list(text) + list(numbers))
    for column, values in text.items():
        group.create_dataset(column, data=np.array(values, dtype=object),
                             dtype=h5py.string_dtype("utf-8"))
    for column, values in numbers.items():
        group.create_dataset(column, data=np.asarray(values, dtype=np.float64))


def make_results(path, months=12, replicates=5, with_factors=True):
    """A results file: 8 design points (duration x budget x join month), 40 runs."""
    duration = np.array(["time_bound", "open_ended"] * 4, dtype=object)
    budget = np.array([40.0, 40.0, 240.0, 240.0, 40.0, 40.0, 240.0, 240.0])
    join = np.array([0, 0, 0, 0, 12, 12, 12, 12])
    points = np.repeat(np.arange(8), replicates)
    rng = np.random.default_rng(7)
    with h5py.File(path, "w") as f:
        f.attrs["command_line"] = "partnersim run scenarios/test <sweep>.toml -o test.h5"
        f.attrs["created_utc"] = "2026-11-25T12:00:00Z"
        f.attrs["scenario"] = "[run]\nmonths = 12  # a <tiny> test\n"
        f.attrs["sweep"] = ("design: full factorial grid\n  grid   setup.duration  \"time_bound\", "
                            "\"open_ended\"\n  grid   setup.budget_hours  40, 240\n")
        if with_factors:
            f.attrs["grid_factors"] = ["setup.duration", "setup.budget_hours"]
            f.attrs["range_factors"] = h5py.Empty(h5py.string_dtype("utf-8"))
        f.attrs["identity"] = IDENTITY
        f.attrs["design_points"] = 8
        f.attrs["replicates_per_point"] = replicates
        f.attrs["runs"] = len(points)
        f.attrs["months"] = months
        f["months"] = np.arange(1, months + 1, dtype=np.int32)
        f["runs/run_index"] = np.arange(len(points), dtype=np.uint64)
        f["runs/design_point"] = points.astype(np.uint64)
        f.create_dataset("design/setup.duration", data=duration,
                         dtype=h5py.string_dtype("utf-8"))
        f["design/setup.budget_hours"] = budget
        f["design/setup.join_month"] = join
        for name, (description, units, direction) in MEASURES.items():
            level = 0.4 + 0.001 * budget[points] - 0.01 * join[points]
            series = (level[:, None] * np.linspace(0.5, 1, months)[None, :]
                      + rng.normal(0, 0.02, (len(points), months))).astype(np.float32)
            for group, data in (("timeseries", series), ("final", series[:, -1].astype(float))):
                dataset = f.create_dataset(f"{group}/{name}", data=data)
                dataset.attrs["description"] = description
                dataset.attrs["units"] = units
                dataset.attrs["direction"] = direction
    return budget, join, points


def make_analysis(path, budget, join, points):
    """Every analysis table, with the planted clear and unclear effects."""
    measures = list(MEASURES)
    with h5py.File(path, "w") as f:
        me = {"measure": [], "parameter": [], "from": [], "to": []}
        mn = {"estimate": [], "low": [], "high": [], "standardised": []}
        for m in measures:
            for parameter, first, last, numbers in (
                    ("setup.budget_hours", LOW_BUDGET, "240", (-0.1, -0.12, -0.08, -2.0)),
                    ("setup.duration", "time_bound", "open_ended", (0.03, -0.02, 0.08, 0.6))):
                for column, value in zip(me, (m, parameter, first, last)):
                    me[column].append(value)
                for column, value in zip(mn, numbers):
                    mn[column].append(value)
        write_table(f, "main_effects", me, mn)
        levels = {"measure": [], "parameter": [], "level": []}
        levels_n = {"level_index": [], "mean": [], "low": [], "high": [], "runs": []}
        for m in measures:
            for parameter, names in (("setup.budget_hours", [LOW_BUDGET, "240"]),
                                     ("setup.duration", ["time_bound", "open_ended"])):
                for index, level in enumerate(names):
                    for column, value in zip(levels, (m, parameter, level)):
                        levels[column].append(value)
                    for column, value in zip(levels_n, (index, 0.5, 0.48, 0.52, 20)):
                        levels_n[column].append(value)
        write_table(f, "main_effect_levels", levels, levels_n)
        cells = {k: [] for k in ("measure", "parameter_a", "level_a", "parameter_b", "level_b")}
        cells_n = {k: [] for k in ("mean", "low", "high", "runs")}
        inter = {k: [] for k in ("measure", "parameter_a", "from_a", "to_a", "parameter_b",
                                 "at_b")}
        inter_n = {k: [] for k in ("estimate", "low", "high")}
        for m in measures:
            for b, shift in (("time_bound", 0.0), ("open_ended", 0.05)):
                for a, mean in ((LOW_BUDGET, 0.5), ("240", 0.4 + shift)):
                    for column, value in zip(cells, (m, "setup.budget_hours", a,
                                                     "setup.duration", b)):
                        cells[column].append(value)
                    for column, value in zip(cells_n, (mean, mean - 0.02, mean + 0.02, 10)):
                        cells_n[column].append(value)
            for at, numbers in (("time_bound", (-0.1, -0.12, -0.08)),
                                ("open_ended", (-0.05, -0.07, -0.03)),
                                ("difference (last - first)", (0.05, 0.02, 0.08))):
                for column, value in zip(inter, (m, "setup.budget_hours", LOW_BUDGET, "240",
                                                 "setup.duration", at)):
                    inter[column].append(value)
                for column, value in zip(inter_n, numbers):
                    inter_n[column].append(value)
        write_table(f, "interaction_cells", cells, cells_n)
        write_table(f, "interaction", inter, inter_n)
        parameters = ["setup.budget_hours", "setup.duration", "setup.join_month"]
        sobol = {"measure": [], "parameter": [], "cell": []}
        sobol_n = {k: [] for k in ("first_order", "first_low", "first_high", "total",
                                   "total_low", "total_high")}
        morris = {"measure": [], "parameter": [], "cell": []}
        morris_n = {k: [] for k in ("mu", "mu_star", "mu_star_low", "mu_star_high", "sigma")}
        for m in measures:
            for parameter, share in zip(parameters, (0.6, 0.25, 0.02)):
                for table in (sobol, morris):
                    for column, value in zip(table, (m, parameter, "all")):
                        table[column].append(value)
                for column, value in zip(sobol_n, (share, share - 0.05, share + 0.05,
                                                   share * 1.2, share * 1.2 - 0.05,
                                                   share * 1.2 + 0.05)):
                    sobol_n[column].append(value)
                for column, value in zip(morris_n, (-share / 4, share / 4, share / 5, share / 3,
                                                    share / 6)):
                    morris_n[column].append(value)
        write_table(f, "sobol_indices", sobol, sobol_n)
        write_table(f, "morris", morris, morris_n)
        success = ((budget[points] > 100) & (join[points] < 6)).astype(float)
        write_table(f, "prim_boxes", {"condition": ["trust_partner_facilitator >= 0.6"]},
                    {"box": [1], "coverage": [0.9], "density": [0.85], "mass": [0.25],
                     "cases": [10], "successes": [9], "meets_threshold": [1]},
                    key="month 12; threshold 0.8")
        write_table(f, "prim_limits", {"parameter": ["setup.budget_hours", "setup.join_month",
                                                     "setup.duration"],
                                       "categories": ["", "", "open_ended"]},
                    {"box": [1, 1, 1], "low": [240, 0, np.nan], "high": [240, 0, np.nan],
                     "range_low": [40, 0, np.nan], "range_high": [240, 12, np.nan]})
        write_table(f, "prim_trajectory", {},
                    {"box": [1, 1, 1, 1], "step": [0, 1, 2, 3],
                     "coverage": [1.0, 1.0, 0.95, 0.9], "density": [0.25, 0.5, 0.7, 0.85],
                     "mass": [1.0, 0.5, 0.35, 0.25], "restricted_dimensions": [0, 1, 2, 3]})
        write_table(f, "prim_success", {}, {"run": np.arange(len(points)), "success": success})


def make_comparison(path, months=12):
    """A compare output file (no root attributes)."""
    measures = list(MEASURES)
    with h5py.File(path, "w") as f:
        write_table(f, "comparison", {"measure": measures},
                    {"baseline_mean": [0.5, 0.6, 0.4, 3.0], "variant_mean": [0.6, 0.6, 0.45, 4.0],
                     "difference": [0.1, 0.0, 0.05, 1.0], "low": [0.08, -0.01, 0.04, 0.9],
                     "high": [0.12, 0.01, 0.06, 1.1], "standardised": [1.5, 0.0, 0.9, 2.5]},
                    key="baseline: scenarios/default.toml; variant: scenarios/default.toml "
                        "--set setup.duration=open_ended; seed 1")
        rows = {"measure": [m for m in measures for _ in range(months)]}
        month = np.tile(np.arange(1, months + 1), len(measures)).astype(float)
        difference = np.tile(np.linspace(0, 0.1, months), len(measures))
        write_table(f, "comparison_over_time", rows,
                    {"month": month, "baseline_mean": difference * 0 + 0.5,
                     "variant_mean": 0.5 + difference, "difference": difference,
                     "low": difference - 0.02, "high": difference + 0.02,
                     "standardised": difference * 10})


def run(script, *arguments):
    """Runs one of the scripts as a user would; returns what it printed."""
    result = subprocess.run([sys.executable, os.path.join(FIGURES, script), *arguments],
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise AssertionError(f"{script} failed ({result.returncode}):\n{result.stderr}")
    return result.stdout


def stamp_keys(analysis_path, results_path, identity=None):
    """Key every table with the results' identity, as partnersim does when it stores them."""
    identity = identity if identity is not None else helpers.results_identity(results_path)
    with h5py.File(analysis_path, "r+") as handle:
        for group in handle.values():
            key = group.attrs["key"]
            key = key.decode() if isinstance(key, bytes) else key
            group.attrs["key"] = f"{identity}; {key}"


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """A folder with test.h5, test.analysis.h5 (keyed with test.h5's identity) and cmp.h5."""
    folder = tmp_path_factory.mktemp("figures")
    results = str(folder / "test.h5")
    budget, join, points = make_results(results)
    analysis = str(folder / "test.analysis.h5")
    make_analysis(analysis, budget, join, points)
    stamp_keys(analysis, results)
    comparison = str(folder / "cmp.h5")
    make_comparison(comparison)
    return {"folder": str(folder), "results": results, "analysis": analysis,
            "comparison": comparison}


def is_png(path):
    with open(path, "rb") as handle:
        return handle.read(8) == b"\x89PNG\r\n\x1a\n"
