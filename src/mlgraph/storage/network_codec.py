"""Turn the career network into compact bytes and back, fast: the cache's payload.

JSON (never pickle: a cache file must not be able to run code), laid out in columns rather than
node-link records: node ids are listed once and edges refer to them by position; each attribute
is one list over all nodes (or edges); which attributes a node has, in which order, is one of a
few shared "shapes"; the sources of edges (and of their evidence records) are positions in a
list of source IRIs. Reading it back fills networkx's adjacency dicts directly, without a call
per edge, and gives a graph equal to the one written: same nodes, edges, keys, attributes, and
the same order of each.

>>> import networkx as nx
>>> G = nx.MultiDiGraph(triples=3, relations={})
>>> G.add_node("a", label="A", type="Role"); G.add_node("b", label="B", type="Skill", kind="technical")
>>> _ = G.add_edge("a", "b", key="requiresSkill", sources=["urn:s"])
>>> H = decode(encode(G))
>>> list(H.edges(keys=True, data=True)), H.graph == G.graph, dict(H.nodes(data=True)) == dict(G.nodes(data=True))
([('a', 'b', 'requiresSkill', {'sources': ['urn:s']})], True, True)
"""

from __future__ import annotations

import json

import networkx as nx

from mlgraph.storage.bulk import collector_paused

#: Bump when the layout changes; older payloads are then refused (and rebuilt by the cache).
PAYLOAD_FORMAT = 2


def encode(network: nx.MultiDiGraph) -> bytes:
    """Return ``network`` as compact JSON bytes (see the module's docstring for the layout)."""
    with collector_paused():
        return json.dumps(_payload(network), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _payload(network: nx.MultiDiGraph) -> dict:
    nodes = list(network)
    index = {n: i for i, n in enumerate(nodes)}
    edges = list(network.edges(keys=True, data=True))
    sources: dict[str, int] = {}
    edge_attrs = []
    position = sources.setdefault
    for _, _, _, attrs in edges:
        attrs = dict(attrs, sources=[position(s, len(sources)) for s in attrs["sources"]]) if "sources" in attrs else attrs
        if "evidence" in attrs:  # one record per source: the source as a position too
            attrs["evidence"] = [dict(r, source=position(r["source"], len(sources))) for r in attrs["evidence"]]
        edge_attrs.append(attrs)
    keys: dict[str, int] = {}
    return {
        "format": PAYLOAD_FORMAT,
        "graph": network.graph,
        "nodes": nodes,
        "node_attrs": columns([attrs for _, attrs in network.nodes(data=True)]),
        "edges": [[index[u] for u, _, _, _ in edges], [index[v] for _, v, _, _ in edges],
                  [keys.setdefault(k, len(keys)) for _, _, k, _ in edges]],
        "keys": list(keys),
        "sources": list(sources),
        "edge_attrs": columns(edge_attrs),
    }


def columns(records: list[dict]) -> dict:
    """Return dicts as columns: the distinct key orders ("shapes"), each record's shape, and one
    list per key (None where a record lacks the key).

    >>> columns([{"a": 1}, {"a": 2, "b": 3}])
    {'shapes': [['a'], ['a', 'b']], 'shape_of': [0, 1], 'values': {'a': [1, 2], 'b': [None, 3]}}
    """
    shapes: dict[tuple, int] = {}
    shape_of = [shapes.setdefault(tuple(r), len(shapes)) for r in records]
    values = {key: [r.get(key) for r in records] for shape in shapes for key in shape}
    return {"shapes": [list(s) for s in shapes], "shape_of": shape_of, "values": values}


def rows(table: dict) -> list[dict]:
    """Return the dicts that :func:`columns` was given, keys in their first order.

    >>> rows(columns([{"a": 1}, {"b": None, "a": 2}]))
    [{'a': 1}, {'b': None, 'a': 2}]
    """
    values = table["values"]
    shapes = [(tuple(shape), [values[key] for key in shape]) for shape in table["shapes"]]
    return [dict(zip(shapes[s][0], [column[i] for column in shapes[s][1]]))
            for i, s in enumerate(table["shape_of"])]


def decode(data: bytes) -> nx.MultiDiGraph:
    """Return the network that :func:`encode` wrote; ValueError if ``data`` is not such a payload."""
    with collector_paused():
        return from_payload(json.loads(data))


def to_payload(network: nx.MultiDiGraph) -> dict:
    """Return the JSON-ready value :func:`encode` writes, for a caller that wraps it (the cache's envelope)."""
    with collector_paused():
        return _payload(network)


def from_payload(payload) -> nx.MultiDiGraph:
    """Return the network of a value :func:`to_payload` gave; ValueError if it is not such a payload."""
    if not isinstance(payload, dict) or payload.get("format") != PAYLOAD_FORMAT:
        raise ValueError("not a network payload of this version")
    with collector_paused():
        try:
            return _rebuild(payload)
        except (KeyError, IndexError, TypeError, AttributeError) as exc:
            raise ValueError(f"damaged network payload: {exc!r}") from None


def _rebuild(payload: dict) -> nx.MultiDiGraph:
    nodes, sources, keys = payload["nodes"], payload["sources"], payload["keys"]
    edge_attrs = rows(payload["edge_attrs"])
    for attrs in edge_attrs:
        if "sources" in attrs:
            attrs["sources"] = [sources[i] for i in attrs["sources"]]
        for record in attrs.get("evidence", ()):
            record["source"] = sources[record["source"]]
    network = nx.MultiDiGraph(**payload["graph"])
    node_attrs = rows(payload["node_attrs"])
    if len(node_attrs) != len(nodes):
        raise ValueError("damaged network payload: node attributes do not match the nodes")
    succ: dict = {n: {} for n in nodes}
    pred: dict = {n: {} for n in nodes}
    us, vs, ks = payload["edges"]
    if not len(us) == len(vs) == len(ks) == len(edge_attrs):
        raise ValueError("damaged network payload: edge columns differ in length")
    for u, v, k, attrs in zip(us, vs, ks, edge_attrs):
        # the same key dict sits under succ[u][v] and pred[v][u], as MultiDiGraph.add_edge makes it
        out = succ[nodes[u]]
        keydict = out.get(nodes[v])
        if keydict is None:
            keydict = out[nodes[v]] = pred[nodes[v]][nodes[u]] = {}
        keydict[keys[k]] = attrs
    # fill networkx's own dicts in place, so the views it has already made stay valid
    network._node.update(zip(nodes, node_attrs))
    network._succ.update(succ)
    network._pred.update(pred)
    return network
