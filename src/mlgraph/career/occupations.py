"""Imported occupations in the career network: their numbers on edges, and their join with the built-in roles.

An imported relation's statement carries the taxonomy's numbers (O*NET importance and level,
hot-technology flags, related-occupation tier and rank); :func:`add_imported_numbers` copies
them onto the network edge as an ``onet`` dict. A built-in role whose ``mlg:onetSocCode`` names
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

from mlgraph.rdf.vocab import MLD, MLG, SRC

EDITORIAL = SRC + "editorial"

#: Statement properties copied onto edges, by the key they get in the edge's ``onet`` dict.
NUMBERS = {"importance": "onetImportance", "level": "onetLevel", "suppressed": "suppressed",
           "hot": "hotTechnology", "in_demand": "inDemand", "tier": "relatednessTier", "index": "relatednessIndex"}


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
            G.add_edge(node, target, key="matchesOccupation", sources=[EDITORIAL])
            G.add_edge(target, node, key="matchesOccupation", sources=[EDITORIAL])
            joined += 1
    return joined


def add_imported_numbers(network: nx.MultiDiGraph, graph) -> None:
    """Copy the numbers on imported statements of ``graph`` (rdflib) onto the matching network edges."""
    from rdflib import RDF, URIRef

    numbers: dict = {}
    for key, name in NUMBERS.items():  # one pass per property: far faster than a lookup per statement
        for st, value in graph.subject_objects(URIRef(MLG + name)):
            numbers.setdefault(st, {})[key] = float(value) if key in ("importance", "level") else value.toPython()
    ends = {part: dict(graph.subject_objects(prop)) for part, prop in
            (("s", RDF.subject), ("p", RDF.predicate), ("o", RDF.object))}
    for st, values in numbers.items():
        s, p, o = (ends[part].get(st) for part in "spo")
        key = str(p).rsplit("#", 1)[-1]
        if s is not None and o is not None and network.has_edge(str(s), str(o), key):
            network.edges[str(s), str(o), key]["onet"] = values
