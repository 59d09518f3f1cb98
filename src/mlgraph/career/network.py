"""Load the career network: the built-in graph plus users' files, from cache when possible.

This module and those it imports at the top stay free of rdflib, so that a query answered from
the cache costs little more than importing networkx.

>>> G = load_network()
>>> node_summary(G, "https://w3id.org/mlgraph/id/python")["type"]
'Tool'
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import networkx as nx

from mlgraph.rdf.builtin import input_files
from mlgraph.storage import cache


def load_network(data: Sequence[Path] = (), use_cache: bool = True, builtin: bool = True) -> nx.MultiDiGraph:
    """Return the network of the built-in graph (or just its schema) merged with ``data`` files.

    Each file is read once: the bytes that key the cache are the bytes that are parsed.
    """
    sources = cache.read_sources(input_files(data, builtin))
    key = cache.digest_sources(sources)
    notes: list[str] = []
    if use_cache:
        cached = cache.read_network(key, sources, notes)
        if cached is not None:
            return cached
    from mlgraph.career.build import build_network
    from mlgraph.rdf.triples import read_source_triples

    warnings: list[str] = []
    network = build_network(read_source_triples(sources, warnings))
    # Kept with the network so that a cached load reports them as the first load did.
    network.graph["load_warnings"] = warnings + network.graph.pop("projection_warnings", [])
    if use_cache:
        cache.write_network(key, network, sources)
    network.graph["load_warnings"] = notes + network.graph["load_warnings"]
    return network


def node_summary(G: nx.MultiDiGraph, node: str) -> dict:
    """Return the JSON shape of a node: id, label, type (and kind or level when known)."""
    attrs = G.nodes[node]
    summary = {"id": node, "label": attrs["label"], "type": attrs["type"]}
    for key in ("kind", "level"):
        if key in attrs:
            summary[key] = attrs[key]
    return summary


def nodes_of_type(G: nx.MultiDiGraph, node_type: str | None = None) -> list[str]:
    """Return nodes (of one type, or all) sorted by type order then label."""
    from mlgraph.rdf.vocab import NODE_TYPES

    order = {name: i for i, name in enumerate(NODE_TYPES)}
    chosen = (n for n, t in G.nodes(data="type") if node_type is None or t == node_type)
    return sorted(chosen, key=lambda n: (order.get(G.nodes[n]["type"], 99), G.nodes[n]["label"].casefold(), n))


def relation_label(G: nx.MultiDiGraph, relation: str, direction: str = "out") -> str:
    """Return how a relation reads forwards (``out``) or backwards (``in``)."""
    info = G.graph["relations"].get(relation, {})
    key = "label" if direction == "out" else "inverse_label"
    return info.get(key, relation)


def career_relations(G: nx.MultiDiGraph) -> set[str]:
    """Return the names of relations that routes between roles may follow."""
    return {name for name, info in G.graph["relations"].items() if info["career"]}


def skills_needed(G: nx.MultiDiGraph, role: str) -> dict[str, bool]:
    """Return the skills a role needs, each mapped to True if essential, False if optional."""
    needed = {}
    for _, skill, relation in G.out_edges(role, keys=True):
        if relation == "requiresSkill":
            needed[skill] = True
        elif relation == "optionalSkill":
            needed.setdefault(skill, False)
    return needed


def tools_needed(G: nx.MultiDiGraph, role: str) -> set[str]:
    """Return the tools and languages a role uses."""
    return {tool for _, tool, relation in G.out_edges(role, keys=True) if relation == "usesTool"}


def capabilities(G: nx.MultiDiGraph, node: str) -> set[str]:
    """Return the skills and tools someone at ``node`` has: a role's needs (with those of its general
    role), or what an education path teaches."""
    from mlgraph.career.needs import capabilities as held

    return held(G, node)
