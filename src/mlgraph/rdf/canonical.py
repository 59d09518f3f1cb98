"""Give blank nodes names that depend only on the graph's content, so exports are byte-stable.

Parsers invent fresh blank-node ids on every run; an export that printed them would change each
time. Each blank node is named by a hash of what surrounds it, refined until the names stop
splitting (colour refinement). Nodes that stay alike (an exact duplicate statement, a symmetric
cycle) are handed to rdflib's canonicaliser, which is exact but slow, so it only ever sees them.
The names are finally shortened to ``b0``, ``b1`` ... in the order of their hashes.

>>> from rdflib import Graph, BNode, URIRef, Literal
>>> g = Graph()
>>> st = BNode()
>>> g.add((st, URIRef("urn:ex:source"), Literal("article A")))  # doctest: +ELLIPSIS
<Graph ...>
>>> canonical_triples(g)
[(rdflib.term.BNode('b0'), rdflib.term.URIRef('urn:ex:source'), rdflib.term.Literal('article A'))]
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

import rdflib
from rdflib import BNode, URIRef

_PLACEHOLDER = "urn:x-mlgraph-bnode:"


def canonical_triples(graph: rdflib.Graph) -> list[tuple]:
    """Return the graph's triples, sorted, with blank nodes renamed ``b0`` ... by content alone."""
    colours = blank_node_colours(graph)
    groups = defaultdict(list)
    for node, colour in colours.items():
        groups[colour].append(node)
    tied = {node for members in groups.values() if len(members) > 1 for node in members}
    named = {node: "u" + colour for node, colour in colours.items() if node not in tied}
    triples = [tuple(BNode(named[t]) if t in named else t for t in triple)
               for triple in graph if not tied.intersection(triple)]
    if tied:
        triples += _canonical_tied(graph, tied, named)
    return _shorten(triples)


def blank_node_colours(graph: rdflib.Graph) -> dict[BNode, str]:
    """Return a content hash for every blank node, refined over its neighbours until stable.

    >>> from rdflib import Graph, BNode, URIRef
    >>> a, b = BNode(), BNode()
    >>> g = Graph().add((a, URIRef("urn:p"), b))
    >>> colours = blank_node_colours(g)
    >>> colours[a] != colours[b]
    True
    """
    edges: dict[BNode, list[tuple]] = defaultdict(list)
    for s, p, o in graph:
        if isinstance(s, BNode):
            edges[s].append(("out", str(p), o))
        if isinstance(o, BNode):
            edges[o].append(("in", str(p), s))
    colours = _tree_colours(edges)
    classes = len(set(colours.values()))
    while True:
        colours = {node: _hash(colours[node], sorted(f"{way} {p} {_key(other, colours)}"
                                                      for way, p, other in around))
                   for node, around in edges.items()}
        if len(set(colours.values())) == classes:
            return colours
        classes = len(set(colours.values()))


def _tree_colours(edges: dict[BNode, list[tuple]]) -> dict[BNode, str]:
    """Hash each blank node with everything below it, children first, in one pass.

    Plain refinement needs one round per level to tell apart the levels of a nested list, which
    is quadratic on a 5,000-deep one; hashing bottom-up does it at once. Nodes on a loop (or
    above one) get a local hash here and are told apart by the refinement that follows.
    """
    children = {node: {o for way, _, o in around if way == "out" and isinstance(o, BNode)}
                for node, around in edges.items()}
    parents: dict[BNode, set[BNode]] = defaultdict(set)
    for node, below in children.items():
        for child in below:
            parents[child].add(node)
    waiting = {node: len(below) for node, below in children.items()}
    ready = [node for node, count in waiting.items() if count == 0]
    colours: dict[BNode, str] = {}
    while ready:
        node = ready.pop()
        colours[node] = _local_hash(edges[node], colours)
        for parent in parents[node]:
            waiting[parent] -= 1
            if waiting[parent] == 0:
                ready.append(parent)
    looped = {node: "loop " + _local_hash(around, colours) for node, around in edges.items() if node not in colours}
    return {**colours, **looped}


def _local_hash(around: list[tuple], colours: dict[BNode, str]) -> str:
    """Hash a node's outgoing triples (children by colour, if known) and incoming ones from IRIs."""
    lines = sorted(f"{way} {p} " + (("_:" + colours.get(other, "?")) if isinstance(other, BNode) else _key(other, {}))
                   for way, p, other in around if way == "out" or not isinstance(other, BNode))
    return _hash("", lines)


def _key(term, colours: dict[BNode, str]) -> str:
    if isinstance(term, BNode):
        return "_:" + colours[term]
    if isinstance(term, URIRef):
        return f"<{term}>"
    # Not term.n3(): it warns on ill-typed literals such as "abc"^^xsd:integer.
    return f'"{term}"@{term.language or ""}^^{term.datatype or ""}'


def _hash(colour: str, lines: list[str]) -> str:
    digest = hashlib.sha256(colour.encode())
    for line in lines:
        digest.update(b"\n" + line.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _canonical_tied(graph: rdflib.Graph, tied: set[BNode], named: dict[BNode, str]) -> list[tuple]:
    """Canonicalise the triples around alike blank nodes with rdflib, other blank nodes pinned."""
    from rdflib.compare import to_canonical_graph

    part = rdflib.Graph()
    for triple in graph:
        if tied.intersection(triple):
            part.add(tuple(URIRef(_PLACEHOLDER + named[t]) if t in named else t for t in triple))
    unpin = {URIRef(_PLACEHOLDER + name): BNode(name) for name in named.values()}
    return [tuple(unpin.get(t, BNode("t" + t) if isinstance(t, BNode) else t) for t in triple)
            for triple in to_canonical_graph(part)]


def _shorten(triples: list[tuple]) -> list[tuple]:
    names = sorted({str(t) for triple in triples for t in triple if isinstance(t, BNode)})
    short = {name: BNode(f"b{i}") for i, name in enumerate(names)}
    renamed = [tuple(short[str(t)] if isinstance(t, BNode) else t for t in triple) for triple in triples]
    return sorted(renamed, key=lambda triple: [_sort_key(t) for t in triple])


def _sort_key(term) -> tuple:
    if isinstance(term, BNode):
        return (1, int(str(term)[1:]), "", "")
    if isinstance(term, URIRef):
        return (0, 0, str(term), "")
    return (2, 0, str(term), (term.language or "") + " " + str(term.datatype or ""))
