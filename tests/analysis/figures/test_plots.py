"""plots.py: every kind of picture, printed paths, --kinds and a missing analysis file."""
import os

import pytest

from conftest import is_png, make_results, run


@pytest.fixture(scope="module")
def printed(files):
    return run("plots.py", files["results"], "-o", os.path.join(files["folder"], "figures"),
               "--comparison", files["comparison"]).split()


def test_plots_draws_every_kind_and_prints_the_paths(printed):
    names = {os.path.basename(p) for p in printed}
    for expected in ("fan_trust_partner_facilitator.png", "main_effects_forest.png",
                     "main_effects_overview.png",
                     "interaction_setup.budget_hours_x_setup.duration.png", "sobol.png",
                     "morris.png", "prim_trajectory.png", "prim_box1_limits.png",
                     "prim_box1_runs.png", "comparison_over_time.png", "comparison_final.png"):
        assert expected in names
    assert all(is_png(path) for path in printed)


def test_kinds_and_a_missing_analysis_file(tmp_path):
    bare = str(tmp_path / "bare.h5")
    make_results(bare)
    printed = run("plots.py", bare, "-o", str(tmp_path / "bare"), "--kinds", "fan", "forest",
                  "--measures", "candour").split()
    assert [os.path.basename(p) for p in printed] == ["fan_candour.png"]
