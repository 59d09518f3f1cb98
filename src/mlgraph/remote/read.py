"""Read the graph from a SPARQL server and build the career network from it, cached.

The graph's triples come in one CONSTRUCT (scoped to the named graph with the protocol's
``default-graph-uri``, so the query text stays plain), are parsed by the same strict reader as
local files, and projected exactly as a local graph is. The network is cached under the
endpoint, the graph and the server's answer to a cheap change check: one aggregate query
(triple count, total text length, lowest and highest per-triple MD5), which changes when the
graph does (a count alone misses a replaced graph of the same size). ``--no-cache`` skips it.

>>> CONSTRUCT_ALL
'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }'
"""

from __future__ import annotations

import hashlib
import json

import networkx as nx

from mlgraph import __version__
from mlgraph.errors import RemoteError
from mlgraph.remote.endpoint import Endpoint, redact_url
from mlgraph.remote.http import fetch, open_client

CONSTRUCT_ALL = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
NTRIPLES = ("application/n-triples",)
JSON_RESULTS = ("application/sparql-results+json",)

#: Per triple: its terms as text (blank nodes as "_", which the count and length still see).
_TRIPLE_TEXT = ('CONCAT(COALESCE(STR(?s), "_"), " ", STR(?p), " ", COALESCE(STR(?o), "_"), " ", '
                'COALESCE(LANG(?o), ""), " ", COALESCE(STR(DATATYPE(?o)), ""))')
CHANGE_CHECK = ("SELECT (COUNT(*) AS ?n) (SUM(STRLEN(?t)) AS ?chars) (MIN(MD5(?t)) AS ?low) (MAX(MD5(?t)) AS ?high) "
                f"WHERE {{ ?s ?p ?o BIND({_TRIPLE_TEXT} AS ?t) }}")


def sparql_form(endpoint: Endpoint, query: str) -> dict[str, str]:
    """Return the SPARQL protocol form that runs ``query`` on the endpoint's graph.

    >>> from mlgraph.remote.endpoint import make_endpoint
    >>> sparql_form(make_endpoint("http://127.0.0.1:7878", "urn:g"), "ASK {}")
    {'query': 'ASK {}', 'default-graph-uri': 'urn:g'}
    """
    return {"query": query, "default-graph-uri": endpoint.graph}


def fetch_graph(endpoint: Endpoint, client=None):
    """Return the endpoint's named graph as an rdflib graph; RemoteError if it holds nothing."""
    from mlgraph.rdf.load import parse_data, parse_files

    if client is None:
        with open_client(endpoint) as client:
            return fetch_graph(endpoint, client)
    body = fetch(client, endpoint, "POST", endpoint.query_url, NTRIPLES, data=sparql_form(endpoint, CONSTRUCT_ALL))
    graph = parse_files([])  # empty, with the project's prefixes bound
    try:
        parse_data(graph, body, "nt", redact_url(endpoint.query_url))
    except Exception as exc:  # a parse error: the server broke off or mixed an error into the data
        raise RemoteError(f"{endpoint.query_url}: the graph the server sent is not valid N-Triples "
                          f"({' '.join(str(exc).split())[:200]}); it may have stopped midway") from None
    if not len(graph):
        raise RemoteError(f"graph <{endpoint.graph}> at {endpoint.query_url} holds no triples; "
                          "push it first (`mlgraph push --endpoint URL`) or name another with --graph")
    return graph


def change_token(endpoint: Endpoint, client) -> str:
    """Return the server's answer to the change check: the same text while the graph is unchanged."""
    body = fetch(client, endpoint, "POST", endpoint.query_url, JSON_RESULTS, data=sparql_form(endpoint, CHANGE_CHECK))
    try:
        rows = json.loads(body)["results"]["bindings"]
    except (ValueError, KeyError, TypeError):
        raise RemoteError(f"{endpoint.query_url}: the answer is not SPARQL JSON results: "
                          f"{' '.join(body[:300].decode('utf-8', 'replace').split())!r}") from None
    return json.dumps(rows, sort_keys=True)


def fetch_network(endpoint: Endpoint, use_cache: bool = True) -> nx.MultiDiGraph:
    """Return the career network of the endpoint's graph, from the cache while the graph is unchanged."""
    from mlgraph.storage import cache

    with open_client(endpoint) as client:
        before = change_token(endpoint, client) if use_cache else ""
        key = _cache_key(endpoint, before)
        cached = cache.read_network(key) if use_cache else None
        if cached is not None:
            return cached
        from mlgraph.career.project import project_graph

        network = project_graph(fetch_graph(endpoint, client))
        network.graph["load_warnings"] = []
        # Cache only what is known to match the token: the graph did not change while it was read.
        if use_cache and change_token(endpoint, client) == before:
            cache.write_network(key, network)
        return network


def _cache_key(endpoint: Endpoint, token: str) -> str:
    text = "\n".join(["mlgraph remote", __version__, endpoint.query_url, endpoint.graph, token])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
