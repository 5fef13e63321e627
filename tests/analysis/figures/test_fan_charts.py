"""fan_charts.py, run as a user would: one PNG per measure asked for; a bad measure fails."""
import os
import subprocess
import sys

from conftest import FIGURES, is_png, run


def test_one_picture_per_measure(files, tmp_path):
    printed = run("fan_charts.py", files["results"], "-o", str(tmp_path), "--by",
                  "setup.duration", "--measures", "candour", "capacity").split()
    assert [os.path.basename(p) for p in printed] == ["fan_candour.png", "fan_capacity.png"]
    assert all(is_png(p) for p in printed)


def test_an_unknown_measure_is_an_error(files, tmp_path):
    result = subprocess.run([sys.executable, os.path.join(FIGURES, "fan_charts.py"),
                             files["results"], "-o", str(tmp_path), "--measures", "nonsense"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode != 0
    assert "no measure nonsense" in result.stderr
