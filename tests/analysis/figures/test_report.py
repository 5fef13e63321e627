"""report.py: a self-contained page, findings in plain words, escaping."""
import os
import re

import pytest

from conftest import run


@pytest.fixture(scope="module")
def report(files):
    folder = os.path.join(files["folder"], "report")
    path = run("report.py", files["results"], "-o", folder, "--comparison",
               files["comparison"]).strip()
    with open(path, encoding="utf-8") as handle:
        return {"path": path, "folder": folder, "page": handle.read()}


def test_report_is_self_contained_and_embeds_every_picture(report):
    page = report["page"]
    assert os.path.basename(report["path"]) == "index.html"
    pictures = [n for n in os.listdir(report["folder"]) if n.endswith(".png")]
    assert len(pictures) >= 11
    assert page.count('src="data:image/png;base64,') == len(pictures)
    assert re.search(r'(src|href)="(https?:)?//', page) is None
    assert "<link" not in page and "<script" not in page
    assert "not evidence about real partnerships" in page


def test_report_states_the_clear_effect_in_plain_words(report):
    page = report["page"]
    assert ("Moving setup.budget_hours from &lt;40 hours to 240 lowers the mean trust of "
            "partners in the facilitator by 0.10 (95% Monte Carlo interval 0.08 to 0.12), a large "
            "effect "
            "(2.0 standard deviations).") in page
    assert ("setup.budget_hours explains about 60% of the variation in the mean trust of "
            "partners in the facilitator on its own and 72% with its interactions") in page
    assert ("Success (trust_partner_facilitator &gt;= 0.6) is likely (density 85%) in runs "
            "where") in page
    assert "this box holds 90% of all successful runs" in page


def test_report_leaves_out_the_unclear_effect(report):
    page = report["page"]
    findings = page[page.index("id='findings'"):page.index("id='fan'")]
    assert "Moving setup.duration" not in findings
    assert "Moving setup.budget_hours" in findings


def test_report_escapes_text(report):
    page = report["page"]
    assert "&lt;40 hours" in page and "<40 hours" not in page
    assert "&lt;sweep&gt;" in page and "<sweep>" not in page
    assert "<tiny>" not in page


def test_report_states_the_kind_of_every_interval(report):
    page = report["page"]
    kind = ("Monte Carlo interval: the precision of the estimate with the model&#x27;s "
            "constants fixed at their defaults; it is not what is known")
    assert f"Every interval on this page is a {kind}." in page
    findings = page[page.index("id='findings'"):page.index("id='fan'")]
    assert "(95% interval" not in findings, "a finding's interval without its kind"
    assert "(95% Monte Carlo interval" in findings
    tables = page[page.index("id='tables'"):]
    assert tables.count("<details>") == tables.count(f"Intervals: {kind}.")


def test_interval_kind_of_a_file_with_drawn_models(files, tmp_path):
    import shutil

    import h5py
    import numpy as np

    from helpers import interval_kind
    path = tmp_path / "drawn.h5"
    shutil.copy(files["results"], path)
    with h5py.File(path, "a") as results:
        runs = len(results["runs/run_index"])
        results["runs"].create_dataset("model_constants", data=np.zeros((runs, 2)))
        if "replicate" not in results["runs"]:
            results["runs"].create_dataset("replicate", data=np.arange(runs) % 3)
        expected = len(set(results["runs/replicate"][:].tolist()))
        assert interval_kind(results) == (f"interval over {expected} plausible models and "
                                          "runs")
