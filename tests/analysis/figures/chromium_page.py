#!/usr/bin/python3
"""A report page in headless Chromium at a given width: what a reader sees (a screenshot) and
what the browser computed (every visible text's font size, each figure's shown and natural
width, how wide the document is against the viewport).

Headless Chromium lays a page out at least 500 px wide whatever --window-size says (a 420 px
screenshot is the left of a 500 px layout, its right edge cut off), so the page is opened in
an iframe exactly `width` px wide inside a wrapper page: the iframe is the page's viewport,
its media queries and layout those of a `width` px screen (without a scroll bar, as a phone
overlays it). A copy of the page beside it
carries a probe that measures after the page has loaded and posts the numbers to the wrapper,
whose DOM Chromium prints (--dump-dom).

Used by test_page_in_chromium.py, test_screenshots.py and scripts/report_screenshots.sh (ANCHOR:
the id of the element to scroll to, e.g. figures):
    /usr/bin/python3 tests/analysis/figures/chromium_page.py PAGE OUT.png WIDTH [HEIGHT [ANCHOR]]
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SMALLEST_WINDOW = 500  # px: headless Chromium's narrowest layout
TIMEOUT = 240  # s: a bound against a hung browser on a loaded machine, never a verdict

# Runs in the page once it has loaded (figures decoded): the font size of every visible text
# node, each figure's width as shown and as drawn, and the document's width against the
# viewport's; posted to the wrapper.
PROBE = """
window.addEventListener("load", () => {
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const element = node.parentElement;
    if (!text || element.closest("script, style")) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;  /* not rendered (a closed details) */
    texts.push([parseFloat(getComputedStyle(element).fontSize), text.slice(0, 60)]);
  }
  const figures = [...document.images].map(
    image => [image.getAttribute("alt"), image.getBoundingClientRect().width,
              image.naturalWidth, image.getAttribute("data-file") || ""]);
  const cut = [...document.querySelectorAll("body *")].filter(element => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.right > document.documentElement.clientWidth + 0.5 &&
           !element.closest(".wide, .scroll, pre");
  }).map(element => element.tagName + "." + element.className);
  parent.postMessage(JSON.stringify({
    texts, figures, cut: cut.slice(0, 20),
    scroll_width: document.documentElement.scrollWidth,
    viewport_width: document.documentElement.clientWidth}), "*");
});
"""

WRAPPER = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; }} iframe {{ border: 0; display: block; }}</style></head><body>
<iframe src="{page}" width="{width}" height="{height}" scrolling="no"></iframe>
<pre id="probe"></pre>
<script>window.addEventListener("message", event => {{
  document.getElementById("probe").textContent = event.data; }});</script></body></html>
"""


def chromium():
    """The headless browser's path, or None where there is none."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run(arguments):
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--allow-file-access-from-files", f"--user-data-dir={profile}", *arguments],
            capture_output=True, text=True, timeout=TIMEOUT, check=True)
    return result.stdout


def _wrapper(folder, page, width, height):
    path = os.path.join(folder, f".chromium_page_{width}.html")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(WRAPPER.format(page=html.escape(page), width=width, height=height))
    return path


def measure(page, width, height=1600):
    """What Chromium computed for `page` (an HTML file) in a `width` px viewport: a dict of
    texts [(font px, text)], figures [(alt, shown px, natural px, file)], cut (elements that
    run past the viewport's right edge outside a scrolling box), scroll_width and
    viewport_width."""
    folder = os.path.dirname(os.path.abspath(page))
    with open(page, encoding="utf-8") as handle:
        text = handle.read()
    probed = os.path.join(folder, ".chromium_page_probe.html")
    try:
        with open(probed, "w", encoding="utf-8") as handle:
            handle.write(text.replace("</body>", f"<script>{PROBE}</script></body>", 1))
        wrapper = _wrapper(folder, os.path.basename(probed), width, height)
        dom = _run([f"--window-size={max(width, SMALLEST_WINDOW)},{height}",
                    "--virtual-time-budget=10000", "--dump-dom", "file://" + wrapper])
    finally:
        for leftover in (probed, os.path.join(folder, f".chromium_page_{width}.html")):
            if os.path.exists(leftover):
                os.remove(leftover)
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, flags=re.S)
    if not found or not found.group(1).strip():
        raise AssertionError(f"the probe in {page} reported nothing at {width} px")
    return json.loads(html.unescape(found.group(1)))


def screenshot(page, png, width, height=2400, anchor=""):
    """A `width` x `height` px PNG of `page` as a `width` px screen shows it: its top, or
    from the element whose id is `anchor` (the page scrolled there)."""
    from PIL import Image  # matplotlib's own dependency
    folder = os.path.dirname(os.path.abspath(page))
    wrapper = _wrapper(folder, os.path.basename(page) + (f"#{anchor}" if anchor else ""),
                       width, height)
    try:
        _run([f"--window-size={max(width, SMALLEST_WINDOW)},{height}", "--hide-scrollbars",
              "--virtual-time-budget=10000", f"--screenshot={os.path.abspath(png)}",
              "file://" + wrapper])
    finally:
        os.remove(wrapper)
    with Image.open(png) as image:
        shot = image.crop((0, 0, width, height)).convert("RGB")
    shot.save(png)
    return png


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5, 6):
        sys.exit(__doc__.strip().splitlines()[-1].strip())
    screenshot(sys.argv[1], sys.argv[2], int(sys.argv[3]),
               *(int(v) for v in sys.argv[4:5]), *sys.argv[5:6])
