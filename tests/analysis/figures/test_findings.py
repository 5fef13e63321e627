"""findings.py: only clear effects that matter are stated."""
import h5py

import findings
import helpers


def test_main_effects_state_the_clear_effect_only(files):
    tables = helpers.read_tables(files["analysis"])
    with h5py.File(files["results"], "r") as results:
        sentences = findings.main_effects(tables, helpers.Measures(results))
    assert any(s.startswith("Moving setup.budget_hours from <40 hours to 240 lowers")
               for s in sentences)
    assert not any("setup.duration" in s for s in sentences)


def test_prim_names_the_box(files):
    sentences = findings.prim(helpers.read_tables(files["analysis"]))
    assert any("density 85%" in s for s in sentences)


def test_no_tables_no_findings():
    assert findings.main_effects({}, helpers.Measures()) == []
