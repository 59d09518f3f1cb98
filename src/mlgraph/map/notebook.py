"""A map as a Python object: shown inline in notebooks, saved as a page, or handed to pyvis.

In a notebook the page goes into an ``<iframe srcdoc=... sandbox="allow-scripts">``: its styles
and script stay inside the frame (the page's own CSS would otherwise restyle the whole notebook),
it runs without the notebook's origin, and its Content-Security-Policy still lets nothing leave it.

>>> import networkx as nx
>>> from mlgraph.map.views import whole_view
>>> G = nx.MultiDiGraph(relations={})
>>> G.add_node("urn:a", label="<b>a</b>", type="Role")
>>> shown = draw_map(G, whole_view(G))
>>> shown
<Map '...': 1 node, 0 relations>
>>> frame = shown._repr_html_()
>>> frame.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;'), 'sandbox="allow-scripts"' in frame, "<b>" in frame
(True, True, False)
"""

from __future__ import annotations

import html
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

#: Node sizes by type, as the page draws them (other types: ``DEFAULT_SIZE``).
SIZES = {"Role": 22, "EducationPath": 17, "Industry": 13, "Organization": 12}
DEFAULT_SIZE = 9

#: Maps with at most this many edges draw them curved, as the page does; bigger ones straight.
CURVED_UP_TO = 600


@dataclass(frozen=True)
class Map:
    """An offline map page (``CareerGraph.map``): ``page`` is the HTML, ``data`` what it draws."""

    page: str
    view: object  # mlgraph.map.views.View
    data: dict
    height: int = 640

    @property
    def drawn(self) -> list[dict]:
        """The nodes drawn, with their positions."""
        return [n for n in self.data["nodes"] if n["shown"]]

    @property
    def drawn_edges(self) -> list[list]:
        """The edges between drawn nodes, as the page lists them: [from index, to index, relation, sources, ...]."""
        nodes = self.data["nodes"]
        return [e for e in self.data["edges"] if nodes[e[0]]["shown"] and nodes[e[1]]["shown"]]

    def __repr__(self) -> str:
        count, edges = len(self.drawn), len(self.drawn_edges)
        return f"<Map {self.view.title!r}: {count:,} node{'s' * (count != 1)}, {edges:,} relation{'s' * (edges != 1)}>"

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.page, quote=True)}" sandbox="allow-scripts" '
                f'title="{html.escape(self.view.title, quote=True)}" '
                f'style="width: 100%; height: {int(self.height)}px; border: 1px solid #d1d5db; border-radius: 4px">'
                "</iframe>")

    def as_dict(self) -> dict:
        """Return the data the page draws: nodes (with positions), edges, types, relations, sources, routes."""
        return self.data

    def save(self, path: str | Path, force: bool = False) -> Path:
        """Write the page to ``path`` atomically (folders are created); return the path. An existing
        file is replaced only if mlgraph wrote it, or with ``force``."""
        from mlgraph.map.html import write_html

        return write_html(self.page, Path(path), force)

    def to_pyvis(self, height: str = "750px", width: str = "100%", **options):
        """Return a ``pyvis.network.Network`` with the same nodes, edges, colours, positions and tooltips.

        Tooltips are plain text. ``options`` go to ``Network`` (e.g. ``cdn_resources="remote"``).
        """
        from pyvis.network import Network

        net = Network(height=height, width=width, directed=True, **options)
        types = {t["name"]: t for t in self.data["types"]}
        for node in self.drawn:
            style = types.get(node["type"], {"colour": "#6b7280", "shape": "dot"})
            net.add_node(node["id"], label=node["label"], title=tooltip(node), color=style["colour"],
                         shape=style["shape"], size=SIZES.get(node["type"], DEFAULT_SIZE),
                         x=node["x"], y=node["y"], physics=False)
        nodes, relations = self.data["nodes"], self.data["relations"]
        for u, v, relation, *_ in self.drawn_edges:  # then sources (and evidence) by position
            row = relations.get(relation, {})
            net.add_edge(nodes[u]["id"], nodes[v]["id"], title=plain_title(
                f"{nodes[u]['label']} {row.get('label', relation)} {nodes[v]['label']}"),
                color=row.get("colour", "#b6b9c2"), width=row.get("width", 1.0), dashes=row.get("dashed", False))
        net.toggle_physics(False)
        if len(net.edges) <= CURVED_UP_TO:  # as the page: curves keep a move and its reverse apart
            net.set_edge_smooth("curvedCW")
        return net


def tooltip(node: dict) -> str:
    """Return a node's tooltip as plain text: label, then type and level or kind.

    >>> tooltip({"label": "ML engineer", "type": "Role", "level": "mid"})
    'ML engineer\\nRole · mid'
    """
    facts = " · ".join(str(node[k]) for k in ("type", "level", "kind") if node.get(k))
    return plain_title(f"{node['label']}\n{facts}")


def plain_title(text: str) -> str:
    """Return ``text`` for a pyvis title: pyvis shows titles as text unless one contains ``href``
    (it then switches every tooltip to ``innerHTML``), so a zero-width space breaks that word.

    >>> plain_title('<a href="x">') == '<a hre\\u200bf="x">'
    True
    """
    return text.replace("href", "hre\u200bf")


def draw_map(G: nx.MultiDiGraph, view, have: Collection[str] | None = None, height: int = 640) -> Map:
    """Lay out ``view`` once and return its page and data as a :class:`Map`."""
    from mlgraph.map.html import generate_html
    from mlgraph.map.layout_cache import cached_positions
    from mlgraph.map.page_data import map_data

    positions = cached_positions(G, view)
    return Map(page=generate_html(G, view, positions, have=have), view=view,
               data=map_data(G, view, positions, have), height=height)


#: What route ends are looked up as first.
ROUTE_ENDS = ("Role", "EducationPath")


def choose_view(G: nx.MultiDiGraph, resolve: Callable[..., str], path: Sequence[str] | None = None, k: int = 1,
                focus: str | None = None, depth: int = 1, types: str | Iterable[str] | None = None,
                max_nodes: int | None = None, have: Collection[str] = ()):
    """Return the view asked for: routes between ``path``'s ends, ``focus``'s neighbourhood or the
    whole graph, cut to some ``types`` and to ``max_nodes``. ``resolve(name, prefer)`` finds nodes.

    >>> from mlgraph.career.names import resolve
    >>> from mlgraph.career.network import load_network
    >>> G = load_network()
    >>> view = choose_view(G, lambda name, prefer=(): resolve(G, name, prefer), focus="python", types="Role")
    >>> view.title, view.hidden_types
    ('Around Python (1 step)', ('EducationPath', 'Skill'))
    """
    from mlgraph.career.paths import find_routes
    from mlgraph.map.views import (
        DEFAULT_MAX_NODES, DEFAULT_TYPES, FOCUS_MAX_NODES, focus_view, keep_types, limit_nodes, route_view,
        whole_view,
    )
    from mlgraph.rdf.vocab import type_named, types_named

    wanted = (types_named(types) if isinstance(types, str) else tuple(map(type_named, types))) if types else None
    if path:
        src, dst = (resolve(name, ROUTE_ENDS) for name in path)
        view = route_view(G, find_routes(G, src, dst, k=k, have=have), asked=k, have=have)
    elif focus:
        view = focus_view(G, resolve(focus), depth, max_nodes or FOCUS_MAX_NODES)
    else:
        view = whole_view(G, wanted or DEFAULT_TYPES)
    if wanted:
        view = keep_types(G, view, wanted)
    return limit_nodes(G, view, DEFAULT_MAX_NODES if max_nodes is None else max_nodes)
