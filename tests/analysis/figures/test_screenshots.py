"""The report's screenshots: docs/figures/report/ holds the reports of the duration stress
test, the early-facilitator question, the enablers screening and a strategy-team comparison at
1280 and 420 px and at 1280 px from where their figures begin (made by
scripts/report_screenshots.sh through chromium_page.py), and headless Chromium can take them."""
import os

import matplotlib.image
import numpy as np
import pytest

import chromium_page
from conftest import run

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..")
SHOTS = os.path.join(ROOT, "docs", "figures", "report")
REPORTS = ["duration", "early_facilitator", "enablers", "comparison"]
WIDTHS = [1280, 420]


def legible(path, width):
    """A screenshot of `width` px with a page on it: not blank, dark text on a light page."""
    image = matplotlib.image.imread(path)
    assert image.shape[1] == width, (path, image.shape)
    grey = image[..., :3].mean(axis=2)
    assert np.median(grey) > 0.8, path  # a light page
    assert (grey < 0.35).mean() > 0.005, path  # with text on it


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("width", WIDTHS)
def test_the_documented_screenshots_are_there_and_legible(name, width):
    legible(os.path.join(SHOTS, f"{name}_{width}.png"), width)


@pytest.mark.parametrize("name", REPORTS)
def test_the_figures_of_each_report_are_screenshotted(name):
    # From where the figures begin (the page's #figures), so they are checked by looking.
    legible(os.path.join(SHOTS, f"{name}_figures_1280.png"), 1280)


def test_headless_chromium_takes_a_report_at_both_widths(files, tmp_path):
    if chromium_page.chromium() is None:
        pytest.skip("no chromium")
    folder = str(tmp_path / "report")
    run("report.py", files["results"], "-o", folder, "--analysis", files["analysis"])
    for width in WIDTHS:
        shot = str(tmp_path / f"shot_{width}.png")
        chromium_page.screenshot(os.path.join(folder, "index.html"), shot, width, 1600)
        legible(shot, width)
    # Scrolled to where the figures begin: another part of the page than its top.
    figures = str(tmp_path / "figures.png")
    chromium_page.screenshot(os.path.join(folder, "index.html"), figures, 1280, 1600, "figures")
    legible(figures, 1280)
    top = matplotlib.image.imread(str(tmp_path / "shot_1280.png"))
    assert np.abs(matplotlib.image.imread(figures) - top).mean() > 0.01
