"""fans.py: a fan chart never pools design points silently; identical designs share a line;
the end of a time-bound partnership is a dotted line; titles say median; Okabe-Ito colours;
text a reader can read."""
import h5py
import numpy as np

import fans
import helpers
from conftest import is_png

GRID = ["setup.duration", "setup.budget_hours"]


def design_of(results, runs, names):
    return {tuple(str(helpers.design_column(results, n)[p]) for n in names)
            for p in helpers.run_design_points(results)[runs]}


def test_no_line_pools_design_points(files):
    # The file's 8 design points: duration x budget x join month, join month not listed as a
    # grid factor. The old chart drew one band per duration, pooling budgets and join months.
    with h5py.File(files["results"], "r") as results:
        series = helpers.timeseries(results, "candour")[:]
        panels = fans.fan_panels(results, GRID, [], series)
        assert [p.title for p in panels] == ["duration: time-bound", "duration: open-ended"]
        everything = GRID + ["setup.join_month"]
        for panel in panels:
            assert panel.pooled == []
            assert len(panel.lines) == 4
            for line in panel.lines:
                assert len(design_of(results, line.runs, everything)) == 1, line.label
                assert len(line.runs) == 5
        labels = [line.label for line in panels[0].lines]
        assert "budget hours 40, join month 0" in labels


def tiny_file(f, points, per_point, months):
    """The run index of a results file: `per_point` runs of each of `points` design points."""
    f["runs/design_point"] = np.repeat(np.arange(points), per_point).astype(np.uint64)
    f["runs/run_index"] = np.arange(points * per_point, dtype=np.uint64)
    f["months"] = np.arange(1, months + 1, dtype=np.int32)


def test_identical_design_points_share_one_line_named_with_both(tmp_path):
    # Two join months that give bit-identical runs (a setting without effect there) are one
    # line, "any join month", not two lines on top of each other.
    path = tmp_path / "same.h5"
    with h5py.File(path, "w") as f:
        tiny_file(f, 4, 3, 6)
        f.create_dataset("design/setup.duration", data=np.array(
            ["time_bound", "time_bound", "open_ended", "open_ended"], dtype=object),
            dtype=h5py.string_dtype("utf-8"))
        f["design/setup.join_month"] = np.array([0, 6, 0, 6])
        base = np.random.default_rng(1).normal(size=(3, 6))
        f["timeseries/trust"] = np.vstack([base, base, base + 1, base + 2])
        series = f["timeseries/trust"][:]
        panels = fans.fan_panels(f, ["setup.duration", "setup.join_month"], [], series)
    assert [line.label for line in panels[0].lines] == ["any join month"]
    assert len(panels[0].lines[0].runs) == 6
    assert [line.label for line in panels[1].lines] == ["join month 0", "join month 6"]


def test_too_many_lines_pool_the_last_setting_and_say_so(tmp_path):
    path = tmp_path / "many.h5"
    with h5py.File(path, "w") as f:
        tiny_file(f, 20, 2, 4)
        f["design/setup.budget_hours"] = np.repeat(np.arange(10.0), 2)
        f["design/setup.quick_wins"] = np.tile([0.0, 1.0], 10)
        f["timeseries/trust"] = np.random.default_rng(2).normal(size=(40, 4))
        panels = fans.fan_panels(f, ["setup.quick_wins", "setup.budget_hours"], [],
                                 f["timeseries/trust"][:])
    # Ten budgets per panel are more lines than colours: budgets pooled, and said to be.
    assert len(panels) == 2 and all(p.pooled == ["budget hours"] for p in panels)
    assert [len(line.runs) for p in panels for line in p.lines] == [20, 20]
    assert "pooled over budget hours" in fans.how_to_read(panels)


def test_sampled_ranges_are_said_to_be_pooled(files):
    with h5py.File(files["results"], "r") as results:
        panels = fans.fan_panels(results, GRID, ["setup.quick_wins"],
                                 helpers.timeseries(results, "candour")[:])
    assert "pooled over the sampled quick wins" in fans.how_to_read(panels)


