"""fans.py: one fan chart per measure, a band per label."""
import h5py

import fans
import helpers
from conftest import is_png


def test_fan_chart_writes_a_png(files, tmp_path):
    path = str(tmp_path / "fan.png")
    with h5py.File(files["results"], "r") as results:
        fans.fan_chart(results, "candour", helpers.design_labels(results, "setup.duration"), path)
    assert is_png(path)
