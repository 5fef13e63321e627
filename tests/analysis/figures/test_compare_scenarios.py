"""compare_scenarios.py, run as a user would: parts of a sweep side by side, with --at."""
from conftest import is_png, run


def test_parts_of_a_sweep_and_the_numbers_behind_them(files, tmp_path):
    picture = str(tmp_path / "ab.png")
    printed = run("compare_scenarios.py", f"{files['results']}::setup.duration=open_ended",
                  f"{files['results']}::setup.duration=time_bound", "-o", picture,
                  "--measures", "capacity", "--at", "12")
    assert is_png(picture)
    rows = [line.split("\t") for line in printed.splitlines() if line.startswith("capacity")]
    # Four of the eight design points are open-ended, four time-bound, five replicates each.
    assert [(r[1], r[2].split("[")[1], r[-1]) for r in rows] == [
        ("month 12", "setup.duration=open_ended]", "(20 runs)"),
        ("month 12", "setup.duration=time_bound]", "(20 runs)")]
