"""Describe the graph: a card for one node, and counts for the whole.

>>> from mlgraph.career.network import load_network
>>> G = load_network()
>>> card = describe_node(G, "https://w3id.org/mlgraph/id/python")
>>> card["type"], card["label"]
('Tool', 'Python')
>>> graph_stats(G)["nodes"]["Role"] >= 20
True
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from mlgraph.career.evidence import best_class, importance, sort_records
from mlgraph.career.network import node_summary, relation_label
from mlgraph.rdf.vocab import NODE_TYPES


def describe_node(G: nx.MultiDiGraph, node: str) -> dict:
    """Return the card of a node: summary, description, synonyms, relations, salaries, sources."""
    attrs = G.nodes[node]
    relations = node_relations(G, node)
    card = dict(node_summary(G, node), description=attrs.get("description", ""),
                alt_labels=list(attrs.get("alt_labels", ())), relations=relations)
    for key in ("matches", "onet", "salaries", "title", "publisher", "date", "file"):
        if key in attrs:
            card[key] = attrs[key]
    cited = {s for r in relations for s in r["sources"]}
    cited.update(s for salary in attrs.get("salaries", ()) for s in salary["sources"])
    card["sources"] = [node_summary(G, s) if s in G else {"id": s, "label": s, "type": "Source"}
                       for s in sorted(cited)]
    return card


def node_relations(G: nx.MultiDiGraph, node: str) -> list[dict]:
    """Return the node's relations, outgoing then incoming, each with the node at the other end and
    its evidence records (one per source), their importance and best evidence class."""
    found = []
    for direction, edges in (("out", G.out_edges(node, keys=True, data=True)),
                             ("in", G.in_edges(node, keys=True, data=True))):
        for u, v, relation, data in edges:
            other = v if direction == "out" else u
            records = sort_records(data.get("evidence", ()))
            found.append({"relation": relation, "direction": direction, "node": node_summary(G, other),
                          "sources": list(data.get("sources", ())), "relation_label": relation_label(G, relation, direction),
                          "evidence": records, "importance": importance(records) if records else None,
                          "best_evidence": best_class(records)})
    found.sort(key=lambda r: (r["direction"] == "in", r["relation"], r["node"]["label"].casefold()))
    return found


def graph_stats(G: nx.MultiDiGraph) -> dict:
    """Return the number of triples, of nodes by type and of edges by relation."""
    types = Counter(t for _, t in G.nodes(data="type"))
    order = {name: i for i, name in enumerate(NODE_TYPES)}
    relations = Counter(k for _, _, k in G.edges(keys=True))
    return {
        "triples": G.graph["triples"],
        "nodes": dict(sorted(types.items(), key=lambda kv: (order.get(kv[0], 99), kv[0]))),
        "edges": dict(sorted(relations.items())),
        "salaries": sum(len(a.get("salaries", ())) for _, a in G.nodes(data=True)),
    }
