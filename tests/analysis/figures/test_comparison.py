"""comparison.py: a compare output file's differences over time and at the end."""
import os

import matplotlib.pyplot as plt

import comparison
import helpers
from conftest import is_png


def test_comparison_pictures(files, tmp_path):
    tables = helpers.read_tables(files["comparison"])
    with plt.rc_context(helpers.STYLE):
        pictures = comparison.draw(tables, helpers.Measures(), str(tmp_path))
    assert [os.path.basename(p.path) for p in pictures] == [
        "comparison_over_time.png", "comparison_final.png"]
    assert all(is_png(p.path) for p in pictures)
    assert "variant" in pictures[0].title


def test_no_comparison_no_pictures(tmp_path):
    assert comparison.draw({}, helpers.Measures(), str(tmp_path)) == []


def test_contract_ends_and_decision_windows_are_marked(tmp_path):
    # Both contracts end at month 36 of 60; the funder decides every 12 months.
    from test_decision import contract_comparison_file
    tables = helpers.read_tables(contract_comparison_file(str(tmp_path / "cmp.h5")))
    assert comparison.contract_marks(tables, 60) == ([36], [12, 24, 36, 48, 60])
    note = comparison.marks_note([36], [12, 24, 36, 48, 60])
    assert "end of a time-bound contract (month 36)" in note and "every 12 months" in note
    assert comparison.contract_marks({}, 60) == ([], [])
    open_ended = helpers.read_tables(contract_comparison_file(
        str(tmp_path / "open.h5"), ("open_ended", "open_ended"), (60, 60)))
    assert comparison.contract_marks(open_ended, 60)[0] == []
