"""compare_scenarios.py, run as a user would: parts of a sweep side by side, with --at."""
import os

from conftest import is_png, run


def test_parts_of_a_sweep_and_the_numbers_behind_them(files, tmp_path):
    picture = str(tmp_path / "ab.png")
    printed = run("compare_scenarios.py", f"{files['results']}::setup.duration=open_ended",
                  f"{files['results']}::setup.duration=time_bound", "-o", picture,
                  "--measures", "capacity", "--at", "12")
    assert is_png(picture)
    assert "setup.duration=open_ended" in printed and "setup.duration=time_bound" in printed
    assert os.path.basename(picture) in printed or "12" in printed
