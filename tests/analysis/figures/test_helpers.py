"""helpers.py: the results layout, reading results and analysis files, words for numbers."""
import h5py
import numpy as np

import helpers
from conftest import IDENTITY, LOW_BUDGET, make_analysis, make_results, stamp_keys


def test_identity_is_the_files_attribute_and_absent_without_one(files, tmp_path):
    assert helpers.results_identity(files["results"]) == IDENTITY
    older = str(tmp_path / "older.h5")
    make_results(older)
    with h5py.File(older, "r+") as handle:
        del handle.attrs["identity"]
    assert helpers.results_identity(older) is None


def test_tables_read_back_in_stored_column_order(files):
    tables = helpers.read_tables(files["analysis"])
    assert list(tables["main_effects"].columns) == [
        "measure", "parameter", "from", "to", "estimate", "low", "high", "standardised"]
    assert tables["main_effects"]["from"][0] == LOW_BUDGET


def test_tables_of_other_results_are_left_out(files, tmp_path):
    # A table whose key names other results (an earlier file of the same name) is stale.
    stale = str(tmp_path / "stale.analysis.h5")
    make_analysis(stale, *make_results(str(tmp_path / "stale.h5")))
    stamp_keys(stale, None, identity="created 2020-01-01T00:00:00Z; runs 1")
    assert helpers.read_tables(stale, helpers.results_identity(files["results"])) == {}
    assert "main_effects" in helpers.read_tables(stale)  # without an identity: everything


def test_design_parameters_from_the_attributes(files):
    with h5py.File(files["results"], "r") as results:
        assert helpers.design_parameters(results) == (
            ["setup.duration", "setup.budget_hours"], [])


def test_design_parameters_of_older_files_come_from_the_design_tables(tmp_path):
    # Without grid_factors, ranges are the tables with range_index, grids the others.
    older = str(tmp_path / "older.h5")
    make_results(older, with_factors=False)
    with h5py.File(older, "r+") as handle:
        handle["design/setup.join_month"].attrs["range_index"] = np.int64(1)
        handle["design/grid_cell"] = np.zeros(8, dtype=np.uint64)
    with h5py.File(older, "r") as results:
        grid, ranges = helpers.design_parameters(results)
    assert sorted(grid) == ["setup.budget_hours", "setup.duration"]
    assert ranges == ["setup.join_month"]


def test_design_columns_and_run_labels(files):
    with h5py.File(files["results"], "r") as results:
        assert list(helpers.design_column(results, "setup.duration")[:2]) == [
            "time_bound", "open_ended"]
        labels = helpers.design_labels(results, "setup.duration")
        assert len(labels) == helpers.run_count(results) == 40
        assert labels[0] == "duration = time_bound"
        assert sorted(helpers.measure_names(results)) == [
            "burden_hours", "candour", "capacity", "trust_partner_facilitator"]


def test_number_words():
    assert helpers.number(0.1034) == "0.10"
    assert helpers.number(-0.00076) == "\u22120.00076"
    assert helpers.number(384000.0) == "384,000"
    assert helpers.number(float("nan")) == "n/a"
    assert helpers.size_in_words(-2.0) == "large"
    assert helpers.size_in_words(0.3) == "small"


def test_prim_limits_in_words(files):
    tables = helpers.read_tables(files["analysis"])
    words = [helpers.limit_in_words(limit) for limit in helpers.box_limits(tables, 1)]
    assert words == ["budget hours is 240", "join month is 0", "duration is open-ended"]


def test_box_edges_to_two_significant_digits():
    limit = {"parameter": "setup.quick_wins", "categories": "", "low": 0.00781, "high": 0.242}
    assert helpers.limit_in_words(limit) == "quick wins is between 0.0078 and 0.24"


def test_settings_in_words():
    assert helpers.setting_in_words("setup.end_month", 12) == "end month 12"
    assert helpers.setting_in_words("setup.duration", "time_bound") == "duration: time-bound"
    assert helpers.setting_in_words("setup.review", "true") == "review: yes"


def test_compared_names_the_files_without_folders(files):
    table = helpers.read_tables(files["comparison"])["comparison"]
    assert helpers.compared(table) == (
        "default.toml", "default.toml with duration: open-ended")
