"""comparison.py: a compare output file's differences over time and at the end."""
import os

import h5py
import matplotlib.pyplot as plt
import numpy as np

import comparison
import helpers
from conftest import is_png, write_table

# A compare file as `partnersim compare` writes one: 26 measures, of which the decision
# summary shows the five key outcomes and cost, and the failure risk.
OTHERS = [f"other_{i}" for i in range(19)]
HEADLINE = ["trust_partner_facilitator", "candour", "capacity", "portfolio_impact",
            "participation", "cost", "failed"]
MANY = HEADLINE[:5] + ["belief_error"] + HEADLINE[5:] + OTHERS
UNITS = {"cost": "currency", "failed": "0/1", "capacity": "score 0-5"}


def many_measures_file(path, months=24):
    """Every measure 0.1 higher with the variant, in its own units; the variant does better in
    8 of 10 paired runs (higher or lower as its direction says)."""
    n = len(MANY)
    directions = ["lower is better" if m in ("cost", "failed", "belief_error")
                  else "higher is better" for m in MANY]
    shares = {"variant_higher": 0.8, "variant_higher_low": 0.7, "variant_higher_high": 0.9,
              "variant_lower": 0.2, "variant_lower_low": 0.1, "variant_lower_high": 0.3}
    with h5py.File(path, "w") as f:
        write_table(f, "comparison", {"measure": MANY,
                                      "description": [f"Description of {m}" for m in MANY],
                                      "units": [UNITS.get(m, "share 0-1") for m in MANY],
                                      "direction": directions},
                    {"baseline_mean": [0.5] * n, "variant_mean": [0.6] * n,
                     "difference": [0.1] * n, "low": [0.05] * n, "high": [0.15] * n,
                     "standardised": [1.2] * n, **{k: [v] * n for k, v in shares.items()}},
                    key="baseline: a.toml; variant: b.toml; seed 1")
        month = np.tile(np.arange(1, months + 1, dtype=float), n)
        difference = np.tile(np.linspace(0, 0.1, months), n)
        write_table(f, "comparison_over_time", {"measure": [m for m in MANY for _ in
                                                            range(months)]},
                    {"month": month, "baseline_mean": difference * 0 + 0.5,
                     "variant_mean": 0.5 + difference, "difference": difference,
                     "low": difference - 0.02, "high": difference + 0.02,
                     "standardised": difference * 10})
    return path


def drawn_figures(monkeypatch, tables, measures, out_dir, chosen=None):
    """The pictures comparison.draw makes and, by file name, every text each figure shows
    (titles, axis labels, tick labels, notes) and its number of visible panels."""
    seen = {}
    save = comparison.save

    def keep(fig, path):
        fig.canvas.draw()  # tick labels exist once drawn
        texts = [t.get_text() for t in fig.findobj(plt.Text) if t.get_visible()]
        panels = sum(ax.get_visible() for ax in fig.axes)
        seen[os.path.basename(path)] = (texts, panels)
        return save(fig, path)
    monkeypatch.setattr(comparison, "save", keep)
    with plt.rc_context(helpers.STYLE):
        pictures = comparison.draw(tables, measures, out_dir, chosen)
    return pictures, seen


def test_comparison_pictures(files, tmp_path):
    tables = helpers.read_tables(files["comparison"])
    with plt.rc_context(helpers.STYLE):
        pictures = comparison.draw(tables, helpers.Measures(), str(tmp_path))
    # The test file's four measures: three headline outcomes, and one other folded away.
    assert [os.path.basename(p.path) for p in pictures] == [
        "comparison_over_time.png", "comparison_over_time_more.png", "comparison_final.png",
        "comparison_final_more.png"]
    assert [p.kind for p in pictures] == ["comparison", comparison.MORE] * 2
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


def test_final_differences_are_in_units_with_the_share_of_runs_the_variant_does_better(
        monkeypatch, tmp_path):
    tables = helpers.read_tables(many_measures_file(str(tmp_path / "many.h5")))
    words = helpers.Measures.of_comparison(tables["comparison"])
    _, seen = drawn_figures(monkeypatch, tables, words, str(tmp_path))
    texts, panels = seen["comparison_final.png"]
    shown = "\n".join(texts).lower()
    assert "standard deviation" not in shown and "s.d." not in shown and " sd" not in shown
    assert panels == len(HEADLINE)  # a row, with its own scale, per headline outcome
    labels = [t for t in texts if t.startswith("difference (")]
    assert sorted(labels) == sorted(f"difference ({UNITS.get(m, 'share 0-1')})"
                                    for m in HEADLINE)
    # Cost and failure are better lower: the variant, 0.1 higher, does better in 2 of 10 runs.
    better = [t for t in texts if "the variant does better in" in t]
    assert len(better) == len(HEADLINE)
    assert sum("about 8 in 10 runs (between 7 and 9 in 10)" in t for t in better) == 5
    assert sum("about 2 in 10 runs (between 1 and 3 in 10)" in t for t in better) == 2
    assert seen["comparison_final_more.png"][1] == len(OTHERS) + 1  # and belief_error


def test_the_share_doing_worse_is_said_when_many_runs_are_alike():
    # 1 in 10 runs fewer failures, none more: not '9 in 10 worse'.
    row = {"variant_higher": 0.0, "variant_higher_low": 0.0, "variant_higher_high": 0.1,
           "variant_lower": 0.1, "variant_lower_low": 0.05, "variant_lower_high": 0.2}
    assert comparison.beats(row, -1) == ("the variant does better in about 1 in 10 runs "
                                         "(between 0 and 2 in 10), worse in none of the runs, "
                                         "the rest alike")
    assert comparison.beats({**row, "variant_higher": 0.9}, -1).endswith("(between 0 and 2 in 10)")
    assert comparison.beats(row, 0).startswith("the variant is higher in none of the runs")
    assert comparison.beats({"difference": 1.0}, 1) == ""  # a file without the shares


def test_the_headline_outcomes_are_drawn_first_the_rest_folded(monkeypatch, tmp_path):
    tables = helpers.read_tables(many_measures_file(str(tmp_path / "many.h5")))
    words = helpers.Measures.of_comparison(tables["comparison"])
    pictures, seen = drawn_figures(monkeypatch, tables, words, str(tmp_path))
    assert seen["comparison_over_time.png"][1] == len(HEADLINE)  # not 26
    assert seen["comparison_over_time_more.png"][1] == len(MANY) - len(HEADLINE)
    assert [p.kind for p in pictures] == ["comparison", comparison.MORE] * 2
    assert comparison.headline(MANY) == HEADLINE
    # Measures asked for are drawn, all of them first, none folded.
    pictures, seen = drawn_figures(monkeypatch, tables, words, str(tmp_path),
                                   ["candour", "other_3"])
    assert [os.path.basename(p.path) for p in pictures] == ["comparison_over_time.png",
                                                            "comparison_final.png"]
    assert seen["comparison_over_time.png"][1] == 2


def test_the_report_folds_the_other_measures_away(tmp_path):
    import report
    path = many_measures_file(str(tmp_path / "many.h5"))
    page = open(report.write_report(None, str(tmp_path / "out"), path), encoding="utf-8").read()
    shown, folded = page.split("<details class='more'>")[0], page.split(
        "<details class='more'>")[1].split("</details>")[0]
    assert "data-file=\"comparison_over_time.png\"" in shown
    assert "data-file=\"comparison_final.png\"" in shown
    assert "comparison_over_time_more.png" in folded and "comparison_final_more.png" in folded
