"""Pictures of a map (PNG or SVG) for documents and slides, made without opening a window.

The page itself draws the picture in headless Chromium (through Playwright), so a picture looks
like the map on screen, route numbers included. Without a browser, networkx and matplotlib draw
a plainer one from the same positions and colours. With neither, the error says what to install.

>>> PICTURE_FORMATS
('png', 'svg')
"""

from __future__ import annotations

import base64
import os
import tempfile
import urllib.parse
from importlib.util import find_spec
from pathlib import Path

import networkx as nx

from mlgraph.errors import BadInput

PICTURE_FORMATS = ("png", "svg")

#: Window the page is drawn in, in CSS pixels; PNGs are drawn at twice that resolution.
WINDOW = {"width": 1600, "height": 1000}

#: Where Debian and Ubuntu put Chromium; ``MLGRAPH_CHROMIUM`` names another browser.
SYSTEM_CHROMIUM = Path("/usr/bin/chromium")

_INSTALL = ("pictures need a browser or matplotlib: pip install playwright (with chromium from your "
            "system, or set MLGRAPH_CHROMIUM to a Chromium executable), or pip install matplotlib")


def find_chromium() -> Path | None:
    """Return the Chromium executable Playwright should drive, or None if there is none to use.

    >>> os.environ.get("MLGRAPH_CHROMIUM") is not None or find_chromium() in (None, SYSTEM_CHROMIUM)
    True
    """
    if find_spec("playwright") is None:
        return None
    named = os.environ.get("MLGRAPH_CHROMIUM")
    candidate = Path(named) if named else SYSTEM_CHROMIUM
    return candidate if candidate.is_file() and os.access(candidate, os.X_OK) else None


def make_picture(G: nx.MultiDiGraph, view, fmt: str, have=None) -> bytes:
    """Return a picture of ``view`` of ``G`` in ``fmt`` (png or svg): from the page in Chromium
    when there is one, else drawn with matplotlib.

    >>> from mlgraph.map.views import whole_view
    >>> make_picture(nx.MultiDiGraph(relations={}), whole_view(nx.MultiDiGraph()), "gif")
    Traceback (most recent call last):
    ...
    mlgraph.errors.BadInput: unknown picture format 'gif'; known formats: png, svg
    """
    if fmt not in PICTURE_FORMATS:
        raise BadInput(f"unknown picture format {fmt!r}; known formats: {', '.join(PICTURE_FORMATS)}")
    from mlgraph.map.html import generate_html
    from mlgraph.map.layout import place_view

    positions = place_view(G, view)
    browser = find_chromium()
    if browser is not None:
        return render_in_browser(generate_html(G, view, positions, have), fmt, browser)
    if find_spec("matplotlib") is not None:
        from mlgraph.map.sketch import draw_sketch

        return draw_sketch(G, view, positions, fmt)
    raise BadInput(_INSTALL)


def render_in_browser(page: str, fmt: str, browser: Path) -> bytes:
    """Return the picture the map ``page`` draws of itself in headless Chromium at ``browser``.

    Nothing beyond the page's own file may load: any other request is refused. Where an event
    loop already runs (a notebook, another Playwright session), the browser is driven from a
    thread of its own, as Playwright's synchronous API requires.
    """
    import asyncio

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return _render(page, fmt, browser)
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_render, page, fmt, browser).result()


def _render(page: str, fmt: str, browser: Path) -> bytes:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="mlgraph-picture-") as folder:
        path = Path(folder) / "map.html"
        path.write_text(page, encoding="utf-8")
        try:
            with sync_playwright() as p:
                chromium = p.chromium.launch(executable_path=str(browser), headless=True,
                                             args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
                try:
                    tab = chromium.new_page(viewport=WINDOW, device_scale_factor=2)
                    tab.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                              else route.abort())
                    tab.goto(path.as_uri())
                    tab.wait_for_function("window.mlgraphView && window.mlgraphView.ready", timeout=60_000)
                    tab.evaluate("mlgraphView.pictureMode()")
                    url = tab.evaluate("format => mlgraphView.picture(format)", fmt)
                finally:
                    chromium.close()
        except PlaywrightError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise BadInput(f"Chromium at {browser} could not draw the picture ({first}); "
                           "set MLGRAPH_CHROMIUM to a working Chromium or uninstall playwright to use matplotlib") from None
    return decode_data_url(url)


def decode_data_url(url: str) -> bytes:
    """Return the bytes a ``data:`` URL carries (base64 or percent-encoded).

    >>> decode_data_url("data:image/svg+xml;charset=utf-8,%3Csvg%2F%3E"), decode_data_url("data:image/png;base64,AAE=")
    (b'<svg/>', b'\\x00\\x01')
    """
    head, _, body = url.partition(",")
    return base64.b64decode(body) if head.endswith(";base64") else urllib.parse.unquote_to_bytes(body)


def write_picture(data: bytes, path: Path) -> Path:
    """Write picture bytes to ``path`` atomically, or raise BadInput saying why it could not.

    >>> write_picture(b"x", Path(tempfile.mkdtemp()) / "a.png").read_bytes()
    b'x'
    """
    from mlgraph.storage.atomic import replace_file

    path = Path(path)
    if path.is_dir():
        raise BadInput(f"{path}: is a folder; cannot write the picture there, give a file name")
    try:
        replace_file(path, data)
    except OSError as exc:
        raise BadInput(f"{path}: cannot write the picture ({exc.strerror or exc}); choose another path") from None
    return path

