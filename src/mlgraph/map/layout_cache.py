"""Keep map layouts in the cache folder, so that drawing the same view again skips the layout.

A force-directed layout is most of the time a map takes. The positions depend only on what the
view shows (its nodes in order, their types, the relations among them, routes and focus) and on
the layout code, so they are stored under a digest of exactly that, beside the cached networks;
any change to the graph that moves the view, or to the layout modules, gives a new key. Only the
:data:`KEEP` most recently used layouts are kept. A damaged entry is recomputed.

>>> import networkx as nx
>>> from mlgraph.map.views import View
>>> G = nx.MultiDiGraph([("a", "b", "x")], relations={})
>>> nx.set_node_attributes(G, "Skill", "type")
>>> view = View(nodes=("a", "b"), title="", focus="a")
>>> layout_key(G, view) == layout_key(G, View(nodes=("a", "b"), title="", focus="a"))
True
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import networkx as nx

#: How many layouts to keep in the cache folder.
KEEP = 32


def cached_positions(G: nx.MultiDiGraph, view) -> dict[str, tuple[int, int]]:
    """Return the positions of ``view``'s nodes: from the cache, else laid out and stored."""
    from mlgraph.map.layout import place_view
    from mlgraph.storage import cache
    from mlgraph.storage.atomic import replace_file

    path = cache.cache_dir() / f"layout-{layout_key(G, view)}.json"
    positions = read_positions(path, view)
    if positions is not None:
        return positions
    positions = place_view(G, view)
    try:
        replace_file(path, json.dumps([[n, list(xy)] for n, xy in positions.items()]).encode())
        cache.prune(path.parent, KEEP, "layout-*.json")
    except OSError:  # no cache folder to write to: the layout is simply not kept
        pass
    return positions


def read_positions(path: Path, view) -> dict[str, tuple[int, int]] | None:
    """Return the positions stored at ``path`` if they place every node of ``view``, else None."""
    import os

    try:
        rows = json.loads(path.read_bytes())
        positions = {n: (x, y) for n, (x, y) in rows}
    except (OSError, ValueError, TypeError):
        return None
    if not set(view.nodes) <= set(positions):
        return None
    try:
        os.utime(path)  # recently used: kept by pruning
    except OSError:
        pass
    return positions


def layout_key(G: nx.MultiDiGraph, view) -> str:
    """Return a digest of everything the layout of ``view`` depends on."""
    from mlgraph.map import labels, layout, spacing, views

    shown = set(view.nodes)
    routes = [[[n["id"] for n in route.nodes],
               [[s.target, [[x["id"], x.get("importance"), x.get("essential")] for x in (*s.new_skills, *s.new_tools)]]
                for s in route.steps]]
              for route in view.routes]
    edges = sorted((u, v, k) for n in view.nodes for _, v, k in G.out_edges(n, keys=True) if v in shown
                   for u in (n,))
    career = sorted(name for name, info in G.graph.get("relations", {}).items() if info.get("career"))
    # labels size the boxes the layout keeps apart
    parts = [list(view.nodes), [[G.nodes[n].get("type"), G.nodes[n].get("label")] for n in view.nodes], edges, routes,
             view.focus, career]
    digest = hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8"))
    for module in (layout, spacing, labels, views):  # new layout code, new layouts
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()
