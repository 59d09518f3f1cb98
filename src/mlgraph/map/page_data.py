"""The data a map page draws: nodes with positions, edges, sources and routes, as plain JSON.

Nodes, edges, sources and routes refer to one another by position in their lists, which keeps
the page small; colours and shapes of node types and relations are chosen here too, so the
legend and the drawing agree.
"""

from __future__ import annotations

import re
from collections.abc import Collection

import networkx as nx

from mlgraph.career.profile import have_status
from mlgraph.map.labels import (
    CENTRE_FONT, CENTRE_SIZE, DEFAULT_FONT, DEFAULT_SIZE, DEFAULT_WRAP, FONT_SIZE, NODE_SIZE, WRAP_WIDTH,
)
from mlgraph.map.page_edges import page_edges
from mlgraph.rdf.vocab import NODE_TYPES

#: Colour and vis-network shape of each node type (the legend shows the same).
NODE_STYLES: dict[str, tuple[str, str]] = {
    "Role": ("#2563eb", "dot"),
    "Skill": ("#16a34a", "diamond"),
    "Tool": ("#ea580c", "square"),
    "Industry": ("#7c3aed", "triangle"),
    "Application": ("#db2777", "triangleDown"),
    "EducationPath": ("#0d9488", "star"),
    "Organization": ("#92400e", "hexagon"),
    "Task": ("#0891b2", "ellipse"),
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
    edges, edges_note = page_edges(G, drawn)
    others = sorted({end for u, v, _ in edges for end in (u, v)} - set(drawn))
    index = {n: i for i, n in enumerate(drawn + others)}
    cited = sorted({s for u, v, k in edges for s in G.edges[u, v, k]["sources"]}
                   | {s for n in drawn for sal in G.nodes[n].get("salaries", ()) for s in sal["sources"]})
    source_index = {s: i for i, s in enumerate(cited)}
    status = have_status(G, have, drawn) if have is not None else {}
    return {
        "title": view.title,
        "notes": view.notes() + ([edges_note] if edges_note else []),
        "types": _type_rows(G, drawn),
        "relations": _relation_rows(G, {k for _, _, k in edges}),
        "sources": [_source_row(G, s) for s in cited],
        "nodes": [_node_row(G, n, positions.get(n, (0, 0)), source_index) | _profile_mark(status, n) for n in drawn]
                 + [_other_row(G, n) for n in others],
        "edges": [[index[u], index[v], k, [source_index[s] for s in G.edges[u, v, k]["sources"]],
                   _evidence_text(G.edges[u, v, k])] for u, v, k in edges],
        "routes": [_route_row(G, route, index, source_index) for route in view.routes],
        "focus": index[view.focus] if view.focus else None,
        "centre": {"size": CENTRE_SIZE, "font": CENTRE_FONT},
        "profile": ({k: sum(1 for v in status.values() if v == k) for k in ("have", "missing")}
                    if have is not None else None),
    }


def _evidence_text(edge: dict) -> str:
    """The relation's evidence in brief for its card line ("1 stated, essential; 2 listed"), or ""."""
    from mlgraph.career.evidence import summarize_evidence

    return summarize_evidence(edge["evidence"]) if edge.get("evidence") else ""


def _profile_mark(status: dict[str, str], node: str) -> dict:
    return {"profile": status[node]} if node in status else {}


def _type_rows(G: nx.MultiDiGraph, drawn: list[str]) -> list[dict]:
    counts = {t: 0 for t in NODE_TYPES}
    for n in drawn:
        counts[G.nodes[n]["type"]] = counts.get(G.nodes[n]["type"], 0) + 1
    return [{"name": t, "label": re.sub(r"(?<=[a-z])(?=[A-Z])", " ", t).capitalize(),
             "colour": NODE_STYLES.get(t, ("#6b7280", "dot"))[0],
             "shape": NODE_STYLES.get(t, ("#6b7280", "dot"))[1], "count": c,
             "size": NODE_SIZE.get(t, DEFAULT_SIZE), "font": FONT_SIZE.get(t, DEFAULT_FONT), "wrap": WRAP_WIDTH.get(t, DEFAULT_WRAP)}
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


def _route_row(G: nx.MultiDiGraph, route, index: dict[str, int], source_index: dict[str, int]) -> dict:
    from mlgraph.map.views import top_needs

    return {"nodes": [index[n["id"]] for n in route.nodes], "steps": [
        {"from": index[s.source], "to": index[s.target], "relation": s.relation, "label": s.relation_text,
         "sources": [source_index[x] for x in s.sources if x in source_index],
         "new_skills": [index[x["id"]] for x in s.new_skills if x.get("essential", True) and x["id"] in index],
         "good_to_have": [index[x["id"]] for x in s.new_skills if not x.get("essential", True) and x["id"] in index],
         "new_tools": [index[x["id"]] for x in s.new_tools if x["id"] in index],
         "top": [index[x] for x in top_needs(G, s) if x in index]}
        for s in route.steps]}
