"""effects.py: forest, overview, interaction, Sobol and Morris pictures from their tables."""
import h5py
import matplotlib.pyplot as plt
import numpy as np

import effects
import helpers
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
