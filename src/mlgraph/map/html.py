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

from mlgraph.career.profile import have_status
from mlgraph.errors import BadInput
from mlgraph.rdf.vocab import NODE_TYPES
from mlgraph.storage.atomic import write_output

#: Colour and vis-network shape of each node type (the legend shows the same).
NODE_STYLES: dict[str, tuple[str, str]] = {
    "Role": ("#2563eb", "dot"),
    "Skill": ("#16a34a", "diamond"),
    "Tool": ("#ea580c", "square"),
    "Industry": ("#7c3aed", "triangle"),
    "Application": ("#db2777", "triangleDown"),
    "EducationPath": ("#0d9488", "star"),
    "Organization": ("#92400e", "hexagon"),
    "Source": ("#6b7280", "box"),
}

#: How edges of each relation are drawn: colour, width, dashed. Career moves stand out.
EDGE_STYLES: dict[str, tuple[str, float, bool]] = {
    "progressesTo": ("#1d4ed8", 3.5, False),
    "leadsTo": ("#0f766e", 3.0, False),
    "canMoveTo": ("#6d28d9", 2.5, True),
    "requiresSkill": ("#86a98f", 1.0, False),
    "optionalSkill": ("#a7c4ae", 1.0, True),
    "skillRequirement": ("#86a98f", 1.0, False),
    "usesTool": ("#e0a47c", 1.0, True),
    "teaches": ("#5eada4", 1.2, True),
    "prerequisiteOf": ("#7aa37f", 1.2, True),
}
_OTHER_EDGE = ("#b6b9c2", 1.0, True)

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
    map_js = _template("map.js")
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


def write_html(page: str, path: Path) -> Path:
    """Write ``page`` to ``path`` atomically (a temporary file in the same folder, then a rename).

    >>> import tempfile
    >>> write_html("<p>map</p>", Path(tempfile.mkdtemp()) / "out" / "map.html").read_text()
    '<p>map</p>'
    """
    return write_output(Path(path), page, "the map")


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


@functools.cache
def _template(name: str) -> str:
    return (resources.files("mlgraph.map") / "templates" / name).read_text(encoding="utf-8")


def map_data(G: nx.MultiDiGraph, view, positions: dict[str, tuple[int, int]],
             have: Collection[str] | None = None) -> dict:
    """Return everything the page's script needs, as plain JSON-ready data.

    Nodes are listed drawn first (with positions), then the other ends of their relations (so a
    card can name them); edges, sources and routes refer to nodes and sources by position.

    >>> from mlgraph.career.network import load_network
    >>> from mlgraph.map.views import focus_view
    >>> G = load_network()
    >>> data = map_data(G, focus_view(G, "https://w3id.org/mlgraph/id/python"), {})
    >>> data["nodes"][data["focus"]]["label"], data["nodes"][0]["shown"]
    ('Python', True)
    """
    drawn = list(view.nodes)
    edges = sorted({(u, v, k) for n in drawn for u, v, k in (*G.out_edges(n, keys=True), *G.in_edges(n, keys=True))})
    others = sorted({end for u, v, _ in edges for end in (u, v)} - set(drawn))
    index = {n: i for i, n in enumerate(drawn + others)}
    cited = sorted({s for u, v, k in edges for s in G.edges[u, v, k]["sources"]}
                   | {s for n in drawn for sal in G.nodes[n].get("salaries", ()) for s in sal["sources"]})
    source_index = {s: i for i, s in enumerate(cited)}
    status = have_status(G, have, drawn) if have is not None else {}
    return {
        "title": view.title,
        "notes": view.notes(),
        "types": _type_rows(G, drawn),
        "relations": _relation_rows(G, {k for _, _, k in edges}),
        "sources": [_source_row(G, s) for s in cited],
        "nodes": [_node_row(G, n, positions.get(n, (0, 0)), source_index) | _profile_mark(status, n) for n in drawn]
                 + [_other_row(G, n) for n in others],
        "edges": [[index[u], index[v], k, [source_index[s] for s in G.edges[u, v, k]["sources"]]]
                  for u, v, k in edges],
        "routes": [_route_row(route, index, source_index) for route in view.routes],
        "focus": index[view.focus] if view.focus else None,
        "profile": ({k: sum(1 for v in status.values() if v == k) for k in ("have", "missing")}
                    if have is not None else None),
    }


def _profile_mark(status: dict[str, str], node: str) -> dict:
    return {"profile": status[node]} if node in status else {}


def _type_rows(G: nx.MultiDiGraph, drawn: list[str]) -> list[dict]:
    counts = {t: 0 for t in NODE_TYPES}
    for n in drawn:
        counts[G.nodes[n]["type"]] = counts.get(G.nodes[n]["type"], 0) + 1
    return [{"name": t, "label": re.sub(r"(?<=[a-z])(?=[A-Z])", " ", t).capitalize(),
             "colour": NODE_STYLES.get(t, ("#6b7280", "dot"))[0],
             "shape": NODE_STYLES.get(t, ("#6b7280", "dot"))[1], "count": c}
            for t, c in counts.items() if c]


def _relation_rows(G: nx.MultiDiGraph, names: set[str]) -> dict[str, dict]:
    rows = {}
    for name in sorted(names):
        info = G.graph["relations"].get(name, {})
        colour, width, dashed = EDGE_STYLES.get(name, _OTHER_EDGE)
        rows[name] = {"label": info.get("label", name), "inverse": info.get("inverse_label", name),
                      "career": bool(info.get("career")), "colour": colour, "width": width, "dashed": dashed}
    return rows


def _node_row(G: nx.MultiDiGraph, node: str, xy: tuple[int, int], source_index: dict[str, int]) -> dict:
    attrs = G.nodes[node]
    row = {"id": node, "label": attrs["label"], "type": attrs["type"], "shown": True, "x": xy[0], "y": xy[1],
           "description": attrs.get("description", ""), "alt": list(attrs.get("alt_labels", ()))}
    for key in ("level", "kind"):
        if key in attrs:
            row[key] = attrs[key]
    if attrs.get("salaries"):
        row["salaries"] = [{k: s[k] for k in ("amount", "min", "max", "currency", "period", "region", "date")}
                           | {"sources": [source_index[x] for x in s["sources"]]} for s in attrs["salaries"]]
    return row


def _other_row(G: nx.MultiDiGraph, node: str) -> dict:
    return {"id": node, "label": G.nodes[node]["label"], "type": G.nodes[node]["type"], "shown": False}


def _source_row(G: nx.MultiDiGraph, source: str) -> dict:
    attrs = G.nodes[source] if source in G else {}
    row = {"id": source, "label": attrs.get("label", source)}
    row.update({k: attrs[k] for k in ("title", "publisher", "date", "file") if k in attrs})
    return row


def _route_row(route, index: dict[str, int], source_index: dict[str, int]) -> dict:
    return {"nodes": [index[n["id"]] for n in route.nodes], "steps": [
        {"from": index[s.source], "to": index[s.target], "relation": s.relation, "label": s.relation_text,
         "sources": [source_index[x] for x in s.sources if x in source_index],
         "new_skills": [index[x["id"]] for x in s.new_skills if x["essential"] and x["id"] in index],
         "good_to_have": [index[x["id"]] for x in s.new_skills if not x["essential"] and x["id"] in index],
         "new_tools": [index[x["id"]] for x in s.new_tools if x["id"] in index]}
        for s in route.steps]}