def drawn_figure(monkeypatch, results, measure, grid):
    kept = {}

    def keep(fig, path, dpi=150):
        kept["fig"] = fig
        return helpers.save(fig, path, dpi)
    monkeypatch.setattr(fans, "save", keep)
    return kept, fans.fan_chart(results, measure, "/dev/null", grid)


def test_end_of_a_time_bound_partnership_is_a_dotted_line(files, monkeypatch, tmp_path):
    path = tmp_path / "ends.h5"
    with h5py.File(files["results"], "r") as source, h5py.File(path, "w") as f:
        for name in ("runs", "months", "timeseries", "design"):
            source.copy(name, f)
        f["design/setup.end_month"] = np.array([6, 6, 6, 6, 9, 9, 9, 9])
        kept, panels = drawn_figure(monkeypatch, f, "candour", ["setup.duration"])
    time_bound, open_ended = kept["fig"].axes[:2]
    dotted = sorted(line.get_xdata()[0] for line in time_bound.lines
                    if line.get_linestyle() == ":")
    assert dotted == [6, 6, 9, 9]  # each line of the time-bound panel at its own end month
    assert not [line for line in open_ended.lines if line.get_linestyle() == ":"]
    assert panels[1].lines[0].end_months == []


def test_title_says_median_and_colours_are_okabe_ito(files, monkeypatch):
    with h5py.File(files["results"], "r") as results:
        kept, _ = drawn_figure(monkeypatch, results, "candour", GRID)
    fig = kept["fig"]
    assert fig._suptitle.get_text().startswith("Median over runs: Mean share")
    colours = {line.get_color().lower() for ax in fig.axes for line in ax.lines
               if line.get_color() != "grey"}  # grey: the decision windows
    assert colours <= {c.lower() for c in helpers.OKABE_ITO}


def test_fan_chart_writes_a_legible_png(files, tmp_path):
    path = str(tmp_path / "fan.png")
    with h5py.File(files["results"], "r") as results:
        fans.fan_chart(results, "candour", path, GRID)
    assert is_png(path)
    assert helpers.shown_text_px(path) >= helpers.MIN_TEXT_PX


def test_truth_values_are_named_yes_and_no(tmp_path):
    # The file stores a truth value as 1/0 and says so in the column's description.
    with h5py.File(tmp_path / "review.h5", "w") as f:
        tiny_file(f, 2, 2, 3)
        f["design/setup.review"] = np.array([0, 1], dtype=np.int64)
        f["design/setup.review"].attrs["description"] = (
            "Value of setup.review at each design point: Open-ended: whether goals are "
            "periodically reviewed. (1 true, 0 false)")
        f["timeseries/trust"] = np.arange(12.0).reshape(4, 3)
        panels = fans.fan_panels(f, ["setup.review"], [], f["timeseries/trust"][:])
    assert [line.label for line in panels[0].lines] == ["review: no", "review: yes"]


def test_the_funders_decision_windows_are_thin_grey_lines(files, monkeypatch, tmp_path):
    # A funder deciding every 4 months over a 12-month run: windows at months 4, 8 and 12 in
    # every panel, and the note says what they are. The test file's own scenario does not say
    # its cycle: no windows drawn (none guessed).
    path = tmp_path / "windows.h5"
    with h5py.File(files["results"], "r") as source, h5py.File(path, "w") as f:
        for name in ("runs", "months", "timeseries", "design"):
            source.copy(name, f)
        f.attrs["scenario"] = "[funder]\ndecision_cycle_months = 4\n"
        kept, panels = drawn_figure(monkeypatch, f, "candour", ["setup.duration"])
        assert fans.decision_windows(f, f["months"][:]) == [4, 8, 12]
    for ax in kept["fig"].axes[:2]:
        grey = sorted(line.get_xdata()[0] for line in ax.lines
                      if line.get_color() == "grey" and line.get_linestyle() == "-")
        assert grey == [4, 8, 12]
    assert "decision windows (every 4 months" in fans.how_to_read(panels, [4, 8, 12])
    with h5py.File(files["results"], "r") as results:
        assert fans.decision_windows(results, results["months"][:]) == []


