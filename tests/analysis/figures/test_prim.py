"""prim.py: peeling trajectory, box limits and the runs in the box."""
import os

import h5py
import matplotlib.pyplot as plt

import helpers
import prim
from conftest import is_png


def test_prim_pictures(files, tmp_path):
    tables = helpers.read_tables(files["analysis"])
    with h5py.File(files["results"], "r") as results, plt.rc_context(helpers.STYLE):
        pictures = prim.draw(tables, results, str(tmp_path))
    assert [os.path.basename(p.path) for p in pictures] == [
        "prim_trajectory.png", "prim_box1_limits.png", "prim_box1_runs.png"]
    assert all(is_png(p.path) for p in pictures)


def test_without_the_results_file_only_what_the_tables_allow(files, tmp_path):
    tables = helpers.read_tables(files["analysis"])
    with plt.rc_context(helpers.STYLE):
        pictures = prim.draw(tables, None, str(tmp_path))
    names = [os.path.basename(p.path) for p in pictures]
    assert "prim_trajectory.png" in names and "prim_box1_runs.png" not in names
