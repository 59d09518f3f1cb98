"""Where to learn a skill or tool: the education paths that teach it, best first.

The best place to learn one thing is a course, bootcamp, certification or hands-on path; a
degree comes after those, and a doctoral degree is never offered as the place to learn a
single skill. Paths of the best kind are alternatives ("one of").

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for n, kind in [("phd", "degree"), ("course", "online-course"), ("ml", None)]:
...     G.add_node(n, label=n, type="EducationPath" if kind else "Skill", kind=kind)
>>> G.nodes["phd"]["label"] = "doctoral degree"
>>> _ = G.add_edges_from([("phd", "ml", "teaches", {"sources": []}), ("course", "ml", "teaches", {"sources": []})])
>>> [p["label"] for p in best_places(G, "ml")]
['course']
"""

from __future__ import annotations

import re

import networkx as nx

from mlgraph.career.network import node_summary

#: Education kinds, best first, as places to learn one skill or tool.
PLACE_ORDER = ("online-course", "bootcamp", "certification", "hands-on-practice", "internship", "platform", "degree")

#: A path whose label matches this is a research degree: never the place to learn one skill.
_DOCTORAL = re.compile(r"\b(doctoral|doctorate|ph\.?\s?d)\b", re.IGNORECASE)


def teachers(G: nx.MultiDiGraph, node: str) -> list[dict]:
    """Return the education paths that teach ``node``, each with ``offered_by`` organizations and sources."""
    found = []
    for path, _, key, sources in G.in_edges(node, keys=True, data="sources"):
        if key == "teaches":
            offered = sorted((o for o, _, k in G.in_edges(path, keys=True) if k == "offers"),
                             key=lambda o: (G.nodes[o]["label"].casefold(), o))
            found.append(dict(node_summary(G, path), sources=list(sources),
                              offered_by=[node_summary(G, o) for o in offered]))
    return sorted(found, key=lambda p: (p["label"].casefold(), p["id"]))


def place_rank(G: nx.MultiDiGraph, path: str) -> int:
    """Return how good ``path`` is as a place to learn one thing: 0 best; None-like large for unknown kinds."""
    kind = G.nodes[path].get("kind")
    return PLACE_ORDER.index(kind) if kind in PLACE_ORDER else len(PLACE_ORDER)


def best_places(G: nx.MultiDiGraph, node: str) -> list[dict]:
    """Return the best places to learn ``node``: every teaching path of the best kind (no doctoral degree)."""
    found = [p for p in teachers(G, node) if not _DOCTORAL.search(p["label"])]
    if not found:
        return []
    best = min(place_rank(G, p["id"]) for p in found)
    return [p for p in found if place_rank(G, p["id"]) == best]