def test_a_long_note_keeps_the_picture_legible(files, tmp_path):
    # The enablers' fan charts pool 14 sampled ranges: their one-line note once made the
    # picture 7,318 px wide, its text 3.5 px high in the page. The note is wrapped.
    ranges = [f"setup.sampled_setting_number_{k}" for k in range(14)]
    path = str(tmp_path / "fan.png")
    with h5py.File(files["results"], "r") as results:
        panels = fans.fan_chart(results, "candour", path, GRID, ranges)
    assert "and 11 other sampled set-up choices" in fans.how_to_read(panels)
    assert helpers.shown_text_px(path) >= helpers.MIN_TEXT_PX


def test_lines_are_in_the_order_of_the_factors_levels(tmp_path):
    # A sampled count of focal points came out in the legend as 3, 1, 2, 4 (the order the
    # samples happened to be drawn in); numbers ascend, truth values go no then yes.
    path = tmp_path / "order.h5"
    with h5py.File(path, "w") as f:
        tiny_file(f, 8, 2, 4)
        f["design/funder.focal_points"] = np.array([3, 1, 2, 4, 3, 1, 2, 4])
        f["design/setup.review"] = np.array([1, 1, 1, 1, 0, 0, 0, 0], dtype=np.uint8)
        f["design/setup.review"].attrs["description"] = "Reviewed (1 true, 0 false)"
        f["timeseries/trust"] = np.random.default_rng(3).normal(size=(16, 4))
        panels = fans.fan_panels(f, ["setup.review", "funder.focal_points"], [],
                                 f["timeseries/trust"][:])
    assert [p.title for p in panels] == ["review: yes", "review: no"]
    for panel in panels:
        assert [line.label for line in panel.lines] == [
            "focal points 1", "focal points 2", "focal points 3", "focal points 4"]


def test_choices_keep_the_order_the_design_lists_them(tmp_path):
    # Choices are not sorted by name: the design's order (its grid's) is the study's.
    path = tmp_path / "choices.h5"
    with h5py.File(path, "w") as f:
        tiny_file(f, 3, 2, 4)
        f.create_dataset("design/setup.archetype", data=np.array(
            ["sense_maker", "practice_partner", "network_builder"], dtype=object),
            dtype=h5py.string_dtype("utf-8"))
        f["timeseries/trust"] = np.random.default_rng(4).normal(size=(6, 4))
        panels = fans.fan_panels(f, ["setup.archetype"], [], f["timeseries/trust"][:])
    assert [line.label for line in panels[0].lines] == [
        "archetype: sense-maker", "archetype: practice-partner", "archetype: network-builder"]


def test_a_long_pooled_list_names_three_and_counts_the_rest(files):
    # The enablers' note listed all 14 sampled ranges in one sentence. It names three and
    # counts the rest, so nothing is pooled silently and the note stays short.
    ranges = [f"setup.sampled_setting_number_{k}" for k in range(14)]
    with h5py.File(files["results"], "r") as results:
        panels = fans.fan_panels(results, GRID, ranges, helpers.timeseries(results, "candour")[:])
    note = fans.how_to_read(panels)
    assert ("pooled over the sampled sampled setting number 0, the sampled sampled setting "
            "number 1, the sampled sampled setting number 2 and 11 other sampled set-up "
            "choices (listed in What was run).") in note
    assert "number 3" not in note
    assert len(note) < 400


def test_a_short_pooled_list_names_every_setting():
    assert fans.pooled_in_words(["a"]) == "a"
    assert fans.pooled_in_words(["a", "b"]) == "a and b"
    assert fans.pooled_in_words(["a", "b", "c", "d"]) == "a, b, c and d"
    assert fans.pooled_in_words(list("abcde")) == "a, b, c and 2 other set-up choices " \
        "(listed in What was run)"


def test_a_sampled_range_drawn_as_lines_is_not_said_to_be_pooled(files):
    # The enablers' lines are by the sampled focal points; the note said it pooled over them.
    with h5py.File(files["results"], "r") as results:
        panels = fans.fan_panels(results, GRID, ["setup.budget_hours", "setup.quick_wins"],
                                 helpers.timeseries(results, "candour")[:])
    assert all(p.pooled == ["the sampled quick wins"] for p in panels)
