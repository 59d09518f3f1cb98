r"""Render a view of the network as one self-contained, offline HTML page (vis-network inside).

Everything the page needs is inlined: vis-network 9.1.2 as bundled with pyvis (read from
pyvis's package folder, never through pyvis's writer, which drops a ``lib/`` folder in the
current directory or fetches Bootstrap from a CDN), the page's own script and style, and the
data. The data travels as JSON in a ``<script type="application/json">`` block with ``<``,
``>``, ``&``, U+2028 and U+2029 escaped, and the page's script puts every label and description
on screen with ``textContent``, so text in the graph can never become markup or code. A
Content-Security-Policy allows only the page's two scripts, by hash, and no network at all.

>>> import networkx as nx
>>> from mlgraph.map.views import whole_view
>>> G = nx.MultiDiGraph(relations={})
>>> G.add_node("https://example.org/a", label="<b>a</b>", type="Role")
>>> page = generate_html(G, whole_view(G))
>>> "<b>a</b>" in page, "\\u003cb\\u003ea\\u003c/b\\u003e" in page
(False, True)
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
import re
from collections.abc import Collection
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

import networkx as nx

from mlgraph.errors import BadInput
from mlgraph.map.page_data import map_data
from mlgraph.storage.records import write_owned

#: The JSON block and the markers in the template that receive the page's parts.
_MARKER = re.compile(r"@@(TITLE|CSP|VIS_CSS|MAP_CSS|DATA|VIS_JS|MAP_JS)@@")


def generate_html(G: nx.MultiDiGraph, view, positions: dict[str, tuple[int, int]] | None = None,
                  have: Collection[str] | None = None) -> str:
    """Return the page drawing ``view`` (see :mod:`mlgraph.map.views`) of the network ``G``.

    With ``have`` (the skills and tools a person has, as ``--have`` gives them), the map marks
    each skill and tool as had or still to learn.

    >>> from mlgraph.career.network import load_network
    >>> from mlgraph.map.views import whole_view
    >>> G = load_network()
    >>> generate_html(G, whole_view(G)).startswith("<!DOCTYPE html>")
    True
    """
    from mlgraph.map.layout import place_view

    positions = place_view(G, view) if positions is None else positions
    data = map_data(G, view, positions, have)
    vis_js, vis_css = vis_network_files()
    map_js = page_script()
    parts = {
        "TITLE": html.escape(view.title),
        "CSP": content_security_policy([vis_js, map_js]),
        "VIS_CSS": vis_css,
        "MAP_CSS": _template("map.css"),
        "DATA": embed_json(data),
        "VIS_JS": vis_js,
        "MAP_JS": map_js,
    }
    # one pass over the template: text put in is never scanned for markers again
    return _MARKER.sub(lambda m: parts[m.group(1)], _template("map.html"))


def write_html(page: str, path: Path, force: bool = False) -> Path:
    """Write ``page`` to ``path`` atomically (a temporary file in the same folder, then a rename).

    An existing file is replaced only if mlgraph wrote it, or with ``force`` (as for exports).

    >>> import tempfile
    >>> write_html("<p>map</p>", Path(tempfile.mkdtemp()) / "out" / "map.html").read_text()
    '<p>map</p>'
    """
    return write_owned(Path(path), page.encode("utf-8"), "the map", force)


def embed_json(data) -> str:
    r"""Return ``data`` as JSON safe inside a ``<script type="application/json">`` element.

    >>> print(embed_json({"label": "</script>&\u2028"}))
    {"label":"\u003c/script\u003e\u0026\u2028"}
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def content_security_policy(scripts: list[str]) -> str:
    """Return a policy that runs only these inline scripts and lets nothing leave the page.

    >>> content_security_policy(["1"]).split(";")[1]
    " script-src 'sha256-a4ayc/80/OGda4BO/1o/V0etpOqiLx1JwB5S3beHW0s='"
    """
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
                      for s in scripts)
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
            "base-uri 'none'; form-action 'none'")


@functools.cache
def vis_network_files() -> tuple[str, str]:
    """Return the text of vis-network's script and style sheet as shipped inside pyvis.

    >>> js, css = vis_network_files()
    >>> "@version 9.1.2" in js, ".vis-tooltip" in css
    (True, True)
    """
    spec = find_spec("pyvis")  # locate the package without importing it (and its Jinja setup)
    if spec is None or not spec.submodule_search_locations:
        raise BadInput("the map needs the pyvis package (it ships vis-network); reinstall mlgraph")
    folder = Path(list(spec.submodule_search_locations)[0]) / "templates" / "lib" / "vis-9.1.2"
    try:
        js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
        css = (folder / "vis-network.css").read_text(encoding="utf-8")
    except OSError as exc:
        raise BadInput(f"vis-network not found in pyvis ({exc}); reinstall pyvis 0.3.2") from None
    # the source-map comment names a file the page does not have; a closing tag would end the script
    js = re.sub(r"//# sourceMappingURL=\S*", "", js)
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE), css.replace("</", "<\\/")


#: The page's script, in the order its parts run: drawing and highlighting, the side panel,
#: the controls, the screen/keyboard/print/download tools, the shareable address, the first view.
SCRIPT_PARTS = ("map.js", "panel.js", "controls.js", "tools.js", "export.js", "address.js", "start.js")


@functools.cache
def page_script() -> str:
    """Return the page's own script: its template parts joined inside one strict function scope.

    >>> script = page_script()
    >>> script.startswith("(function () {") and "function showCard" in script
    True
    """
    body = "\n".join(_template(name) for name in SCRIPT_PARTS)
    return '(function () {\n  "use strict";\n' + body + "\n})();\n"


@functools.cache
def _template(name: str) -> str:
    return (resources.files("mlgraph.map") / "templates" / name).read_text(encoding="utf-8")


