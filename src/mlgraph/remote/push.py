"""Push a graph to a SPARQL server's named graph: replaced (or added to) whole, or not at all.

The SPARQL 1.1 Graph Store Protocol's PUT replaces a graph in one request, but the protocol
does not promise that it is atomic and servers differ (a server may empty the graph, then load
the body in batches, so an upload cut off midway would leave it empty or half-loaded). So the
body goes by PUT to a fresh staging graph (``urn:uuid:...``) that no reader uses, and one SPARQL
Update request then swaps it in (``MOVE``) or adds it (``ADD`` + ``DROP``), which a
transactional store such as Oxigraph runs as one transaction. A failed upload leaves the target untouched; the staging graph is dropped when
the server can still be reached (one left by a server killed midway is read by no one).
Provenance needs nothing special: its ``rdf:Statement`` nodes are ordinary triples.

>>> swap_update("urn:uuid:1", "https://example.org/g", add=False)
'MOVE GRAPH <urn:uuid:1> TO GRAPH <https://example.org/g>'
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass

from mlgraph.errors import MlgraphError, RemoteError
from mlgraph.remote.endpoint import Endpoint
from mlgraph.remote.http import fetch, open_client, upload_chunks
from mlgraph.remote.read import JSON_RESULTS, sparql_form


@dataclass(frozen=True)
class PushResult:
    """What a push did: the graph written, its size, and whether it replaced or added."""

    graph: str
    triples: int
    bytes: int
    mode: str

    def as_dict(self) -> dict:
        """Return the result as plain data (for ``--json``)."""
        return asdict(self)


def push_graph(graph, endpoint: Endpoint, mode: str = "create",
               on_progress: Callable[[int, int], None] | None = None, client=None) -> PushResult:
    """Write rdflib ``graph`` into the endpoint's named graph; ``mode`` is create, replace or add.

    ``create`` refuses a graph that already holds triples; ``replace`` swaps the whole graph;
    ``add`` adds to it. ``on_progress(sent, total)`` hears how many bytes went up.
    """
    if client is None:
        with open_client(endpoint) as client:
            return push_graph(graph, endpoint, mode, on_progress, client)
    if mode == "create" and graph_exists(endpoint, client):
        raise RemoteError(f"graph <{endpoint.graph}> at {endpoint.query_url} already holds triples; "
                          "add --replace to replace it, or --add to add to it")
    body = serialize_ntriples(graph)
    staging = f"urn:uuid:{uuid.uuid4()}"
    try:
        fetch(client, endpoint, "PUT", endpoint.store_url, (), params={"graph": staging},
              content=upload_chunks(body, on_progress),
              headers={"Content-Type": "application/n-triples", "Content-Length": str(len(body))})
        fetch(client, endpoint, "POST", endpoint.update_url, (),
              data={"update": swap_update(staging, endpoint.graph, add=mode == "add")})
    except MlgraphError:
        _drop_quietly(client, endpoint, staging)
        raise
    return PushResult(endpoint.graph, len(graph), len(body), mode)


def graph_exists(endpoint: Endpoint, client) -> bool:
    """Return True if the endpoint's named graph holds at least one triple."""
    import json

    body = fetch(client, endpoint, "POST", endpoint.query_url, JSON_RESULTS,
                 data=sparql_form(endpoint, "ASK { ?s ?p ?o }"))
    try:
        return bool(json.loads(body)["boolean"])
    except (ValueError, KeyError, TypeError):
        raise RemoteError(f"{endpoint.query_url}: the answer to ASK is not SPARQL JSON results") from None


def swap_update(staging: str, target: str, add: bool) -> str:
    """Return the one SPARQL Update that moves (or adds) the staging graph into the target.

    >>> swap_update("urn:uuid:1", "https://example.org/g", add=True)
    'ADD GRAPH <urn:uuid:1> TO GRAPH <https://example.org/g> ; DROP GRAPH <urn:uuid:1>'
    """
    from rdflib import URIRef

    source, destination = URIRef(staging).n3(), URIRef(target).n3()
    if add:
        return f"ADD GRAPH {source} TO GRAPH {destination} ; DROP GRAPH {source}"
    return f"MOVE GRAPH {source} TO GRAPH {destination}"


def serialize_ntriples(graph) -> bytes:
    """Return the graph as N-Triples bytes (the simplest format every store reads)."""
    return graph.serialize(format="nt", encoding="utf-8")


def _drop_quietly(client, endpoint: Endpoint, staging: str) -> None:
    try:
        fetch(client, endpoint, "POST", endpoint.update_url, (),
              data={"update": f"DROP SILENT GRAPH <{staging}>"})
    except MlgraphError:  # the server is gone: the staging graph holds nothing anyone reads
        pass
