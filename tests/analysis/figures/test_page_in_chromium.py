"""The report page as headless Chromium lays it out (chromium_page.py): at 1280 px every text
of the page and of its figures is at least 10 px high; at 420 px nothing runs off the page
(tables reflow or scroll inside their own box). Measured on the report of a sweep with its
analyses and a comparison, and on the report of a comparison file alone."""
import os

import pytest

import chromium_page
import helpers
from conftest import run
from test_decision import contract_comparison_file

pytestmark = pytest.mark.skipif(chromium_page.chromium() is None, reason="no chromium")


@pytest.fixture(scope="module")
def pages(files, tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    sweep = str(folder / "sweep")
    run("report.py", files["results"], "-o", sweep, "--analysis", files["analysis"],
        "--comparison", files["comparison"])
    compared = str(folder / "compared")
    run("report.py", "--comparison", contract_comparison_file(str(folder / "cmp.h5")), "-o",
        compared)
    return {"sweep": os.path.join(sweep, "index.html"),
            "comparison": os.path.join(compared, "index.html")}


def figure_text_px(folder, figure):
    """The smallest text of a figure as the page shows it: its PNG's recorded size in points
    at the figures' resolution, scaled by the width shown over the width drawn."""
    alt, shown, natural, name = figure
    assert name, f"figure {alt!r} does not name its file"
    drawn_px = helpers.shown_text_px(os.path.join(folder, name)) / min(
        1.0, helpers.SHOWN_WIDTH_PX / natural)
    return drawn_px * shown / natural


@pytest.mark.parametrize("name", ["sweep", "comparison"])
def test_every_text_is_at_least_10_px_at_1280(pages, name):
    measured = chromium_page.measure(pages[name], 1280)
    assert measured["viewport_width"] == 1280
    small = [(size, text) for size, text in measured["texts"] if size < helpers.MIN_TEXT_PX]
    assert len(measured["texts"]) > 50 and small == []
    folder = os.path.dirname(pages[name])
    assert measured["figures"], "the page shows figures"
    tiny = {f[3]: round(figure_text_px(folder, f), 1) for f in measured["figures"]
            if figure_text_px(folder, f) < helpers.MIN_TEXT_PX}
    assert tiny == {}


@pytest.mark.parametrize("name", ["sweep", "comparison"])
def test_nothing_runs_off_the_page_at_420(pages, name):
    measured = chromium_page.measure(pages[name], 420)
    # The viewport is the phone's (headless Chromium alone would lay out at 500 px).
    assert measured["viewport_width"] == 420
    assert measured["scroll_width"] <= measured["viewport_width"]
    assert measured["cut"] == []


def test_the_measurement_sees_a_page_that_runs_off(tmp_path):
    # A table too wide for a phone, outside any scrolling box: the probe must catch it.
    page = tmp_path / "wide.html"
    page.write_text("<!DOCTYPE html><html><head><meta name='viewport' content='width=device-"
                    "width, initial-scale=1'></head><body><p style='font-size:8px'>small</p>"
                    "<table><tr>" + "<td>a&nbsp;long&nbsp;cell</td>" * 12 + "</tr></table>"
                    "</body></html>", encoding="utf-8")
    measured = chromium_page.measure(str(page), 420)
    assert measured["scroll_width"] > 420 and measured["cut"]
    assert min(size for size, _ in measured["texts"]) == 8
