"""pictures.py: what make_pictures draws and the grid parameter the fans are coloured by."""
import os

import h5py
import numpy as np
import pytest

import helpers
import pictures
from conftest import make_results


def test_grid_parameters_come_from_the_file(files):
    with h5py.File(files["results"], "r") as results:
        assert pictures.grid_parameters(results) == ["setup.duration", "setup.budget_hours"]


def test_a_sweep_without_grid_factors_colours_by_few_valued_parameters(tmp_path):
    path = str(tmp_path / "ranges.h5")
    make_results(path)
    with h5py.File(path, "r+") as handle:
        handle.attrs["grid_factors"] = h5py.Empty(h5py.string_dtype("utf-8"))
    with h5py.File(path, "r") as results:
        assert sorted(pictures.grid_parameters(results)) == [
            "setup.budget_hours", "setup.duration", "setup.join_month"]


def test_unknown_kinds_are_refused(files, tmp_path):
    with pytest.raises(ValueError, match="unknown kinds"):
        pictures.make_pictures(files["results"], str(tmp_path), kinds=["pie"])


def test_fan_pictures_only(files, tmp_path):
    drawn = pictures.make_pictures(files["results"], str(tmp_path), kinds=["fan"],
                                   measures=["capacity"])
    assert [(p.kind, p.title) for p in drawn] == [
        ("fan", "Median over runs: Mean MEL capacity of partners")]


def test_every_picture_is_legible_at_1280_px(files, tmp_path):
    # The report's column is about 1040 px wide at a 1280 px window: each figure's smallest
    # text, shrunk to that width, must be at least 10 px (the forest plot's was about 6).
    drawn = pictures.make_pictures(files["results"], str(tmp_path), files["analysis"],
                                   files["comparison"])
    small = {os.path.basename(p.path): round(helpers.shown_text_px(p.path), 1) for p in drawn
             if helpers.shown_text_px(p.path) < helpers.MIN_TEXT_PX}
    assert len(drawn) > 8 and small == {}


def test_the_interaction_asked_for_is_drawn_over_time():
    # `--interaction setup.join_month,setup.duration` once left the fan charts split by the
    # sweep's first grid parameter, pooling the interaction out of sight: the panels are now
    # one per duration, the lines one per join month.
    grid = ["setup.budget_hours", "setup.join_month", "setup.duration"]
    interaction = helpers.Table("interaction", {
        "measure": np.array(["capacity"], dtype=object),
        "parameter_a": np.array(["setup.join_month"], dtype=object),
        "parameter_b": np.array(["setup.duration"], dtype=object)})
    assert pictures.interaction_first(grid, {"interaction": interaction}) == [
        "setup.duration", "setup.join_month", "setup.budget_hours"]
    assert pictures.interaction_first(grid, {}) == grid


def test_a_fan_caption_begins_with_a_capital(files, tmp_path):
    # With one panel the caption read "... (bold title). one line per design: ...".
    with h5py.File(files["results"], "r") as results:
        drawn = pictures.fan(results, helpers.Measures(results), str(tmp_path), ["capacity"])
    assert drawn[0].caption.startswith("One panel per duration, one line per design")
    path = str(tmp_path / "budgets.h5")  # only the budget varies: one panel
    make_results(path)
    with h5py.File(path, "r+") as handle:
        del handle["design/setup.duration"], handle["design/setup.join_month"]
    with h5py.File(path, "r") as results:
        drawn = pictures.fan(results, helpers.Measures(results), str(tmp_path), ["capacity"])
    assert drawn[0].caption.startswith("One line per design: ")


def test_a_fan_caption_counts_what_is_pooled_without_repeating_the_names(
        files, tmp_path, monkeypatch):
    # The caption repeated the figure's 14-name list; it says how many, the figure names them.
    ranges = [f"setup.sampled_setting_number_{k}" for k in range(14)]
    monkeypatch.setattr(pictures, "design_parameters", lambda _: ([], ranges))
    with h5py.File(files["results"], "r") as results:
        drawn = pictures.fan(results, helpers.Measures(results), str(tmp_path), ["capacity"])
    caption = drawn[0].caption
    assert "Runs are pooled over 14 set-up choices, as the note in the picture says" in caption
    assert "sampled setting number" not in caption
