"""Read the graph from a SPARQL server and build the career network from it, cached.

The graph's triples come in one CONSTRUCT (scoped to the named graph with the protocol's
``default-graph-uri``, so the query text stays plain), are parsed by the same strict reader as
local files, and projected exactly as a local graph is. The network is cached under the
endpoint, the graph and a SHA-256 digest of the server's answer, so a changed graph can never
be answered from the cache, and an unchanged one skips the parsing and projection, which cost
far more than the transfer. (A cheaper check by aggregates is no cheaper on Oxigraph: over
200,000 triples, counting them with per-triple digests took 4.5 s, the whole CONSTRUCT 3.1 s;
a bare COUNT, 0.3 s, misses a graph replaced by one of the same size.) ``--no-cache`` skips it.

>>> CONSTRUCT_ALL
'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }'
"""

from __future__ import annotations

import hashlib

import networkx as nx

from mlgraph import __version__
from mlgraph.errors import RemoteError
from mlgraph.remote.endpoint import Endpoint, redact_url
from mlgraph.remote.http import fetch, open_client

CONSTRUCT_ALL = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
NTRIPLES = ("application/n-triples",)
JSON_RESULTS = ("application/sparql-results+json",)

def sparql_form(endpoint: Endpoint, query: str) -> dict[str, str]:
    """Return the SPARQL protocol form that runs ``query`` on the endpoint's graph.

    >>> from mlgraph.remote.endpoint import make_endpoint
    >>> sparql_form(make_endpoint("http://127.0.0.1:7878", "urn:g"), "ASK {}")
    {'query': 'ASK {}', 'default-graph-uri': 'urn:g'}
    """
    return {"query": query, "default-graph-uri": endpoint.graph}


def fetch_graph(endpoint: Endpoint, client=None):
    """Return the endpoint's named graph as an rdflib graph; RemoteError if it holds nothing."""
    if client is None:
        with open_client(endpoint) as client:
            return parse_answer(endpoint, fetch_triples(endpoint, client))
    return parse_answer(endpoint, fetch_triples(endpoint, client))


def fetch_triples(endpoint: Endpoint, client) -> bytes:
    """Return the server's N-Triples answer to a CONSTRUCT of every triple of the endpoint's graph."""
    body = fetch(client, endpoint, "POST", endpoint.query_url, NTRIPLES, data=sparql_form(endpoint, CONSTRUCT_ALL))
    if not body.strip():
        raise RemoteError(f"graph <{endpoint.graph}> at {endpoint.query_url} holds no triples; "
                          "push it first (`mlgraph push --endpoint URL`) or name another with --graph")
    return body


def parse_answer(endpoint: Endpoint, body: bytes):
    """Return the triples of a server's N-Triples answer as an rdflib graph.

    >>> from mlgraph.remote.endpoint import make_endpoint
    >>> len(parse_answer(make_endpoint("http://127.0.0.1:7878", "urn:g"), b'<urn:a> <urn:b> "c" .'))
    1
    >>> parse_answer(make_endpoint("http://127.0.0.1:7878", "urn:g"), b'<urn:a> <urn:b> "c" . Query timed out')
    Traceback (most recent call last):
    ...
    mlgraph.errors.RemoteError: http://127.0.0.1:7878/query: the graph the server sent is not valid N-Triples ...
    """
    from mlgraph.rdf.load import parse_data, parse_files

    graph = parse_files([])  # empty, with the project's prefixes bound
    try:
        parse_data(graph, body, "nt", redact_url(endpoint.query_url))
    except RemoteError:
        raise
    except Exception as exc:  # a parse error: the server broke off or mixed an error into the data
        raise RemoteError(f"{endpoint.query_url}: the graph the server sent is not valid N-Triples "
                          f"({' '.join(str(exc).split())[:200]}); it may have stopped midway") from None
    return graph


def fetch_network(endpoint: Endpoint, use_cache: bool = True) -> nx.MultiDiGraph:
    """Return the career network of the endpoint's graph, from the cache while the graph is unchanged."""
    from mlgraph.storage import cache

    with open_client(endpoint) as client:
        body = fetch_triples(endpoint, client)
    key = _cache_key(endpoint, body)
    cached = cache.read_network(key) if use_cache else None
    if cached is not None:
        return cached
    from mlgraph.career.project import project_graph

    network = project_graph(parse_answer(endpoint, body))
    network.graph["load_warnings"] = []
    if use_cache:
        cache.write_network(key, network)
    return network


def _cache_key(endpoint: Endpoint, body: bytes) -> str:
    digest = hashlib.sha256("\n".join(["mlgraph remote", __version__, endpoint.query_url, endpoint.graph, ""]).encode())
    digest.update(body)
    return digest.hexdigest()
