"""The inline map in a real browser: a notebook-like host page holding a map's ``_repr_html_``.

The map must draw inside its frame, leave the host page's own styles alone, and make no request
beyond the page itself. Headless Debian Chromium driven by Playwright; skipped only when
/usr/bin/chromium is missing (CI installs it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import mlgraph

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
FIXTURES = Path(__file__).parent / "fixtures"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)")

#: A host page styled the way notebooks are: a block body of fixed width, output cells below code.
HOST = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>notebook</title>
<style>body {{ display: block; width: 900px; margin: 8px; font-family: serif; background: #fafafa; }}
.cell {{ border: 1px solid #ccc; padding: 4px; }}</style></head>
<body><div class="cell" id="input">In [1]: g.map(...)</div><div class="cell" id="output">{output}</div>
<div class="cell" id="after">In [2]:</div></body></html>"""

#: What the host page's own look is measured by.
HOST_STYLE = """() => ({body: [getComputedStyle(document.body).display, getComputedStyle(document.body).width,
  getComputedStyle(document.body).fontFamily, getComputedStyle(document.body).backgroundColor],
  cell: getComputedStyle(document.getElementById('input')).width,
  after: document.getElementById('after').getBoundingClientRect().top > document.getElementById('output').getBoundingClientRect().top})"""


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


def open_host(browser, tmp_path: Path, output: str):
    host = tmp_path / "host.html"
    host.write_text(HOST.format(output=output), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(host.as_uri())
    return page, requests, errors


@pytest.fixture(scope="module")
def tiny_map():
    return mlgraph.load([FIXTURES / "tiny.ttl"], builtin=False).map(path=("intern", "team lead"), k=2)


def test_the_map_draws_inside_its_frame(browser, tmp_path, tiny_map):
    page, requests, errors = open_host(browser, tmp_path, tiny_map._repr_html_())
    frame = page.frames[1]
    frame.wait_for_function("window.mlgraphView && window.mlgraphView.ready", timeout=60_000)
    canvas = frame.evaluate("(() => { const c = document.querySelector('canvas'); return [c.width, c.height]; })()")
    assert canvas[0] > 200 and canvas[1] > 200
    drawn = frame.evaluate("document.getElementById('mlgraph-data').textContent")
    assert "junior developer" in drawn
    box = page.locator("iframe").bounding_box()
    assert box["width"] > 800 and box["height"] >= 600
    assert [u for u in requests if not u.startswith(("file:", "data:", "about:"))] == []
    assert errors == []
    page.close()


def test_the_host_page_keeps_its_own_styles(browser, tmp_path, tiny_map):
    plain, _, _ = open_host(browser, tmp_path, "<p>no map</p>")
    expected = plain.evaluate(HOST_STYLE)
    plain.close()
    page, _, _ = open_host(browser, tmp_path, tiny_map._repr_html_())
    page.frames[1].wait_for_function("window.mlgraphView && window.mlgraphView.ready", timeout=60_000)
    assert page.evaluate(HOST_STYLE) == expected
    page.close()


def test_the_raw_page_would_restyle_the_host(browser, tmp_path, tiny_map):
    # Why the frame: the same page pasted straight into the notebook changes the host's styles.
    plain, _, _ = open_host(browser, tmp_path, "<p>no map</p>")
    expected = plain.evaluate(HOST_STYLE)
    plain.close()
    page, _, _ = open_host(browser, tmp_path, tiny_map.page)
    assert page.evaluate(HOST_STYLE) != expected
    page.close()


def test_hostile_labels_stay_text_inside_the_frame(browser, tmp_path):
    drawn = mlgraph.load([FIXTURES / "hostile_labels.ttl"], builtin=False).map()
    page, requests, errors = open_host(browser, tmp_path, drawn._repr_html_())
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    frame = page.frames[1]
    frame.wait_for_function("window.mlgraphView && window.mlgraphView.ready", timeout=60_000)
    assert frame.evaluate("typeof window.pwned") == "undefined"
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert dialogs == [] and errors == []
    assert [u for u in requests if not u.startswith(("file:", "data:", "about:"))] == []
    page.close()
