"""Imported occupations in the career network: their numbers on edges, and their join with the built-in roles.

An imported relation's evidence record carries the taxonomy's figures (O*NET importance and
level, hot-technology flags, related-occupation tier and rank); :func:`imported_figures` reads
them from a network edge. A built-in role whose ``mlg:onetSocCode`` names
an imported occupation is joined to it both ways by ``matchesOccupation``, sourced to the
editors who chose the code, so that routes cross from the built-in roles into the occupations.

>>> import networkx as nx
>>> G = nx.MultiDiGraph(relations={"matchesOccupation": {"career": True}})
>>> G.add_node("https://w3id.org/mlgraph/id/data-scientist", type="Role", onet="15-2051.00")
>>> G.add_node(occupation_node("15-2051.00"), type="Role", onet="15-2051.00")
>>> join_aligned_occupations(G)
1
>>> sorted(k for _, _, k in G.edges(keys=True))
['matchesOccupation', 'matchesOccupation']
"""

from __future__ import annotations

import networkx as nx

from mlgraph.career.evidence import EDITORIAL, build_record
from mlgraph.rdf.vocab import MLD

#: Why a built-in role and an occupation are joined, as its evidence record says.
JOIN_NOTE = "The editors gave the role this O*NET-SOC code (ontology/data/alignment.ttl)."


def occupation_node(code: str) -> str:
    """Return the node of the imported O*NET occupation ``code``.

    >>> occupation_node("15-2041.00")
    'https://w3id.org/mlgraph/id/onet-15-2041.00'
    """
    return f"{MLD}onet-{code}"


def is_occupation(G: nx.MultiDiGraph, node: str) -> bool:
    """Return True if ``node`` is an imported O*NET occupation (not a role merely aligned to one).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("https://w3id.org/mlgraph/id/data-scientist", onet="15-2051.00")
    >>> is_occupation(G, "https://w3id.org/mlgraph/id/data-scientist")
    False
    """
    code = G.nodes[node].get("onet")
    return code is not None and node == occupation_node(code)


def join_aligned_occupations(G: nx.MultiDiGraph) -> int:
    """Link each role with an O*NET code to that imported occupation, both ways; return how many roles."""
    if "matchesOccupation" not in G.graph.get("relations", {}):
        return 0
    joined = 0
    for node, code in list(G.nodes(data="onet")):
        target = occupation_node(code) if code else None
        if target in G and target != node:
            for a, b in ((node, target), (target, node)):
                G.add_edge(a, b, key="matchesOccupation", sources=[EDITORIAL],
                           evidence=[build_record(EDITORIAL, "editorial", note=JOIN_NOTE)])
            joined += 1
    return joined


def imported_figures(attrs: dict) -> dict:
    """Return the taxonomy's figures on an edge: its first imported evidence record (empty if none).

    >>> imported_figures({"evidence": [{"evidence": "imported", "onetImportance": 4.88}]})["onetImportance"]
    4.88
    """
    return next((r for r in attrs.get("evidence", ()) if r.get("evidence") == "imported"), {})
