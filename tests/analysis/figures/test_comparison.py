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
