"""effects.py: forest, overview, interaction, Sobol and Morris pictures from their tables."""
import h5py
import matplotlib.pyplot as plt
import numpy as np

import effects
import helpers
import conftest
from conftest import is_png


def draw_all(files, out_dir, tables):
    with h5py.File(files["results"], "r") as results, plt.rc_context(helpers.STYLE):
        words = helpers.Measures(results)
        drawn = effects.forest(tables, words, out_dir)
        drawn += effects.effects_overview(tables, words, out_dir)
        drawn += effects.interaction(tables, words, out_dir)
        drawn += effects.sobol(tables, words, out_dir)
        return drawn + effects.morris(tables, words, out_dir)


def test_each_table_gives_its_pictures(files, tmp_path):
    pictures = draw_all(files, str(tmp_path), helpers.read_tables(files["analysis"]))
    kinds = {picture.kind for picture in pictures}
    assert {"forest", "interaction", "sobol", "morris"} <= kinds
    assert all(is_png(picture.path) and picture.caption for picture in pictures)


def test_no_tables_no_pictures(files, tmp_path):
    assert draw_all(files, str(tmp_path), {}) == []


def test_the_overview_colours_better_and_worse_not_higher(files):
    # The same rise is better for trust and worse for the burden of hours; a measure that is
    # neither good nor bad either way (a code, effort) is left uncoloured.
    with h5py.File(files["results"], "r") as results:
        words = helpers.Measures(results)
    assert words.goodness("trust_partner_facilitator") == 1
    assert words.goodness("burden_hours") == -1
    shown = effects.for_the_better([[0.5], [0.5], [0.5]], [1, -1, 0])
    assert shown[0, 0] == 0.5 and shown[1, 0] == -0.5 and np.isnan(shown[2, 0])


def test_the_overview_of_many_parameters_stays_legible(files, tmp_path):
    # The enablers screening moves 14 parameters: the overview was drawn 20 in wide and its
    # text shown 8.5 px high; it is drawn at most OVERVIEW_WIDTH wide.
    parameters = [f"setup.a_rather_long_parameter_{k}" for k in range(14)]
    rows = [(m, p) for m in conftest.MEASURES for p in parameters]
    table = helpers.Table("main_effects", {
        "measure": np.array([m for m, _ in rows], dtype=object),
        "parameter": np.array([p for _, p in rows], dtype=object),
        "from": np.array(["0"] * len(rows), dtype=object),
        "to": np.array(["1"] * len(rows), dtype=object),
        "estimate": np.linspace(-1, 1, len(rows)), "low": np.linspace(-1.1, 0.9, len(rows)),
        "high": np.linspace(-0.9, 1.1, len(rows)), "standardised": np.linspace(-2, 2, len(rows))})
    with h5py.File(files["results"], "r") as results, plt.rc_context(helpers.STYLE):
        drawn = effects.effects_overview({"main_effects": table}, helpers.Measures(results),
                                         str(tmp_path))
    assert helpers.shown_text_px(drawn[0].path) >= helpers.MIN_TEXT_PX
