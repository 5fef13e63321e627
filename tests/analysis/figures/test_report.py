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
    assert ("Changing budget hours from &lt;40 hours to 240 lowers the mean trust of "
            "partners in the facilitator by 0.10 (95% Monte Carlo interval 0.08 to 0.12), a large "
            "effect next to the usual spread between runs.") in page
    assert ("Budget hours accounts for about 60% of the variation in the mean trust of "
            "partners in the facilitator between runs, and about 72% counting its interactions "
            "with other settings") in page
    assert ("Success (trust_partner_facilitator &gt;= 0.6) is likely (density 85%) in runs "
            "where") in page
    assert "this box holds 90% of all successful runs" in page


def test_report_leaves_out_the_unclear_effect(report):
    page = report["page"]
    findings = page[page.index("id='findings'"):page.index("id='fan'")]
    assert "Changing duration" not in findings
    assert "Changing budget hours" in findings


def sentences_of(page):
    """The page's prose: everything but tables (and the folded reference listing of every
    stored table, whose descriptions name its columns), preformatted text, code and links
    (file names), with tags removed."""
    page = re.sub(r"<details class='data'>.*?</details>", " ", page, flags=re.S)
    for element in ("table", "pre", "code", "a", "style", "title"):
        page = re.sub(rf"<{element}\b.*?</{element}>", " ", page, flags=re.S)
    return re.sub(r"<[^>]+>", " ", page)


# A scenario key ("setup.duration"); file names (default.toml, results.h5) are not keys.
DOTTED_KEY = re.compile(r"\b[a-z]{2,}\.(?!(?:toml|h5|html|png|csv|txt|md)\b)[a-z][a-z_]*\b")


def test_no_sentence_has_a_dotted_key_or_standard_deviations(report):
    prose = sentences_of(report["page"])
    assert "Changing budget hours" in prose  # the findings are in what is checked
    assert DOTTED_KEY.findall(prose) == []
    assert "standard deviation" not in prose.lower()


def test_the_jargon_check_catches_jargon():
    assert DOTTED_KEY.findall(sentences_of("<p>Moving setup.duration up</p>")) == [
        "setup.duration"]
    assert DOTTED_KEY.findall(sentences_of("<table><td>setup.duration</td></table>")) == []
    assert DOTTED_KEY.findall("compared with default.toml, by 0.1 effectiveness s.d.") == []


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
    assert tables.count("<details class='data'>") == tables.count(f"Intervals: {kind}.")


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
